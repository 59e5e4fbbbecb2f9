package org.sejour.application;

/** What a failure was caused by, whatever wrapped it on the way (EJB, Jersey, JasperReports). */
public final class Failures {

    private Failures() {
    }

    /** True when {@code failure} or one of its causes is a {@code type}. */
    public static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}

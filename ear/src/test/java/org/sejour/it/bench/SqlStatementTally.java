package org.sejour.it.bench;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Counts, on every server thread, what the PostgreSQL driver sends while it is on: statements
 * (queries and updates, the pool's "SELECT 1" checks apart) and transaction commands (BEGIN is
 * sent with the first statement; COMMIT, ROLLBACK). Same reading of the driver's FINEST log as
 * SqlStatementCounterServlet, without the per-thread split: a benchmark wants the total of all
 * its workers. The log costs time, so it is on only for a small run, never the measured one.
 */
final class SqlStatementTally extends Handler implements AutoCloseable {

    private static final Logger DRIVER = Logger.getLogger("org.postgresql.core.v3.QueryExecutorImpl");

    private final AtomicInteger executions = new AtomicInteger();
    private final AtomicInteger transactionCommands = new AtomicInteger();
    private final AtomicInteger connectionChecks = new AtomicInteger();

    static SqlStatementTally start() {
        SqlStatementTally tally = new SqlStatementTally();
        DRIVER.setUseParentHandlers(false); // not a line per statement in server.log
        DRIVER.addHandler(tally);
        DRIVER.setLevel(Level.FINEST);
        return tally;
    }

    @Override
    public void publish(LogRecord record) {
        String message = record.getMessage();
        if (message == null) {
            return;
        }
        if (message.startsWith("  simple execute") || message.startsWith("  batch execute")) {
            Object[] parameters = record.getParameters();
            boolean transactionCommand = parameters != null && parameters.length > 0 && parameters[0] != null
                    && parameters[0].getClass().getName().endsWith("TransactionCommandHandler");
            (transactionCommand ? transactionCommands : executions).incrementAndGet();
        } else if (message.startsWith(" FE=> Parse(") && message.contains("query=\"SELECT 1\"")) {
            connectionChecks.incrementAndGet();
        }
    }

    int statements() {
        return executions.get() - connectionChecks.get();
    }

    int transactionCommands() {
        return transactionCommands.get();
    }

    int connectionChecks() {
        return connectionChecks.get();
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        DRIVER.setLevel(null);
        DRIVER.removeHandler(this);
        DRIVER.setUseParentHandlers(true);
    }
}

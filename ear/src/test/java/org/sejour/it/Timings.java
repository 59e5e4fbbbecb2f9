package org.sejour.it;

import java.util.Arrays;

/** How the benchmarks time a piece of work: warm-up runs, then measured runs, as sorted milliseconds. */
public final class Timings {

    public interface Work {
        void run() throws Exception;
    }

    private Timings() {
    }

    public static double[] time(int warmup, int runs, Work work) throws Exception {
        for (int i = 0; i < warmup; i++) {
            work.run();
        }
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            long begin = System.nanoTime();
            work.run();
            millis[i] = (System.nanoTime() - begin) / 1e6;
        }
        Arrays.sort(millis);
        return millis;
    }

    /** The nearest-rank percentile of sorted values. */
    public static double percentile(double[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}

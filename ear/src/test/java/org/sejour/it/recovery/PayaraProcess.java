package org.sejour.it.recovery;

import org.sejour.it.TestSettings;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The test domain's server process, seen from the test JVM: killed as a power cut would
 * (SIGKILL, no shutdown hook, no job told), and started again with asadmin, as an operator would.
 * Arquillian started the domain with asadmin too, so it finds it running again afterwards.
 */
final class PayaraProcess {

    private final Path payaraHome = Path.of(TestSettings.required("payara.home"));
    private final String domain = TestSettings.required("payara.domain");

    /** Kills the server JVM with SIGKILL and waits until it is gone. */
    void kill() throws IOException, InterruptedException {
        Path pidFile = payaraHome.resolve("glassfish/domains").resolve(domain).resolve("config/pid");
        long pid = Long.parseLong(Files.readString(pidFile).trim());
        ProcessHandle server = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("no process " + pid));
        server.destroyForcibly();
        server.onExit().orTimeout(60, TimeUnit.SECONDS).join();
        // the pid file stays behind after a kill; start-domain would otherwise read it as "running"
        Files.deleteIfExists(pidFile);
    }

    /** Starts the domain and waits until {@code path} of the application answers 200. */
    void startAndWaitFor(String path) throws IOException, InterruptedException {
        Path log = Files.createTempFile("start-domain", ".log");
        Process start = new ProcessBuilder(payaraHome.resolve("bin/asadmin").toString(), "--interactive=false",
                "start-domain", domain).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!start.waitFor(300, TimeUnit.SECONDS) || start.exitValue() != 0) {
            throw new IllegalStateException("start-domain failed: " + Files.readString(log));
        }
        waitFor(path, Duration.ofSeconds(240));
    }

    /** Whether the application answers {@code path} now. */
    boolean answers(String path) {
        try {
            HttpResponse<Void> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                    .send(HttpRequest.newBuilder(URI.create(TestSettings.baseUrl() + path))
                            .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void waitFor(String path, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (!answers(path)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(path + " did not answer within " + within);
            }
            TimeUnit.SECONDS.sleep(1);
        }
    }
}

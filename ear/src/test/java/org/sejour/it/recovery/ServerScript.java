package org.sejour.it.recovery;

import org.sejour.it.TestSettings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Functions of server-config/sejour.sh (db_stop, db_setup, domain_up, domain_down...), run as
 * ./sejour runs them, on the test domain and database: the tests stop and start what operators
 * stop and start, the way they do it.
 */
final class ServerScript {

    private static final Pattern PORT = Pattern.compile(":(\\d+)/");

    private ServerScript() {
    }

    static void run(String commands) throws IOException, InterruptedException {
        Path log = Files.createTempFile("server-script", ".log");
        ProcessBuilder script = new ProcessBuilder("bash", "-c", "set -euo pipefail; source server-config/sejour.sh; " + commands)
                .directory(Path.of(TestSettings.required("sejour.root")).toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        // ./sejour test gives Maven a java that runs as the system user, for Arquillian's asadmin; the
        // script switches user itself where it must, and reads the admin password file as the caller
        script.environment().remove("AS_JAVA");
        Process p = script.start();
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException(commands + " failed: " + Files.readString(log, StandardCharsets.UTF_8));
        }
    }

    /** Starts the test database again after it was stopped or killed, as ./sejour test started it. */
    static void startDatabase() throws IOException, InterruptedException {
        Matcher m = PORT.matcher(TestSettings.dbUrl());
        if (!m.find()) {
            throw new IllegalStateException("no port in " + TestSettings.dbUrl());
        }
        run("SEJOUR_DB_HOST= db_setup \"$VAR/test\" " + m.group(1) + " \"$VAR/test/credentials.properties\"");
    }
}

package org.sejour.it.guest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Redocly CLI, an OpenAPI validator independent of Payara (npm, installed into target/npm by
 * .ci/run or on first use; node and npm must be on the machine). Errors fail, warnings are reported.
 */
final class OpenApiLinter {

    static final String PACKAGE = "@redocly/cli@2.77.0";
    private static final Path NPM = Path.of("target", "npm");

    private OpenApiLinter() {
    }

    static String lint(Path document) throws IOException, InterruptedException {
        Path cli = NPM.resolve("node_modules").resolve(".bin").resolve("redocly");
        if (!Files.isExecutable(cli)) {
            Files.createDirectories(NPM);
            run(List.of("npm", "install", "--no-audit", "--no-fund", "--prefix", NPM.toString(), PACKAGE));
        }
        // the API is public by design: no security scheme to declare
        return run(List.of(cli.toString(), "lint", "--extends=recommended", "--skip-rule=security-defined",
                "--format=stylish", document.toString()));
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("REDOCLY_TELEMETRY", "off");
        builder.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(300, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("timed out: " + command);
        }
        if (process.exitValue() != 0) {
            throw new AssertionError(command + " failed:\n" + output);
        }
        return output;
    }
}

package io.roster.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Okta's published SCIM 2.0 SPEC suite (Runscope export) replayed by its offline Node runner in
 * {@code ../shared/okta-runscope} against a running Roster. Okta's optional Groups step needs one group to exist.
 */
public final class OktaRunscope {

    private OktaRunscope() {
    }

    /** True when the suite and Node are both there. */
    public static boolean available() {
        return Files.exists(suite().resolve("run-runscope.mjs")) && nodeAvailable();
    }

    /** Runs the suite; returns the runner's output, which ends with "12 passed, 0 failed" when all passed. */
    public static String run(String scimBaseUrl, String authorization) throws IOException, InterruptedException {
        Process node = new ProcessBuilder(List.of("node", "run-runscope.mjs", "Okta-SCIM-20-SPEC-Test.json",
                "Initial_Script_Spec.txt", scimBaseUrl, authorization))
                .directory(suite().toFile()).redirectErrorStream(true).start();
        String output = new String(node.getInputStream().readAllBytes());
        if (!node.waitFor(120, TimeUnit.SECONDS)) {
            node.destroyForcibly();
            throw new IllegalStateException("The Runscope runner did not finish within 120 s: " + output);
        }
        return output;
    }

    public static Path suite() {
        return Path.of(System.getProperty("runscope.dir", "../shared/okta-runscope"));
    }

    private static boolean nodeAvailable() {
        try {
            return new ProcessBuilder("node", "--version").start().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}

package io.roster.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL cluster of the test's own on loopback ({@code scripts/throwaway-postgres.sh}), which the test may
 * stop and start again to simulate an outage. It never uses a server the machine happens to run.
 */
final class ThrowawayPostgres implements AutoCloseable {

    private static final Path SCRIPT = Path.of("scripts/throwaway-postgres.sh");

    private final Path directory;
    private final String url;

    private ThrowawayPostgres(Path directory, String url) {
        this.directory = directory;
        this.url = url;
    }

    /** True when the script can run here: PostgreSQL is installed, or we may install it (root). */
    static boolean available() {
        try {
            return run("id", "-u").equals("0") || !run("bash", "-c",
                    "command -v initdb || ls -d /usr/lib/postgresql/*/bin/initdb 2>/dev/null").isBlank();
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    static ThrowawayPostgres start() throws IOException, InterruptedException {
        // not under JUnit's @TempDir: the postgres user must be able to enter the directory
        Path directory = Files.createTempDirectory(Path.of("/tmp"), "roster-pg-it.");
        return new ThrowawayPostgres(directory, run(SCRIPT.toString(), "start", directory.toString()));
    }

    String url() {
        return url;
    }

    /** Stops the server (fast shutdown: sessions are cut), keeping its data and port. */
    void pause() throws IOException, InterruptedException {
        run(SCRIPT.toString(), "pause", directory.toString());
    }

    void resume() throws IOException, InterruptedException {
        run(SCRIPT.toString(), "resume", directory.toString());
    }

    @Override
    public void close() throws IOException, InterruptedException {
        run(SCRIPT.toString(), "stop", directory.toString());
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
        return output;
    }
}

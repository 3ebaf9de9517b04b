package io.roster.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The bundle target/roster.jar started as ops start it (README), on loopback, with the floor WAR deployed next to
 * Roster; measures its start-up time and samples its resident set size (RSS) from /proc while it runs.
 */
final class Server implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;
    private final Thread sampler;
    private final double startupSeconds;
    private volatile long rssKiB;
    private volatile long peakRssKiB;
    private volatile long windowPeakRssKiB;

    private Server(Process process, int port, Path log, double startupSeconds) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.startupSeconds = startupSeconds;
        this.sampler = new Thread(this::sample, "rss-sampler");
        this.sampler.setDaemon(true);
        this.sampler.start();
    }

    /**
     * Starts the bundle and waits until Roster's readiness check answers 200.
     *
     * @param jvmOptions the server's JVM options (none: the JVM's defaults, as the README starts it)
     * @param microOptions Payara Micro options after the benchmark's own (a later option wins)
     */
    static Server start(Path bundle, Path preboot, Path floorWar, Path workDir, List<String> jvmOptions,
            List<String> microOptions, Map<String, String> environment) throws IOException, InterruptedException {
        Files.createDirectories(workDir);
        int port = freePort();
        Path log = workDir.resolve("server-" + port + ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", bundle.toAbsolutePath().toString(),
                "--port", String.valueOf(port),
                "--prebootcommandfile", preboot.toAbsolutePath().toString(),
                "--deploy", floorWar.toAbsolutePath().toString()));
        command.addAll(microOptions);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("ROSTER_"));
        builder.environment().putAll(environment);
        long started = System.nanoTime();
        Process process = builder.start();
        String root = "http://127.0.0.1:" + port;
        HttpClient client = HttpClient.newHttpClient();
        long deadline = started + TimeUnit.SECONDS.toNanos(300);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The bundle exited; see " + log);
            }
            try {
                HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create(root + "/health/ready"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("\"name\":\"database\"")) {
                    double seconds = (System.nanoTime() - started) / 1e9;
                    Server server = new Server(process, port, log, seconds);
                    server.awaitFloor(client);
                    return server;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(50);
        }
        process.destroyForcibly().waitFor();
        throw new IllegalStateException("Roster was not ready within 300 s; see " + log);
    }

    private void awaitFloor(HttpClient client) throws IOException, InterruptedException {
        for (int i = 0; i < 200; i++) {
            try {
                if (client.send(HttpRequest.newBuilder(URI.create(root() + "/floor/noop")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // deploying
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("The floor WAR does not answer at " + root() + "/floor/noop; see " + log);
    }

    String root() {
        return "http://127.0.0.1:" + port;
    }

    String scimBase() {
        return root() + "/scim/v2";
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    double startupSeconds() {
        return startupSeconds;
    }

    long rssMiB() {
        return rssKiB / 1024;
    }

    /** The largest RSS sampled since the server started. */
    long peakRssMiB() {
        return peakRssKiB / 1024;
    }

    /** The largest RSS sampled since the last call (the peak of one workload). */
    long takeWindowPeakRssMiB() {
        long peak = Math.max(windowPeakRssKiB, rssKiB);
        windowPeakRssKiB = rssKiB;
        return peak / 1024;
    }

    /**
     * CPU seconds the server's JIT compiler threads have used so far (user + system, from
     * {@code /proc/<pid>/task/<tid>/stat}, in Linux's 100 ticks a second); -1 where /proc cannot tell. A thread the
     * JVM retires takes its seconds with it, so compare two readings with {@code Math.max(0, later - earlier)}.
     */
    double compilerCpuSeconds() {
        return compilerCpuSeconds(pid());
    }

    /** The CPU seconds the JIT compiler threads of a process have used so far, or -1 where /proc cannot tell. */
    static double compilerCpuSeconds(long pid) {
        Path tasks = Path.of("/proc", String.valueOf(pid), "task");
        long ticks = 0;
        try (Stream<Path> threads = Files.list(tasks)) {
            for (Path thread : (Iterable<Path>) threads::iterator) {
                try {
                    if (!Files.readString(thread.resolve("comm")).startsWith("C1 Compiler")
                            && !Files.readString(thread.resolve("comm")).startsWith("C2 Compiler")) {
                        continue;
                    }
                    long[] fields = CpuUse.statFields(thread.resolve("stat"));
                    if (fields != null) {
                        ticks += fields[1] + fields[2];
                    }
                } catch (IOException | RuntimeException threadGone) {
                    // the JVM retired this compiler thread while it was read
                }
            }
        } catch (IOException | RuntimeException noProc) {
            return -1;
        }
        return ticks / CpuUse.TICKS_PER_SECOND;
    }

    /** The heap as the JVM reports it ({@code jcmd GC.heap_info}), optionally after a full collection. */
    String heapInfo(boolean afterFullGc) {
        try {
            if (afterFullGc) {
                jcmd("GC.run");
            }
            return jcmd("GC.heap_info");
        } catch (IOException | InterruptedException e) {
            return "jcmd failed: " + e;
        }
    }

    String jcmd(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
        command.add(String.valueOf(pid()));
        command.addAll(List.of(arguments));
        Process jcmd = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes());
        jcmd.waitFor(60, TimeUnit.SECONDS);
        return output;
    }

    private void sample() {
        Path status = Path.of("/proc", String.valueOf(process.pid()), "status");
        while (process.isAlive()) {
            try (Stream<String> lines = Files.lines(status)) {
                lines.filter(line -> line.startsWith("VmRSS:")).findFirst().ifPresent(line -> {
                    long kib = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    rssKiB = kib;
                    peakRssKiB = Math.max(peakRssKiB, kib);
                    windowPeakRssKiB = Math.max(windowPeakRssKiB, kib);
                });
                Thread.sleep(200);
            } catch (IOException | RuntimeException gone) {
                return;
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        sampler.interrupt();
    }

    /** Builds floor.war from the compiled floor classes on the class path. */
    static Path floorWar(Path directory) throws IOException {
        Path classes = Path.of(FloorLocator.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        Path war = directory.resolve("floor.war");
        Files.createDirectories(directory);
        Path floor = classes.resolve("io/roster/bench/floor");
        try (OutputStream out = Files.newOutputStream(war); ZipOutputStream zip = new ZipOutputStream(out);
                Stream<Path> files = Files.list(floor)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                zip.putNextEntry(new ZipEntry("WEB-INF/classes/io/roster/bench/floor/" + file.getFileName()));
                zip.write(Files.readAllBytes(file));
                zip.closeEntry();
            }
        }
        return war;
    }

    private static final class FloorLocator {
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

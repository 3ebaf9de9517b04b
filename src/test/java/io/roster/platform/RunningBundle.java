package io.roster.platform;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** The runnable bundle target/roster.jar started as ops start it, in its own working directory, on loopback. */
final class RunningBundle implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;

    private RunningBundle(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    static RunningBundle start(Path workingDirectory, String token) throws IOException, InterruptedException {
        return start(workingDirectory, token == null ? Map.of() : Map.of("ROSTER_BOOTSTRAP_TOKEN", token), true);
    }

    /** Starts with the given environment; waits until readiness answers 200 (ready) or 503 (not ready). */
    static RunningBundle start(Path workingDirectory, Map<String, String> environment, boolean awaitReady)
            throws IOException, InterruptedException {
        return start(workingDirectory, environment, awaitReady, "384m");
    }

    /** The same with the given maximum heap ({@code -Xmx}). */
    static RunningBundle start(Path workingDirectory, Map<String, String> environment, boolean awaitReady,
            String maxHeap) throws IOException, InterruptedException {
        int port = freePort();
        Path log = workingDirectory.resolve("roster-" + port + ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-Xmx" + maxHeap, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar",
                new File(System.getProperty("roster.bundle", "target/roster.jar")).getAbsolutePath(),
                "--port", String.valueOf(port),
                "--prebootcommandfile", new File(System.getProperty("it.preboot")).getAbsolutePath()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("ROSTER_"));
        builder.environment().putAll(environment);
        RunningBundle bundle = new RunningBundle(builder.start(), port, log);
        bundle.awaitHealth(awaitReady ? 200 : 503);
        return bundle;
    }

    String root() {
        return "http://127.0.0.1:" + port;
    }

    int port() {
        return port;
    }

    /** A system property of the bundle's JVM, read with {@code jcmd VM.system_properties}; null when not set. */
    String systemProperty(String name) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(process.pid()), "VM.system_properties").redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!jcmd.waitFor(60, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
            throw new IllegalStateException("jcmd VM.system_properties failed: " + output);
        }
        return output.lines().filter(line -> line.startsWith(name + "=")).map(line -> line.substring(name.length() + 1))
                .findFirst().orElse(null);
    }

    /**
     * The local addresses of the TCP sockets the bundle's process listens on: the process's socket inodes
     * ({@code /proc/<pid>/fd}) matched with the kernel's tables of listening sockets ({@code /proc/<pid>/net/tcp},
     * {@code tcp6}; Linux only).
     */
    List<InetSocketAddress> listeningSockets() throws IOException {
        Path proc = Path.of("/proc", String.valueOf(process.pid()));
        Set<String> socketInodes = new HashSet<>();
        try (DirectoryStream<Path> descriptors = Files.newDirectoryStream(proc.resolve("fd"))) {
            for (Path descriptor : descriptors) {
                try {
                    String target = Files.readSymbolicLink(descriptor).toString();
                    if (target.startsWith("socket:[")) {
                        socketInodes.add(target.substring("socket:[".length(), target.length() - 1));
                    }
                } catch (IOException closedMeanwhile) {
                    // the descriptor was closed while the directory was read
                }
            }
        }
        List<InetSocketAddress> listening = new ArrayList<>();
        for (String table : List.of("tcp", "tcp6")) {
            for (String line : Files.readAllLines(proc.resolve("net").resolve(table)).stream().skip(1).toList()) {
                // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode
                String[] fields = line.trim().split("\\s+");
                if (fields[3].equals(TCP_LISTEN) && socketInodes.contains(fields[9])) {
                    listening.add(socketAddress(fields[1]));
                }
            }
        }
        return listening;
    }

    private static final String TCP_LISTEN = "0A";

    /** {@code 0100007F:1AF4} (tcp) or 32 hex digits and a port (tcp6): 32-bit words in the host's (little-endian) order. */
    private static InetSocketAddress socketAddress(String hex) throws IOException {
        String[] addressAndPort = hex.split(":");
        String address = addressAndPort[0];
        byte[] bytes = new byte[address.length() / 2];
        for (int word = 0; word < bytes.length / 4; word++) {
            for (int i = 0; i < 4; i++) {
                int at = (word * 4 + 3 - i) * 2;
                bytes[word * 4 + i] = (byte) Integer.parseInt(address.substring(at, at + 2), 16);
            }
        }
        return new InetSocketAddress(InetAddress.getByAddress(bytes), Integer.parseInt(addressAndPort[1], 16));
    }

    String log() throws IOException {
        return Files.readString(log);
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void awaitHealth(int wantedStatus) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The bundle exited: " + log());
            }
            try {
                // while Payara deploys, it answers with its own transient states; wait for Roster's readiness check
                HttpResponse<String> health = send(HttpRequest.newBuilder(URI.create(root() + "/health/ready")));
                if (health.statusCode() == wantedStatus && health.body().contains("\"name\":\"database\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        close();
        throw new IllegalStateException("Readiness did not answer " + wantedStatus + " within 120 s: " + log());
    }

    /** {@code kill -9}: the process gets no chance to flush or close anything. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("The bundle survived SIGKILL");
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

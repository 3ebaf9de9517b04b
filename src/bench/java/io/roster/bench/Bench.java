package io.roster.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Roster benchmark (BENCHMARKS.md), run by {@code mvn -B -Pbench verify}: starts the bundle on a fresh
 * database (H2 or a throwaway PostgreSQL), measures the floors (a no-op JAX-RS WAR on the same Payara, raw JDBC
 * batch inserts into the same database), runs the six workloads as Gatling simulations in this JVM, fills the
 * realm through SQL between them, samples the server's RSS and start-up time, and writes results.json,
 * results.md, SVG charts and Gatling's HTML reports to {@code bench.out}.
 *
 * <p>With {@code -Dbench.url=<SCIM base URL> -Dbench.token=<token>} the same workloads run against that server
 * instead (users loaded through its API; no floors, no memory figures).
 */
public final class Bench {

    private static final String TOKEN = "roster-bench-token-0123456789abcdef0123456789abcdef";
    /** The {@code id} of a SCIM resource in a response body. */
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

    private final Scale scale;
    private final String scaleName;
    private final String db;
    private final Path out;
    private final Path bundle;
    private final Path preboot;
    private final Path basedir;
    private final boolean external;
    private final Results results;
    private final List<String> serverJvm;
    private final List<String> serverArgs;
    private final Map<String, String> serverEnv;
    private Server server;
    private String jdbcUrl;
    private Path pgDir;
    private Path floorWar;

    private Bench() {
        this.scaleName = System.getProperty("bench.scale", "full");
        this.scale = new Scale(scaleName);
        String url = System.getProperty("bench.url", "").trim();
        this.external = !url.isEmpty();
        this.db = external ? "external" : System.getProperty("bench.db", "h2");
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        this.out = Path.of(System.getProperty("bench.out", "target/bench")).resolve(db + "-" + scaleName + "-" + stamp)
                .toAbsolutePath();
        this.bundle = Path.of(System.getProperty("bench.bundle", "target/roster.jar"));
        this.preboot = Path.of(System.getProperty("bench.preboot", "src/test/resources/it-preboot.asadmin"));
        this.basedir = Path.of(System.getProperty("bench.basedir", "."));
        String jvm = System.getProperty("bench.serverJvm", "").trim();
        this.serverJvm = jvm.isEmpty() ? List.of() : Arrays.asList(jvm.split("[,\\s]+"));
        String args = System.getProperty("bench.serverArgs", "").trim();
        this.serverArgs = args.isEmpty() ? List.of() : Arrays.asList(args.split("[,\\s]+"));
        this.serverEnv = environmentSettings(System.getProperty("bench.serverEnv", ""));
        this.results = new Results(scaleName, db, scale.sizes);
        if (external) {
            Ctx.scimBase = url.replaceAll("/+$", "");
            Ctx.token = System.getProperty("bench.token", "");
        } else {
            Ctx.token = TOKEN;
        }
    }

    /**
     * @param args {@code name=value} settings (from {@code -Dbench.args="…"}), each taken as system property
     *             {@code bench.<name>}: sizes ({@code population=200000}), {@code jfr=true},
     *             {@code serverJvm=-Xmx512m,-XX:+UseSerialGC}, {@code serverArgs=--maxhttpthreads,4} (Payara Micro
     *             options after the benchmark's own), {@code serverEnv=MALLOC_ARENA_MAX=2},
     *             {@code failOnErrors=true}
     */
    public static void main(String[] args) throws Exception {
        System.setProperty("gatling.data.enableAnalytics", "false");
        for (String arg : args) {
            for (String setting : arg.trim().split("\\s+")) {
                int eq = setting.indexOf('=');
                if (eq > 0) {
                    System.setProperty("bench." + setting.substring(0, eq), setting.substring(eq + 1));
                } else if (!setting.isEmpty()) {
                    throw new IllegalArgumentException("not name=value: " + setting);
                }
            }
        }
        Bench bench = new Bench();
        int status = 0;
        try {
            bench.run();
        } catch (Exception | Error e) {
            e.printStackTrace();
            bench.results.note("The run stopped early: " + e);
            status = 1;
        } finally {
            bench.cleanUp();
            bench.results.write(bench.out);
            Report.write(bench.results, bench.out);
            System.out.println("Benchmark results: " + bench.out.resolve("results.md"));
        }
        // request errors are results, not failures of the run; but a kind of request that never once succeeded
        // means the harness or the server is broken (and -Dbench.failOnErrors=true makes any error fail)
        boolean broken = bench.results.workloads.stream().flatMap(w -> w.stats().stream())
                .anyMatch(s -> s.count() > 0 && s.errors() == s.count());
        boolean failOnErrors = Boolean.getBoolean("bench.failOnErrors") && bench.results.errors() > 0;
        System.out.println("Request errors: " + bench.results.errors());
        long failed = bench.results.workloads.stream().filter(w -> w.stats().isEmpty() || w.stats().stream()
                .anyMatch(s -> s.count() > 0 && s.errors() == s.count())).count() + (status != 0 ? 1 : 0);
        // a plain summary line, as test runners close: each workload that ran counts as one check
        System.out.println("workloads: " + (bench.results.workloads.size() - failed + (status != 0 ? 1 : 0))
                + " passed, " + failed + " failed");
        System.exit(status != 0 ? status : broken || failOnErrors ? 2 : 0);
    }

    private void run() throws Exception {
        Files.createDirectories(out);
        results.machine(Machine.describe());
        if (!external) {
            results.machine(Map.of("server", serverDescription()));
        }
        String prefix = external ? "b" + Long.toString(System.currentTimeMillis() % 10_000_000L, 36) : "bench";
        Population population = new Population(prefix);
        Ctx.population = population;
        int clients = scale.get("clients");

        if (!external) {
            prepareDatabase();
            floorWar = Server.floorWar(out.resolve("floor"));
            startServer("empty database");
            Ctx.floorBase = server.root() + "/floor";
            int bytes = lookupResponseBytes();
            workload("floor-http", "HTTP floor: no-op JAX-RS GET on the same Payara", NoopSimulation.class,
                    Map.of("clients", clients, "requests", scale.get("floor.noopRequests"), "bytes", bytes));
        }

        workload("create", "1. create users (Okta: filter lookup, then POST), " + clients + " clients",
                CreateUsersSimulation.class, Map.of("clients", clients, "count", scale.get("create.users"),
                        "password", false, "prefix", prefix + "-create"));
        workload("create-password", "1b. create users with a password (PBKDF2 hash stored), " + clients
                        + " clients", CreateUsersSimulation.class, Map.of("clients", clients,
                        "count", scale.get("create.passwordUsers"), "password", true, "prefix", prefix + "-pwcreate"));

        int stage = scale.firstStage();
        if (external) {
            apiLoad(population, 0, stage);
        } else {
            stopServer();
            storageFloor(prefix);
            sqlLoad(population, 0, stage);
            startServer(stage + " users");
        }

        workload("import", "3. Okta import: page through " + scale.get("import.users") + " users at count="
                + scale.get("import.count"), ImportSimulation.class,
                Map.of("users", scale.get("import.users"), "count", scale.get("import.count")));

        String groupName = prefix + "-push-group";
        String groupId = createGroup(groupName);
        workload("group-push", "4. group push: " + scale.get("group.members") + " members in PATCHes of "
                        + scale.get("group.batch") + ", remove 10% by members[value eq], add "
                        + scale.get("group.extra") + " more", GroupPushSimulation.class,
                Map.of("groupId", groupId, "members", scale.get("group.members"), "batch", scale.get("group.batch"),
                        "extra", scale.get("group.extra")));

        int size = scale.get("population");
        if (size > stage) {
            if (external) {
                apiLoad(population, stage, size);
            } else {
                stopServer();
                sqlLoad(population, stage, size);
                startServer(size + " users");
            }
        }
        if (!external) {
            results.memory("idle after start at " + size + " users", server.rssMiB(), server.heapInfo(true));
        }

        for (String kind : List.of("userName", "externalId")) {
            lookups(kind, size, clients);
        }
        // the same lookups one at a time: what a lookup costs without waiting for the CPU behind 15 others
        workload("lookup-userName-1client", "2b. userName eq lookups at " + size + " users, 1 client",
                LookupSimulation.class, Map.of("clients", 1, "requests", scale.get("lookup.singleClientRequests"),
                        "kind", "userName"));
        workload("group-read", "5. reads of the " + (scale.get("group.members") * 9 / 10 + scale.get("group.extra"))
                        + "-member group, " + clients + " clients", GroupReadSimulation.class,
                Map.of("clients", clients, "requests", scale.get("groupRead.requests"),
                        "fullReads", scale.get("groupRead.fullReads"), "groupId", groupId, "groupName", groupName));
        if (!external) {
            results.memory("after lookups and group reads at " + size + " users", server.rssMiB(),
                    server.heapInfo(false));
        }

        String mixedGroup = createGroup(prefix + "-mixed-group");
        workload("mixed", "6. mixed Okta traffic at " + scale.get("mixed.rate") + " operations/s for "
                        + scale.get("mixed.seconds") + " s", MixedSimulation.class,
                Map.of("rate", scale.get("mixed.rate"), "seconds", scale.get("mixed.seconds"),
                        "groupId", mixedGroup, "prefix", prefix + "-mixed"));
        if (!external) {
            results.memory("after mixed traffic at " + size + " users", server.rssMiB(), server.heapInfo(false));
        }
        // last: on H2 this filter runs queries that can outlive their clients and would slow what follows
        lookups("email", size, clients);
        if (!external) {
            results.memory("end of run at " + size + " users", server.rssMiB(), server.heapInfo(false));
            results.peakRss(server.peakRssMiB());
        }
    }

    private void lookups(String kind, int size, int clients) throws IOException {
        workload("lookup-" + kind, "2. " + (kind.equals("email") ? "emails[type eq \"work\"].value" : kind)
                        + " eq lookups at " + size + " users, " + clients + " clients", LookupSimulation.class,
                Map.of("clients", clients, "requests", scale.get("lookup.requests"), "kind", kind));
    }

    // ---- workloads

    private void workload(String id, String title, Class<?> simulation, Map<String, Object> parameters)
            throws IOException {
        System.out.println("== " + title);
        handToSimulation(parameters);
        Sims.stoppedByTimeLimit = false;
        Timings.reset();
        if (server != null) {
            server.takeWindowPeakRssMiB();
        }
        Path reports = out.resolve("gatling");
        Files.createDirectories(reports);
        double serverCompilerBefore = server == null ? -1 : server.compilerCpuSeconds();
        double clientCompilerBefore = Server.compilerCpuSeconds(ProcessHandle.current().pid());
        CpuUse.Sampler cpu = new CpuUse.Sampler(server == null ? -1 : server.pid(),
                pgDir == null ? null : pgDir.resolve("data/postmaster.pid"));
        long started = System.nanoTime();
        java.time.Instant startedAt = java.time.Instant.now();
        int code = io.gatling.app.Gatling$.MODULE$.fromArgs(new String[] {
                "-s", simulation.getName(), "-rf", reports.toString(), "-rd", id, "-l", "roster-bench"});
        double seconds = (System.nanoTime() - started) / 1e9;
        try {
            cpu.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Map<String, Timings.Series> timings = Timings.snapshot();
        CpuUse.Split cpuSplit = cpu.split(timings.values().stream().mapToLong(t -> t.first).min().orElse(started),
                timings.values().stream().mapToLong(t -> t.last).max().orElse(System.nanoTime()),
                timings.values().stream().mapToLong(t -> t.all.getTotalCount()).sum(),
                Runtime.getRuntime().availableProcessors());
        noteCompilers(title, seconds, serverCompilerBefore, server == null ? -1 : server.compilerCpuSeconds(),
                clientCompilerBefore, Server.compilerCpuSeconds(ProcessHandle.current().pid()));
        Long peak = server == null ? null : server.takeWindowPeakRssMiB();
        String report = newestReport(reports, simulation);
        results.workload(id, title, parameters, seconds, peak, timings, report, code, Machine.loadAverage(),
                startedAt, java.time.Instant.now(), cpuSplit);
        checkpoint();
        if (Sims.stoppedByTimeLimit) {
            results.note("Workload '" + title + "' was stopped by its time limit of "
                    + scale.get("workload.maxSeconds") + " s before it sent all its requests (see the counts).");
        }
        if (code != 0) {
            throw new IllegalStateException("Gatling ended " + title + " with status " + code);
        }
    }

    /**
     * How busy the JIT compilers of the server and of the load generator (this JVM, where Gatling runs) were during
     * a workload: a workload measured while either still compiles shows a ramp in its throughput per second.
     */
    private void noteCompilers(String title, double seconds, double serverBefore, double serverAfter,
            double clientBefore, double clientAfter) {
        if (clientBefore < 0 || clientAfter < 0) {
            return;
        }
        String server = serverBefore < 0 || serverAfter < 0 ? ""
                : String.format("the server's %.1f s (%.0f%% of a core), ", Math.max(0, serverAfter - serverBefore),
                        100 * Math.max(0, serverAfter - serverBefore) / seconds);
        String line = String.format("JIT compilers during '%s' (%.1f s): %sthe load generator's %.1f s (%.0f%% of a "
                + "core)", title, seconds, server, Math.max(0, clientAfter - clientBefore),
                100 * Math.max(0, clientAfter - clientBefore) / seconds);
        System.out.println("   " + line);
        results.note(line + ".");
    }

    /** Writes what was measured so far, so that a run that is stopped still leaves its numbers. */
    private void checkpoint() {
        try {
            results.write(out);
            Report.write(results, out);
        } catch (IOException | RuntimeException e) {
            System.err.println("could not write the results so far: " + e);
        }
    }

    private static String newestReport(Path reports, Class<?> simulation) throws IOException {
        try (Stream<Path> runs = Files.list(reports)) {
            return runs.filter(p -> p.getFileName().toString().startsWith(simulation.getSimpleName().toLowerCase()))
                    .max(Comparator.comparing(p -> p.toFile().lastModified()))
                    .map(p -> reports.getParent().relativize(p.resolve("index.html")).toString())
                    .orElse(null);
        }
    }

    // ---- server and database

    private void prepareDatabase() throws IOException, InterruptedException {
        switch (db) {
            case "h2" -> jdbcUrl = "jdbc:h2:file:" + out.resolve("h2/roster") + ";DB_CLOSE_ON_EXIT=FALSE";
            case "postgres", "postgresql" -> {
                pgDir = Files.createTempDirectory("roster-bench-pg");
                Files.delete(pgDir);
                Process start = new ProcessBuilder(basedir.resolve("scripts/throwaway-postgres.sh").toString(),
                        "start", pgDir.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
                jdbcUrl = new String(start.getInputStream().readAllBytes()).trim();
                if (start.waitFor() != 0 || !jdbcUrl.startsWith("jdbc:postgresql:")) {
                    throw new IllegalStateException("could not start PostgreSQL: " + jdbcUrl);
                }
                results.database(postgresVersion());
            }
            default -> {
                if (!db.startsWith("jdbc:")) {
                    throw new IllegalArgumentException("bench.db must be h2, postgres or a JDBC URL: " + db);
                }
                jdbcUrl = db;
            }
        }
        if (db.equals("h2")) {
            results.database("H2 2.2.224 (embedded in Payara Micro, file database)");
        }
    }

    private String postgresVersion() {
        try (var connection = java.sql.DriverManager.getConnection(jdbcUrl, "roster", "roster");
                var statement = connection.createStatement();
                var version = statement.executeQuery("select version()")) {
            version.next();
            return version.getString(1);
        } catch (java.sql.SQLException e) {
            return "PostgreSQL (version unknown: " + e.getMessage() + ")";
        }
    }

    /** {@code NAME=value,NAME=value}: environment variables for the server process (beside the ones it inherits). */
    private static Map<String, String> environmentSettings(String setting) {
        Map<String, String> environment = new LinkedHashMap<>();
        for (String entry : setting.trim().split(",")) {
            int eq = entry.indexOf('=');
            if (eq > 0) {
                environment.put(entry.substring(0, eq).trim(), entry.substring(eq + 1).trim());
            } else if (!entry.isBlank()) {
                throw new IllegalArgumentException("serverEnv: not NAME=value: " + entry);
            }
        }
        return environment;
    }

    /**
     * How the server was run, for the results: its JVM options and the environment variables that change the JVM's
     * memory (glibc's {@code MALLOC_*}, {@code JAVA_TOOL_OPTIONS}), whether set with {@code serverEnv} or inherited.
     */
    private String serverDescription() {
        Map<String, String> memoryEnvironment = new TreeMap<>();
        System.getenv().forEach((name, value) -> {
            if (name.startsWith("MALLOC_") || name.equals("JAVA_TOOL_OPTIONS")) {
                memoryEnvironment.put(name, value);
            }
        });
        memoryEnvironment.putAll(serverEnv);
        String options = (serverJvm.isEmpty() ? "JVM defaults" : "JVM options " + String.join(" ", serverJvm))
                + (serverArgs.isEmpty() ? "" : "; Payara Micro options " + String.join(" ", serverArgs));
        if (memoryEnvironment.isEmpty()) {
            return options;
        }
        StringBuilder description = new StringBuilder(options).append("; environment");
        memoryEnvironment.forEach((name, value) -> description.append(' ').append(name).append('=').append(value));
        return description.toString();
    }

    private void startServer(String state) throws IOException, InterruptedException {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("ROSTER_BOOTSTRAP_TOKEN", TOKEN);
        environment.put("ROSTER_DB_URL", jdbcUrl);
        environment.put("ROSTER_DB_USER", "roster");
        environment.put("ROSTER_DB_PASSWORD", "roster");
        // the benchmark measures capacity: no per-token rate limit (default 1000/s) in the way
        environment.put("ROSTER_RATE_LIMIT_PER_SECOND", "0");
        environment.putAll(serverEnv);
        List<String> jvm = new ArrayList<>(serverJvm);
        if (Boolean.getBoolean("bench.jfr")) {
            jvm.add("-XX:StartFlightRecording=filename=" + out.resolve("server-" + results.starts() + ".jfr")
                    + ",settings=profile,dumponexit=true");
        }
        System.out.println("== starting Roster (" + state + ")");
        server = Server.start(bundle, preboot, floorWar, out.resolve("server"), jvm, serverArgs, environment);
        Ctx.scimBase = server.scimBase();
        results.startup(state, server.startupSeconds(), server.rssMiB());
        System.out.printf("   ready after %.1f s, RSS %d MiB%n", server.startupSeconds(), server.rssMiB());
        warmUp();
    }

    /**
     * A just-started JVM runs interpreted code, and on two cores its JIT compiler competes with the requests for
     * the CPU: under 16 clients Roster's lookups kept getting faster for four to five minutes after a start (525 →
     * 1,746 lookups/s on PostgreSQL), exactly as long as the compiler threads stayed busy (BENCHMARKS.md). So before
     * anything is measured, rounds of {@code warmup.requests} (20,000 at full size) unmeasured lookups and no-op
     * requests run until the compiler threads used less than {@value #QUIET_COMPILER_SHARE} of one core during a
     * round ({@link Server#compilerCpuSeconds}), at most {@code warmup.readRounds} rounds. Then rounds of
     * {@code warmup.writes} users go through Okta's create sequence and are deleted again, through Gatling like
     * workload 1, so that the write path is compiled in the server and in the load generator (this JVM), and the
     * population stays as it was, by the same rule, at most {@code warmup.writeRounds} rounds. Then the reads again:
     * the first lookups after the write rounds ran with the server's compiler at 13% of a core and 20% slower than
     * the same lookups right after them (BENCHMARKS.md, "The first workload after a warm-up"). Where /proc cannot
     * tell, a round less than 5% faster than the one before ends a warm-up. Each round's rate and compiler shares go
     * into the results' notes.
     */
    private void warmUp() throws InterruptedException {
        warmUpReads("lookups and no-op requests");
        warmUpWrites();
        warmUpReads("lookups and no-op requests again, after the writes");
    }

    /** The compiler's share of one core under which a warm-up round counts as the JIT having settled. */
    static final double QUIET_COMPILER_SHARE = 0.10;

    private void warmUpWrites() throws InterruptedException {
        String prefix = "bench-warmup-" + results.starts() + "-" + System.currentTimeMillis();
        WarmUpWritesSimulation.FAILED.set(0);
        int round = scale.get("warmup.writes");
        WarmUpRounds rounds = new WarmUpRounds("users through Okta's create sequence and deleted again ("
                + scale.get("clients") + " clients)", "creates/s", round);
        for (int r = 0; r < scale.get("warmup.writeRounds") && !rounds.settled(); r++) {
            int first = r * round;
            rounds.run(() -> unmeasured(WarmUpWritesSimulation.class, Map.of("clients", scale.get("clients"),
                    "count", round, "first", first, "prefix", prefix)));
        }
        rounds.report(WarmUpWritesSimulation.FAILED.get() + " failed");
    }

    /** The parameters the next simulation reads through {@link Ctx}, with the workloads' time limit. */
    private void handToSimulation(Map<String, Object> parameters) {
        Ctx.PARAMETERS.clear();
        Ctx.PARAMETERS.putAll(parameters);
        Ctx.PARAMETERS.put("maxSeconds", scale.get("workload.maxSeconds"));
    }

    /** Runs a simulation that is not a workload: no report, no timings kept. Returns the seconds it took. */
    private double unmeasured(Class<?> simulation, Map<String, Object> parameters) {
        handToSimulation(parameters);
        long started = System.nanoTime();
        int code = io.gatling.app.Gatling$.MODULE$.fromArgs(new String[] {"-s", simulation.getName(),
                "-rf", out.resolve("warm-up").toString(), "-nr", "-l", "roster-bench warm-up"});
        if (code != 0) {
            throw new IllegalStateException("Gatling ended the warm-up " + simulation.getSimpleName() + " with "
                    + code);
        }
        return (System.nanoTime() - started) / 1e9;
    }

    /** Warm-up rounds of one kind, and when they may stop: the server's compiler settled, or no more speed. */
    private final class WarmUpRounds {
        private final String what;
        private final String unit;
        private final int size;
        private final List<Long> rates = new ArrayList<>();
        private final List<Long> compilerPercents = new ArrayList<>();
        private final List<Long> ownCompilerPercents = new ArrayList<>();
        private double seconds;
        private boolean settled;

        WarmUpRounds(String what, String unit, int size) {
            this.what = what;
            this.unit = unit;
            this.size = size;
        }

        interface Round {
            double run() throws InterruptedException;
        }

        void run(Round round) throws InterruptedException {
            long self = ProcessHandle.current().pid();
            double compilerBefore = server == null ? -1 : server.compilerCpuSeconds();
            double ownBefore = Server.compilerCpuSeconds(self);
            double took = round.run();
            double compilerAfter = server == null ? -1 : server.compilerCpuSeconds();
            double ownAfter = Server.compilerCpuSeconds(self);
            seconds += took;
            double rate = size / took;
            double previous = rates.isEmpty() ? 0 : rates.get(rates.size() - 1);
            rates.add(Math.round(rate));
            if (compilerBefore >= 0 && compilerAfter >= 0 && ownBefore >= 0 && ownAfter >= 0) {
                double share = Math.max(0, compilerAfter - compilerBefore) / took;
                double own = Math.max(0, ownAfter - ownBefore) / took;
                compilerPercents.add(Math.round(share * 100));
                ownCompilerPercents.add(Math.round(own * 100));
                settled = share < QUIET_COMPILER_SHARE && own < QUIET_COMPILER_SHARE;
            } else {
                settled = rate < previous * 1.05;
            }
        }

        boolean settled() {
            return settled;
        }

        void report(String extra) {
            String line = String.format("warmed up with %d %s in %.1f s (%s), rounds of %d at %s %s%s%s",
                    rates.size() * size, what, seconds, extra, size, rates, unit,
                    compilerPercents.isEmpty() ? "" : ", JIT compiler at " + compilerPercents + "% of a core (the load "
                            + "generator's at " + ownCompilerPercents + "%)",
                    settled ? "" : " (stopped at the round limit before it settled)");
            System.out.println("   " + line);
            results.note("Start " + results.starts() + ": " + line + ".");
        }
    }

    private void warmUpReads(String what) throws InterruptedException {
        Population population = Ctx.population;
        int size = population.size();
        int requests = scale.get("warmup.requests");
        WarmUpRounds rounds = new WarmUpRounds(what, "lookups/s", requests);
        for (int r = 0; r < scale.get("warmup.readRounds") && !rounds.settled(); r++) {
            rounds.run(() -> onEightClients(requests, (client, i) -> {
                long user = size == 0 ? i : java.util.concurrent.ThreadLocalRandom.current().nextInt(size);
                String filter = (i % 2 == 0 ? "userName eq " + Sims.quote(population.userName(user))
                        : "externalId eq " + Sims.quote(population.externalId(user)));
                client.send(request("/Users?filter=" + java.net.URLEncoder.encode(filter,
                        java.nio.charset.StandardCharsets.UTF_8)).GET().build(), HttpResponse.BodyHandlers.discarding());
                client.send(HttpRequest.newBuilder(URI.create(server.root() + "/floor/noop?bytes=900")).build(),
                        HttpResponse.BodyHandlers.discarding());
            }));
        }
        rounds.report("8 clients");
    }

    /** One unmeasured warm-up request (or a few) for the index {@code i}. */
    private interface WarmUpStep {
        void run(HttpClient client, int i) throws IOException, InterruptedException;
    }

    /** Runs the step for 0 .. count-1 on eight clients; a client stops at its first failed connection. */
    private static double onEightClients(int count, WarmUpStep step) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        AtomicInteger next = new AtomicInteger();
        long started = System.nanoTime();
        for (int t = 0; t < 8; t++) {
            pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    try {
                        step.run(client, i);
                    } catch (IOException | InterruptedException e) {
                        return null;
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(5, java.util.concurrent.TimeUnit.MINUTES);
        return (System.nanoTime() - started) / 1e9;
    }

    private void stopServer() throws InterruptedException {
        if (server != null) {
            results.peakRss(server.peakRssMiB());
            server.close();
            server = null;
        }
    }

    private void cleanUp() {
        try {
            stopServer();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!external && jdbcUrl != null) {
            try {
                results.serverSide(ServerSideTimes.read(jdbcUrl, results.workloads));
            } catch (java.sql.SQLException | RuntimeException e) {
                results.note("The latencies at the server could not be read from the provisioning log: " + e);
            }
        }
        if (pgDir != null) {
            try {
                new ProcessBuilder(basedir.resolve("scripts/throwaway-postgres.sh").toString(), "stop",
                        pgDir.toString()).inheritIO().start().waitFor();
            } catch (IOException | InterruptedException e) {
                System.err.println("could not stop PostgreSQL in " + pgDir + ": " + e);
            }
        }
    }

    // ---- floors and loaders

    /** Storage floor: the same rows as the API creates, inserted with raw JDBC batches; then removed again. */
    private void storageFloor(String prefix) throws Exception {
        int users = scale.get("floor.jdbcUsers");
        Population floor = new Population(prefix + "-floor");
        try (SqlLoader loader = new SqlLoader(jdbcUrl, "roster", "roster", "default")) {
            long started = System.nanoTime();
            long values = loader.load(floor, 0, users, scale.get("load.batch"));
            double seconds = (System.nanoTime() - started) / 1e9;
            results.storageFloor(users, values, seconds);
            System.out.printf("== storage floor: %d users (%d value rows) in %.2f s = %.0f users/s%n", users, values,
                    seconds, users / seconds);
            loader.deleteUsersNamed(floor.userName(0).replace("-user-0@bench.example", "-user-"));
        }
    }

    private void sqlLoad(Population population, int from, int to) throws Exception {
        System.out.printf("== loading users %d..%d through SQL%n", from, to);
        try (SqlLoader loader = new SqlLoader(jdbcUrl, "roster", "roster", "default")) {
            long started = System.nanoTime();
            int step = 100_000;
            long values = 0;
            for (int at = from; at < to; at += step) {
                values += loader.load(population, at, Math.min(to, at + step), scale.get("load.batch"));
                population.grownTo(Math.min(to, at + step));
                System.out.printf("   %d users (%.0f s)%n", Math.min(to, at + step), (System.nanoTime() - started) / 1e9);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            long settleStart = System.nanoTime();
            String settled = loader.settle(jdbcUrl);
            String synced = Machine.sync();
            double settleSeconds = (System.nanoTime() - settleStart) / 1e9;
            results.load("SQL", from, to, values, seconds, settleSeconds);
            results.note(String.format("After loading users %d..%d: %s, %s in %.1f s, before the next start.", from,
                    to, settled, synced, settleSeconds));
        }
    }

    /** Creates users [from, to) through the SCIM API with as many clients as the workloads use. */
    private void apiLoad(Population population, int from, int to) throws Exception {
        System.out.printf("== loading users %d..%d through the API%n", from, to);
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        ExecutorService pool = Executors.newFixedThreadPool(scale.get("clients"));
        AtomicInteger next = new AtomicInteger(from);
        long started = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        population.grownTo(to);
        for (int t = 0; t < scale.get("clients"); t++) {
            workers.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < to; i = next.getAndIncrement()) {
                    HttpResponse<String> response = client.send(request("/Users")
                            .POST(HttpRequest.BodyPublishers.ofString(population.userJson(i, false))).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() != 201) {
                        throw new IllegalStateException("POST /Users answered " + response.statusCode() + ": "
                                + response.body());
                    }
                    Matcher id = ID.matcher(response.body());
                    if (!id.find()) {
                        throw new IllegalStateException("no id in " + response.body());
                    }
                    population.setId(i, id.group(1));
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
        results.load("API", from, to, 0, (System.nanoTime() - started) / 1e9, 0);
    }

    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(Ctx.scimBase + path))
                .timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + Ctx.token)
                .header("Accept", "application/scim+json")
                .header("Content-Type", "application/scim+json");
    }

    private static String createGroup(String displayName) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(request("/Groups")
                .POST(HttpRequest.BodyPublishers.ofString("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:"
                        + "Group\"],\"displayName\":" + Sims.quote(displayName) + ",\"members\":[]}")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher id = ID.matcher(response.body());
        if (response.statusCode() != 201 || !id.find()) {
            throw new IllegalStateException("POST /Groups answered " + response.statusCode() + ": "
                    + response.body());
        }
        return id.group(1);
    }

    /** The size of a typical lookup answer (one user in a ListResponse), for the floor's body. */
    private int lookupResponseBytes() throws IOException, InterruptedException {
        Population sample = new Population("bench-sizing");
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> created = client.send(request("/Users")
                .POST(HttpRequest.BodyPublishers.ofString(sample.userJson(0, false))).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<byte[]> found = client.send(request("/Users?filter=" + java.net.URLEncoder.encode(
                "userName eq " + Sims.quote(sample.userName(0)), java.nio.charset.StandardCharsets.UTF_8)).GET()
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        Matcher id = ID.matcher(created.body());
        if (id.find()) {
            client.send(request("/Users/" + id.group(1)).DELETE().build(), HttpResponse.BodyHandlers.discarding());
        }
        return found.body().length;
    }
}

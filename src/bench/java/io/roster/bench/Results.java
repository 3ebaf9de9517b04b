package io.roster.bench;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.stream.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** Everything one run measured; written as results.json and turned into results.md and charts by {@link Report}. */
final class Results {

    record Stat(String name, long count, long errors, double seconds, double throughput, double p50, double p95,
            double p99, double max, Timings.Series series) {

        static Stat of(String name, Timings.Series series) {
            Histogram all = series.all;
            double seconds = Math.max(1e-9, (series.last - series.first) / 1e9);
            return new Stat(name, all.getTotalCount(), series.errors, seconds, all.getTotalCount() / seconds,
                    ms(all.getValueAtPercentile(50)), ms(all.getValueAtPercentile(95)),
                    ms(all.getValueAtPercentile(99)), ms(all.getMaxValue()), series);
        }

        static double ms(long nanos) {
            return nanos / 1e6;
        }
    }

    record Workload(String id, String title, Map<String, Object> parameters, double seconds, Long peakRssMiB,
            List<Stat> stats, String report, int gatlingStatus, String loadAverage, Instant started, Instant ended,
            CpuUse.Split cpu) {
    }

    /** A kind of request of a workload as Roster timed it (its provisioning log, whole milliseconds). */
    record ServerStat(String workload, String request, long count, int p50, int p95, int p99, int max) {
    }

    record Startup(String state, double seconds, long rssMiB, String loadAverage) {
    }

    record Memory(String when, long rssMiB, String heap) {
    }

    record Load(String how, int from, int to, long valueRows, double seconds, double settleSeconds) {
    }

    final String scale;
    final String db;
    final Map<String, Integer> sizes;
    final Map<String, String> machine = new LinkedHashMap<>();
    String database = "";
    final List<String> notes = new ArrayList<>();
    final List<Workload> workloads = new ArrayList<>();
    final List<Startup> startups = new ArrayList<>();
    final List<Memory> memory = new ArrayList<>();
    final List<Load> loads = new ArrayList<>();
    final List<ServerStat> serverSide = new ArrayList<>();
    long peakRssMiB;
    double[] storageFloor;

    Results(String scale, String db, Map<String, Integer> sizes) {
        this.scale = scale;
        this.db = db;
        this.sizes = sizes;
    }

    synchronized void machine(Map<String, String> description) {
        machine.putAll(description);
    }

    void database(String description) {
        database = description;
    }

    void note(String note) {
        notes.add(note);
    }

    int starts() {
        return startups.size();
    }

    void startup(String state, double seconds, long rssMiB) {
        startups.add(new Startup(state, seconds, rssMiB, Machine.loadAverage()));
    }

    void memory(String when, long rssMiB, String heap) {
        memory.add(new Memory(when, rssMiB, heap));
    }

    void peakRss(long mib) {
        peakRssMiB = Math.max(peakRssMiB, mib);
    }

    void storageFloor(int users, long valueRows, double seconds) {
        storageFloor = new double[] {users, valueRows, seconds};
    }

    void load(String how, int from, int to, long valueRows, double seconds, double settleSeconds) {
        loads.add(new Load(how, from, to, valueRows, seconds, settleSeconds));
    }

    void workload(String id, String title, Map<String, Object> parameters, double seconds, Long peakRssMiB,
            Map<String, Timings.Series> series, String report, int gatlingStatus, String loadAverage,
            Instant started, Instant ended, CpuUse.Split cpu) {
        List<Stat> stats = new ArrayList<>();
        series.forEach((name, s) -> stats.add(Stat.of(name, s)));
        workloads.add(new Workload(id, title, parameters, seconds, peakRssMiB, stats, report, gatlingStatus,
                loadAverage, started, ended, cpu));
        for (Stat stat : stats) {
            System.out.printf("   %-70s n=%d err=%d %.1f/s p50=%.2f p95=%.2f p99=%.2f max=%.1f ms%n", stat.name(),
                    stat.count(), stat.errors(), stat.throughput(), stat.p50(), stat.p95(), stat.p99(), stat.max());
        }
        if (cpu != null) {
            System.out.printf("   cores (of %d): server %s, database %s, load generator %s, other %s, idle %s; "
                    + "server CPU per request %s us%n", cpu.cores(), cores(cpu.server()), cores(cpu.database()),
                    cores(cpu.loadGenerator()), cores(cpu.other()), cores(cpu.idle()),
                    micros(cpu.microsPerRequest(cpu.server())));
        }
    }

    /** Cores used, or "-" where that process was not measured. */
    static String cores(double cores) {
        return cores < 0 ? "-" : String.format(java.util.Locale.ROOT, "%.2f", cores);
    }

    static String micros(double micros) {
        return Double.isNaN(micros) ? "-" : String.format(java.util.Locale.ROOT, "%,.0f", micros);
    }

    void serverSide(List<ServerStat> stats) {
        serverSide.clear();
        serverSide.addAll(stats);
        for (ServerStat s : stats) {
            System.out.printf("   at the server: %-14s %-40s n=%d p50=%d p95=%d p99=%d max=%d ms%n", s.workload(),
                    s.request(), s.count(), s.p50(), s.p95(), s.p99(), s.max());
        }
    }

    Workload workload(String id) {
        return workloads.stream().filter(w -> w.id().equals(id)).findFirst().orElse(null);
    }

    long errors() {
        return workloads.stream().flatMap(w -> w.stats().stream()).mapToLong(Stat::errors).sum();
    }

    void write(Path directory) throws IOException {
        Files.createDirectories(directory);
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("scale", scale)
                .add("db", db)
                .add("database", database);
        JsonObjectBuilder sizesJson = Json.createObjectBuilder();
        sizes.forEach(sizesJson::add);
        json.add("sizes", sizesJson);
        JsonObjectBuilder machineJson = Json.createObjectBuilder();
        machine.forEach(machineJson::add);
        json.add("machine", machineJson);
        json.add("notes", Json.createArrayBuilder(notes));
        JsonArrayBuilder starts = Json.createArrayBuilder();
        startups.forEach(s -> starts.add(Json.createObjectBuilder().add("state", s.state())
                .add("seconds", s.seconds()).add("rssMiB", s.rssMiB()).add("loadAverage", s.loadAverage())));
        json.add("startups", starts);
        JsonArrayBuilder mem = Json.createArrayBuilder();
        memory.forEach(m -> mem.add(Json.createObjectBuilder().add("when", m.when()).add("rssMiB", m.rssMiB())
                .add("heap", m.heap())));
        json.add("memory", mem);
        json.add("peakRssMiB", peakRssMiB);
        if (storageFloor != null) {
            json.add("storageFloor", Json.createObjectBuilder().add("users", storageFloor[0])
                    .add("valueRows", storageFloor[1]).add("seconds", storageFloor[2]));
        }
        JsonArrayBuilder loadsJson = Json.createArrayBuilder();
        loads.forEach(l -> loadsJson.add(Json.createObjectBuilder().add("how", l.how()).add("from", l.from())
                .add("to", l.to()).add("valueRows", l.valueRows()).add("seconds", l.seconds())
                .add("settleSeconds (analyze; vacuum and checkpoint on PostgreSQL; sync)", l.settleSeconds())));
        json.add("loads", loadsJson);
        JsonArrayBuilder workloadsJson = Json.createArrayBuilder();
        for (Workload w : workloads) {
            JsonObjectBuilder parameters = Json.createObjectBuilder();
            w.parameters().forEach((k, v) -> parameters.add(k, String.valueOf(v)));
            JsonArrayBuilder stats = Json.createArrayBuilder();
            for (Stat s : w.stats()) {
                JsonArrayBuilder perSecond = Json.createArrayBuilder();
                s.series().perSecond.forEach((second, h) -> perSecond.add(Json.createArrayBuilder().add(second)
                        .add(h.getTotalCount()).add(s.series().errorsPerSecond.getOrDefault(second, 0L))
                        .add(Stat.ms(h.getValueAtPercentile(50))).add(Stat.ms(h.getValueAtPercentile(99)))
                        .add(Stat.ms(h.getMaxValue()))));
                stats.add(Json.createObjectBuilder().add("name", s.name()).add("count", s.count())
                        .add("errors", s.errors()).add("seconds", s.seconds()).add("throughput", s.throughput())
                        .add("p50", s.p50()).add("p95", s.p95()).add("p99", s.p99()).add("max", s.max())
                        .add("perSecond [second, count, errors, p50, p99, max]", perSecond));
            }
            JsonObjectBuilder workload = Json.createObjectBuilder().add("id", w.id()).add("title", w.title())
                    .add("parameters", parameters).add("seconds", w.seconds()).add("stats", stats)
                    .add("gatlingStatus", w.gatlingStatus()).add("loadAverageAtEnd", w.loadAverage());
            if (w.peakRssMiB() != null) {
                workload.add("peakRssMiB", w.peakRssMiB());
            }
            if (w.report() != null) {
                workload.add("gatlingReport", w.report());
            }
            if (w.cpu() != null) {
                CpuUse.Split c = w.cpu();
                JsonObjectBuilder cpu = Json.createObjectBuilder().add("seconds", c.seconds()).add("cores", c.cores());
                // -1: not measured (another SCIM server, or H2 inside the server)
                cpu.add("server", c.server()).add("database", c.database()).add("loadGenerator", c.loadGenerator())
                        .add("otherProcesses", c.other()).add("idle", c.idle())
                        .add("requestsPerSecond", c.requestsPerSecond());
                workload.add("cpu (cores used on average)", cpu);
            }
            workloadsJson.add(workload);
        }
        json.add("workloads", workloadsJson);
        JsonArrayBuilder serverJson = Json.createArrayBuilder();
        serverSide.forEach(s -> serverJson.add(Json.createObjectBuilder().add("workload", s.workload())
                .add("request", s.request()).add("count", s.count()).add("p50", s.p50()).add("p95", s.p95())
                .add("p99", s.p99()).add("max", s.max())));
        json.add("atTheServer (provisioning log, whole ms)", serverJson);
        try (Writer writer = Files.newBufferedWriter(directory.resolve("results.json"));
                JsonGenerator generator = Json.createGeneratorFactory(
                        Map.of(JsonGenerator.PRETTY_PRINTING, true)).createGenerator(writer)) {
            generator.write(json.build());
        }
    }
}

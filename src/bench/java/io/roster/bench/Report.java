package io.roster.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;

/** results.md (tables: targets, workloads, floors and ratios, start-up and memory) and SVG charts of one run. */
final class Report {

    private static final String[] COLORS = {"#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948",
            "#b07aa1", "#ff9da7"};

    private Report() {
    }

    static void write(Results r, Path out) throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("# Roster benchmark: ").append(r.db).append(", scale ").append(r.scale).append("\n\n");
        md.append("Machine: ").append(r.machine.get("cpu")).append(", ").append(r.machine.get("cores"))
                .append(" cores, ").append(r.machine.get("memory")).append(", ").append(r.machine.get("os"))
                .append(", ").append(r.machine.get("java")).append(". Database: ").append(r.database)
                .append(".\n\n");
        if (r.machine.containsKey("server")) {
            md.append("Server: ").append(r.machine.get("server")).append(".\n\n");
        }
        md.append("Sizes: ");
        r.sizes.forEach((k, v) -> md.append('`').append(k).append('=').append(v).append("` "));
        md.append("\n\n");
        for (String note : r.notes) {
            md.append("**Note:** ").append(note).append("\n\n");
        }
        targets(r, md);
        workloads(r, md);
        serverSide(r, md);
        cpu(r, md);
        floors(r, md);
        startupAndMemory(r, md);
        charts(r, out, md);
        Files.writeString(out.resolve("results.md"), md);
    }

    // ---- tables

    private static void targets(Results r, StringBuilder md) {
        md.append("## Targets\n\n| Target | Measured | Verdict |\n|---|---|---|\n");
        int population = r.sizes.get("population");
        String at = population >= 1_000_000 ? "" : " (at " + population + " users, not 1,000,000)";
        stat(r, "lookup-userName", "lookup: userName eq").ifPresentOrElse(s -> row(md,
                "userName eq at 1M users: p99 < 10 ms, 16 clients" + at, fmt(s.p99()) + " ms p99",
                s.p99() < 10 && at.isEmpty() ? "met" : s.p99() < 10 ? "met at this size" : "missed"),
                () -> row(md, "userName eq p99 < 10 ms", "not run", "not measured"));
        r.serverSide.stream().filter(s -> s.workload().equals("lookup-userName")
                        && s.request().equals("GET User filter userName")).findFirst()
                .ifPresent(s -> row(md, "userName eq at 1M users: p99 < 10 ms at the server (#4), 16 clients" + at,
                        s.p99() + " ms p99 (p50 " + s.p50() + " ms, " + s.count() + " requests)",
                        s.p99() < 10 && at.isEmpty() ? "met" : s.p99() < 10 ? "met at this size" : "missed"));
        r.serverSide.stream().filter(s -> s.workload().equals("lookup-userName-1client")
                        && s.request().equals("GET User filter userName")).findFirst()
                .ifPresent(s -> row(md, "userName eq at 1M users: p99 < 10 ms at the server, 1 client" + at,
                        s.p99() + " ms p99 (p50 " + s.p50() + " ms, " + s.count() + " requests)",
                        s.p99() < 10 && at.isEmpty() ? "met" : s.p99() < 10 ? "met at this size" : "missed"));
        Results.Workload create = r.workload("create");
        if (create != null) {
            Results.Stat post = create.stats().stream().filter(s -> s.name().startsWith("create: POST"))
                    .findFirst().orElse(null);
            if (post != null) {
                double rate = post.throughput();
                row(md, "creates >= 1,000/s on PostgreSQL" + (r.db.startsWith("postgres") ? "" : " (this run: " + r.db
                        + ")"), fmt(rate) + " users/s (lookup + POST, 16 clients)", rate >= 1000 ? "met" : "missed");
            }
        }
        stat(r, "import", "import:").ifPresent(s -> {
            double seconds = s.seconds();
            int users = r.sizes.get("import.users");
            row(md, "Okta import of 100,000 users < 60 s" + (users == 100_000 ? "" : " (" + users + " users)"),
                    fmt(seconds) + " s for " + users + " users (" + fmt(users / seconds) + " users/s)",
                    seconds < 60 * users / 100_000.0 ? (users == 100_000 ? "met" : "met at this size") : "missed");
        });
        stat(r, "group-push", "group push: PATCH add " + r.sizes.get("group.batch") + " members to").ifPresent(s ->
                row(md, "add 1,000 members to a 100k-member group < 300 ms" + (r.sizes.get("group.members") == 100_000
                        ? "" : " (group of " + r.sizes.get("group.members") + ")"), fmt(s.p50()) + " ms p50, "
                        + fmt(s.max()) + " ms max", s.max() < 300 ? "met" : s.p50() < 300 ? "met at p50, not at max"
                        : "missed"));
        Results.Workload mixed = r.workload("mixed");
        if (mixed != null) {
            long errors = mixed.stats().stream().mapToLong(Results.Stat::errors).sum();
            long count = mixed.stats().stream().mapToLong(Results.Stat::count).sum();
            row(md, "mixed traffic with zero errors", errors + " errors in " + count + " requests",
                    errors == 0 ? "met" : "missed");
        }
        ratioTargets(r, md);
        long rssAtSize = r.workloads.stream().filter(w -> w.id().startsWith("lookup") || w.id().equals("group-read")
                || w.id().equals("mixed")).mapToLong(w -> w.peakRssMiB() == null ? 0 : w.peakRssMiB()).max().orElse(0);
        if (rssAtSize > 0) {
            row(md, "RSS < 768 MiB at 1M users" + at, rssAtSize + " MiB peak (lookups, group reads, mixed)",
                    rssAtSize < 768 ? (at.isEmpty() ? "met" : "met at this size") : "missed");
        }
        for (Results.Startup s : r.startups) {
            row(md, "start-up < 10 s (" + s.state() + ")", fmt(s.seconds()) + " s to ready",
                    s.seconds() < 10 ? "met" : "missed");
        }
        md.append('\n');
    }

    private static void ratioTargets(Results r, StringBuilder md) {
        var floor = stat(r, "floor-http", "floor:");
        var lookup = stat(r, "lookup-userName", "lookup: userName eq");
        if (floor.isPresent() && lookup.isPresent()) {
            double ratio = floor.get().throughput() / lookup.get().throughput();
            row(md, "within 2x of the HTTP floor (userName eq throughput, 16 clients)",
                    fmt(lookup.get().throughput()) + " vs " + fmt(floor.get().throughput()) + " req/s = " + fmt(ratio)
                            + "x", verdict(ratio));
        }
        Results.Workload create = r.workload("create");
        if (r.storageFloor != null && create != null) {
            double floorRate = r.storageFloor[0] / r.storageFloor[2];
            double rate = create.stats().stream().filter(s -> s.name().startsWith("create: POST"))
                    .mapToDouble(Results.Stat::throughput).sum();
            row(md, "within 2x of the storage floor (creates/s vs raw JDBC batch inserts of the same rows)",
                    fmt(rate) + " vs " + fmt(floorRate) + " users/s = " + fmt(floorRate / rate) + "x",
                    verdict(floorRate / rate));
        }
    }

    /**
     * "Within 2x of a floor" for this ratio of floor to workload. Below 1 the workload was faster than the floor,
     * which does all the workload's request does and less: the floor's measurement is not to be trusted (the
     * machine stalled while it ran), and neither is a "met".
     */
    static String verdict(double floorToWorkload) {
        if (floorToWorkload < 1) {
            return "unknown: the floor was slower than the workload, so the floor's measurement is not valid";
        }
        return floorToWorkload <= 2 ? "met" : "missed";
    }

    private static void workloads(Results r, StringBuilder md) {
        md.append("## Workloads\n\nLatencies in ms, measured at the client (Gatling, in the same machine). "
                + "Throughput: requests of that kind per second while they ran.\n\n");
        md.append("| Workload | Request | Count | Errors | Req/s | p50 | p95 | p99 | max | Server peak RSS MiB | "
                + "Wall s | Load avg |\n|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (Results.Workload w : r.workloads) {
            boolean first = true;
            for (Results.Stat s : w.stats()) {
                md.append("| ").append(first ? w.title() + (w.report() == null ? "" : " ([Gatling](" + w.report()
                                + "))") : "").append(" | ").append(s.name().replace("|", "\\|")).append(" | ")
                        .append(s.count()).append(" | ").append(s.errors()).append(" | ").append(fmt(s.throughput()))
                        .append(" | ").append(fmt(s.p50())).append(" | ").append(fmt(s.p95())).append(" | ")
                        .append(fmt(s.p99())).append(" | ").append(fmt(s.max())).append(" | ")
                        .append(first && w.peakRssMiB() != null ? w.peakRssMiB() : "").append(" | ")
                        .append(first ? fmt(w.seconds()) : "").append(" | ").append(first ? w.loadAverage() : "")
                        .append(" |\n");
                first = false;
            }
        }
        md.append('\n');
    }

    private static void serverSide(Results r, StringBuilder md) {
        if (r.serverSide.isEmpty()) {
            return;
        }
        md.append("## At the server\n\nThe same workloads as Roster timed them: its provisioning log's duration of each "
                + "SCIM request, from Roster's first filter to the response, in whole milliseconds (so a p99 of 9 "
                + "means under 10 ms). Leaves out the client, the network stack and the wait for an HTTP thread.\n\n"
                + "| Workload | Request | Count | p50 | p95 | p99 | max |\n|---|---|---:|---:|---:|---:|---:|\n");
        for (Results.ServerStat s : r.serverSide) {
            md.append("| ").append(s.workload()).append(" | ").append(s.request()).append(" | ").append(s.count())
                    .append(" | ").append(s.p50()).append(" | ").append(s.p95()).append(" | ").append(s.p99())
                    .append(" | ").append(s.max()).append(" |\n");
        }
        md.append('\n');
    }

    private static void cpu(Results r, StringBuilder md) {
        List<Results.Workload> measured = r.workloads.stream().filter(w -> w.cpu() != null).toList();
        if (measured.isEmpty()) {
            return;
        }
        String database = r.db.equals("h2") ? "H2 runs inside the server, so its work is in the server's column"
                : r.db.startsWith("jdbc:") ? "the database was not measured (its processes count as other ones "
                        + "when they run on this machine)" : "the database is PostgreSQL's postmaster and backends";
        md.append("## Where the CPU went\n\nThe cores each process used on average while a workload ran (from /proc; ")
                .append(measured.get(0).cpu().cores()).append(" cores in all): the server's JVM, the database, the "
                        + "load generator (the benchmark's JVM, where Gatling runs), every other process, and idle; ")
                .append(database).append(". Per request: the process's cores divided by the workload's "
                        + "requests per second (a create is two requests: the lookup and the POST).\n\n")
                .append("| Workload | Measured s | Server | Database | Load generator | Other processes | Idle | "
                        + "Server µs / request | Database µs / request |\n"
                        + "|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Results.Workload w : measured) {
            CpuUse.Split c = w.cpu();
            md.append("| ").append(w.title()).append(" | ").append(fmt(c.seconds())).append(" | ")
                    .append(Results.cores(c.server())).append(" | ").append(Results.cores(c.database()))
                    .append(" | ").append(Results.cores(c.loadGenerator())).append(" | ")
                    .append(Results.cores(c.other())).append(" | ").append(Results.cores(c.idle())).append(" | ")
                    .append(Results.micros(c.microsPerRequest(c.server()))).append(" | ")
                    .append(Results.micros(c.microsPerRequest(c.database())))
                    .append(" |\n");
        }
        md.append('\n');
    }

    private static void floors(Results r, StringBuilder md) {
        md.append("## Floors and ratios\n\n");
        var floor = stat(r, "floor-http", "floor:");
        if (r.storageFloor != null) {
            md.append("Storage floor: ").append((long) r.storageFloor[0]).append(" users (")
                    .append((long) r.storageFloor[1]).append(" scim_user_value rows) inserted with raw JDBC batches "
                            + "of ").append(r.sizes.get("load.batch")).append(" users, one connection, in ")
                    .append(fmt(r.storageFloor[2])).append(" s = **").append(fmt(r.storageFloor[0] / r.storageFloor[2]))
                    .append(" users/s**.\n\n");
        }
        if (floor.isEmpty()) {
            md.append("No HTTP floor in this run.\n\n");
            return;
        }
        Results.Stat f = floor.get();
        md.append("HTTP floor: ").append(f.name()).append(", ").append(r.sizes.get("clients"))
                .append(" clients: **").append(fmt(f.throughput())).append(" req/s**, p50 ").append(fmt(f.p50()))
                .append(" ms, p99 ").append(fmt(f.p99())).append(" ms.\n\n");
        md.append("| Request (16 clients) | Req/s | / floor req/s | p50 ms | x floor p50 | p99 ms | x floor p99 |\n"
                + "|---|---:|---:|---:|---:|---:|---:|\n");
        for (Results.Workload w : r.workloads) {
            if (!(w.id().startsWith("lookup") || w.id().equals("group-read") || w.id().startsWith("create"))
                    || w.id().endsWith("-1client")) {
                continue;
            }
            for (Results.Stat s : w.stats()) {
                if (s.name().contains("with all members")) {
                    continue;
                }
                md.append("| ").append(s.name()).append(" | ").append(fmt(s.throughput())).append(" | ")
                        .append(fmt(f.throughput() / s.throughput())).append("x | ").append(fmt(s.p50()))
                        .append(" | ").append(fmt(s.p50() / f.p50())).append("x | ").append(fmt(s.p99()))
                        .append(" | ").append(fmt(s.p99() / f.p99())).append("x |\n");
            }
        }
        md.append('\n');
    }

    private static void startupAndMemory(Results r, StringBuilder md) {
        md.append("## Start-up and memory\n\n| Start | Seconds to ready | RSS when ready MiB | Load avg |\n"
                + "|---|---:|---:|---|\n");
        for (Results.Startup s : r.startups) {
            md.append("| ").append(s.state()).append(" | ").append(fmt(s.seconds())).append(" | ").append(s.rssMiB())
                    .append(" | ").append(s.loadAverage()).append(" |\n");
        }
        md.append("\n| When | RSS MiB | Heap (jcmd GC.heap_info) |\n|---|---:|---|\n");
        for (Results.Memory m : r.memory) {
            md.append("| ").append(m.when()).append(" | ").append(m.rssMiB()).append(" | ")
                    .append(heapSummary(m.heap())).append(" |\n");
        }
        md.append("\nPeak RSS of the server over the whole run: **").append(r.peakRssMiB).append(" MiB**.\n\n");
        if (!r.loads.isEmpty()) {
            md.append("| Data load | Users | Value rows | Seconds | Users/s | Then settled (s) |\n"
                    + "|---|---:|---:|---:|---:|---:|\n");
            for (Results.Load l : r.loads) {
                md.append("| ").append(l.how()).append(" (").append(l.from()).append("..").append(l.to())
                        .append(") | ").append(l.to() - l.from()).append(" | ").append(l.valueRows()).append(" | ")
                        .append(fmt(l.seconds())).append(" | ").append(fmt((l.to() - l.from()) / l.seconds()))
                        .append(" | ").append(fmt(l.settleSeconds())).append(" |\n");
            }
            md.append('\n');
        }
    }

    /** "total 123K, used 45K" of the heap (and the lines that say so), in MiB. */
    static String heapSummary(String heapInfo) {
        List<String> parts = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^\\s*([a-zA-Z -]+?)\\s+total (\\d+)K, used (\\d+)K").matcher(heapInfo);
        while (m.find()) {
            parts.add(m.group(1).trim() + ": used " + Long.parseLong(m.group(3)) / 1024 + " of "
                    + Long.parseLong(m.group(2)) / 1024 + " MiB");
        }
        return parts.isEmpty() ? heapInfo.replace("\n", " ").replace("|", "/") : String.join("; ", parts);
    }

    // ---- charts

    private static void charts(Results r, Path out, StringBuilder md) throws IOException {
        md.append("## Charts\n\n");
        Files.writeString(out.resolve("latency.svg"), latencyChart(r));
        md.append("![latency percentiles](latency.svg)\n\n");
        Results.Workload push = r.workload("group-push");
        if (push != null) {
            Files.writeString(out.resolve("group-push.svg"), sequenceChart(push,
                    "Group push: latency of each PATCH, in order (group grows, then 10% removed, then grows again)"));
            md.append("![group push](group-push.svg)\n\n");
        }
        Results.Workload mixed = r.workload("mixed");
        if (mixed != null) {
            Files.writeString(out.resolve("mixed.svg"), overTimeChart(mixed));
            md.append("![mixed traffic over time](mixed.svg)\n\n");
        }
    }

    /** Horizontal bars, log scale: p50, p95, p99 of every request kind. */
    static String latencyChart(Results r) {
        List<String[]> rows = new ArrayList<>();
        List<double[]> values = new ArrayList<>();
        for (Results.Workload w : r.workloads) {
            for (Results.Stat s : w.stats()) {
                rows.add(new String[] {s.name()});
                values.add(new double[] {s.p50(), s.p95(), s.p99()});
            }
        }
        int left = 430;
        int width = 1100;
        int rowHeight = 30;
        int top = 50;
        int height = top + rows.size() * rowHeight + 50;
        double lo = 0.1;
        double hi = Math.max(10, values.stream().mapToDouble(v -> v[2]).max().orElse(10)) * 1.5;
        double span = Math.log10(hi) - Math.log10(lo);
        int plot = width - left - 30;
        StringBuilder svg = svgStart(width, height, "Latency by request (ms, log scale): p50, p95, p99 — " + r.db
                + ", scale " + r.scale);
        for (double tick = lo; tick <= hi; tick *= 10) {
            double x = left + plot * (Math.log10(tick) - Math.log10(lo)) / span;
            svg.append(line(x, top - 5, x, height - 40, "#ccc"));
            svg.append(text(x, height - 25, fmt(tick), "middle", 11));
        }
        String[] names = {"p50", "p95", "p99"};
        for (int i = 0; i < rows.size(); i++) {
            double y = top + i * rowHeight;
            svg.append(text(left - 8, y + 17, shorten(rows.get(i)[0], 64), "end", 11));
            for (int p = 0; p < 3; p++) {
                double v = Math.max(lo, values.get(i)[p]);
                double w = plot * (Math.log10(v) - Math.log10(lo)) / span;
                svg.append(String.format(Locale.ROOT,
                        "<rect x=\"%d\" y=\"%.1f\" width=\"%.1f\" height=\"7\" fill=\"%s\"><title>%s %s ms</title></rect>%n",
                        left, y + 4 + p * 8, Math.max(1, w), COLORS[p], names[p], fmt(values.get(i)[p])));
            }
        }
        for (int p = 0; p < 3; p++) {
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"30\" width=\"12\" height=\"8\" fill=\"%s\"/>",
                    left + p * 70, COLORS[p])).append(text(left + p * 70 + 16, 38, names[p], "start", 11));
        }
        return svg.append("</svg>\n").toString();
    }

    /** Each request of a sequential workload, in order. */
    static String sequenceChart(Results.Workload w, String title) {
        int width = 1100;
        int height = 420;
        int left = 70;
        int top = 60;
        int bottom = height - 50;
        List<double[]> points = new ArrayList<>();
        List<Integer> kinds = new ArrayList<>();
        for (int k = 0; k < w.stats().size(); k++) {
            for (long[] sample : w.stats().get(k).series().raw) {
                points.add(new double[] {sample[0], sample[1] / 1000.0});
                kinds.add(k);
            }
        }
        Integer[] order = new Integer[points.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(points.get(a)[0], points.get(b)[0]));
        double max = points.stream().mapToDouble(p -> p[1]).max().orElse(1) * 1.1;
        StringBuilder svg = svgStart(width, height, title);
        axis(svg, left, top, width - 30, bottom, max, "ms");
        double dx = (width - 30 - left) / (double) Math.max(1, points.size());
        for (int i = 0; i < order.length; i++) {
            double[] p = points.get(order[i]);
            double y = bottom - (bottom - top) * p[1] / max;
            svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" fill=\"%s\"/>%n",
                    left + dx * (i + 0.5), y, COLORS[kinds.get(order[i]) % COLORS.length]));
        }
        for (int k = 0; k < w.stats().size(); k++) {
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"8\" fill=\"%s\"/>",
                    left, 32 + k * 0, COLORS[k]));
        }
        int x = left;
        for (int k = 0; k < w.stats().size(); k++) {
            String label = w.stats().get(k).name().replace("group push: ", "");
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"32\" width=\"12\" height=\"8\" fill=\"%s\"/>",
                    x, COLORS[k])).append(text(x + 16, 40, label, "start", 11));
            x += 16 + label.length() * 6 + 20;
        }
        svg.append(text((left + width - 30) / 2.0, height - 15, "PATCH number (in order sent)", "middle", 11));
        return svg.append("</svg>\n").toString();
    }

    /** Mixed traffic per 5-second window: p50 and p99 of all its requests, requests and errors per second. */
    static String overTimeChart(Results.Workload w) {
        TreeMap<Long, Histogram> windows = new TreeMap<>();
        TreeMap<Long, Long> errors = new TreeMap<>();
        for (Results.Stat s : w.stats()) {
            s.series().perSecond.forEach((second, h) -> windows.computeIfAbsent(second / 5,
                    k -> new Histogram(600_000_000_000L, 3)).add(h));
            s.series().errorsPerSecond.forEach((second, n) -> errors.merge(second / 5, n, Long::sum));
        }
        int width = 1100;
        int height = 520;
        int left = 70;
        int top = 60;
        int mid = 300;
        int bottom = height - 50;
        StringBuilder svg = svgStart(width, height, "Mixed Okta traffic over time (5 s windows): latency p50/p99 "
                + "(top, ms), requests/s and errors/s (bottom)");
        if (windows.isEmpty()) {
            return svg.append("</svg>\n").toString();
        }
        long first = windows.firstKey();
        long last = windows.lastKey();
        double maxMs = windows.values().stream().mapToDouble(h -> h.getValueAtPercentile(99) / 1e6).max().orElse(1)
                * 1.1;
        double maxRate = windows.values().stream().mapToDouble(h -> h.getTotalCount() / 5.0).max().orElse(1) * 1.2;
        axis(svg, left, top, width - 30, mid - 20, maxMs, "ms");
        axis(svg, left, mid + 10, width - 30, bottom, maxRate, "req/s");
        double dx = (width - 30 - left) / (double) Math.max(1, last - first + 1);
        StringBuilder p50 = new StringBuilder();
        StringBuilder p99 = new StringBuilder();
        StringBuilder rate = new StringBuilder();
        for (Map.Entry<Long, Histogram> e : windows.entrySet()) {
            double x = left + dx * (e.getKey() - first + 0.5);
            p50.append(String.format(Locale.ROOT, "%.1f,%.1f ", x,
                    mid - 20 - (mid - 20 - top) * e.getValue().getValueAtPercentile(50) / 1e6 / maxMs));
            p99.append(String.format(Locale.ROOT, "%.1f,%.1f ", x,
                    mid - 20 - (mid - 20 - top) * e.getValue().getValueAtPercentile(99) / 1e6 / maxMs));
            rate.append(String.format(Locale.ROOT, "%.1f,%.1f ", x,
                    bottom - (bottom - mid - 10) * e.getValue().getTotalCount() / 5.0 / maxRate));
            long n = errors.getOrDefault(e.getKey(), 0L);
            if (n > 0) {
                double h = (bottom - mid - 10) * n / 5.0 / maxRate;
                svg.append(String.format(Locale.ROOT,
                        "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#e15759\"/>%n",
                        x - dx / 3, bottom - h, dx / 1.5, Math.max(1, h)));
            }
        }
        svg.append(polyline(p50, COLORS[0])).append(polyline(p99, COLORS[2])).append(polyline(rate, COLORS[4]));
        svg.append(legend(left, 40, new String[] {"p50", "p99", "requests/s", "errors/s"},
                new String[] {COLORS[0], COLORS[2], COLORS[4], "#e15759"}));
        svg.append(text((left + width - 30) / 2.0, height - 15, "seconds since the start of the workload (x5)",
                "middle", 11));
        return svg.append("</svg>\n").toString();
    }

    // ---- SVG helpers

    private static StringBuilder svgStart(int width, int height, String title) {
        return new StringBuilder(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" "
                + "height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\">%n"
                + "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n", width, height, width, height))
                .append(text(width / 2.0, 20, title, "middle", 14));
    }

    private static void axis(StringBuilder svg, int left, int top, int right, int bottom, double max, String unit) {
        svg.append(line(left, top, left, bottom, "#333")).append(line(left, bottom, right, bottom, "#333"));
        for (int i = 0; i <= 4; i++) {
            double y = bottom - (bottom - top) * i / 4.0;
            svg.append(line(left, y, right, y, "#eee"));
            svg.append(text(left - 6, y + 4, fmt(max * i / 4.0), "end", 11));
        }
        svg.append(text(left - 6, top - 8, unit, "end", 11));
    }

    private static String legend(int x, int y, String[] names, String[] colors) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < names.length; i++) {
            s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"8\" fill=\"%s\"/>",
                    x + i * 110, y - 8, colors[i])).append(text(x + i * 110 + 16, y, names[i], "start", 11));
        }
        return s.toString();
    }

    private static String polyline(StringBuilder points, String color) {
        return "<polyline fill=\"none\" stroke=\"" + color + "\" stroke-width=\"2\" points=\"" + points + "\"/>\n";
    }

    private static String line(double x1, double y1, double x2, double y2, String color) {
        return String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"/>%n",
                x1, y1, x2, y2, color);
    }

    private static String text(double x, double y, String text, String anchor, int size) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%d\">%s</text>%n",
                x, y, anchor, size, text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"));
    }

    private static String shorten(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }

    private static java.util.Optional<Results.Stat> stat(Results r, String workload, String prefix) {
        Results.Workload w = r.workload(workload);
        return w == null ? java.util.Optional.empty()
                : w.stats().stream().filter(s -> s.name().startsWith(prefix)).findFirst();
    }

    private static void row(StringBuilder md, String target, String measured, String verdict) {
        md.append("| ").append(target).append(" | ").append(measured).append(" | ").append(verdict).append(" |\n");
    }

    static String fmt(double v) {
        if (v >= 100) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        if (v >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }
}

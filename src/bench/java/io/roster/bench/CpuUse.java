package io.roster.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * Where the machine's cores went during a workload: the server's JVM, the database's processes (PostgreSQL's
 * postmaster and its backends; H2 runs inside the server), the load generator (this JVM, where Gatling runs),
 * every other process, and idle. The load generator, the server and the database share the machine, so a rate is
 * only half a result without this: it says how much of the CPU Roster had, and what a request cost it.
 *
 * <p>Everything comes from /proc in clock ticks ({@code USER_HZ}, 100 a second on Linux): {@code /proc/stat}'s
 * first line for the machine, fields 14-17 (utime, stime, cutime, cstime) of {@code /proc/<pid>/stat} for a
 * process. The children's fields count the backends PostgreSQL has reaped; the ones still running are read one by
 * one. Where /proc cannot tell (another OS), {@link #read} gives null and the results leave the split out.
 */
final class CpuUse {

    static final double TICKS_PER_SECOND = 100;

    /** One reading, in ticks; a process that could not be read is -1. */
    record Reading(long machineBusy, long machineIdle, long server, long database, long loadGenerator) {
    }

    /**
     * The difference of two readings over {@code seconds}, in cores (1.0 = one core busy the whole time), and the
     * workload's requests per second while its requests ran.
     */
    record Split(double seconds, int cores, double server, double database, double loadGenerator, double other,
            double idle, double requestsPerSecond) {

        /** CPU microseconds a process used per request, from its cores and the request rate; NaN if not measured. */
        double microsPerRequest(double coresUsed) {
            return coresUsed < 0 || requestsPerSecond <= 0 ? Double.NaN : coresUsed * 1e6 / requestsPerSecond;
        }
    }

    private CpuUse() {
    }

    /** A reading and when it was taken ({@link System#nanoTime}). */
    record Sample(long nanos, Reading reading) {
    }

    /**
     * Reads every 250 ms while a workload runs, so that the split can cover just the time its requests ran: Gatling's
     * start and its report at the end are the load generator's work, and no request runs meanwhile.
     */
    static final class Sampler implements AutoCloseable {

        private final List<Sample> samples = new CopyOnWriteArrayList<>();
        private final Thread thread;
        private volatile boolean running = true;

        Sampler(long server, Path postmasterPidFile) {
            thread = new Thread(() -> {
                while (running) {
                    Reading reading = read(server, postmasterPidFile);
                    if (reading == null) {
                        return;
                    }
                    samples.add(new Sample(System.nanoTime(), reading));
                    try {
                        Thread.sleep(250);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "cpu-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        /**
         * The split over the samples that lie inside [{@code fromNanos}, {@code toNanos}] (the first and the last
         * request, {@code requests} in all), or over all of them when fewer than two do (a workload of a second or
         * less); null without samples.
         */
        Split split(long fromNanos, long toNanos, long requests, int cores) {
            List<Sample> inside = samples.stream().filter(x -> x.nanos() >= fromNanos && x.nanos() <= toNanos)
                    .toList();
            List<Sample> used = inside.size() >= 2 ? inside : samples;
            if (used.size() < 2) {
                return null;
            }
            Sample first = used.get(0);
            Sample last = used.get(used.size() - 1);
            double requestsPerSecond = toNanos > fromNanos ? requests / ((toNanos - fromNanos) / 1e9) : 0;
            return between(first.reading(), last.reading(), (last.nanos() - first.nanos()) / 1e9, cores,
                    requestsPerSecond);
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            thread.interrupt();
            thread.join();
        }
    }

    /**
     * @param server the server's pid, or -1 (another SCIM server: not measured)
     * @param postmasterPidFile PostgreSQL's postmaster.pid, or null when the database runs in the server or elsewhere
     */
    static Reading read(long server, Path postmasterPidFile) {
        long[] machine = machineTicks(Path.of("/proc/stat"));
        if (machine == null) {
            return null;
        }
        long database = -1;
        if (postmasterPidFile != null) {
            OptionalLong postmaster = firstLineNumber(postmasterPidFile);
            database = postmaster.isPresent() ? treeTicks(Path.of("/proc"), postmaster.getAsLong()) : -1;
        }
        return new Reading(machine[0], machine[1], server < 0 ? -1 : processTicks(Path.of("/proc"), server, true),
                database, processTicks(Path.of("/proc"), ProcessHandle.current().pid(), false));
    }

    static Split between(Reading before, Reading after, double seconds, int cores, double requestsPerSecond) {
        double busy = cores(after.machineBusy() - before.machineBusy(), seconds);
        double idle = cores(after.machineIdle() - before.machineIdle(), seconds);
        double server = difference(before.server(), after.server(), seconds);
        double database = difference(before.database(), after.database(), seconds);
        double loadGenerator = difference(before.loadGenerator(), after.loadGenerator(), seconds);
        double other = busy - Math.max(0, server) - Math.max(0, database) - Math.max(0, loadGenerator);
        return new Split(seconds, cores, server, database, loadGenerator, Math.max(0, other), idle,
                requestsPerSecond);
    }

    private static double difference(long before, long after, double seconds) {
        return before < 0 || after < 0 ? -1 : cores(Math.max(0, after - before), seconds);
    }

    private static double cores(long ticks, double seconds) {
        return ticks / TICKS_PER_SECOND / seconds;
    }

    /**
     * {@code [busy, idle]} from the aggregate "cpu" line: user nice system idle iowait irq softirq steal (guest
     * time is already part of user). Idle is idle + iowait.
     */
    static long[] machineTicks(Path procStat) {
        try (Stream<String> lines = Files.lines(procStat)) {
            String line = lines.filter(l -> l.startsWith("cpu ")).findFirst().orElse(null);
            if (line == null) {
                return null;
            }
            String[] f = line.trim().split("\\s+");
            long busy = 0;
            for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
                busy += i < f.length ? Long.parseLong(f[i]) : 0;
            }
            return new long[] {busy, Long.parseLong(f[4]) + Long.parseLong(f[5])};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** utime + stime (+ cutime + cstime: the children it has waited for) of one process; -1 if it is gone. */
    static long processTicks(Path proc, long pid, boolean withReapedChildren) {
        long[] fields = statFields(proc, pid);
        if (fields == null) {
            return -1;
        }
        return fields[1] + fields[2] + (withReapedChildren ? fields[3] + fields[4] : 0);
    }

    /** A process with its reaped children, and its children still running (PostgreSQL's backends). */
    static long treeTicks(Path proc, long pid) {
        long own = processTicks(proc, pid, true);
        if (own < 0) {
            return -1;
        }
        long children = 0;
        try (Stream<Path> entries = Files.list(proc)) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                String name = entry.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                long[] fields = statFields(proc, Long.parseLong(name));
                if (fields != null && fields[0] == pid) {
                    children += fields[1] + fields[2];
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return own + children;
    }

    /** {@code [ppid, utime, stime, cutime, cstime]}, or null when the process is gone. */
    static long[] statFields(Path proc, long pid) {
        return statFields(proc.resolve(pid + "/stat"));
    }

    /**
     * {@code [ppid, utime, stime, cutime, cstime]} of a process's or a thread's {@code stat} file, or null when it is
     * gone.
     */
    static long[] statFields(Path statFile) {
        try {
            String stat = Files.readString(statFile);
            // after the command name in parentheses (which may hold spaces): state is field 3, ppid 4, utime 14
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return new long[] {Long.parseLong(f[1]), Long.parseLong(f[11]), Long.parseLong(f[12]),
                    Long.parseLong(f[13]), Long.parseLong(f[14])};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static OptionalLong firstLineNumber(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.findFirst().map(String::trim).map(l -> OptionalLong.of(Long.parseLong(l)))
                    .orElse(OptionalLong.empty());
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }
}

package io.roster.platform;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Locale;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The data source class of Roster's own connection pool. It lets the JDBC URL alone choose the database
 * ({@code ROSTER_DB_URL=jdbc:postgresql://…} or {@code jdbc:h2:…}), so operators never have to name a driver
 * class: the container's pool sets url, user and password and asks this class for connections.
 */
public class UrlDataSource implements DataSource {

    private String url;
    private String user;
    private String password;
    private volatile DataSource target;

    public void setUrl(String url) {
        this.url = url;
    }

    public void setURL(String url) {
        this.url = url;
    }

    public String getUrl() {
        return url;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return prepared(target().getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return prepared(target().getConnection(username, password));
    }

    private DataSource target() throws SQLException {
        DataSource current = target;
        if (current == null) {
            current = create();
            target = current;
        }
        return current;
    }

    private DataSource create() throws SQLException {
        DatabaseKind kind = DatabaseKind.of(url);
        switch (kind) {
            case H2 -> {
                var h2 = new org.h2.jdbcx.JdbcDataSource();
                h2.setURL(withCacheSize(withDurableCommits(withLockTimeout(url)), Runtime.getRuntime().maxMemory()));
                h2.setUser(user);
                h2.setPassword(password);
                return h2;
            }
            case POSTGRESQL -> {
                var pg = new org.postgresql.ds.PGSimpleDataSource();
                pg.setURL(withMultiRowInserts(url));
                if (!url.contains("connectTimeout=")) {
                    // an unreachable host fails in 3 s instead of the driver's 10 (requests answer 503 sooner)
                    pg.setConnectTimeout(3);
                }
                pg.setUser(user);
                pg.setPassword(password);
                return pg;
            }
            default -> throw new SQLException("Unsupported database URL (expected jdbc:h2: or jdbc:postgresql:)");
        }
    }

    /**
     * H2 gives up waiting for a row lock after two seconds by default. Writers of one user or group take its row
     * lock and hold it for the whole request, so under load a writer may well wait longer than that for its turn:
     * ten seconds, unless the URL sets its own LOCK_TIMEOUT.
     */
    static String withLockTimeout(String url) {
        return withDefault(url, "LOCK_TIMEOUT", "10000");
    }

    /**
     * H2 writes committed changes to its file up to half a second after the commit (WRITE_DELAY, 500 ms by
     * default), so a killed process loses the last half second of acknowledged writes; measured: 20,000 of 54,000
     * commits gone after {@code kill -9}. With a delay of 0 every commit is in the file (the operating system's
     * cache) before the client gets its answer, so a crashed or killed Roster loses nothing; a power failure can
     * still lose what the operating system had not yet flushed, because H2 does not fsync per commit (README,
     * "Durability"). Costs about 0.3 ms per commit.
     */
    static String withDurableCommits(String url) {
        return withDefault(url, "WRITE_DELAY", "0");
    }

    /**
     * H2 keeps 64 MiB of its file's pages in memory by default. Beyond that, every request reads pages from the
     * file under the cache's segment locks, and concurrent requests queue there (measured: 1,533 s of threads
     * blocked in {@code CacheLongKeyLIRS$Segment.get} during five minutes of mixed traffic at a million users, and
     * requests stalled). A quarter of the maximum heap (H2 runs inside Roster's JVM), never less than H2's default,
     * unless the URL sets its own CACHE_SIZE. In-memory databases have no file and no page cache.
     *
     * @param maxHeapBytes the JVM's maximum heap ({@code Runtime.maxMemory()})
     */
    static String withCacheSize(String url, long maxHeapBytes) {
        if (url.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:mem:")) {
            return url;
        }
        long kib = Math.max(H2_DEFAULT_CACHE_KIB, maxHeapBytes / 4 / 1024);
        return withDefault(url, "CACHE_SIZE", String.valueOf(Math.min(kib, Integer.MAX_VALUE)));
    }

    /**
     * pgjdbc sends a JDBC batch of inserts as one execution per row unless {@code reWriteBatchedInserts} is on;
     * then it folds the rows into multi-row {@code INSERT … VALUES (…), (…)} statements. A created user writes a dozen
     * rows of searchable values in one batch, and PostgreSQL spent most of its time in the create workload on those
     * single-row inserts (BENCHMARKS.md, "Creates on PostgreSQL"). On unless the URL sets it. Only inserts are
     * rewritten, so the update counts EclipseLink checks for optimistic locking stay exact.
     */
    static String withMultiRowInserts(String url) {
        if (url.contains("reWriteBatchedInserts=")) {
            return url;
        }
        return url + (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
    }

    /**
     * Makes PostgreSQL plan each execution of a prepared statement with its parameters and the table's current size
     * ({@code plan_cache_mode=force_custom_plan}, PostgreSQL 12) instead of reusing a generic plan. pgjdbc prepares
     * a statement on the server after five executions, and PostgreSQL then keeps the generic plan it made from the
     * statistics of that moment until the table is next analyzed. Made while a table was (nearly) empty, as after
     * a realm is emptied, that plan finds a user by {@code userName} by scanning every user of the realm, and kept
     * it for the minute autovacuum took: measured, PostgreSQL's CPU per created user grew with the table and the
     * benchmark's creates ran at 206-259 users/s; with custom plans, 317. Planning costs PostgreSQL about 0.08 ms
     * per lookup, and lookups were as fast as before (BENCHMARKS.md, "Creates on PostgreSQL").
     *
     * <p>Set with a statement on each new connection rather than in the startup packet ({@code options=-c …}),
     * which PgBouncer refuses by default. A URL that names {@code plan_cache_mode} itself (e.g.
     * {@code options=-c plan_cache_mode=auto}) keeps its own setting.
     */
    private Connection prepared(Connection connection) throws SQLException {
        if (DatabaseKind.of(url) == DatabaseKind.POSTGRESQL && plansEachExecution(url)) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("set plan_cache_mode = force_custom_plan");
            } catch (SQLException e) {
                connection.close();
                throw e;
            }
        }
        return connection;
    }

    static boolean plansEachExecution(String url) {
        return !url.contains("plan_cache_mode");
    }

    /** H2's own default CACHE_SIZE, in KiB (64 MiB). */
    static final long H2_DEFAULT_CACHE_KIB = 65_536;

    private static String withDefault(String url, String setting, String value) {
        return url.toUpperCase(Locale.ROOT).contains(";" + setting + "=") ? url : url + ";" + setting + "=" + value;
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
    }

    @Override
    public void setLoginTimeout(int seconds) {
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        return target().unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || target().isWrapperFor(type);
    }
}

package io.roster.platform;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
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
        return target().getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return target().getConnection(username, password);
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
                h2.setURL(withDurableCommits(withLockTimeout(url)));
                h2.setUser(user);
                h2.setPassword(password);
                return h2;
            }
            case POSTGRESQL -> {
                var pg = new org.postgresql.ds.PGSimpleDataSource();
                pg.setURL(url);
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

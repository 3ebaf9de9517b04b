package io.roster.platform;

/** A JDBC URL as it may be logged: the address of the database without credentials or options. */
final class DatabaseDescription {

    private DatabaseDescription() {
    }

    static String of(String jdbcUrl) {
        if (jdbcUrl == null) {
            return "no URL";
        }
        String withoutOptions = jdbcUrl.split(";", 2)[0].split("\\?", 2)[0];
        return withoutOptions.replaceAll("//[^/@]*@", "//");
    }
}

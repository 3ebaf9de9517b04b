package io.roster.filter.entity;

import java.util.Objects;

/** {@code path pr}. */
public record Present(AttributePath path) implements Filter {

    public Present {
        Objects.requireNonNull(path, "path");
    }

    @Override
    public String toString() {
        return path + " pr";
    }
}

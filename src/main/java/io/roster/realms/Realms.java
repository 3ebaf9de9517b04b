package io.roster.realms;

/** Realms are isolated directories. Until more realms can be created, everything lives in the default one. */
public final class Realms {

    public static final String DEFAULT = "default";

    private Realms() {
    }
}

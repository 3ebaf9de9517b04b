package io.roster.entitlements.entity;

import java.util.regex.Pattern;

/**
 * A role ({@code type} null) or an entitlement of a realm's catalog: what a user's {@code roles[].value} or
 * {@code entitlements[].value} (with {@code entitlements[].type}) may name.
 */
public record CatalogEntry(String type, String id, String displayName, String description, boolean isDefault) {

    /** Role and entitlement ids: they appear in URLs, so letters, digits and {@code . _ : @ -}, 1 to 200. */
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9._:@-]{1,200}");

    /** Entitlement types become resource type names ("License"): a letter, then letters and digits, up to 64. */
    public static final Pattern TYPE = Pattern.compile("[A-Za-z][A-Za-z0-9]{0,63}");

    public static final int MAX_DESCRIPTION = 1000;
}

package io.roster.groups.control;

/** One member of one group as a group shows it: the user's id and a name to display. */
record MemberRow(long groupPk, long userPk, String id, String displayName, String userName) {

    /** RFC 7643 §4.2 {@code display}: the user's displayName, or its userName when it has none. */
    String display() {
        return displayName != null && !displayName.isEmpty() ? displayName : userName;
    }
}

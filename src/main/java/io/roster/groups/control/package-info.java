/**
 * Groups and their members (RFC 7643 §4.2), built for groups of a hundred thousand members.
 *
 * <p><b>Members are rows, not a list.</b> A group's document holds its attributes but no members; members are rows
 * of {@code scim_group_member} (group key, user key). Every membership change — PATCH add/remove/replace in
 * Okta's and Entra's dialects, PUT, POST with members — is a set operation in SQL ({@link
 * io.roster.groups.control.Memberships}); nothing reads or rewrites a member list to change it. A change of up to
 * 1,000 members is one statement.
 *
 * <p><b>One writer per group at a time.</b> Every change of a group takes the group's row lock first, so
 * concurrent PATCHes of one group run one after the other: none is lost, each gets its own version, and "insert
 * where not exists" cannot race with itself. Changes of different groups do not wait for each other.
 *
 * <p><b>Members are streamed.</b> Responses are written with a JSON-P generator after the transaction; the members
 * of the groups on the page are read in keyset chunks of 1,000 joined to their users ({@link
 * io.roster.groups.control.MemberCursor}). When a response leaves members out ({@code excludedAttributes=members},
 * or {@code attributes} without them), the member table is not read.
 */
package io.roster.groups.control;

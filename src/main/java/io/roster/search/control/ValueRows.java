package io.roster.search.control;

import io.roster.search.control.UniqueValues.Owner;
import io.roster.search.entity.IndexedValue;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.List;
import org.eclipse.persistence.config.DescriptorCustomizer;
import org.eclipse.persistence.descriptors.ClassDescriptor;

/**
 * Writes a resource's searchable values to its value table ({@code scim_user_value}, {@code scim_group_value}) as
 * one JDBC batch on the transaction's connection, after the resource's own row. EclipseLink only reads these rows
 * (the filters join them through the entities' {@code values}): it inserted an element collection's rows one at a
 * time, building each row's statement anew: a tenth of the HTTP threads' samples in Okta's create sequence
 * (BENCHMARKS.md, "Creates: the value rows in one batch"). pgjdbc sends the batch as one multi-row INSERT
 * ({@code reWriteBatchedInserts}, {@link io.roster.platform.UrlDataSource}).
 */
public final class ValueRows {

    private ValueRows() {
    }

    /** The INSERT of one value row; its parameters are set by {@link #bind}. */
    public static String insertSql(Owner owner) {
        return "insert into " + owner.valueTable + " (" + owner.ownerColumn + ", position, path, element, "
                + "text_value, text_key, text_prefix, number_value, time_value, bool_value) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    }

    /** Sets the parameters of {@link #insertSql}: the row of {@code value} at {@code position} of its owner. */
    public static void bind(PreparedStatement insert, long ownerPk, int position, IndexedValue value)
            throws SQLException {
        insert.setLong(1, ownerPk);
        insert.setInt(2, position);
        insert.setString(3, value.path());
        insert.setInt(4, value.element());
        insert.setString(5, value.text());
        insert.setString(6, value.textKey());
        insert.setString(7, value.textPrefix());
        insert.setBigDecimal(8, value.number());
        if (value.time() == null) {
            insert.setNull(9, Types.TIMESTAMP);
        } else {
            insert.setTimestamp(9, Timestamp.from(value.time()));
        }
        if (value.bool() == null) {
            insert.setNull(10, Types.BOOLEAN);
        } else {
            insert.setBoolean(10, value.bool());
        }
    }

    /** The rows of a resource whose own row this transaction has just written. */
    public static void insert(Connection connection, Owner owner, long ownerPk, List<IndexedValue> values) {
        if (values.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(insertSql(owner))) {
            for (int position = 0; position < values.size(); position++) {
                bind(insert, ownerPk, position, values.get(position));
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new PersistenceException("Writing the searchable values failed", e);
        }
    }

    /** Replaces the rows of a resource that this transaction holds locked. */
    public static void replace(Connection connection, Owner owner, long ownerPk, List<IndexedValue> values) {
        try (PreparedStatement delete = connection.prepareStatement(
                "delete from " + owner.valueTable + " where " + owner.ownerColumn + " = ?")) {
            delete.setLong(1, ownerPk);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new PersistenceException("Replacing the searchable values failed", e);
        }
        insert(connection, owner, ownerPk, values);
    }

    /**
     * Makes the entity's {@code values} read-only for EclipseLink: filters join and read it, and only
     * {@link ValueRows} writes its rows. (The deprecated {@code config} interface: the EclipseLink of Payara Server 6,
     * 4.0.1, has no {@code descriptors.DescriptorCustomizer}.)
     */
    public static class ReadOnlyMapping implements DescriptorCustomizer {

        @Override
        public void customize(ClassDescriptor descriptor) {
            descriptor.getMappingForAttributeName("values").setIsReadOnly(true);
        }
    }
}

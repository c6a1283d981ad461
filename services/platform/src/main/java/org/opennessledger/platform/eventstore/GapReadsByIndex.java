package org.opennessledger.platform.eventstore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.ReadEventDataWithGapsStatementBuilder;

/**
 * The read of a tracking token that has gaps, as two primary-key look-ups instead of one filter.
 * <p>
 * Axon asks for "index in (after, after + batch] OR index IN (gaps)"; H2 serves that OR from no index and
 * reads the whole event table for every batch a processor fetches while any gap is open (a failed or
 * conflicting append leaves one, and tokens keep gaps for up to 10,000 positions). At a million events
 * this was most of the projection lag. The same rows as a UNION ALL of the range and the gap list use the
 * primary key on H2 and PostgreSQL alike. The two parts never overlap: a token's gaps all lie at or below
 * its index.
 */
final class GapReadsByIndex implements ReadEventDataWithGapsStatementBuilder {

    @Override
    public PreparedStatement build(Connection connection, EventSchema schema, long globalIndex, int batchSize,
                                   List<Long> gaps) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql(schema, gaps.size()));
        statement.setLong(1, globalIndex);
        statement.setLong(2, globalIndex + batchSize);
        for (int i = 0; i < gaps.size(); i++) {
            statement.setLong(i + 3, gaps.get(i));
        }
        return statement;
    }

    /** Parameters: the token's index, the index plus the batch size, then each gap. */
    static String sql(EventSchema schema, int gapCount) {
        String index = schema.globalIndexColumn();
        String select = "SELECT " + schema.trackedEventFields() + " FROM " + schema.domainEventTable() + " WHERE ";
        return select + index + " > ? AND " + index + " <= ?"
                + " UNION ALL " + select + index + " IN (" + String.join(",", Collections.nCopies(gapCount, "?")) + ")"
                + " ORDER BY " + index + " ASC";
    }
}

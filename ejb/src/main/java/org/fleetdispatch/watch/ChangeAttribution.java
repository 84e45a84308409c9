package org.fleetdispatch.watch;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.fleetdispatch.platform.SchemaMigration;

/**
 * Runs an API write in a transaction that says who made it, so that the change notifications of that
 * transaction carry the caller's {@code publisher_id} and the caller's own watch can skip them.
 *
 * <p>It sets the transaction-local PostgreSQL setting {@code fleetdispatch.publisher_id}, which the
 * V4 trigger reads; the setting ends with the transaction, so writes the dispatcher makes later in
 * transactions of its own are nobody's and reach every watcher. The service the work calls joins this
 * transaction, and Payara hands every user of the data source in one JTA transaction the same physical
 * connection, which is where the setting lives.
 */
@Stateless
public class ChangeAttribution {

    @Resource(lookup = SchemaMigration.DATA_SOURCE)
    private DataSource dataSource;

    @jakarta.inject.Inject
    private TransactionPublisher transactionPublisher;

    /**
     * @param publisherId the caller's publisher id, or {@code null} for an anonymous write
     * @param work        the service call; its exceptions reach the caller as the service threw them
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public <T> T as(String publisherId, Supplier<T> work) {
        if (publisherId != null) {
            transactionPublisher.set(publisherId);
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement statement = connection.prepareStatement("select set_config('fleetdispatch.publisher_id', ?, true)")) {
                statement.setString(1, publisherId);
                statement.execute();
            } catch (SQLException e) {
                throw new IllegalStateException("Could not record publisher_id for this write: " + e.getMessage(), e);
            }
        }
        return work.get();
    }
}

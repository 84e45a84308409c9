package org.fleetdispatch.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DurabilityTest extends PostgresTest {

    @Test
    void relaxingLastsForTheTransactionOnly() {
        // one connection throughout; the test cluster itself runs without synchronous commit, so turn it on first
        EntityManager em = factory.createEntityManager(Map.of("eclipselink.jdbc.exclusive-connection.mode", "Always"));
        try {
            inOwnTransaction(em, () -> em.createNativeQuery("select set_config('synchronous_commit', 'on', false)").getSingleResult());
            String during = inOwnTransaction(em, () -> {
                new Durability(em).relaxForThisTransaction();
                return setting(em);
            });
            String after = inOwnTransaction(em, () -> setting(em));

            assertThat(during).isEqualTo("off");
            assertThat(after).isEqualTo("on");
        } finally {
            em.close();
        }
    }

    private static <T> T inOwnTransaction(EntityManager em, java.util.function.Supplier<T> work) {
        em.getTransaction().begin();
        T result = work.get();
        em.getTransaction().commit();
        return result;
    }

    private static String setting(EntityManager em) {
        return (String) em.createNativeQuery("select current_setting('synchronous_commit')").getSingleResult();
    }
}

package org.fleetdispatch.watch;

import jakarta.transaction.TransactionScoped;
import java.io.Serializable;

/** The {@code publisher_id} of the API caller whose transaction this is, or {@code null}. */
@TransactionScoped
public class TransactionPublisher implements Serializable {

    private String publisherId;

    public String publisherId() {
        return publisherId;
    }

    void set(String publisherId) {
        this.publisherId = publisherId;
    }
}

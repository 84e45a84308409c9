package org.fleetdispatch.dispatch;

import java.util.Set;
import org.fleetdispatch.vda5050.Order;

/**
 * The order a robot's running mission waits on, as a transaction left it.
 *
 * @param taskSequenceIds the sequence ids of the order's nodes that are task waypoints of a route: passing one
 *                        changes the mission's {@code task_status}
 * @param tasksReached    how many of them the mission counted as reached
 */
public record RunningOrder(Order order, Set<Long> taskSequenceIds, int tasksReached) {

    public RunningOrder {
        taskSequenceIds = Set.copyOf(taskSequenceIds);
    }

    /** Whether this is the order with that VDA 5050 orderId and orderUpdateId. */
    public boolean isOrder(String orderId, Long orderUpdateId) {
        return order.orderId().equals(orderId) && orderUpdateId != null && order.orderUpdateId() == orderUpdateId;
    }

    /** How many task waypoints a robot whose last node has this sequence id has passed. */
    public int tasksPassed(long lastNodeSequenceId) {
        int passed = 0;
        for (long id : taskSequenceIds) {
            if (id <= lastNodeSequenceId) {
                passed++;
            }
        }
        return passed;
    }
}

package org.fleetdispatch.watch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PendingChangesTest {

    private final PendingChanges pending = new PendingChanges();

    @Test
    void manyChangesOfOneObjectAreLoadedOnceInOrderOfFirstArrival() {
        pending.add(new Notification(Kind.ROBOT, "b", "UPDATE", null));
        pending.add(new Notification(Kind.ROBOT, "a", "UPDATE", null));
        pending.add(new Notification(Kind.ROBOT, "b", "UPDATE", null));
        pending.add(new Notification(Kind.MISSION, "m", "INSERT", null));

        assertThat(pending.size()).isEqualTo(3);
        assertThat(pending.take(Kind.ROBOT)).extracting(PendingChanges.Pending::name).containsExactly("b", "a");
        assertThat(pending.take(Kind.ROBOT)).isEmpty();
        assertThat(pending.take(Kind.MISSION)).extracting(PendingChanges.Pending::name).containsExactly("m");
        assertThat(pending.isEmpty()).isTrue();
    }

    @Test
    void theSoleWriterSurvivesOnlyWhenEveryCoalescedChangeWasTheirs() {
        pending.add(new Notification(Kind.ROBOT, "mine", "UPDATE", "ui"));
        pending.add(new Notification(Kind.ROBOT, "mine", "UPDATE", "ui"));
        pending.add(new Notification(Kind.ROBOT, "mixed", "UPDATE", "ui"));
        pending.add(new Notification(Kind.ROBOT, "mixed", "UPDATE", "factory"));
        pending.add(new Notification(Kind.ROBOT, "then-dispatcher", "UPDATE", "ui"));
        pending.add(new Notification(Kind.ROBOT, "then-dispatcher", "UPDATE", null));
        pending.add(new Notification(Kind.ROBOT, "dispatcher-first", "UPDATE", null));
        pending.add(new Notification(Kind.ROBOT, "dispatcher-first", "UPDATE", "ui"));

        assertThat(pending.take(Kind.ROBOT)).containsExactly(
                new PendingChanges.Pending("mine", "ui"),
                new PendingChanges.Pending("mixed", null),
                new PendingChanges.Pending("then-dispatcher", null),
                new PendingChanges.Pending("dispatcher-first", null));
    }

    @Test
    void aNotificationWithoutANameIsNotLoaded() {
        pending.add(new Notification(Kind.MISSION, null, "UPDATE", null));
        assertThat(pending.isEmpty()).isTrue();
    }

    @Test
    void changesSuppressOnlyTheirSoleWriter() {
        assertThat(new Change<>("r", "x", "ui").isOnlyBy("ui")).isTrue();
        assertThat(new Change<>("r", "x", "ui").isOnlyBy("other")).isFalse();
        assertThat(new Change<>("r", "x", null).isOnlyBy("ui")).isFalse();
        assertThat(new Change<>("r", "x", null).isOnlyBy(null)).isFalse();
        assertThat(new Change<>("r", null, null).isDeleted()).isTrue();
    }
}

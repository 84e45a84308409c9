package org.fleetdispatch.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The action states the state handler leaves out of a digest: {@link RobotMessages#isInformationRequest}. */
class InformationRequestTest {

    private static final String UUID_TEXT = UUID.randomUUID().toString();

    @Test
    void theServersRequestsForInformationAreRecognised() {
        assertThat(RobotMessages.isInformationRequest("factsheetRequest-" + UUID_TEXT)).isTrue();
        assertThat(RobotMessages.isInformationRequest("stateRequest-" + UUID_TEXT)).isTrue();
    }

    @Test
    void otherActionsAndLookAlikesAreNot() {
        assertThat(RobotMessages.isInformationRequest(null)).isFalse();
        assertThat(RobotMessages.isInformationRequest("cancelOrder-" + UUID_TEXT))
                .as("an instant action the dispatcher acts on").isFalse();
        assertThat(RobotMessages.isInformationRequest("o-1-0-abcdef12-action")).as("an order's action").isFalse();
        assertThat(RobotMessages.isInformationRequest("factsheetRequest")).as("no id").isFalse();
        assertThat(RobotMessages.isInformationRequest("factsheetRequestX-" + UUID_TEXT)).as("another type").isFalse();
        assertThat(RobotMessages.isInformationRequest("factsheetRequest-" + UUID_TEXT + "-action"))
                .as("longer").isFalse();
        assertThat(RobotMessages.isInformationRequest("factsheetRequest-" + UUID_TEXT.toUpperCase()))
                .as("not this server's form").isFalse();
    }
}

package org.fleetdispatch.keystore.dds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DomainIdSetTest {

    @Test
    void containsSingleIdsAndClosedRanges() {
        DomainIdSet set = new DomainIdSet(List.of(new DomainIdSet.Range(3, 3), new DomainIdSet.Range(10, 20)));
        assertThat(set.contains(3)).isTrue();
        assertThat(set.contains(4)).isFalse();
        assertThat(set.contains(10)).isTrue();
        assertThat(set.contains(20)).isTrue();
        assertThat(set.contains(21)).isFalse();
        assertThat(set).hasToString("{3,10..20}");
    }

    @Test
    void refusesRangesOutsideTheRtpsDomainsOrInverted() {
        assertThatThrownBy(() -> new DomainIdSet.Range(0, 233)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DomainIdSet.Range(-1, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DomainIdSet.Range(5, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DomainIdSet(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}

package org.fleetdispatch.keystore.dds;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The {@code <domains>} of a governance domain_rule or a permissions rule: single ids, closed
 * ranges and open ranges, in the order written.
 */
public final class DomainIdSet {

    /**
     * The largest domain id that maps to valid RTPS ports (PB 7400 + DG 250 * id + offsets must stay
     * below 65536), the bound Connext documents as MAX_VALID_DOMAIN_ID.
     */
    public static final int MAX_DOMAIN_ID = 232;

    /** An inclusive range; a single id is a range of one. */
    public record Range(int min, int max) {
        public Range {
            if (min < 0 || max > MAX_DOMAIN_ID || min > max) {
                throw new IllegalArgumentException("invalid domain id range " + min + ".." + max);
            }
        }

        @Override
        public String toString() {
            return min == max ? Integer.toString(min) : min + ".." + max;
        }
    }

    private final List<Range> ranges;
    private final int[] mins;
    private final int[] maxs;

    public DomainIdSet(List<Range> ranges) {
        if (ranges.isEmpty()) {
            throw new IllegalArgumentException("a domain id set needs at least one id or id_range");
        }
        this.ranges = List.copyOf(ranges);
        this.mins = ranges.stream().mapToInt(Range::min).toArray();
        this.maxs = ranges.stream().mapToInt(Range::max).toArray();
    }

    public static DomainIdSet of(int... ids) {
        List<Range> r = new ArrayList<>();
        for (int id : ids) {
            r.add(new Range(id, id));
        }
        return new DomainIdSet(r);
    }

    public List<Range> ranges() {
        return ranges;
    }

    public boolean contains(int domainId) {
        for (int i = 0; i < mins.length; i++) {
            if (domainId >= mins[i] && domainId <= maxs[i]) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return ranges.stream().map(Range::toString).collect(Collectors.joining(",", "{", "}"));
    }
}

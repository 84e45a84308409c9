package org.fleetdispatch.keystore.permissions;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.fleetdispatch.keystore.dds.NamePattern;

/**
 * Which criteria of a grant can possibly match a topic, found without trying them all.
 *
 * <p>An fnmatch expression can only match names that start with its literal prefix (everything
 * before its first wildcard). The prefixes of all the criteria's topic expressions are kept in a
 * character trie; walking a topic through it yields the criteria whose prefix the topic starts
 * with, a superset of those that match. Candidates come back in document order, so evaluation
 * over them decides exactly as a walk over every rule would.
 */
final class TopicIndex {

    private final Node root;
    private final int size;

    private static final class Node {
        char[] keys = new char[0];
        Node[] children = new Node[0];
        int[] entries = new int[0];
    }

    /** Builds an index over entries 0..n-1, entry i having the topic expressions {@code topics.get(i)}. */
    TopicIndex(List<NamePattern[]> topics) {
        this.size = topics.size();
        Builder b = new Builder();
        for (int i = 0; i < topics.size(); i++) {
            for (NamePattern p : topics.get(i)) {
                b.add(p.literalPrefix(), i);
            }
        }
        this.root = b.freeze(b.root);
    }

    /** A bit set of the candidate entries for the topic (bit i set: entry i may match). */
    long[] candidates(String topic) {
        long[] bits = new long[(size + 63) >>> 6];
        Node node = root;
        mark(bits, node.entries);
        for (int i = 0, n = topic.length(); i < n && node != null; i++) {
            node = child(node, topic.charAt(i));
            if (node != null) {
                mark(bits, node.entries);
            }
        }
        return bits;
    }

    private static void mark(long[] bits, int[] entries) {
        for (int e : entries) {
            bits[e >>> 6] |= 1L << (e & 63);
        }
    }

    private static Node child(Node node, char c) {
        char[] keys = node.keys;
        int lo = 0;
        int hi = keys.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (keys[mid] < c) {
                lo = mid + 1;
            } else if (keys[mid] > c) {
                hi = mid - 1;
            } else {
                return node.children[mid];
            }
        }
        return null;
    }

    private static final class Builder {
        private static final class MutableNode {
            final TreeMap<Character, MutableNode> children = new TreeMap<>();
            final List<Integer> entries = new ArrayList<>();
        }

        final MutableNode root = new MutableNode();

        void add(String prefix, int entry) {
            MutableNode n = root;
            for (char c : prefix.toCharArray()) {
                n = n.children.computeIfAbsent(c, k -> new MutableNode());
            }
            if (!n.entries.contains(entry)) {
                n.entries.add(entry);
            }
        }

        Node freeze(MutableNode m) {
            Node n = new Node();
            n.entries = m.entries.stream().mapToInt(Integer::intValue).toArray();
            n.keys = new char[m.children.size()];
            n.children = new Node[m.children.size()];
            int i = 0;
            for (var e : m.children.entrySet()) {
                n.keys[i] = e.getKey();
                n.children[i] = freeze(e.getValue());
                i++;
            }
            return n;
        }
    }
}

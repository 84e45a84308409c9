package org.fleetdispatch.dispatch;

import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.UUID;

/**
 * Names of new API objects, as Isaac Mission Dispatch gives them: the one asked for, or
 * {@code <prefix>-<id>}, or a random id (26 lower-case base32 characters of a UUID).
 */
final class Names {

    private Names() {
    }

    /** @throws InvalidSpecException when both a name and a prefix are given */
    static String choose(String name, String prefix) {
        if (name != null && prefix != null) {
            throw new InvalidSpecException("give either name or prefix, not both");
        }
        if (name != null) {
            return name;
        }
        String id = randomId();
        return prefix == null ? id : prefix + "-" + id;
    }

    static String randomId() {
        UUID uuid = UUID.randomUUID();
        ByteBuffer bytes = ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
        return base32(bytes.array());
    }

    private static String base32(byte[] data) {
        final String alphabet = "abcdefghijklmnopqrstuvwxyz234567";
        StringBuilder out = new StringBuilder();
        int buffer = 0;
        int bits = 0;
        for (byte b : data) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(alphabet.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(alphabet.charAt((buffer << (5 - bits)) & 31));
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

}

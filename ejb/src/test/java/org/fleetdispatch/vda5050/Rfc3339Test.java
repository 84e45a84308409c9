package org.fleetdispatch.vda5050;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The quick reading of UTC timestamps agrees with {@code DateTimeFormatter} wherever it answers. */
class Rfc3339Test {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    @Test
    void readsTheShapeRobotsSend() {
        assertThat(Rfc3339.utc("2017-04-15T11:40:03.12Z")).isEqualTo(Instant.parse("2017-04-15T11:40:03.12Z"));
        assertThat(Rfc3339.utc("2026-11-22T12:00:00Z")).isEqualTo(Instant.parse("2026-11-22T12:00:00Z"));
        assertThat(Rfc3339.utc("2024-02-29T23:59:59.123456789Z"))
                .isEqualTo(Instant.parse("2024-02-29T23:59:59.123456789Z"));
        assertThat(Rfc3339.utc("0000-01-01T00:00:00.1Z")).isEqualTo(Instant.parse("0000-01-01T00:00:00.1Z"));
    }

    @Test
    void leavesEverythingElseToTheFormatter() {
        for (String s : new String[] {
                "2023-02-29T12:00:00Z", // not a leap year
                "1900-02-29T12:00:00Z",
                "2026-04-31T12:00:00Z",
                "2026-13-01T12:00:00Z",
                "2026-00-01T12:00:00Z",
                "2026-11-00T12:00:00Z",
                "2026-11-22T24:00:00Z",
                "2026-11-22T12:60:00Z",
                "2026-12-31T23:59:60Z", // a leap second: the formatter's to judge
                "2026-11-22T12:00:00+01:00",
                "2026-11-22T12:00:00.Z",
                "2026-11-22T12:00:00.1234567890Z",
                "2026-11-22t12:00:00Z",
                "2026-11-22T12:00:00z",
                "2026-11-22T12:00Z",
                "2026-11-22 12:00:00Z",
                "+2026-11-22T12:00:00Z",
                "2026-1a-22T12:00:00Z",
                "2026-11-22T12:00:00,5Z"}) {
            assertThat(Rfc3339.utc(s)).as(s).isNull();
        }
    }

    @Test
    void agreesWithTheFormatterOnRandomTimestamps() {
        SplittableRandom random = new SplittableRandom(5050);
        for (int i = 0; i < 100_000; i++) {
            // up to 9998, so that a year and a day later is still a four-digit year
            LocalDateTime t = LocalDateTime.of(random.nextInt(0, 9_999), 1, 1, 0, 0)
                    .plusSeconds(random.nextLong(0, 366L * 86_400)).withNano(random.nextInt(1_000_000_000));
            String text = SECONDS.format(t) + fraction(t.getNano(), random.nextInt(0, 10)) + "Z";
            Instant expected = Instant.parse(text);
            assertThat(Rfc3339.utc(text)).as(text).isEqualTo(expected);
        }
    }

    @Test
    void acceptsNothingTheFormatterRefuses() {
        SplittableRandom random = new SplittableRandom(2017);
        char[] template = "2017-04-15T11:40:03.12Z".toCharArray();
        String alphabet = "0123456789-T:.Z+ ";
        int read = 0;
        for (int i = 0; i < 200_000; i++) {
            char[] c = template.clone();
            for (int k = random.nextInt(1, 4); k > 0; k--) {
                c[random.nextInt(c.length)] = alphabet.charAt(random.nextInt(alphabet.length()));
            }
            String s = new String(c);
            Instant quick = Rfc3339.utc(s);
            if (quick != null) {
                assertThatCode(() -> DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(s)).as(s).doesNotThrowAnyException();
                assertThat(Instant.parse(s)).as(s).isEqualTo(quick);
                read++;
            }
        }
        assertThat(read).as("mutations still in the quick shape").isGreaterThan(10_000);
    }

    private static String fraction(int nanos, int digits) {
        if (digits == 0) {
            return "";
        }
        String nine = String.format("%09d", nanos);
        return "." + nine.substring(0, digits);
    }
}

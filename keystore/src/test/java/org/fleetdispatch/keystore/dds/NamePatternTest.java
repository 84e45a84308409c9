package org.fleetdispatch.keystore.dds;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NamePatternTest {

    @ParameterizedTest(name = "\"{0}\" matches \"{1}\": {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            // literals
            "Square|Square|true",
            "Square|square|false",
            "Square|Squares|false",
            // star matches any run, '/' included: no FNM_PATHNAME
            "rt/*|rt/a/b|true",
            "rt/*|rt/|true",
            "rt/*|rq/a|false",
            "*|''|true",
            "*|a/b/c|true",
            "*OldMessage|VeryOldMessage|true",
            "K*|Kinematics|true",
            "K*|kinematics|false",
            "*other|another|true",
            "a*b*c|aXXbYYc|true",
            "a*b*c|aXXbYY|false",
            "a*b*c|abcabc|true",
            "**|anything|true",
            // question mark: exactly one character
            "OwnShip?ata|OwnShipData|true",
            "OwnShip?ata|OwnShipata|false",
            "?|/|true",
            // leading dot is ordinary: no FNM_PERIOD
            "*|.hidden|true",
            // bracket expressions
            "Bpa?t*|Bpart1|true",
            "[AB]part|Bpart|true",
            "[AB]part|Cpart|false",
            "[!AB]part|Cpart|true",
            "[^AB]part|Apart|false",
            "P[0-9]|P7|true",
            "P[0-9]|Px|false",
            "[]]x|]x|true",
            "[!]]x|]x|false",
            "[[:digit:]]z|5z|true",
            "[[:alpha:]]z|5z|false",
            // escapes: backslash quotes the next character
            "\\*|*|true",
            "\\*|x|false",
            "a\\?|a?|true",
            "a\\?|ab|false",
            // an unterminated bracket is a literal
            "[abc|[abc|true",
            "[abc|a|false",
            // general patterns: literal prefix, suffix and length are checked before the full match
            "ab?cd|abXcd|true",
            "ab?cd|abXce|false",
            "ab?cd|abXXcd|false",
            "a[0-9]*z|a5z|true",
            "a[0-9]*z|a5xxz|true",
            "a[0-9]*z|ax5z|false",
            "*[0-9]|x9|true",
            "*[0-9]|x|false",
            "fleet/*/secret5|fleet/robot99/state|false",
            "fleet/*/secret5|fleet/a/b/secret5|true",
            "*/robot5/*|fleet/robot5/state|true",
            "*/robot5/*|fleet/robot55/state|false",
            "*/robot5/[a-z]?state|x/robot5/bxstate|true",
            "*/robot5/[a-z]?state|x/robot9/bxstate|false",
            // empty expression matches only the empty name
            "''|''|true",
            "''|x|false",
    })
    void matchesAsPosixFnmatchWithoutFlags(String expression, String name, boolean expected) {
        assertThat(NamePattern.compile(expression).matches(name)).isEqualTo(expected);
    }

    @Test
    void theNameIsNeverAPattern() {
        // Fast-DDS also tries the requested name as a pattern against the expression.
        assertThat(NamePattern.compile("HelloWorldTopic").matches("Hello*")).isFalse();
        assertThat(NamePattern.compile("rt/chatter").matches("rt/*")).isFalse();
        assertThat(NamePattern.compile("rt/*").matches("rt/*")).isTrue();
    }

    @Test
    void keepsTheExpressionAsWritten() {
        NamePattern p = NamePattern.compile("rt/*");
        assertThat(p.expression()).isEqualTo("rt/*");
        assertThat(p).isEqualTo(NamePattern.compile("rt/*")).hasSameHashCodeAs(NamePattern.compile("rt/*"));
    }

    @Test
    void longNamesWithManyStarsMatchWithoutBlowingUp() {
        String name = "a".repeat(10_000) + "b";
        assertThat(NamePattern.compile("*a*a*a*a*a*a*a*a*c").matches(name)).isFalse();
        assertThat(NamePattern.compile("*a*a*a*a*a*a*a*a*b").matches(name)).isTrue();
    }
}

package org.fleetdispatch.keystore.dds;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;

/**
 * A topic or partition expression, compiled once, matched as POSIX {@code fnmatch()} with no flags.
 *
 * <p>DDS-Security 1.1 (9.4.1.2.6, 9.4.1.3.2.3.1) prescribes fnmatch for topic and partition
 * expressions. Without {@code FNM_PATHNAME} a {@code *} also matches {@code /}, so {@code rt/*}
 * covers {@code rt/a/b}; without {@code FNM_PERIOD} a leading dot is an ordinary character; without
 * {@code FNM_NOESCAPE} a backslash quotes the next character. Supported: {@code *}, {@code ?},
 * bracket expressions with ranges, {@code !} or {@code ^} negation and the POSIX classes
 * ({@code [:alpha:]} ...). An unterminated {@code [} is a literal, as in glibc.
 *
 * <p>Only the expression is a pattern: the name it is matched against is always taken literally
 * (Fast-DDS also tries the name as a pattern against the expression; the specification does not).
 */
public final class NamePattern {

    private enum Shape { LITERAL, ANY, PREFIX, SUFFIX, GENERAL }

    private static final int STAR = -1;
    private static final int ONE = -2;
    // Tokens >= 0 are literal chars; tokens <= CLASS_BASE index into classes.
    private static final int CLASS_BASE = -3;

    private final String expression;
    private final Shape shape;
    private final String fixed;
    private final int[] tokens;
    private final CharClass[] classes;
    // Necessary conditions of a general pattern, checked before the full match: most names an
    // expression is tried against fail on its literal prefix, suffix or longest literal run
    // (which must occur somewhere), in a few nanoseconds.
    private final String literalPrefix;
    private final String literalSuffix;
    private final String longestLiteral;
    private final int minLength;
    private final boolean hasStar;

    private NamePattern(String expression, Shape shape, String fixed, int[] tokens, CharClass[] classes) {
        this.expression = expression;
        this.shape = shape;
        this.fixed = fixed;
        this.tokens = tokens;
        this.classes = classes;
        int p = 0;
        while (p < tokens.length && tokens[p] >= 0) {
            p++;
        }
        int q = tokens.length;
        while (q > p && tokens[q - 1] >= 0) {
            q--;
        }
        this.literalPrefix = literal(tokens, 0, p);
        this.literalSuffix = literal(tokens, q, tokens.length);
        String longest = "";
        for (int i = 0; i < tokens.length; ) {
            int j = i;
            while (j < tokens.length && tokens[j] >= 0) {
                j++;
            }
            if (j - i > longest.length()) {
                longest = literal(tokens, i, j);
            }
            i = j == i ? i + 1 : j;
        }
        this.longestLiteral = longest;
        int min = 0;
        boolean star = false;
        for (int t : tokens) {
            if (t == STAR) {
                star = true;
            } else {
                min++;
            }
        }
        this.minLength = min;
        this.hasStar = star;
    }

    private static String literal(int[] tokens, int from, int to) {
        StringBuilder sb = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            sb.append((char) tokens[i]);
        }
        return sb.toString();
    }

    /** Compiles an expression; every string is a valid fnmatch pattern. */
    public static NamePattern compile(String expression) {
        Objects.requireNonNull(expression, "expression");
        List<Integer> tokens = new ArrayList<>();
        List<CharClass> classes = new ArrayList<>();
        int i = 0;
        int n = expression.length();
        while (i < n) {
            char c = expression.charAt(i);
            if (c == '*') {
                // Consecutive stars are one star.
                if (tokens.isEmpty() || tokens.get(tokens.size() - 1) != STAR) {
                    tokens.add(STAR);
                }
                i++;
            } else if (c == '?') {
                tokens.add(ONE);
                i++;
            } else if (c == '\\' && i + 1 < n) {
                tokens.add((int) expression.charAt(i + 1));
                i += 2;
            } else if (c == '[') {
                int end = CharClass.end(expression, i);
                if (end < 0) {
                    tokens.add((int) '[');
                    i++;
                } else {
                    classes.add(CharClass.parse(expression, i + 1, end));
                    tokens.add(CLASS_BASE - (classes.size() - 1));
                    i = end + 1;
                }
            } else {
                tokens.add((int) c);
                i++;
            }
        }
        int[] t = tokens.stream().mapToInt(Integer::intValue).toArray();
        CharClass[] cl = classes.toArray(CharClass[]::new);
        return new NamePattern(expression, shapeOf(t), fixedPart(t), t, cl);
    }

    private static Shape shapeOf(int[] t) {
        int stars = 0;
        for (int tok : t) {
            if (tok == STAR) {
                stars++;
            } else if (tok < 0) {
                return Shape.GENERAL;
            }
        }
        if (stars == 0) {
            return Shape.LITERAL;
        }
        if (t.length == 1) {
            return Shape.ANY;
        }
        if (stars == 1 && t[t.length - 1] == STAR) {
            return Shape.PREFIX;
        }
        if (stars == 1 && t[0] == STAR) {
            return Shape.SUFFIX;
        }
        return Shape.GENERAL;
    }

    private static String fixedPart(int[] t) {
        StringBuilder sb = new StringBuilder();
        for (int tok : t) {
            if (tok >= 0) {
                sb.append((char) tok);
            }
        }
        return sb.toString();
    }

    /**
     * The characters every matching name starts with (the expression up to its first wildcard):
     * a name without this prefix cannot match, which lets callers index expressions.
     */
    public String literalPrefix() {
        return literalPrefix;
    }

    /** The expression as written in the document. */
    public String expression() {
        return expression;
    }

    /** Whether {@code name}, taken literally, matches this expression. */
    public boolean matches(String name) {
        switch (shape) {
            case LITERAL:
                return fixed.equals(name);
            case ANY:
                return true;
            case PREFIX:
                return name.startsWith(fixed);
            case SUFFIX:
                return name.endsWith(fixed);
            default:
                if (name.length() < minLength || (!hasStar && name.length() != minLength)) {
                    return false;
                }
                if (!name.startsWith(literalPrefix) || !name.endsWith(literalSuffix)
                        || (longestLiteral.length() > 1 && !name.contains(longestLiteral))) {
                    return false;
                }
                return matchGeneral(name);
        }
    }

    // Iterative glob match with one backtrack point: every token but STAR consumes exactly one
    // character, so resuming after the last star is enough (linear in practice, no recursion).
    private boolean matchGeneral(String name) {
        int ti = 0;
        int ni = 0;
        int starTi = -1;
        int starNi = 0;
        int n = name.length();
        while (ni < n) {
            if (ti < tokens.length && tokens[ti] == STAR) {
                starTi = ti++;
                starNi = ni;
            } else if (ti < tokens.length && matchesOne(tokens[ti], name.charAt(ni))) {
                ti++;
                ni++;
            } else if (starTi >= 0) {
                ti = starTi + 1;
                ni = ++starNi;
            } else {
                return false;
            }
        }
        while (ti < tokens.length && tokens[ti] == STAR) {
            ti++;
        }
        return ti == tokens.length;
    }

    private boolean matchesOne(int token, char c) {
        if (token >= 0) {
            return token == c;
        }
        if (token == ONE) {
            return true;
        }
        return classes[CLASS_BASE - token].matches(c);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NamePattern && ((NamePattern) o).expression.equals(expression);
    }

    @Override
    public int hashCode() {
        return expression.hashCode();
    }

    @Override
    public String toString() {
        return expression;
    }

    /** A bracket expression. */
    private static final class CharClass {
        private final boolean negated;
        private final BitSet ascii = new BitSet(128);
        private final List<char[]> ranges = new ArrayList<>();

        private CharClass(boolean negated) {
            this.negated = negated;
        }

        /** Index of the closing ']' of the bracket expression opening at {@code open}, or -1. */
        static int end(String s, int open) {
            int i = open + 1;
            if (i < s.length() && (s.charAt(i) == '!' || s.charAt(i) == '^')) {
                i++;
            }
            // A ']' right after the opening (and negation) is a member, not the end.
            if (i < s.length() && s.charAt(i) == ']') {
                i++;
            }
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c == '[' && i + 1 < s.length() && s.charAt(i + 1) == ':') {
                    int close = s.indexOf(":]", i + 2);
                    if (close >= 0) {
                        i = close + 2;
                        continue;
                    }
                }
                if (c == '\\' && i + 1 < s.length()) {
                    i += 2;
                    continue;
                }
                if (c == ']') {
                    return i;
                }
                i++;
            }
            return -1;
        }

        static CharClass parse(String s, int from, int to) {
            int i = from;
            boolean negated = false;
            if (s.charAt(i) == '!' || s.charAt(i) == '^') {
                negated = true;
                i++;
            }
            CharClass cc = new CharClass(negated);
            boolean first = true;
            while (i < to) {
                char c = s.charAt(i);
                if (c == '[' && i + 1 < to && s.charAt(i + 1) == ':') {
                    int close = s.indexOf(":]", i + 2);
                    if (close >= 0 && close < to) {
                        cc.addNamed(s.substring(i + 2, close));
                        i = close + 2;
                        first = false;
                        continue;
                    }
                }
                if (c == '\\' && i + 1 < to) {
                    c = s.charAt(++i);
                } else if (c == ']' && !first) {
                    break;
                }
                first = false;
                if (i + 2 < to && s.charAt(i + 1) == '-' && s.charAt(i + 2) != ']') {
                    char hi = s.charAt(i + 2);
                    if (hi == '\\' && i + 3 < to) {
                        hi = s.charAt(i + 3);
                        i++;
                    }
                    cc.addRange(c, hi);
                    i += 3;
                } else {
                    cc.addRange(c, c);
                    i++;
                }
            }
            return cc;
        }

        private void addRange(char lo, char hi) {
            if (lo > hi) {
                return;
            }
            if (hi < 128) {
                ascii.set(lo, hi + 1);
            } else {
                ranges.add(new char[] {lo, hi});
            }
        }

        private void addNamed(String name) {
            for (char c = 0; c < 128; c++) {
                if (named(name, c)) {
                    ascii.set(c);
                }
            }
        }

        private static boolean named(String name, char c) {
            switch (name) {
                case "alpha": return Character.isLetter(c);
                case "digit": return c >= '0' && c <= '9';
                case "alnum": return Character.isLetterOrDigit(c);
                case "upper": return Character.isUpperCase(c);
                case "lower": return Character.isLowerCase(c);
                case "space": return c == ' ' || (c >= '\t' && c <= '\r');
                case "blank": return c == ' ' || c == '\t';
                case "punct": return c > 32 && c < 127 && !Character.isLetterOrDigit(c);
                case "xdigit": return Character.digit(c, 16) >= 0;
                case "cntrl": return c < 32 || c == 127;
                case "print": return c >= 32 && c < 127;
                case "graph": return c > 32 && c < 127;
                default: return false;
            }
        }

        boolean matches(char c) {
            boolean in = c < 128 ? ascii.get(c) : inRanges(c);
            return in != negated;
        }

        private boolean inRanges(char c) {
            for (char[] r : ranges) {
                if (c >= r[0] && c <= r[1]) {
                    return true;
                }
            }
            return false;
        }
    }
}

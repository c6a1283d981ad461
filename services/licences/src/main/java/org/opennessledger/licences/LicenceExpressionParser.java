package org.opennessledger.licences;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Recursive-descent parser for SPDX licence expressions (SPDX spec, annex "License Expressions"):
 * <pre>
 *   or-expr   = and-expr *( "OR" and-expr )
 *   and-expr  = with-expr *( "AND" with-expr )
 *   with-expr = "(" or-expr ")" / licence [ "WITH" exception ]
 *   licence   = spdx-id ["+"] / catalogue-id / ["DocumentRef-" idstring ":"] "LicenseRef-" idstring
 *   exception = spdx-exception-id / ["DocumentRef-" idstring ":"] "AdditionRef-" idstring
 * </pre>
 * Operators and ids match case-insensitively. As in SPDX, WITH takes a single licence, never a
 * parenthesised expression. Ids are checked against the bundled {@link SpdxLicenceList} and the
 * {@link LicenceCatalogue}; anything else is rejected with its position.
 */
public final class LicenceExpressionParser {

    public static final int MAX_LENGTH = 1000;

    private static final Pattern LICENSE_REF =
            Pattern.compile("(?i)(DocumentRef-([A-Za-z0-9.\\-]+):)?LicenseRef-([A-Za-z0-9.\\-]+)");
    private static final Pattern ADDITION_REF =
            Pattern.compile("(?i)(DocumentRef-([A-Za-z0-9.\\-]+):)?AdditionRef-([A-Za-z0-9.\\-]+)");

    private enum Kind { OPEN, CLOSE, WORD }

    private record Token(Kind kind, String text, boolean plus, int position) {
        boolean isOperator(String operator) {
            return kind == Kind.WORD && !plus && text.equalsIgnoreCase(operator);
        }

        boolean isAnyOperator() {
            return isOperator("AND") || isOperator("OR") || isOperator("WITH");
        }

        String shown() {
            return plus ? text + "+" : text;
        }
    }

    private final SpdxLicenceList spdx;
    private final String input;
    private final List<Token> tokens;
    private int next;

    private LicenceExpressionParser(SpdxLicenceList spdx, String input) {
        this.spdx = spdx;
        this.input = input;
        this.tokens = tokenize(input);
    }

    /**
     * Parses and validates {@code expression}.
     *
     * @throws InvalidLicenceExpression saying what is wrong and at which position
     */
    public static LicenceExpression parse(String expression) {
        if (expression == null || expression.isBlank()) {
            throw new InvalidLicenceExpression("licence expression is empty", 0);
        }
        if (expression.length() > MAX_LENGTH) {
            throw new InvalidLicenceExpression(
                    "licence expression is longer than " + MAX_LENGTH + " characters", MAX_LENGTH);
        }
        LicenceExpressionParser parser = new LicenceExpressionParser(SpdxLicenceList.bundled(), expression);
        LicenceExpression result = parser.orExpression();
        Token extra = parser.peek();
        if (extra != null) {
            if (extra.kind == Kind.CLOSE) {
                throw parser.error("unexpected ')' at position " + extra.position + " without a matching '('",
                        extra.position);
            }
            throw parser.error("expected AND, OR or WITH at position " + extra.position
                    + " but found '" + extra.shown() + "'", extra.position);
        }
        return result;
    }

    private LicenceExpression orExpression() {
        List<LicenceExpression> operands = new ArrayList<>();
        operands.add(andExpression());
        while (peek() != null && peek().isOperator("OR")) {
            next++;
            operands.add(andExpression());
        }
        return operands.size() == 1 ? operands.get(0) : new LicenceExpression.AnyOf(operands);
    }

    private LicenceExpression andExpression() {
        List<LicenceExpression> operands = new ArrayList<>();
        operands.add(withExpression());
        while (peek() != null && peek().isOperator("AND")) {
            next++;
            operands.add(withExpression());
        }
        return operands.size() == 1 ? operands.get(0) : new LicenceExpression.AllOf(operands);
    }

    private LicenceExpression withExpression() {
        Token token = expectOperand("a licence id or '('");
        if (token.kind == Kind.OPEN) {
            LicenceExpression inner = orExpression();
            Token close = peek();
            if (close == null) {
                throw error("missing ')' to close the '(' at position " + token.position, input.length());
            }
            if (close.kind != Kind.CLOSE) {
                throw error("expected AND, OR or ')' at position " + close.position
                        + " but found '" + close.shown() + "'", close.position);
            }
            next++;
            Token after = peek();
            if (after != null && after.isOperator("WITH")) {
                throw error("WITH at position " + after.position
                        + " must follow a single licence id, not a parenthesised expression", after.position);
            }
            return inner;
        }
        LicenceExpression.Licence licence = licence(token);
        if (peek() != null && peek().isOperator("WITH")) {
            next++;
            Token exception = expectOperand("a licence exception id");
            if (exception.kind != Kind.WORD) {
                throw error("expected a licence exception id at position " + exception.position
                        + " but found '" + exception.text + "'", exception.position);
            }
            return new LicenceExpression.WithException(licence, exception(exception));
        }
        return licence;
    }

    /** Takes the next token, which must exist and must not be an operator or ')'. */
    private Token expectOperand(String expected) {
        Token token = peek();
        if (token == null) {
            Token previous = tokens.isEmpty() ? null : tokens.get(tokens.size() - 1);
            String after = previous == null ? "" : " after '" + previous.shown() + "'";
            throw error("licence expression ends" + after + "; expected " + expected
                    + " at position " + input.length(), input.length());
        }
        if (token.kind == Kind.CLOSE) {
            throw error("expected " + expected + " at position " + token.position + " but found ')'", token.position);
        }
        if (token.isAnyOperator()) {
            throw error("expected " + expected + " at position " + token.position
                    + " but found operator '" + token.text.toUpperCase(Locale.ROOT) + "'", token.position);
        }
        next++;
        return token;
    }

    private LicenceExpression.Licence licence(Token token) {
        String text = token.text;
        int at = token.position;
        var ref = LICENSE_REF.matcher(text);
        if (ref.matches()) {
            if (token.plus) {
                throw error("'+' at position " + (at + text.length()) + " applies only to SPDX licence ids, not to "
                        + text, at + text.length());
            }
            String canonical = (ref.group(1) == null ? "" : "DocumentRef-" + ref.group(2) + ":")
                    + "LicenseRef-" + ref.group(3);
            return new LicenceExpression.Licence(canonical, LicenceExpression.Source.LICENSE_REF, false);
        }
        if (text.contains(":")) {
            throw error("malformed reference '" + text + "' at position " + at
                    + "; expected DocumentRef-<id>:LicenseRef-<id>", at);
        }
        Optional<LicenceCatalogue> catalogued = LicenceCatalogue.fromId(text);
        if (catalogued.isPresent()) {
            if (token.plus) {
                throw error("'+' at position " + (at + text.length()) + " applies only to SPDX licence ids, not to "
                        + "the catalogue licence " + catalogued.get().id(), at + text.length());
            }
            return new LicenceExpression.Licence(catalogued.get().id(), LicenceExpression.Source.CATALOGUE, false);
        }
        Optional<SpdxLicenceList.ListedLicence> listed = spdx.licence(text);
        if (listed.isPresent()) {
            return new LicenceExpression.Licence(listed.get().id(), LicenceExpression.Source.SPDX, token.plus);
        }
        if (spdx.exception(text).isPresent()) {
            throw error("'" + text + "' at position " + at + " is a licence exception; it can only follow WITH", at);
        }
        List<String> candidates = new ArrayList<>(spdx.licenceIds());
        for (LicenceCatalogue known : LicenceCatalogue.values()) {
            candidates.add(known.id());
        }
        throw error("unknown licence id '" + text + "' at position " + at + suggestion(text, candidates)
                + " (use an SPDX licence id, a catalogue id such as llama3.1-community, or LicenseRef-<name>)", at);
    }

    private String exception(Token token) {
        String text = token.text;
        int at = token.position;
        if (token.plus) {
            throw error("'+' at position " + (at + text.length()) + " cannot follow a licence exception",
                    at + text.length());
        }
        var ref = ADDITION_REF.matcher(text);
        if (ref.matches()) {
            return (ref.group(1) == null ? "" : "DocumentRef-" + ref.group(2) + ":") + "AdditionRef-" + ref.group(3);
        }
        Optional<SpdxLicenceList.ListedException> listed = spdx.exception(text);
        if (listed.isPresent()) {
            return listed.get().id();
        }
        if (spdx.licence(text).isPresent() || LicenceCatalogue.fromId(text).isPresent()) {
            throw error("'" + text + "' at position " + at + " is a licence, not a licence exception; "
                    + "combine licences with AND or OR", at);
        }
        throw error("unknown licence exception '" + text + "' at position " + at
                + suggestion(text, spdx.exceptionIds()), at);
    }

    private Token peek() {
        return next < tokens.size() ? tokens.get(next) : null;
    }

    private InvalidLicenceExpression error(String message, int position) {
        return new InvalidLicenceExpression(message, position);
    }

    private static List<Token> tokenize(String input) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < input.length()) {
            char c = input.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(') {
                tokens.add(new Token(Kind.OPEN, "(", false, i++));
            } else if (c == ')') {
                tokens.add(new Token(Kind.CLOSE, ")", false, i++));
            } else if (isWordChar(c)) {
                int start = i;
                while (i < input.length() && isWordChar(input.charAt(i))) {
                    i++;
                }
                boolean plus = i < input.length() && input.charAt(i) == '+';
                tokens.add(new Token(Kind.WORD, input.substring(start, i), plus, start));
                if (plus) {
                    i++;
                }
            } else {
                throw new InvalidLicenceExpression(
                        "unexpected character '" + c + "' at position " + i, i);
            }
        }
        return tokens;
    }

    private static boolean isWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == ':';
    }

    /** "; did you mean X?" for the closest id within a small edit distance, else "". */
    private static String suggestion(String text, Iterable<String> candidates) {
        String lower = text.toLowerCase(Locale.ROOT);
        int allowed = Math.min(3, Math.max(1, lower.length() / 4));
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int distance = editDistance(lower, candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance || (distance == bestDistance && candidate.compareTo(best) < 0)) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best != null && bestDistance <= allowed ? "; did you mean " + best + "?" : "";
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}

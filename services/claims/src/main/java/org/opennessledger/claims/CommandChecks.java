package org.opennessledger.claims;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;
import org.opennessledger.contracts.errors.CommandRejected;
import org.opennessledger.contracts.values.Verdict;

/** Content rules shared by command handlers; each failure is a CommandRejected INVALID naming the field. */
public final class CommandChecks {

    /** Model and release ids: lower case, digits and . _ -, starting with a letter or digit, at most 100. */
    public static final Pattern SLUG = Pattern.compile("^[a-z0-9][a-z0-9._-]{0,99}$");
    private static final Pattern UUID_TEXT =
            Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
    public static final int MAX_URL_LENGTH = 2048;

    private CommandChecks() {
    }

    public static String slug(String value, String field) {
        if (value == null || !SLUG.matcher(value).matches()) {
            throw CommandRejected.invalid(field + " must match " + SLUG.pattern() + " (lower-case letters, digits,"
                    + " '.', '_' or '-', at most 100 characters), got " + quoted(value));
        }
        return value;
    }

    public static String uuid(String value, String field) {
        if (value == null || !UUID_TEXT.matcher(value).matches()) {
            throw CommandRejected.invalid(field + " must be a UUID such as 123e4567-e89b-12d3-a456-426614174000, got "
                    + quoted(value));
        }
        return value;
    }

    /** Required text of {@code min..max} characters after stripping surrounding white space; returns it stripped. */
    public static String text(String value, String field, int min, int max) {
        String stripped = value == null ? "" : value.strip();
        if (stripped.length() < min) {
            throw CommandRejected.invalid(field + " is required");
        }
        return atMost(stripped, field, max);
    }

    /**
     * Refuses text longer than {@code max} characters, counted as Unicode code points (as JSON
     * Schema's maxLength counts them), so that an emoji is one character here as in the API.
     */
    public static String atMost(String value, String field, int max) {
        int length = value.codePointCount(0, value.length());
        if (length > max) {
            throw CommandRejected.invalid(field + " is longer than " + max + " characters (" + length + ")");
        }
        return value;
    }

    /** Optional text of at most {@code max} characters; blank becomes null. */
    public static String optionalText(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return text(value, field, 1, max);
    }

    public static String httpUrl(String value, String field) {
        if (value == null || value.isBlank()) {
            throw CommandRejected.invalid(field + " is empty");
        }
        if (value.length() > MAX_URL_LENGTH) {
            throw CommandRejected.invalid(field + " is longer than " + MAX_URL_LENGTH + " characters");
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    || uri.getHost() == null) {
                throw CommandRejected.invalid(field + " must be an absolute http(s) URL, got " + quoted(value));
            }
        } catch (URISyntaxException e) {
            throw CommandRejected.invalid(field + " is not a valid URL: " + quoted(value));
        }
        return value;
    }

    /**
     * A review's reason: stripped, null when blank, at most {@code max} characters, and required to disagree
     * (a disagreement must say why, for the author and for later readers).
     */
    public static String reviewReason(Verdict verdict, String reason, int max) {
        String stripped = reason == null || reason.isBlank() ? null : reason.strip();
        if (verdict == Verdict.DISAGREE && stripped == null) {
            throw CommandRejected.invalid("disagreeing needs a reason");
        }
        return stripped == null ? null : atMost(stripped, "reason", max);
    }

    public static <T> T required(T value, String field) {
        if (value == null) {
            throw CommandRejected.invalid(field + " is required");
        }
        return value;
    }

    private static String quoted(String value) {
        return value == null ? "nothing" : "'" + value + "'";
    }
}

package org.opennessledger.interop;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Ids derived from names, when a client gives none or an importer reads only names: "Llama 3.1 (8B)"
 * becomes "llama-3.1-8b".
 */
public final class Slugs {

    static final int MAX_LENGTH = 100;
    private static final Pattern DIACRITICS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_ALLOWED = Pattern.compile("[^a-z0-9.]+");
    private static final Pattern EDGES = Pattern.compile("^[.-]+|[.-]+$");
    private static final Pattern SEPARATOR_RUNS = Pattern.compile("-*\\.-*(?:\\.-*)*");

    private Slugs() {
    }

    /** The slug of {@code name}, or empty when nothing usable is left (e.g. a name of only symbols). */
    public static Optional<String> fromName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String ascii = DIACRITICS.matcher(Normalizer.normalize(name, Normalizer.Form.NFKD)).replaceAll("");
        String slug = NOT_ALLOWED.matcher(ascii.toLowerCase(Locale.ROOT)).replaceAll("-");
        // "3 . 1" must not become "3-.-1": a dot with dashes around it is just a dot.
        slug = SEPARATOR_RUNS.matcher(slug).replaceAll(".");
        slug = EDGES.matcher(slug).replaceAll("");
        if (slug.length() > MAX_LENGTH) {
            slug = EDGES.matcher(slug.substring(0, MAX_LENGTH)).replaceAll("");
        }
        return slug.isEmpty() ? Optional.empty() : Optional.of(slug);
    }
}

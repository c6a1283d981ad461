package org.opennessledger.licences;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The SPDX licence and exception ids, bundled as data files so that validation needs no network.
 * SPDX ids match case-insensitively; look-ups return the canonical spelling.
 */
public final class SpdxLicenceList {

    /** One listed licence, as the SPDX License List describes it. */
    public record ListedLicence(String id, boolean osiApproved, boolean fsfLibre, boolean deprecated, String title) {
    }

    /** One listed licence exception (the operand of WITH). */
    public record ListedException(String id, boolean deprecated, String title) {
    }

    private static final SpdxLicenceList BUNDLED = load();

    private final Map<String, ListedLicence> licences;
    private final Map<String, ListedException> exceptions;

    private SpdxLicenceList(Map<String, ListedLicence> licences, Map<String, ListedException> exceptions) {
        this.licences = Collections.unmodifiableMap(licences);
        this.exceptions = Collections.unmodifiableMap(exceptions);
    }

    public static SpdxLicenceList bundled() {
        return BUNDLED;
    }

    public Optional<ListedLicence> licence(String id) {
        return Optional.ofNullable(licences.get(id.toLowerCase(Locale.ROOT)));
    }

    public Optional<ListedException> exception(String id) {
        return Optional.ofNullable(exceptions.get(id.toLowerCase(Locale.ROOT)));
    }

    /** Canonical licence ids, for suggestions. */
    public Set<String> licenceIds() {
        return licences.values().stream().map(ListedLicence::id)
                .collect(Collectors.toUnmodifiableSet());
    }

    public Set<String> exceptionIds() {
        return exceptions.values().stream().map(ListedException::id)
                .collect(Collectors.toUnmodifiableSet());
    }

    private static SpdxLicenceList load() {
        Map<String, ListedLicence> licences = new LinkedHashMap<>();
        for (String[] row : rows("spdx-licences.tsv", 5)) {
            licences.put(row[0].toLowerCase(Locale.ROOT),
                    new ListedLicence(row[0], Boolean.parseBoolean(row[1]), Boolean.parseBoolean(row[2]),
                            Boolean.parseBoolean(row[3]), row[4]));
        }
        Map<String, ListedException> exceptions = new LinkedHashMap<>();
        for (String[] row : rows("spdx-exceptions.tsv", 3)) {
            exceptions.put(row[0].toLowerCase(Locale.ROOT),
                    new ListedException(row[0], Boolean.parseBoolean(row[1]), row[2]));
        }
        return new SpdxLicenceList(licences, exceptions);
    }

    private static List<String[]> rows(String resource, int columns) {
        try (InputStream in = SpdxLicenceList.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("bundled SPDX data file is missing: " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String[]> rows = new ArrayList<>();
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] row = line.split("\t", -1);
                if (row.length != columns) {
                    throw new IllegalStateException("malformed line in " + resource + ": " + line);
                }
                rows.add(row);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled SPDX data file " + resource, e);
        }
    }
}

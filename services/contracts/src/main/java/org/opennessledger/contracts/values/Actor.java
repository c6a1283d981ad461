package org.opennessledger.contracts.values;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who issued a command: the identity provider's stable subject id (never an e-mail) and the
 * roles the token granted. Travels as message metadata (see {@link LedgerMetaData}).
 */
public record Actor(String subject, Set<Role> roles) {

    public static final Actor SYSTEM = new Actor("system", EnumSet.of(Role.SYSTEM));

    public Actor {
        Objects.requireNonNull(subject, "actor subject is required");
        if (subject.isBlank()) {
            throw new IllegalArgumentException("actor subject is blank");
        }
        roles = roles == null || roles.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(roles));
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Roles as the comma-separated ids stored in metadata, e.g. "reviewer,moderator". */
    public String rolesAsString() {
        return roles.stream().map(Role::id).sorted().collect(Collectors.joining(","));
    }

    /** Parses the metadata form; unknown role names are ignored (they grant nothing here). */
    public static Set<Role> parseRoles(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(commaSeparated.split(","))
                .map(String::trim)
                .map(Role::fromId)
                .flatMap(java.util.Optional::stream)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }
}

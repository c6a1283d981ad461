package org.opennessledger.contracts.values;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who issued a command: the identity provider's stable subject id (never an e-mail), the roles the
 * token granted and, for producers, the organisation the token says they speak for (null for
 * everyone else). Travels as message metadata (see {@link LedgerMetaData}).
 */
public record Actor(String subject, Set<Role> roles, String producerOrg) {

    public static final Actor SYSTEM = new Actor("system", EnumSet.of(Role.SYSTEM));

    public Actor {
        Objects.requireNonNull(subject, "actor subject is required");
        if (subject.isBlank()) {
            throw new IllegalArgumentException("actor subject is blank");
        }
        roles = roles == null || roles.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(roles));
        producerOrg = producerOrg == null || producerOrg.isBlank() ? null : producerOrg.strip();
    }

    /** An actor who speaks for no producer organisation. */
    public Actor(String subject, Set<Role> roles) {
        this(subject, roles, null);
    }

    /** Whether this actor is a producer speaking for {@code organisation} (compared ignoring case). */
    public boolean speaksFor(String organisation) {
        return has(Role.PRODUCER) && producerOrg != null && organisation != null
                && producerOrg.equalsIgnoreCase(organisation.strip());
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

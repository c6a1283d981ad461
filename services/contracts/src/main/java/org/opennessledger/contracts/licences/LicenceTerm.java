package org.opennessledger.contracts.licences;

import java.util.Arrays;
import java.util.Optional;

/**
 * The structured properties of a catalogue licence (its terms) that an annotated passage can support,
 * with the ids the API uses.
 */
public enum LicenceTerm {
    USE_SCOPE_RESTRICTED("use-scope-restricted"),
    ACCEPTABLE_USE_POLICY("acceptable-use-policy"),
    MONTHLY_ACTIVE_USERS("monthly-active-users"),
    COMMERCIAL_USE("commercial-use"),
    ATTRIBUTION_DUTY("attribution-duty"),
    NAMING_DUTY("naming-duty");

    private final String id;

    LicenceTerm(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<LicenceTerm> fromId(String id) {
        return Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst();
    }
}

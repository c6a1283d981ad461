package org.opennessledger.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.opennessledger.contracts.values.Role;

/** Which realm roles a token grants in the ledger. */
class RealmRolesTest {

    @Test
    void onlyLedgerRolesCountAndSystemIsNeverGrantedByAToken() {
        JsonObject claims = new JsonObject().put("realm_access", new JsonObject().put("roles", new JsonArray()
                .add("default-roles-openness").add("system").add("admin").add("reviewer").add("offline_access")));

        assertThat(KeycloakTokenVerifier.realmRoles(claims)).containsExactlyInAnyOrder(Role.ADMIN, Role.REVIEWER);
    }

    @Test
    void tokenWithoutRealmRolesGrantsNone() {
        assertThat(KeycloakTokenVerifier.realmRoles(new JsonObject())).isEmpty();
        assertThat(KeycloakTokenVerifier.realmRoles(new JsonObject().put("realm_access", "reviewer"))).isEmpty();
    }
}

package org.opennessledger.gateway.auth;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.User;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.opennessledger.contracts.values.Actor;
import org.opennessledger.contracts.values.Role;
import org.opennessledger.gateway.GatewaySettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks Keycloak access tokens locally: signature against the realm's JWKS, issuer, audience,
 * expiry, and that it is an access token ({@code typ: Bearer}). The JWKS is fetched lazily, on the
 * first token or health check, so the gateway starts without Keycloak; again when a token names a
 * key not seen yet (Keycloak rotated its keys), at most once per {@link #REFRESH_INTERVAL_MS} so that
 * made-up key ids cannot make the gateway hammer Keycloak; and when the keys are older than 15 minutes.
 * Used from one event loop.
 */
public final class KeycloakTokenVerifier {

    /** As long as a model's producer may be (ModelFamily.MAX_PRODUCER). */
    private static final int MAX_DISPLAY_NAME = 100;
    private static final int MAX_PRODUCER_ORG = 200;

    /** Fewest milliseconds between two JWKS fetches triggered by unknown key ids. */
    static final long REFRESH_INTERVAL_MS = 10_000;
    /** Keys are re-read after this long even if every token names a known key. */
    private static final long MAX_KEY_AGE_MS = 15 * 60_000;
    private static final int LEEWAY_SECONDS = 5;
    private static final Set<String> SIGNATURE_ALGORITHMS =
            Set.of("RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512");
    private static final Pattern JWS_COMPACT =
            Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");

    private static final Logger LOG = LoggerFactory.getLogger(KeycloakTokenVerifier.class);

    private final Vertx vertx;
    private final GatewaySettings settings;
    private final HttpClient http;

    private KeySet keys;
    private Future<KeySet> fetching;
    private long lastUnknownKeyRefreshAt = Long.MIN_VALUE / 2;
    private long lastBackgroundRefreshAt = Long.MIN_VALUE / 2;

    private record KeySet(JWTAuth auth, Set<String> keyIds, long fetchedAt) {
    }

    public KeycloakTokenVerifier(Vertx vertx, GatewaySettings settings) {
        this.vertx = vertx;
        this.settings = settings;
        this.http = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(3_000));
    }

    /** The actor the token speaks for, or a failed future with {@link InvalidTokenException}. */
    public Future<Actor> verify(String token) {
        return verifyIdentity(token).map(Identity::actor);
    }

    /** As {@link #verify}, with the display name the token gives (for the profile store only). */
    public Future<Identity> verifyIdentity(String token) {
        if (token == null || !JWS_COMPACT.matcher(token).matches()) {
            return Future.failedFuture(new InvalidTokenException("the bearer token is not a signed JWT"));
        }
        JsonObject header;
        try {
            header = new JsonObject(Buffer.buffer(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.')))));
        } catch (IllegalArgumentException | DecodeException | ClassCastException e) {
            return Future.failedFuture(new InvalidTokenException("the token's header is not readable"));
        }
        String algorithm = header.getValue("alg") instanceof String alg ? alg : null;
        if (algorithm == null || !SIGNATURE_ALGORITHMS.contains(algorithm)) {
            return Future.failedFuture(new InvalidTokenException("the token is not signed with an accepted algorithm"));
        }
        String keyId = header.getValue("kid") instanceof String kid ? kid : null;
        return keysFor(keyId).compose(current -> {
            if (keyId != null && !current.keyIds().contains(keyId)) {
                return Future.failedFuture(new InvalidTokenException("the token is signed with a key the realm does not publish"));
            }
            return current.auth().authenticate(new TokenCredentials(token))
                    .recover(error -> Future.failedFuture(new InvalidTokenException(describe(error, token))))
                    .compose(this::toIdentity);
        });
    }

    /**
     * Health: up when the realm's discovery document names the expected issuer and its signing
     * keys are loaded (fetching them if they are not yet).
     */
    public Future<Boolean> probe() {
        return get(settings.discoveryUrl()).compose(discovery -> {
            String issuer = discovery.getString("issuer");
            if (!settings.issuer().equals(issuer)) {
                return Future.failedFuture(new IllegalStateException("the realm reports issuer " + issuer
                        + ", tokens are expected from " + settings.issuer()));
            }
            return keys != null ? Future.succeededFuture(true) : fetchKeys().map(true);
        });
    }

    public Future<Void> close() {
        return http.close();
    }

    private Future<KeySet> keysFor(String keyId) {
        long now = System.currentTimeMillis();
        KeySet current = keys;
        if (current == null) {
            return fetchKeys();
        }
        if (keyId != null && !current.keyIds().contains(keyId) && now - lastUnknownKeyRefreshAt >= REFRESH_INTERVAL_MS) {
            lastUnknownKeyRefreshAt = now;
            // A refresh that fails keeps the keys we had: Keycloak being away must not lock out tokens it signed.
            return fetchKeys().recover(error -> Future.succeededFuture(current));
        }
        if (now - current.fetchedAt() > MAX_KEY_AGE_MS && fetching == null
                && now - lastBackgroundRefreshAt >= REFRESH_INTERVAL_MS) {
            // Old keys are still good keys: refresh in the background, answer now.
            lastBackgroundRefreshAt = now;
            fetchKeys();
        }
        return Future.succeededFuture(current);
    }

    /** One fetch at a time; concurrent callers share it. */
    private Future<KeySet> fetchKeys() {
        if (fetching != null) {
            return fetching;
        }
        Promise<KeySet> promise = Promise.promise();
        fetching = promise.future();
        get(settings.jwksUrl()).map(this::toKeySet).onComplete(result -> {
            fetching = null;
            if (result.succeeded()) {
                keys = result.result();
                LOG.info("loaded {} signing key(s) of realm {}: {}", keys.keyIds().size(), settings.realm(), keys.keyIds());
                promise.complete(keys);
            } else {
                LOG.warn("could not load the signing keys of realm {} from {}: {}", settings.realm(),
                        settings.jwksUrl(), result.cause().toString());
                promise.fail(new IdentityProviderUnavailableException(
                        "the identity provider's signing keys are not available", result.cause()));
            }
        });
        return promise.future();
    }

    private KeySet toKeySet(JsonObject jwks) {
        JsonArray published = jwks.getJsonArray("keys", new JsonArray());
        List<JsonObject> signing = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Object entry : published) {
            if (entry instanceof JsonObject key && isSigningKey(key)) {
                signing.add(key);
                if (key.getString("kid") != null) {
                    ids.add(key.getString("kid"));
                }
            }
        }
        // Never build a verifier without keys: with none, the JWT library would accept unsigned tokens.
        if (signing.isEmpty()) {
            throw new IllegalStateException("the realm publishes no signing key");
        }
        JWTOptions checks = new JWTOptions()
                .setIssuer(settings.issuer())
                .setAudience(List.of(settings.audience()))
                .setLeeway(LEEWAY_SECONDS)
                .setIgnoreExpiration(false);
        JWTAuth auth = JWTAuth.create(vertx, new JWTAuthOptions().setJwks(signing).setJWTOptions(checks));
        return new KeySet(auth, Set.copyOf(ids), System.currentTimeMillis());
    }

    private static boolean isSigningKey(JsonObject key) {
        String use = key.getString("use");
        String alg = key.getString("alg");
        return (use == null || use.equals("sig")) && (alg == null || SIGNATURE_ALGORITHMS.contains(alg));
    }

    private Future<Identity> toIdentity(User user) {
        JsonObject claims = user.attributes().getJsonObject("accessToken");
        if (claims == null) {
            return Future.failedFuture(new InvalidTokenException("the token carries no claims"));
        }
        if (!(claims.getValue("exp") instanceof Number)) {
            return Future.failedFuture(new InvalidTokenException("the token has no expiry"));
        }
        // Keycloak marks access tokens "Bearer"; ID and refresh tokens are not credentials for the API.
        if (!"Bearer".equalsIgnoreCase(claims.getValue("typ") instanceof String typ ? typ : null)) {
            return Future.failedFuture(new InvalidTokenException("the token is not an access token"));
        }
        String subject = claims.getValue("sub") instanceof String sub ? sub : null;
        if (subject == null || subject.isBlank()) {
            return Future.failedFuture(new InvalidTokenException("the token has no subject"));
        }
        return Future.succeededFuture(new Identity(new Actor(subject, realmRoles(claims), producerOrg(claims)),
                displayName(claims)));
    }

    /** The name to show for the person: preferred_username, else name; a short single line, else none. */
    private static String displayName(JsonObject claims) {
        for (String claim : List.of("preferred_username", "name")) {
            if (claims.getValue(claim) instanceof String name && !name.isBlank() && name.length() <= MAX_DISPLAY_NAME
                    && name.chars().noneMatch(Character::isISOControl)) {
                return name.strip();
            }
        }
        return null;
    }

    /**
     * The organisation a producer speaks for: the realm maps the user attribute {@code producer_org}
     * into the token. Anything but a short single string is ignored (it then grants nothing).
     */
    private static String producerOrg(JsonObject claims) {
        return claims.getValue("producer_org") instanceof String org && !org.isBlank()
                && org.length() <= MAX_PRODUCER_ORG ? org.strip() : null;
    }

    /** Realm roles that mean something to the ledger; "system" is the platform's own and never granted by a token. */
    static Set<Role> realmRoles(JsonObject claims) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        JsonObject realmAccess = claims.getValue("realm_access") instanceof JsonObject access ? access : null;
        JsonArray names = realmAccess != null && realmAccess.getValue("roles") instanceof JsonArray array ? array : null;
        if (names == null) {
            return roles;
        }
        for (Object name : names) {
            if (name instanceof String id) {
                Role.fromId(id).filter(role -> role != Role.SYSTEM).ifPresent(roles::add);
            }
        }
        return roles;
    }

    private static String describe(Throwable error, String token) {
        String message = error.getMessage() == null ? "" : error.getMessage();
        // Vert.x reports a token from the future (nbf or iat after now) as "expired" too; only a time
        // check's refusal is worded from the (unverified) claims, never a bad signature's or audience's
        if (message.contains("expired") && fromTheFuture(token)) {
            return "the token is not valid yet; check the clocks of this server and of Keycloak";
        }
        if (message.contains("expired")) {
            return "the token has expired; get a new one";
        }
        if (message.contains("audience")) {
            return "the token is not issued for this API (audience)";
        }
        if (message.contains("issuer")) {
            return "the token is issued by another realm or server";
        }
        if (message.contains("Signature") || message.contains("signature")) {
            return "the token's signature does not verify";
        }
        return "the token cannot be verified";
    }

    /** Whether a token Vert.x refused says it is not valid before a time still to come (only to word the refusal). */
    private static boolean fromTheFuture(String token) {
        try {
            JsonObject claims = new JsonObject(new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]),
                    java.nio.charset.StandardCharsets.UTF_8));
            long now = System.currentTimeMillis() / 1000 + LEEWAY_SECONDS;
            return claims.getValue("nbf") instanceof Number nbf && nbf.longValue() > now
                    || claims.getValue("iat") instanceof Number iat && iat.longValue() > now;
        } catch (RuntimeException unreadable) {
            return false;
        }
    }

    private Future<JsonObject> get(String url) {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(url)
                .setIdleTimeout(5_000).putHeader("Accept", "application/json");
        return http.request(options)
                .compose(request -> request.send())
                .compose(response -> {
                    if (response.statusCode() != 200) {
                        return Future.failedFuture(new IllegalStateException(url + " answered " + response.statusCode()));
                    }
                    return response.body();
                })
                .map(body -> new JsonObject(body.toString(StandardCharsets.UTF_8)));
    }
}

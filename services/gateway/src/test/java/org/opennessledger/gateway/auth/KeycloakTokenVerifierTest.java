package org.opennessledger.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opennessledger.contracts.values.Actor;
import org.opennessledger.contracts.values.Role;
import org.opennessledger.gateway.GatewaySettings;

/**
 * The token checks that real Keycloak tokens cannot exercise on demand (a token that really
 * expired, another issuer, key rotation), against a JWKS served over HTTP on 127.0.0.1 by the test
 * with keys it made. The end-to-end checks with Keycloak's own tokens are in AuthenticationTest.
 */
@ExtendWith(VertxExtension.class)
class KeycloakTokenVerifierTest {

    private final List<SigningKey> published = new CopyOnWriteArrayList<>();
    private final AtomicInteger jwksFetches = new AtomicInteger();
    private Vertx vertx;
    private String issuer;
    private KeycloakTokenVerifier verifier;

    private record SigningKey(String kid, KeyPair pair) {
        JsonObject jwk() {
            RSAPublicKey key = (RSAPublicKey) pair.getPublic();
            return new JsonObject().put("kid", kid).put("kty", "RSA").put("alg", "RS256").put("use", "sig")
                    .put("n", unsigned(key.getModulus())).put("e", unsigned(key.getPublicExponent()));
        }
    }

    @BeforeEach
    void serveJwks(Vertx vertx) throws Exception {
        this.vertx = vertx;
        published.add(newKey("key-1"));
        HttpServer server = vertx.createHttpServer().requestHandler(request -> {
            if (request.path().endsWith("/protocol/openid-connect/certs")) {
                jwksFetches.incrementAndGet();
                JsonArray keys = new JsonArray();
                published.forEach(k -> keys.add(k.jwk()));
                keys.add(new JsonObject().put("kid", "enc-key").put("kty", "RSA").put("alg", "RSA-OAEP").put("use", "enc")
                        .put("n", published.get(0).jwk().getString("n")).put("e", "AQAB"));
                request.response().end(new JsonObject().put("keys", keys).encode());
            } else if (request.path().endsWith("/.well-known/openid-configuration")) {
                request.response().end(new JsonObject().put("issuer", issuer).encode());
            } else {
                request.response().setStatusCode(404).end();
            }
        }).listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
        String baseUrl = "http://127.0.0.1:" + server.actualPort();
        GatewaySettings settings = new GatewaySettings("127.0.0.1", 0, baseUrl, "openness", "ledger-api", null);
        issuer = settings.issuer();
        verifier = new KeycloakTokenVerifier(vertx, settings);
    }

    @Test
    void validAccessTokenGivesTheSubjectAndLedgerRoles() throws Exception {
        Actor actor = verify(token(published.get(0), claims()));

        assertThat(actor.subject()).isEqualTo("3d8b2f7e-subject");
        assertThat(actor.roles()).containsExactly(Role.REVIEWER);
    }

    @Test
    void tokenThatExpiredIsRefused() throws Exception {
        long now = System.currentTimeMillis() / 1000;
        JsonObject claims = claims().put("iat", now - 3_600).put("exp", now - 60);

        assertThat(refusal(token(published.get(0), claims))).contains("expired");
    }

    @Test
    void tokenWithoutExpiryIsRefused() throws Exception {
        JsonObject claims = claims();
        claims.remove("exp");

        assertThat(refusal(token(published.get(0), claims))).contains("expiry");
    }

    @Test
    void tokenOfAnotherIssuerIsRefused() throws Exception {
        assertThat(refusal(token(published.get(0), claims().put("iss", "http://127.0.0.1:1/realms/openness"))))
                .contains("issued by another");
    }

    @Test
    void tokenWithoutTheApiAudienceIsRefused() throws Exception {
        assertThat(refusal(token(published.get(0), claims().put("aud", new JsonArray().add("account")))))
                .contains("audience");
    }

    @Test
    void refreshTokenOrIdTokenIsNotAnAccessToken() throws Exception {
        assertThat(refusal(token(published.get(0), claims().put("typ", "Refresh")))).contains("not an access token");
        assertThat(refusal(token(published.get(0), claims().put("typ", "ID")))).contains("not an access token");
    }

    @Test
    void rotatedKeyIsFetchedWhenATokenNamesItAndUnknownKeysStayRefused() throws Exception {
        verify(token(published.get(0), claims()));
        assertThat(jwksFetches).hasValue(1);

        SigningKey rotated = newKey("key-2");
        published.add(rotated);
        assertThat(verify(token(rotated, claims())).subject()).isEqualTo("3d8b2f7e-subject");
        assertThat(jwksFetches).hasValue(2);

        // a made-up key id right after a fetch does not make the gateway hammer Keycloak
        assertThat(refusal(token(newKey("key-9"), claims()))).contains("key the realm does not publish");
        assertThat(jwksFetches).hasValue(2);
    }

    @Test
    void tokenSignedByAnotherKeyWithAKnownKeyIdIsRefused() throws Exception {
        SigningKey impostor = new SigningKey("key-1", newKey("x").pair());

        assertThat(refusal(token(impostor, claims()))).contains("signature");
    }

    @Test
    void tokenNotValidYetIsRefused() throws Exception {
        long now = System.currentTimeMillis() / 1000;

        assertThat(refusal(token(published.get(0), claims().put("nbf", now + 600)))).contains("not valid yet");
        assertThat(refusal(token(published.get(0), claims().put("iat", now + 600)))).contains("not valid yet");
    }

    @Test
    void aForgedTokenFromTheFutureIsRefusedForItsSignatureNotItsClock() throws Exception {
        long now = System.currentTimeMillis() / 1000;
        SigningKey impostor = new SigningKey("key-1", newKey("x").pair());

        assertThat(refusal(token(impostor, claims().put("nbf", now + 600)))).contains("signature")
                .doesNotContain("not valid yet");
    }

    @Test
    void hs256SignedWithThePublishedPublicKeyIsRefused() throws Exception {
        // the classic confusion: the realm's public key used as an HMAC secret
        byte[] secret = published.get(0).pair().getPublic().getEncoded();
        String header = base64(new JsonObject().put("alg", "HS256").put("typ", "JWT").put("kid", "key-1").encode());
        String payload = base64(claims().encode());
        Mac hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec(secret, "HmacSHA256"));
        String signature = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(hmac.doFinal((header + "." + payload).getBytes(StandardCharsets.US_ASCII)));

        assertThat(refusal(header + "." + payload + "." + signature)).contains("not signed with an accepted algorithm");
    }

    @Test
    void aValidTokenOfAnotherRealmIsRefused() throws Exception {
        // signed by that realm's own key, naming that realm as issuer: neither is this realm's
        SigningKey otherRealm = newKey("other-realm-key");
        String otherIssuer = issuer.replace("/realms/openness", "/realms/elsewhere");

        assertThat(refusal(token(otherRealm, claims().put("iss", otherIssuer)))).contains("key the realm does not publish");
    }

    @Test
    void probeIsUpWhenTheRealmAnswersWithTheExpectedIssuer() throws Exception {
        assertThat(onLoop(() -> verifier.probe()).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS))
                .isTrue();
        issuer = "http://elsewhere/realms/openness";
        Throwable down = catchThrowable(() -> onLoop(() -> verifier.probe()).await(10, TimeUnit.SECONDS));
        assertThat(down).hasMessageContaining("elsewhere");
    }

    private JsonObject claims() {
        long now = System.currentTimeMillis() / 1000;
        return new JsonObject().put("iss", issuer).put("aud", new JsonArray().add("ledger-api").add("account"))
                .put("sub", "3d8b2f7e-subject").put("typ", "Bearer").put("iat", now).put("exp", now + 300)
                .put("realm_access", new JsonObject().put("roles", new JsonArray().add("reviewer").add("offline_access")));
    }

    private Actor verify(String token) throws Exception {
        return onLoop(() -> verifier.verify(token)).await(10, TimeUnit.SECONDS);
    }

    private String refusal(String token) {
        Throwable error = catchThrowable(() -> verify(token));
        assertThat(error).isInstanceOf(InvalidTokenException.class);
        return error.getMessage();
    }

    /** The verifier lives on one event loop, as in the gateway. */
    private <T> Future<T> onLoop(Supplier<Future<T>> action) {
        Context context = vertx.getOrCreateContext();
        Promise<T> promise = Promise.promise();
        context.runOnContext(v -> action.get().onComplete(promise));
        return promise.future();
    }

    private static SigningKey newKey(String kid) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return new SigningKey(kid, generator.generateKeyPair());
    }

    private static String token(SigningKey key, JsonObject claims) throws GeneralSecurityException {
        String header = base64(new JsonObject().put("alg", "RS256").put("typ", "JWT").put("kid", key.kid()).encode());
        String payload = base64(claims.encode());
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(key.pair().getPrivate());
        rsa.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
        return header + "." + payload + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign());
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

package org.opennessledger.platform.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;

/**
 * Hostile requests to every write operation of the API description: malformed and truncated JSON,
 * bodies that are not objects, objects with properties the description does not allow (holding
 * script, unicode edge cases, deep nesting and wrong types), oversize bodies, other content types,
 * and malformed path ids. Each must be refused with a 4xx problem+json and none may store anything:
 * no 5xx, and the audit chain's head is where it was.
 */
class HostileInputTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SOME_ID = "5f0c2a9e-7b1d-4c3e-9a8f-1b2c3d4e5f60";

    /** {@code bodyRequired}: false where the description lets the body be left out (taking a dispute). */
    private record Write(String method, String pathTemplate, boolean bodyRequired) {
        String path(String id) {
            return pathTemplate.replaceAll("\\{[^}]+}", URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20"));
        }
    }

    /** What went wrong decides the answer: 400 for what breaks the description, 413 too large, 415 not JSON. */
    private record Hostile(String contentType, byte[] body, String pathId, String what, java.util.Set<Integer> expected) {

        Hostile(String contentType, byte[] body, String pathId, String what) {
            this(contentType, body, pathId, what, java.util.Set.of(400));
        }

        @Override
        public String toString() {
            return what + " (" + body.length + " bytes, id " + pathId + ")";
        }
    }

    private static final List<Write> WRITES = describedWrites();
    private final LedgerClient api = SharedPlatform.client();
    private JsonNode headBefore;

    /** Every operation of openapi.yaml that takes a request body. */
    private static List<Write> describedWrites() {
        try (InputStream yaml = HostileInputTest.class.getResourceAsStream("/openapi.yaml")) {
            JsonNode paths = new YAMLMapper().readTree(yaml).get("paths");
            List<Write> writes = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> path = it.next();
                for (String method : List.of("post", "put", "patch", "delete")) {
                    JsonNode operation = path.getValue().get(method);
                    if (operation != null && operation.has("requestBody")) {
                        writes.add(new Write(method.toUpperCase(), path.getKey(),
                                operation.get("requestBody").path("required").asBoolean(false)));
                    }
                }
            }
            return List.copyOf(writes);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeProperty
    void recordTheHead() throws InterruptedException {
        assertThat(WRITES).hasSizeGreaterThanOrEqualTo(25);
        headBefore = settledHead();
    }

    @AfterProperty
    void nothingWasStored() throws InterruptedException {
        assertThat(settledHead()).as("the audit chain's head after every hostile request").isEqualTo(headBefore);
    }

    /** The head once the chain has caught up with whatever the shared platform was doing. */
    private JsonNode settledHead() throws InterruptedException {
        JsonNode previous = null;
        for (int i = 0; i < 50; i++) {
            JsonNode head = api.get("/api/audit/head").body();
            if (head.equals(previous)) {
                return head;
            }
            previous = head;
            Thread.sleep(200);
        }
        return previous;
    }

    @Property(tries = 10_000, shrinking = ShrinkingMode.OFF)
    void everyHostileWriteIsRefusedAsAProblemAndStoresNothing(@ForAll("writes") Write write,
                                                             @ForAll("hostile") Hostile hostile) {
        var response = api.raw(write.method(), write.path(hostile.pathId()), Keycloak.token("ada"),
                hostile.contentType(), hostile.body());
        java.util.Set<Integer> expected = new java.util.HashSet<>(hostile.expected());
        if (!write.bodyRequired() && !hostile.contentType().startsWith("application/json")) {
            // a body that may be left out and is not JSON is not read: the request is judged without it
            // (ada is no moderator: 403; the made-up id: 404)
            expected.addAll(java.util.Set.of(403, 404));
        }
        assertThat(response.status()).as("%s %s with %s", write.method(), write.pathTemplate(), hostile)
                .isIn(expected);
        assertThat(response.contentType()).as("%s %s with %s", write.method(), write.pathTemplate(), hostile)
                .startsWith("application/problem+json");
    }

    @Provide
    Arbitrary<Write> writes() {
        return Arbitraries.of(WRITES);
    }

    @Provide
    Arbitrary<Hostile> hostile() {
        Arbitrary<String> nasty = Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(60),
                Arbitraries.of("<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "javascript:alert(1)",
                        "\u0000", "\uD800", "\uDFFF", "\u202E\u0645\u0631\u062D\u0628\u0627", "🦙".repeat(50),
                        "'; DROP TABLE DomainEventEntry; --", "{\"$where\": \"sleep(1000)\"}", "../../etc/passwd",
                        "%00", "\r\nX-Injected: yes"));
        // values as JSON text (a deeply nested value as a tree would overflow the stack of anything that hashes it)
        Arbitrary<String> value = Arbitraries.oneOf(
                nasty.map(HostileInputTest::jsonString),
                Arbitraries.integers().map(String::valueOf),
                Arbitraries.doubles().map(String::valueOf),
                Arbitraries.of("true", "false", "null", "{}", "[]", "1e99999", "-0", "123456789012345678901234567890"),
                Arbitraries.integers().between(1, 5_000).map(d -> "[".repeat(d) + "\"deep\"" + "]".repeat(d)));
        // an object with at least one property no request schema allows (additionalProperties: false)
        Arbitrary<Hostile> unknownProperty = Combinators.combine(nasty, value,
                Arbitraries.maps(Arbitraries.of("name", "producer", "reason", "text", "verdict", "claimId", "modelId",
                        "evidence", "stance", "decision", "rationale", "files", "protected", "modelType"), value).ofMaxSize(4))
                .as((key, v, known) -> {
                    StringBuilder body = new StringBuilder("{");
                    known.forEach((k, kv) -> body.append(jsonString(k)).append(':').append(kv).append(','));
                    body.append(jsonString("x-" + key)).append(':').append(v).append('}');
                    return text(body.toString(), "object with an unknown property");
                });
        Arbitrary<Hostile> notAnObject = value.filter(v -> !v.startsWith("{")).map(v -> text(v, "JSON that is not an object"));
        Arbitrary<Hostile> truncated = Arbitraries.strings().ofMinLength(1).ofMaxLength(200)
                .map(s -> "{\"name\": \"" + s).map(s -> new Hostile("application/json",
                        s.getBytes(StandardCharsets.UTF_8), SOME_ID, "truncated JSON"));
        Arbitrary<Hostile> garbage = Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(300)
                .map(b -> new Hostile("application/json", withBrokenStart(b), SOME_ID, "bytes that are not JSON"));
        Arbitrary<Hostile> oversize = Arbitraries.integers().between(257, 400)
                .map(kib -> new Hostile("application/json", ("{\"text\": \"" + "a".repeat(kib * 1024) + "\"}")
                        .getBytes(StandardCharsets.UTF_8), SOME_ID, kib + " KiB body", java.util.Set.of(413)));
        Arbitrary<Hostile> otherType = Arbitraries.of("text/plain", "application/xml", "multipart/form-data; boundary=x",
                        "application/x-www-form-urlencoded")
                .map(type -> new Hostile(type, "{\"name\": \"x\"}".getBytes(StandardCharsets.UTF_8), SOME_ID, type,
                        java.util.Set.of(400, 415)));
        Arbitrary<Hostile> badId = Combinators.combine(nasty.filter(s -> !s.matches("[A-Za-z0-9][A-Za-z0-9._-]*")
                        && !s.isEmpty() && s.length() < 2000), Arbitraries.just(0))
                .as((id, ignored) -> new Hostile("application/json", "{\"x-unknown\": 1}".getBytes(StandardCharsets.UTF_8),
                        id, "malformed id", java.util.Set.of(400, 404)));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, unknownProperty), net.jqwik.api.Tuple.of(2, notAnObject),
                net.jqwik.api.Tuple.of(2, truncated), net.jqwik.api.Tuple.of(2, garbage),
                net.jqwik.api.Tuple.of(1, oversize), net.jqwik.api.Tuple.of(1, otherType),
                net.jqwik.api.Tuple.of(2, badId));
    }

    private static Hostile text(String json, String what) {
        return new Hostile("application/json", json.getBytes(StandardCharsets.UTF_8), SOME_ID, what);
    }

    /** A JSON string literal; characters outside printable ASCII as \\u escapes (lone surrogates included). */
    private static String jsonString(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    /** Random bytes that cannot start a JSON document (a leading 0xFF byte is never valid UTF-8 JSON). */
    private static byte[] withBrokenStart(byte[] bytes) {
        byte[] broken = new byte[bytes.length + 1];
        broken[0] = (byte) 0xFF;
        System.arraycopy(bytes, 0, broken, 1, bytes.length);
        return broken;
    }
}

package org.opennessledger.gateway.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opennessledger.gateway.fetch.PublicAddressPolicyTest.literal;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.dns.AddressResolverOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opennessledger.gateway.http.ApiException;

/**
 * The fetcher against a Vert.x server on 127.0.0.1, with a policy that lets it reach that one address
 * and judges every other by the strict {@link PublicAddressPolicy}. Nothing here leaves this machine:
 * names resolve through a table of the test's own, and the fetcher's Vert.x answers names with other
 * loopback addresses (127.0.0.2, where nothing listens) and asks no DNS server but one on loopback,
 * so a second lookup by the HTTP client would fail the test instead of connecting anywhere.
 */
class DocumentFetcherTest {

    private static final AddressPolicy ONLY_THE_TEST_SERVER = address ->
            "127.0.0.1".equals(address.getHostAddress()) ? Optional.empty()
                    : PublicAddressPolicy.INSTANCE.refusal(address);
    private static final FetchLimits LIMITS =
            new FetchLimits(Duration.ofSeconds(1), Duration.ofMillis(1500), FetchLimits.MAX_TEXT_BYTES, 3, 8);
    private static final String LICENCE = "Sample Licence\n1. You may use the Model. Attribution: \u00c5ngstr\u00f6m\n";

    private static Vertx vertx;
    private static HttpServer server;
    private static int port;
    private static DocumentFetcher fetcher;
    private static final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private static final Map<String, String> hostHeaders = new ConcurrentHashMap<>();

    @BeforeAll
    static void startServer() {
        vertx = Vertx.vertx(new VertxOptions().setAddressResolverOptions(new AddressResolverOptions()
                .setHostsValue(Buffer.buffer("127.0.0.2 licences.test metadata.test mixed.test\n"))
                .setServers(List.of("127.0.0.1:1"))));
        server = vertx.createHttpServer().requestHandler(DocumentFetcherTest::serve).listen(0, "127.0.0.1").await();
        port = server.actualPort();
        fetcher = new DocumentFetcher(vertx, ONLY_THE_TEST_SERVER, DocumentFetcherTest::resolve, LIMITS);
    }

    @AfterAll
    static void stop() {
        vertx.close().await();
    }

    /** The test's own name table; a name it does not know fails the test rather than reach a DNS server. */
    private static List<InetAddress> resolve(String host) throws UnknownHostException {
        return switch (host) {
            case "licences.test", "slow.test" -> List.of(literal("127.0.0.1"));
            case "metadata.test" -> List.of(literal("169.254.169.254"));
            case "mixed.test" -> List.of(literal("127.0.0.1"), literal("10.0.0.1"));
            case "nowhere.test" -> throw new UnknownHostException(host);
            default -> List.of(literal(host));
        };
    }

    private static void serve(HttpServerRequest request) {
        hits.computeIfAbsent(request.path(), p -> new AtomicInteger()).incrementAndGet();
        hostHeaders.put(request.path(), String.valueOf(request.getHeader("Host")));
        HttpServerResponse response = request.response();
        switch (request.path()) {
            case "/plain" -> text(response, "text/plain; charset=utf-8", LICENCE.getBytes(StandardCharsets.UTF_8));
            case "/markdown" -> text(response, "text/markdown", "# Model card\n\nWeights: open \u2713\n"
                    .getBytes(StandardCharsets.UTF_8));
            case "/latin1" -> text(response, "text/plain; charset=\"ISO-8859-1\"",
                    "Licence r\u00e9sum\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
            case "/bom" -> text(response, "text/plain", ("\uFEFF" + LICENCE).getBytes(StandardCharsets.UTF_8));
            case "/not-utf8" -> text(response, "text/plain", new byte[] {'L', (byte) 0xc3, '(', '\n'});
            case "/unknown-charset" -> text(response, "text/plain; charset=x-no-such-charset", new byte[] {'x'});
            case "/html" -> text(response, "text/html; charset=utf-8", "<p>hi</p>".getBytes(StandardCharsets.UTF_8));
            case "/untyped" -> response.end("no type");
            case "/empty" -> text(response, "text/plain", new byte[0]);
            case "/gzip" -> response.putHeader("Content-Type", "text/plain").putHeader("Content-Encoding", "gzip")
                    .end(Buffer.buffer(new byte[] {0x1f, (byte) 0x8b}));
            case "/exactly-the-cap" -> text(response, "text/plain", "a".repeat(FetchLimits.MAX_TEXT_BYTES)
                    .getBytes(StandardCharsets.UTF_8));
            case "/one-byte-over-chunked" -> {
                response.setChunked(true).putHeader("Content-Type", "text/plain");
                int left = FetchLimits.MAX_TEXT_BYTES + 1;
                while (left > 0) {
                    int size = Math.min(8192, left);
                    response.write("b".repeat(size));
                    left -= size;
                }
                response.end();
            }
            case "/declared-too-large" -> response.putHeader("Content-Type", "text/plain")
                    .putHeader("Content-Length", "10000000").write("c");
            case "/silent" -> {
                // never answers
            }
            case "/stalls" -> response.setChunked(true).putHeader("Content-Type", "text/plain").write("first line\n");
            case "/missing" -> response.setStatusCode(404).end();
            case "/broken" -> response.setStatusCode(500).end();
            case "/redirect" -> redirect(response, 302, "/plain");
            case "/redirect-absolute" -> redirect(response, 301, "http://127.0.0.1:" + port + "/markdown");
            case "/loop" -> redirect(response, 302, "/loop");
            case "/to-other-loopback" -> redirect(response, 302, "http://127.0.0.2:" + port + "/plain");
            case "/to-ipv6-loopback" -> redirect(response, 307, "http://[::1]:" + port + "/plain");
            case "/to-metadata" -> redirect(response, 302, "http://metadata.test/latest/meta-data/");
            case "/to-file" -> redirect(response, 302, "file:///etc/passwd");
            case "/to-nowhere" -> response.setStatusCode(302).end();
            default -> response.setStatusCode(404).end();
        }
    }

    private static void text(HttpServerResponse response, String contentType, byte[] body) {
        response.putHeader("Content-Type", contentType).end(Buffer.buffer(body));
    }

    private static void redirect(HttpServerResponse response, int status, String location) {
        response.setStatusCode(status).putHeader("Location", location).end();
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private static int hitsOf(String path) {
        return hits.getOrDefault(path, new AtomicInteger()).get();
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static ApiException refusal(Future<?> future) throws Exception {
        try {
            Object value = await(future);
            throw new AssertionError("expected a refusal, got " + value);
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(ApiException.class);
            return (ApiException) e.getCause();
        }
    }

    private static void assertRefused(Future<?> future, int status, String... detailParts) throws Exception {
        ApiException refusal = refusal(future);
        assertThat(refusal.type().status()).as(refusal.detail()).isEqualTo(status);
        assertThat(refusal.detail()).contains(detailParts);
    }

    @Test
    void readsTheTextFromTheVettedAddressAskingForTheNameItWasGiven() throws Exception {
        // the fetcher's Vert.x would resolve licences.test to 127.0.0.2, where nothing listens:
        // the text arrives only because the connection goes to the address that was vetted
        FetchedDocument fetched = await(fetcher.fetch("http://licences.test:" + port + "/plain"));

        assertThat(fetched.text()).isEqualTo(LICENCE);
        assertThat(fetched.mediaType()).isEqualTo("text/plain");
        assertThat(fetched.sourceUrl()).isEqualTo("http://licences.test:" + port + "/plain");
        assertThat(fetched.finalUrl()).isEqualTo(fetched.sourceUrl());
        assertThat(fetched.redirects()).isZero();
        assertThat(hostHeaders.get("/plain")).isEqualTo("licences.test:" + port);
    }

    @Test
    void takesTheCharsetFromTheContentTypeAndUtf8WithoutOne() throws Exception {
        assertThat(await(fetcher.fetch(url("/latin1"))).text()).isEqualTo("Licence r\u00e9sum\u00e9\n");
        FetchedDocument markdown = await(fetcher.fetch(url("/markdown")));
        assertThat(markdown.mediaType()).isEqualTo("text/markdown");
        assertThat(markdown.text()).isEqualTo("# Model card\n\nWeights: open \u2713\n");
        assertThat(await(fetcher.fetch(url("/bom"))).text()).isEqualTo(LICENCE);
    }

    @Test
    void refusesTextsItCannotDecodeOrDoesNotKeep() throws Exception {
        assertRefused(fetcher.fetch(url("/not-utf8")), 422, "not valid UTF-8");
        assertRefused(fetcher.fetch(url("/unknown-charset")), 415, "x-no-such-charset");
        assertRefused(fetcher.fetch(url("/html")), 415, "'text/html'", "text/markdown and text/plain");
        assertRefused(fetcher.fetch(url("/untyped")), 415, "no Content-Type");
        assertRefused(fetcher.fetch(url("/empty")), 422, "empty");
        assertRefused(fetcher.fetch(url("/gzip")), 502, "encoded ('gzip')");
    }

    @Test
    void readsAtMostTheCapAndRefusesOneByteMore() throws Exception {
        assertThat(await(fetcher.fetch(url("/exactly-the-cap"))).text()).hasSize(FetchLimits.MAX_TEXT_BYTES);
        assertRefused(fetcher.fetch(url("/one-byte-over-chunked")), 422, "more than 204800 bytes", "at most 204800");
        assertRefused(fetcher.fetch(url("/declared-too-large")), 422, "10000000 bytes");
    }

    @Test
    void givesUpAfterTheTotalTimeoutAsABadGateway() throws Exception {
        long started = System.nanoTime();
        assertRefused(fetcher.fetch(url("/silent")), 502, "127.0.0.1:" + port + " did not answer in time");
        assertRefused(fetcher.fetch(url("/stalls")), 502, "did not answer in time");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(6));
    }

    @Test
    void answersOfTheSourceOtherThanATextAreRefused() throws Exception {
        assertRefused(fetcher.fetch(url("/missing")), 422, "answered 404");
        assertRefused(fetcher.fetch(url("/broken")), 502, "answered 500");
        assertRefused(fetcher.fetch(url("/to-nowhere")), 502, "without a Location");
    }

    @Test
    void followsAtMostThreeRedirects() throws Exception {
        FetchedDocument relative = await(fetcher.fetch(url("/redirect")));
        assertThat(relative.text()).isEqualTo(LICENCE);
        assertThat(relative.redirects()).isEqualTo(1);
        assertThat(relative.sourceUrl()).isEqualTo(url("/redirect"));
        assertThat(relative.finalUrl()).isEqualTo(url("/plain"));
        assertThat(await(fetcher.fetch(url("/redirect-absolute"))).mediaType()).isEqualTo("text/markdown");

        int before = hitsOf("/loop");
        assertRefused(fetcher.fetch(url("/loop")), 422, "at most 3");
        assertThat(hitsOf("/loop") - before).isEqualTo(4);
    }

    @Test
    void vetsEveryRedirectTargetLikeTheFirstUrl() throws Exception {
        assertRefused(fetcher.fetch(url("/to-other-loopback")), 422, "redirect", "127.0.0.2", "loopback");
        assertRefused(fetcher.fetch(url("/to-ipv6-loopback")), 422, "redirect", "loopback");
        assertRefused(fetcher.fetch(url("/to-metadata")), 422, "metadata.test resolves to an address that is not public",
                "169.254.169.254", "link-local");
        assertRefused(fetcher.fetch(url("/to-file")), 422, "only http and https");
    }

    @Test
    void refusesAHostIfAnyOfItsAddressesIsRefused() throws Exception {
        int before = hitsOf("/plain");
        assertRefused(fetcher.fetch("http://mixed.test:" + port + "/plain"), 422, "10.0.0.1", "private");
        assertRefused(fetcher.fetch("http://nowhere.test/plain"), 422, "nowhere.test does not resolve");
        assertThat(hitsOf("/plain")).isEqualTo(before);
    }

    @Test
    void theStrictPolicyRefusesTheLoopbackServerBeforeConnecting() throws Exception {
        DocumentFetcher strict = new DocumentFetcher(vertx, PublicAddressPolicy.INSTANCE, DocumentFetcherTest::resolve,
                LIMITS);
        int before = hitsOf("/plain");
        assertRefused(strict.fetch(url("/plain")), 422, "127.0.0.1 is in 127.0.0.0/8, loopback",
                "Only public addresses are fetched");
        assertRefused(strict.fetch("http://[::1]:" + port + "/plain"), 422, "loopback");
        assertRefused(strict.fetch("http://licences.test:" + port + "/plain"), 422,
                "licences.test resolves to an address that is not public");
        assertThat(hitsOf("/plain")).isEqualTo(before);
        strict.close().await();
    }

    @Test
    void refusesUrlsThatAreNotPlainHttp() throws Exception {
        assertRefused(fetcher.fetch("ftp://127.0.0.1/licence.txt"), 400, "/sourceUrl", "only http and https");
        assertRefused(fetcher.fetch("file:///etc/passwd"), 400, "only http and https");
        assertRefused(fetcher.fetch("http://user:secret@127.0.0.1:" + port + "/plain"), 400, "user name or password");
        assertRefused(fetcher.fetch("http://"), 400, "/sourceUrl");
        assertRefused(fetcher.fetch("http://127.0.0.1:" + port + "/a b"), 400, "not a URL");
    }

    @Test
    void refusesMoreFetchesAtOnceThanItsLimit() throws Exception {
        DocumentFetcher single = new DocumentFetcher(vertx, ONLY_THE_TEST_SERVER, DocumentFetcherTest::resolve,
                new FetchLimits(Duration.ofSeconds(1), Duration.ofMillis(800), FetchLimits.MAX_TEXT_BYTES, 3, 1));
        Future<FetchedDocument> first = single.fetch(url("/silent"));
        ApiException second = refusal(single.fetch(url("/plain")));
        assertThat(second.type().status()).isEqualTo(429);
        assertThat(second.headers()).containsEntry("Retry-After", "1");
        assertRefused(first, 502, "did not answer in time");
        assertThat(await(single.fetch(url("/plain"))).text()).isEqualTo(LICENCE);
        single.close().await();
    }

    @Test
    void aNameLookupThatOutlivesItsFetchKeepsItsPlaceUntilItReturns() throws Exception {
        CountDownLatch nameServer = new CountDownLatch(1);
        List<String> lookupThreads = new CopyOnWriteArrayList<>();
        DocumentFetcher single = new DocumentFetcher(vertx, ONLY_THE_TEST_SERVER, host -> {
            lookupThreads.add(Thread.currentThread().getName());
            if (host.equals("slow.test")) {
                try {
                    nameServer.await(10, TimeUnit.SECONDS); // a name server that does not answer (until released)
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return resolve(host);
        }, new FetchLimits(Duration.ofSeconds(1), Duration.ofMillis(300), FetchLimits.MAX_TEXT_BYTES, 3, 1));
        try {
            assertRefused(single.fetch("http://slow.test:" + port + "/plain"), 502, "did not answer in time");
            // answered, but its look-up still holds a thread of the fetcher's own: no second fetch meanwhile
            assertThat(refusal(single.fetch(url("/plain"))).type().status()).isEqualTo(429);
            nameServer.countDown();
            String text = null;
            for (int tries = 0; tries < 50 && text == null; tries++) {
                try {
                    text = await(single.fetch(url("/plain"))).text();
                } catch (ExecutionException e) {
                    assertThat(((ApiException) e.getCause()).type().status()).isEqualTo(429);
                    Thread.sleep(100);
                }
            }
            assertThat(text).as("a fetch goes through once the look-up returned").isEqualTo(LICENCE);
            // never on the worker pool that commands and queries share
            assertThat(lookupThreads).isNotEmpty().allMatch(name -> name.startsWith("document-fetch-lookups-"));
        } finally {
            nameServer.countDown();
            single.close().await();
        }
    }
}

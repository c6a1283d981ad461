package org.opennessledger.gateway.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opennessledger.gateway.fetch.PublicAddressPolicyTest.literal;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.core.net.PfxOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opennessledger.gateway.http.ApiException;

/**
 * Over TLS the connection still goes to the vetted address, while the name travels as SNI and the
 * certificate is checked against the name: a certificate for licences.test is accepted for
 * https://licences.test, one for another name is not. The certificates are made here by keytool
 * and trusted by this test's fetcher only; the server listens on 127.0.0.1.
 */
class DocumentFetcherTlsTest {

    private static final AddressPolicy ONLY_LOOPBACK_ONE = address ->
            "127.0.0.1".equals(address.getHostAddress()) ? Optional.empty() : Optional.of("not the test server");
    private static final FetchLimits LIMITS =
            new FetchLimits(Duration.ofSeconds(2), Duration.ofSeconds(5), FetchLimits.MAX_TEXT_BYTES, 3, 8);
    private static final String PASSWORD = "test-only";

    @TempDir
    static Path keys;
    private static Vertx vertx;
    private static int rightNamePort;
    private static int wrongNamePort;
    private static DocumentFetcher fetcher;
    private static final Map<Integer, String> indicatedNames = new ConcurrentHashMap<>();

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        Path right = keyStore("licences", "licences.test");
        Path wrong = keyStore("other", "other.test");
        rightNamePort = server(right);
        wrongNamePort = server(wrong);
        PemTrustOptions trust = new PemTrustOptions()
                .addCertValue(Buffer.buffer(certificate("licences", right)))
                .addCertValue(Buffer.buffer(certificate("other", wrong)));
        fetcher = new DocumentFetcher(vertx, ONLY_LOOPBACK_ONE,
                host -> List.of(literal(host.endsWith(".test") ? "127.0.0.1" : host)), LIMITS, trust);
    }

    @AfterAll
    static void stop() {
        vertx.close().await();
    }

    private static int server(Path keyStore) {
        HttpServer server = vertx.createHttpServer(new HttpServerOptions().setSsl(true).setSni(true)
                        .setKeyCertOptions(new PfxOptions().setPath(keyStore.toString()).setPassword(PASSWORD)))
                .requestHandler(request -> {
                    indicatedNames.put(request.localAddress().port(),
                            String.valueOf(request.connection().indicatedServerName()));
                    request.response().putHeader("Content-Type", "text/plain").end("Licence over TLS\n");
                })
                .listen(0, "127.0.0.1").await();
        return server.actualPort();
    }

    private static Path keyStore(String name, String dnsName) throws IOException, InterruptedException {
        Path store = keys.resolve(name + ".p12");
        keytool("-genkeypair", "-alias", name, "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + dnsName,
                "-ext", "SAN=dns:" + dnsName, "-validity", "2", "-keystore", store.toString(), "-storetype", "PKCS12",
                "-storepass", PASSWORD, "-keypass", PASSWORD);
        return store;
    }

    private static String certificate(String name, Path store) throws IOException, InterruptedException {
        Path pem = keys.resolve(name + ".pem");
        keytool("-exportcert", "-rfc", "-alias", name, "-keystore", store.toString(), "-storetype", "PKCS12",
                "-storepass", PASSWORD, "-file", pem.toString());
        return Files.readString(pem);
    }

    private static void keytool(String... arguments) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
    }

    @Test
    void theCertificateIsCheckedAgainstTheNameAndTheNameIsSentAsSni() throws Exception {
        FetchedDocument fetched = fetcher.fetch("https://licences.test:" + rightNamePort + "/licence.txt")
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);

        assertThat(fetched.text()).isEqualTo("Licence over TLS\n");
        assertThat(indicatedNames.get(rightNamePort)).isEqualTo("licences.test");
    }

    @Test
    void aCertificateForAnotherNameIsRefusedAsABadGateway() {
        assertThatThrownBy(() -> fetcher.fetch("https://licences.test:" + wrongNamePort + "/licence.txt")
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOfSatisfying(ApiException.class, refusal -> {
                    assertThat(refusal.type().status()).isEqualTo(502);
                    assertThat(refusal.detail()).contains("no trusted TLS connection to licences.test:" + wrongNamePort);
                });
    }
}

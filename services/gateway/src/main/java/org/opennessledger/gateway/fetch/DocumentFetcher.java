package org.opennessledger.gateway.fetch;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.net.TrustOptions;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import javax.net.ssl.SSLException;
import org.opennessledger.gateway.http.ApiException;
import org.opennessledger.gateway.http.ProblemType;

/**
 * Reads a licence or model card from its URL, for a reviewer who would otherwise paste it. Nothing
 * here may be turned against the network the gateway runs in (server-side request forgery):
 * <ul>
 *   <li>only http and https, without user information;</li>
 *   <li>the host is resolved here, and the URL refused if any address it resolves to is refused by the
 *       {@link AddressPolicy}; the connection then goes to the vetted address itself, with the host name
 *       kept for the Host header, TLS SNI and certificate checks, so no second lookup can answer
 *       differently (DNS rebinding);</li>
 *   <li>redirects are followed by hand, at most {@link FetchLimits#maxRedirects()}, each target vetted
 *       like the first URL;</li>
 *   <li>connect and total timeouts, at most {@link FetchLimits#maxBytes()} read, text/plain and
 *       text/markdown only, decoded strictly by the charset the answer names (UTF-8 by default).</li>
 * </ul>
 * Every refusal is an {@link ApiException} with a precise detail: 4xx for what the URL or its answer
 * is (400 malformed URL, 415 media type or charset, 422 refused address, size, redirects, undecodable
 * text, the source's own 4xx), 502 when the source fails (no connection, a timeout, TLS, a 5xx), 429 when
 * too many fetches are under way.
 */
public final class DocumentFetcher {

    /** The media types a fetched text may have: those the ledger keeps. */
    public static final Set<String> MEDIA_TYPES = Set.of("text/plain", "text/markdown");

    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private static final String USER_AGENT = "OpennessLedger-DocumentFetcher/1";
    /** Each fetcher's look-up pool has a name of its own (a shared executor of one name is one pool). */
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final Vertx vertx;
    private final AddressPolicy policy;
    private final HostResolver resolver;
    private final FetchLimits limits;
    private final HttpClient client;
    /**
     * Name look-ups block a thread and may outlive the fetch's deadline (a name server that never answers): they
     * run on threads of their own, one per fetch allowed at once, never on the pool commands and queries share.
     */
    private final WorkerExecutor lookups;
    private final AtomicInteger underWay = new AtomicInteger();

    public DocumentFetcher(Vertx vertx, AddressPolicy policy, HostResolver resolver, FetchLimits limits) {
        this(vertx, policy, resolver, limits, null);
    }

    /** {@code trust}: the certificates to trust, where a test has its own; null for the JVM's. */
    DocumentFetcher(Vertx vertx, AddressPolicy policy, HostResolver resolver, FetchLimits limits, TrustOptions trust) {
        this.vertx = Objects.requireNonNull(vertx, "vertx is required");
        this.policy = Objects.requireNonNull(policy, "policy is required");
        this.resolver = Objects.requireNonNull(resolver, "resolver is required");
        this.limits = Objects.requireNonNull(limits, "limits are required");
        HttpClientOptions options = new HttpClientOptions()
                .setConnectTimeout((int) millis(limits.connectTimeout()))
                .setKeepAlive(false) // one connection per fetch, closed after it
                .setVerifyHost(true)
                .setForceSni(true)
                .setDecompressionSupported(false);
        if (trust != null) {
            options.setTrustOptions(trust);
        }
        this.client = vertx.createHttpClient(options);
        this.lookups = vertx.createSharedWorkerExecutor("document-fetch-lookups-" + INSTANCES.incrementAndGet(),
                limits.maxUnderWay());
    }

    /** As production runs it: public addresses only, the system's resolver, the default limits. */
    public static DocumentFetcher forPublicSources(Vertx vertx) {
        return new DocumentFetcher(vertx, PublicAddressPolicy.INSTANCE, HostResolver.SYSTEM, FetchLimits.DEFAULT);
    }

    /** Reads {@code sourceUrl}; fails with an {@link ApiException} saying why not. */
    public Future<FetchedDocument> fetch(String sourceUrl) {
        URI uri;
        try {
            uri = checked(sourceUrl == null ? "" : sourceUrl.trim(), detail -> ApiException.invalid("/sourceUrl", detail));
        } catch (ApiException refused) {
            return Future.failedFuture(refused);
        }
        if (underWay.incrementAndGet() > limits.maxUnderWay()) {
            underWay.decrementAndGet();
            return Future.failedFuture(new ApiException(ProblemType.TOO_MANY_REQUESTS, limits.maxUnderWay()
                    + " documents are being fetched already; send the request again in a moment.", List.of(),
                    Map.of("Retry-After", "1"), null));
        }
        Attempt attempt = new Attempt(sourceUrl);
        Promise<FetchedDocument> answer = Promise.promise();
        // The whole fetch runs on one context, whoever calls: the response's head, its body handlers and its
        // chunks then follow one another on one thread, and no chunk arrives before its handler is set.
        Context context = vertx.getOrCreateContext();
        context.runOnContext(start -> {
            Future<FetchedDocument> fetched;
            try {
                fetched = attempt.run(uri);
            } catch (RuntimeException unexpected) { // answered all the same: a request never waits forever
                fetched = Future.failedFuture(unexpected);
            }
            // the place is given back once no look-up of the fetch still holds a thread (usually at once,
            // before the answer: a caller that got its answer may fetch again)
            fetched.onComplete(done -> attempt.lookupsSettled().onComplete(settled -> underWay.decrementAndGet()))
                    .onComplete(answer);
        });
        return answer.future();
    }

    public Future<Void> close() {
        return lookups.close().eventually(client::close);
    }

    /** One fetch: its redirects, its deadline, and the request under way (reset when the fetch gives up). */
    private final class Attempt {

        private final String sourceUrl;
        private final Promise<FetchedDocument> outcome = Promise.promise();
        private volatile URI at;
        private volatile HttpClientRequest current;
        private volatile Future<List<InetAddress>> lookup = Future.succeededFuture(List.of());

        Attempt(String sourceUrl) {
            this.sourceUrl = sourceUrl;
        }

        Future<FetchedDocument> run(URI uri) {
            at = uri;
            long deadline = vertx.setTimer(millis(limits.totalTimeout()), id -> {
                if (outcome.tryFail(upstream(at, new TimeoutException("total timeout")))) {
                    abort();
                }
            });
            follow(uri, 0).onComplete(result -> {
                if (result.succeeded()) {
                    outcome.tryComplete(result.result());
                } else if (outcome.tryFail(upstream(at, result.cause()))) {
                    abort();
                }
            });
            return outcome.future().onComplete(done -> vertx.cancelTimer(deadline));
        }

        private Future<FetchedDocument> follow(URI uri, int redirects) {
            at = uri;
            return vetted(uri, redirects).compose(address -> send(uri, address)).compose(response -> {
                int status = response.statusCode();
                if (REDIRECTS.contains(status)) {
                    abort();
                    return follow(redirectTarget(uri, response.getHeader(HttpHeaders.LOCATION), redirects),
                            redirects + 1);
                }
                if (status != 200) {
                    abort();
                    throw new ApiException(status >= 400 && status < 500 ? ProblemType.UNPROCESSABLE
                            : ProblemType.BAD_GATEWAY, "The source answered " + status + " for " + uri
                            + (status >= 400 && status < 500 ? "; check the URL." : "."));
                }
                String mediaType;
                Charset charset;
                try {
                    refuseEncoded(response);
                    ContentType type = ContentType.parse(response.getHeader(HttpHeaders.CONTENT_TYPE));
                    mediaType = type.mediaType();
                    charset = type.charset();
                    refuseDeclaredSize(response);
                } catch (ApiException refused) {
                    abort();
                    throw refused;
                }
                return body(response).map(bytes -> new FetchedDocument(sourceUrl, uri.toString(), mediaType,
                        decode(bytes, charset), Instant.now(), redirects));
            });
        }

        /** The address to connect to, once every address the host resolves to passed the policy. */
        private Future<InetAddress> vetted(URI uri, int redirects) {
            String host = bareHost(uri);
            String what = redirects == 0 ? "Refused to fetch " + uri : "Refused to follow a redirect to " + uri;
            lookup = lookups.executeBlocking(() -> resolver.resolve(host), false);
            return lookup
                    .recover(error -> Future.failedFuture(error instanceof UnknownHostException
                            ? new ApiException(ProblemType.UNPROCESSABLE, what + ": " + host + " does not resolve.")
                            : error))
                    .map(addresses -> {
                        if (addresses.isEmpty()) {
                            throw new ApiException(ProblemType.UNPROCESSABLE, what + ": " + host + " does not resolve.");
                        }
                        for (InetAddress address : addresses) {
                            Optional<String> refusal = policy.refusal(address);
                            if (refusal.isPresent()) {
                                throw new ApiException(ProblemType.UNPROCESSABLE, what + ": "
                                        + (isLiteral(host) ? "" : host + " resolves to an address that is not public; ")
                                        + refusal.get() + ". Only public addresses are fetched.");
                            }
                        }
                        return addresses.get(0);
                    });
        }

        /** Completes once the look-up under way, if any, has returned (succeeded or not). */
        Future<Void> lookupsSettled() {
            return lookup.<Void>mapEmpty().otherwiseEmpty();
        }

        private Future<HttpClientResponse> send(URI uri, InetAddress address) {
            if (outcome.future().isComplete()) { // the deadline passed while resolving
                return Future.failedFuture(new TimeoutException("total timeout"));
            }
            int port = port(uri);
            RequestOptions options = new RequestOptions()
                    .setMethod(HttpMethod.GET)
                    // connect to the vetted address; the name stays for Host, SNI and the certificate check
                    .setServer(SocketAddress.inetSocketAddress(new InetSocketAddress(address, port)))
                    .setHost(uri.getHost())
                    .setPort(port)
                    .setSsl("https".equals(uri.getScheme()))
                    .setURI(pathAndQuery(uri))
                    .setFollowRedirects(false)
                    .setConnectTimeout(millis(limits.connectTimeout()))
                    .setIdleTimeout(millis(limits.totalTimeout()))
                    .putHeader(HttpHeaders.ACCEPT, "text/plain, text/markdown")
                    .putHeader(HttpHeaders.ACCEPT_ENCODING, "identity")
                    .putHeader(HttpHeaders.USER_AGENT, USER_AGENT);
            return client.request(options).compose(request -> {
                current = request;
                if (outcome.future().isComplete()) { // the deadline passed while connecting
                    request.reset();
                    return Future.failedFuture(new TimeoutException("total timeout"));
                }
                // held until body() has its handlers: nothing of the body is read before
                return request.send().map(HttpClientResponse::pause);
            });
        }

        /** The body, refused as soon as it holds more than {@link FetchLimits#maxBytes()}. */
        private Future<Buffer> body(HttpClientResponse response) {
            Promise<Buffer> body = Promise.promise();
            Buffer collected = Buffer.buffer();
            response.exceptionHandler(body::tryFail);
            response.handler(chunk -> {
                if (body.future().isComplete()) {
                    return;
                }
                if (collected.length() + chunk.length() > limits.maxBytes()) {
                    body.tryFail(tooLarge("more than " + limits.maxBytes()));
                    abort();
                } else {
                    collected.appendBuffer(chunk);
                }
            });
            response.endHandler(end -> body.tryComplete(collected));
            response.resume();
            return body.future();
        }

        private void abort() {
            HttpClientRequest request = current;
            if (request != null) {
                request.reset();
            }
        }
    }

    /** {@code text} as a URL the fetcher may go to, or {@code refusal} of the reason. */
    private static URI checked(String text, Function<String, ApiException> refusal) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw refusal.apply("not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw refusal.apply("only http and https URLs are fetched");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw refusal.apply("the URL names no host");
        }
        if (uri.getRawUserInfo() != null) {
            throw refusal.apply("a URL with a user name or password is not fetched");
        }
        if (uri.getPort() == 0 || uri.getPort() > 65535) {
            throw refusal.apply("port " + uri.getPort() + " is not a port");
        }
        try {
            // lower-case scheme, no fragment: what is sent is the path and query
            return new URI(scheme + "://" + uri.getRawAuthority() + uri.getRawPath()
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
        } catch (URISyntaxException e) {
            throw refusal.apply("not a URL: " + e.getReason());
        }
    }

    private URI redirectTarget(URI from, String location, int redirects) {
        if (location == null || location.isBlank()) {
            throw new ApiException(ProblemType.BAD_GATEWAY, "The source " + from + " redirected without a Location.");
        }
        if (redirects >= limits.maxRedirects()) {
            throw new ApiException(ProblemType.UNPROCESSABLE, "The source " + from + " redirected once more after "
                    + limits.maxRedirects() + " redirects; at most " + limits.maxRedirects()
                    + " are followed. Fetch the final URL instead.");
        }
        URI target;
        try {
            target = from.resolve(new URI(location.trim()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new ApiException(ProblemType.BAD_GATEWAY, "The source " + from + " redirected to '"
                    + shown(location) + "', which is not a URL.");
        }
        return checked(target.toString(), detail -> new ApiException(ProblemType.UNPROCESSABLE,
                "Refused to follow a redirect from " + from + " to " + shown(target.toString()) + ": " + detail + "."));
    }

    /** Encoded bodies are not decoded here (a small gzip can unpack to gigabytes): identity was asked for. */
    private static void refuseEncoded(HttpClientResponse response) {
        String encoding = response.getHeader(HttpHeaders.CONTENT_ENCODING);
        if (encoding != null && !encoding.isBlank() && !encoding.trim().equalsIgnoreCase("identity")) {
            throw new ApiException(ProblemType.BAD_GATEWAY, "The source sent its text encoded ('" + shown(encoding)
                    + "') although only an unencoded text was asked for.");
        }
    }

    private void refuseDeclaredSize(HttpClientResponse response) {
        String length = response.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && length.trim().matches("\\d{1,18}") && Long.parseLong(length.trim()) > limits.maxBytes()) {
            throw tooLarge(length.trim());
        }
    }

    private ApiException tooLarge(String bytes) {
        return new ApiException(ProblemType.UNPROCESSABLE, "The source's text is " + bytes + " bytes; at most "
                + limits.maxBytes() + " (" + limits.maxBytes() / 1024 + " KiB) are kept. Nothing was stored.");
    }

    private static String decode(Buffer bytes, Charset charset) {
        String text;
        try {
            text = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.getBytes())).toString();
        } catch (CharacterCodingException e) {
            throw new ApiException(ProblemType.UNPROCESSABLE, "The source's text is not valid " + charset.name()
                    + " (the charset its Content-Type names, or UTF-8 when it names none).");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1); // a byte order mark is no part of the text
        }
        if (text.isBlank()) {
            throw new ApiException(ProblemType.UNPROCESSABLE, "The source's text is empty.");
        }
        return text;
    }

    /** A failure of the source as a 502; refusals pass as they are. */
    private static ApiException upstream(URI uri, Throwable error) {
        if (error instanceof ApiException refusal) {
            return refusal;
        }
        String where = bareHost(uri) + ":" + port(uri);
        String detail = "the connection to " + where + " failed";
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof TimeoutException) {
                detail = where + " did not answer in time";
                break;
            }
            if (cause instanceof SSLException) {
                detail = "no trusted TLS connection to " + where + " could be made";
                break;
            }
            if (cause instanceof ConnectException) {
                detail = "could not connect to " + where;
                break;
            }
        }
        return new ApiException(ProblemType.BAD_GATEWAY, "Could not fetch " + uri + ": " + detail
                + ". Nothing was stored.", List.of(), Map.of(), error);
    }

    /** The answer's media type and charset, if it is a text the ledger keeps. */
    record ContentType(String mediaType, Charset charset) {

        static ContentType parse(String header) {
            if (header == null || header.isBlank()) {
                throw new ApiException(ProblemType.UNSUPPORTED_MEDIA_TYPE, "The source sent no Content-Type; only "
                        + String.join(" and ", MEDIA_TYPES.stream().sorted().toList()) + " are fetched.");
            }
            String[] parts = header.split(";");
            String mediaType = parts[0].trim().toLowerCase(Locale.ROOT);
            if (!MEDIA_TYPES.contains(mediaType)) {
                throw new ApiException(ProblemType.UNSUPPORTED_MEDIA_TYPE, "The source's Content-Type is '"
                        + shown(mediaType) + "'; only " + String.join(" and ", MEDIA_TYPES.stream().sorted().toList())
                        + " are fetched.");
            }
            Charset charset = StandardCharsets.UTF_8;
            for (int i = 1; i < parts.length; i++) {
                int equals = parts[i].indexOf('=');
                if (equals > 0 && parts[i].substring(0, equals).trim().equalsIgnoreCase("charset")) {
                    String name = parts[i].substring(equals + 1).trim().replace("\"", "");
                    try {
                        charset = Charset.forName(name);
                    } catch (IllegalArgumentException e) {
                        throw new ApiException(ProblemType.UNSUPPORTED_MEDIA_TYPE, "The source's charset '"
                                + shown(name) + "' is not one this server can decode.");
                    }
                }
            }
            return new ContentType(mediaType, charset);
        }
    }

    /** The host without the brackets of an IPv6 literal. */
    private static String bareHost(URI uri) {
        String host = uri.getHost();
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static boolean isLiteral(String host) {
        return host.contains(":") || host.matches("[0-9.]+");
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
    }

    private static String pathAndQuery(URI uri) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }

    /** Text from the source, safe to quote in a problem: printable ASCII, at most 100 characters. */
    private static String shown(String text) {
        String printable = text.replaceAll("[^\\x20-\\x7e]", "?");
        return printable.length() > 100 ? printable.substring(0, 100) + "..." : printable;
    }

    private static long millis(Duration duration) {
        return duration.toMillis();
    }
}

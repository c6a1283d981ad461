package org.opennessledger.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.opennessledger.gateway.limits.WriteLimits;

/**
 * Everything the platform can be told, read from environment variables with embedded defaults.
 * A malformed value stops start-up with a message naming the variable.
 */
public record PlatformSettings(
        Path dataDir,
        String httpHost,
        int httpPort,
        String keycloakUrl,
        String keycloakRealm,
        Optional<String> eventStoreUrl,
        String eventStoreUser,
        String eventStorePassword,
        Optional<String> mongoUrl,
        String mongoDatabase,
        Duration lockAfter,
        Duration appealWindow,
        int protectionMinimumAcceptedClaims,
        Optional<Path> webRoot,
        int writesPerMinutePerPerson,
        int writesPerMinutePerAddress,
        Duration writeLimitWindow,
        boolean documentFetch) {

    public static PlatformSettings fromEnvironment(Map<String, String> env) {
        Path dataDir = Path.of(env.getOrDefault("LEDGER_DATA_DIR", "data")).toAbsolutePath().normalize();
        Optional<Path> webRoot = Optional.ofNullable(env.get("LEDGER_WEB_ROOT")).map(Path::of)
                .or(() -> Optional.of(Path.of("web-ui", "dist")).filter(Files::isDirectory))
                .map(p -> p.toAbsolutePath().normalize());
        return new PlatformSettings(
                dataDir,
                env.getOrDefault("LEDGER_HTTP_HOST", "127.0.0.1"),
                port(env, "LEDGER_HTTP_PORT", 8080),
                stripTrailingSlash(env.getOrDefault("LEDGER_KEYCLOAK_URL", "http://127.0.0.1:8180")),
                env.getOrDefault("LEDGER_KEYCLOAK_REALM", "openness"),
                Optional.ofNullable(env.get("LEDGER_EVENTSTORE_URL")).filter(s -> !s.isBlank()),
                env.getOrDefault("LEDGER_EVENTSTORE_USER", ""),
                env.getOrDefault("LEDGER_EVENTSTORE_PASSWORD", ""),
                Optional.ofNullable(env.get("LEDGER_MONGO_URL")).filter(s -> !s.isBlank()),
                env.getOrDefault("LEDGER_MONGO_DATABASE", "openness_ledger"),
                duration(env, "LEDGER_LOCK_AFTER", Duration.ofDays(14)),
                duration(env, "LEDGER_APPEAL_WINDOW", Duration.ofDays(7)),
                positive(env, "LEDGER_PROTECTION_MIN_ACCEPTED_CLAIMS", 3),
                webRoot,
                positive(env, "LEDGER_WRITES_PER_MINUTE_PER_PERSON", WriteLimits.DEFAULT.perPersonPerMinute()),
                positive(env, "LEDGER_WRITES_PER_MINUTE_PER_ADDRESS", WriteLimits.DEFAULT.perAddressPerMinute()),
                // the limits above are per this window; only tests change it (a long window refills slowly)
                duration(env, "LEDGER_WRITE_LIMIT_WINDOW", Duration.ofMinutes(1)),
                // POST /api/documents/fetch makes the server connect where users point it: off unless switched on
                onOff(env, "LEDGER_DOCUMENT_FETCH", false));
    }

    private static boolean onOff(Map<String, String> env, String name, boolean fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "on" -> true;
            case "off" -> false;
            default -> throw new IllegalArgumentException(name + " must be 'on' or 'off', got '" + value + "'");
        };
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a port number between 0 and 65535, got '" + value + "'");
        }
    }

    private static int positive(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (number < 1) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number of at least 1, got '" + value + "'");
        }
    }

    private static Duration duration(Map<String, String> env, String name, Duration fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            Duration duration = Duration.parse(value.trim());
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException(name + " must be a positive ISO-8601 duration such as P14D or PT30S, got '" + value + "'");
            }
            return duration;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be an ISO-8601 duration such as P14D or PT30S, got '" + value + "'");
        }
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    public PlatformSettings withHttpPort(int port) {
        return new PlatformSettings(dataDir, httpHost, port, keycloakUrl, keycloakRealm, eventStoreUrl, eventStoreUser,
                eventStorePassword, mongoUrl, mongoDatabase, lockAfter, appealWindow, protectionMinimumAcceptedClaims, webRoot,
                writesPerMinutePerPerson, writesPerMinutePerAddress, writeLimitWindow, documentFetch);
    }
}

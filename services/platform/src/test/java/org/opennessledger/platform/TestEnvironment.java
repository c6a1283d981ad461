package org.opennessledger.platform;

/**
 * The servers {@code ./ledger test} starts once for the whole test run. Tests that need them
 * fail with a clear message when run without it, rather than being skipped.
 */
public final class TestEnvironment {

    private TestEnvironment() {
    }

    public record Postgres(String url, String user, String password) {
    }

    public static Postgres postgres() {
        return new Postgres(required("LEDGER_TEST_POSTGRES_URL"),
                System.getenv().getOrDefault("LEDGER_TEST_POSTGRES_USER", "ledger"),
                System.getenv().getOrDefault("LEDGER_TEST_POSTGRES_PASSWORD", "ledger"));
    }

    /** Base URL of the shared test Keycloak, e.g. http://127.0.0.1:18180. */
    public static String keycloakUrl() {
        return required("LEDGER_TEST_KEYCLOAK_URL");
    }

    /** Debian's chromium, which ./ledger test installs for the browser tests. */
    public static String chromium() {
        return required("LEDGER_TEST_CHROMIUM");
    }

    private static String required(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set: run the tests with ./ledger test, which starts "
                    + "PostgreSQL and Keycloak on 127.0.0.1 and sets it");
        }
        return value;
    }
}

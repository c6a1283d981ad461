package org.opennessledger.platform.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.opennessledger.platform.TestEnvironment;
import org.opennessledger.platform.cli.LedgerCli;

/** The command behind {@code ./ledger import}: real token from the test Keycloak, real platform. */
class LedgerCliTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return LedgerCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private String api() {
        return "http://127.0.0.1:" + SharedPlatform.port();
    }

    @Test
    void importsADirectoryOfModelFilesAndReportsEachAndTheBrokenOnes() throws Exception {
        Path dir = Files.createTempDirectory("osai-cli-");
        Files.writeString(dir.resolve("good.yaml"), "system:\n    name: Cli Model\n    link: https://example.org/cli\n"
                + "org:\n    name: Cli Lab\nmodelcard:\n    class: partial\n");
        Files.writeString(dir.resolve("bad.yaml"), "system:\n    name: [broken\n");

        int exit = run("import", "osai", dir.toString(), "--api", api(), "--keycloak", TestEnvironment.keycloakUrl());

        assertThat(exit).as(out + "\n" + err).isEqualTo(1);
        assertThat(out.toString()).contains("good.yaml → cli-model: 1 claims").contains("1 of 2 files imported");
        assertThat(err.toString()).contains("bad.yaml: line").contains("not valid YAML");
        assertThat(SharedPlatform.client().get("/api/models/cli-model").body().get("producer").asText())
                .isEqualTo("Cli Lab");
    }

    @Test
    void badUsageAndWrongCredentialsExitWithTwoAndSayWhy() throws Exception {
        assertThat(run("import", "mot", ".", "--api", api())).isEqualTo(2);
        assertThat(err.toString()).contains("unknown format 'mot'");
        Path file = Files.writeString(Files.createTempFile("one-", ".yaml"), "system:\n    name: Never\n");
        assertThat(run("import", "osai", file.toString(), "--api", api(), "--keycloak", TestEnvironment.keycloakUrl(),
                "--user", "ada", "--password", "wrong")).isEqualTo(2);
        assertThat(err.toString()).contains("cannot get a token");
        assertThat(SharedPlatform.client().get("/api/models/never").status()).isEqualTo(404);
    }
}

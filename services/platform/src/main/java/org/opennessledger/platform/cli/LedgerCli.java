package org.opennessledger.platform.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.opennessledger.interop.osai.OsaiHistory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The ledger's command line for what is done through the API with an admin's token: imports and
 * exports. {@code ./ledger import ...} and {@code ./ledger export ...} call it. The token comes from Keycloak with the
 * ledger-cli client (password grant); the defaults are the development realm's admin, whose
 * password is a documented development value, never a production secret.
 */
@Command(name = "ledger", mixinStandardHelpOptions = true, subcommands = {LedgerCli.Import.class, ExportCommand.class, VerifyCommand.class,
        RebuildCommand.class, SnapshotCommands.Export.class, SnapshotCommands.Import.class},
        description = "Openness Ledger command line")
public final class LedgerCli {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int FILES_PER_REQUEST = 10;

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs the command line; returns the exit code (0 ok, 1 some file failed, 2 bad usage or unreachable). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new LedgerCli());
        cli.setOut(out);
        cli.setErr(err);
        return cli.execute(args);
    }

    @Command(name = "import", description = "Import files of another index through the API (as an admin)")
    static final class Import implements Callable<Integer> {

        @Parameters(index = "0", description = "Format: osai (OSAI index model files), osai-history (history.jsonl) or mot")
        String format;

        @Parameters(index = "1", description = "A model file or a directory of them (*.yaml, *.yml); for osai-history the .jsonl file")
        Path path;

        @CommandLine.Mixin
        ApiConnection connection;

        @Option(names = "--retrieved-on", description = "Date the evidence is recorded as retrieved on (default today)")
        LocalDate retrievedOn;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        private static final String OSAI_ENDPOINT = "/api/admin/imports/osai-index";

        private String endpoint = OSAI_ENDPOINT;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if ("osai-history".equals(format)) {
                return replayHistory(out, err);
            }
            if (!"osai".equals(format) && !"mot".equals(format)) {
                err.println("unknown format '" + format + "': this version imports osai (OSAI index model files),"
                        + " osai-history (the index's history.jsonl) and mot (Model Openness Tool release files)");
                return 2;
            }
            endpoint = "mot".equals(format) ? "/api/admin/imports/mot" : OSAI_ENDPOINT;
            List<Path> files = files(path);
            if (files.isEmpty()) {
                err.println("no .yaml or .yml files at " + path);
                return 2;
            }
            String token = connection.tokenOrNull(err);
            if (token == null) {
                return 2;
            }
            int failed = 0;
            for (int from = 0; from < files.size(); from += FILES_PER_REQUEST) {
                List<Map<String, String>> batch = new ArrayList<>();
                for (Path file : files.subList(from, Math.min(files.size(), from + FILES_PER_REQUEST))) {
                    batch.add(Map.of("name", file.getFileName().toString(), "content", Files.readString(file)));
                }
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("files", batch);
                if (retrievedOn != null) {
                    body.put("retrievedOn", retrievedOn.toString());
                }
                JsonNode answer;
                try {
                    answer = post(token, body);
                } catch (IOException e) {
                    err.println(e.getMessage());
                    return 2;
                }
                for (JsonNode report : answer.get("files")) {
                    if (report.hasNonNull("error")) {
                        failed++;
                        err.println(report.get("name").asText() + ": " + report.get("error").asText());
                    } else {
                        out.println(report.get("name").asText() + " → " + report.get("modelId").asText() + ": "
                                + report.get("claims").asInt() + " claims"
                                + (report.get("skipped").isEmpty() ? "" : ", skipped " + report.get("skipped")));
                    }
                }
            }
            out.println(files.size() - failed + " of " + files.size() + " files imported");
            return failed == 0 ? 0 : 1;
        }

        /**
         * Replays the index's history: every file version in order, each dated by its commit, so that
         * assessment versions follow the index's own history. Deletions and unreadable lines are reported.
         */
        private int replayHistory(PrintWriter out, PrintWriter err) throws Exception {
            if (!Files.isRegularFile(path)) {
                err.println("no history file at " + path);
                return 2;
            }
            OsaiHistory.Read history = OsaiHistory.read(path);
            history.problems().forEach(problem -> err.println(path.getFileName() + " " + problem));
            String token = connection.tokenOrNull(err);
            if (token == null) {
                return 2;
            }
            int failed = history.problems().size();
            int imported = 0;
            for (OsaiHistory.Version version : history.versions()) {
                String label = version.path() + "@" + version.commit().substring(0, Math.min(8, version.commit().length()));
                if (version.deleted()) {
                    out.println(label + ": deleted in the index; the ledger keeps what it recorded");
                    continue;
                }
                Map<String, Object> file = new LinkedHashMap<>();
                file.put("name", version.path());
                file.put("content", version.content());
                // RFC 3339 with seconds always (OffsetDateTime.toString() drops ":00")
                file.put("effectiveAt", version.date().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
                file.put("source", "history.jsonl " + version.commit() + " " + version.path());
                JsonNode report;
                try {
                    report = post(token, Map.of("files", List.of(file))).get("files").get(0);
                } catch (IOException e) {
                    failed++;
                    err.println(label + ": " + e.getMessage());
                    continue;
                }
                if (report.hasNonNull("error")) {
                    failed++;
                    err.println(label + ": " + report.get("error").asText());
                } else {
                    imported++;
                }
            }
            out.println(imported + " versions imported, " + failed + " not");
            return failed == 0 ? 0 : 1;
        }

        private JsonNode post(String token, Map<String, Object> body) throws IOException, InterruptedException {
            HttpResponse<String> answer = connection.send(connection.request(endpoint, token)
                    .header("Content-Type", "application/json").timeout(Duration.ofMinutes(5))
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IOException("the ledger answered " + answer.statusCode() + ": " + answer.body());
            }
            return JSON.readTree(answer.body());
        }

        private static List<Path> files(Path path) throws IOException {
            if (Files.isRegularFile(path)) {
                return List.of(path);
            }
            if (!Files.isDirectory(path)) {
                return List.of();
            }
            try (Stream<Path> all = Files.list(path)) {
                return all.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
            }
        }
    }
}

package org.opennessledger.platform.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.opennessledger.gateway.bus.QueryGatewayReader;
import org.opennessledger.interop.bundle.ExportBundle;
import org.opennessledger.interop.bundle.ExportFormat;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code ./ledger export <format> <dir>}: the whole ledger in one format, written into a directory.
 * Through the running platform's API with an admin's token, or, with {@code --local}, straight from
 * a data directory no platform is using (whoever may read those files may read everything in them,
 * so no token is asked for; only what public reads show is exported either way).
 */
@Command(name = "export", description = "Export the whole ledger in one format into a directory (as an admin)")
final class ExportCommand implements Callable<Integer> {

    /** Only plain file names: an archive must not write outside the directory. */
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*");

    @Parameters(index = "0", description = "Format: osai-index (or osai), mot, json, csv or jsonld")
    String format;

    @Parameters(index = "1", description = "The directory to write into (created if missing)")
    Path dir;

    @CommandLine.Mixin
    LocalData localData;

    @CommandLine.Mixin
    ApiConnection connection;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        // "osai" as for imports
        String formatId = "osai".equals(format) ? ExportFormat.OSAI_INDEX.id() : format;
        if (ExportFormat.fromId(formatId).isEmpty()) {
            err.println("unknown format '" + format + "': choose one of " + Arrays.stream(ExportFormat.values())
                    .map(ExportFormat::id).collect(Collectors.joining(", ")));
            return 2;
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            err.println(dir + " exists and is not a directory");
            return 2;
        }
        int written = localData.local ? exportLocally(ExportFormat.fromId(formatId).get(), err)
                : exportThroughTheApi(formatId, err);
        if (written < 0) {
            return 2;
        }
        out.println(written + " files written to " + dir + " (" + formatId + ")");
        return 0;
    }

    /** The files, or -1 after saying why there are none. */
    private int exportThroughTheApi(String formatId, PrintWriter err) throws Exception {
        String token = connection.tokenOrNull(err);
        if (token == null) {
            return -1;
        }
        HttpResponse<InputStream> answer;
        try {
            answer = connection.send(connection.request("/api/admin/exports/" + formatId, token)
                    .timeout(Duration.ofMinutes(10)).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            err.println("cannot reach the ledger at " + connection.api + ": " + e.getMessage());
            return -1;
        }
        try (InputStream body = answer.body()) {
            if (answer.statusCode() != 200) {
                err.println("the ledger answered " + answer.statusCode() + ": "
                        + new String(body.readAllBytes(), StandardCharsets.UTF_8));
                return -1;
            }
            Files.createDirectories(dir);
            int written = 0;
            ZipInputStream zip = new ZipInputStream(body, StandardCharsets.UTF_8);
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.isDirectory() || !PLAIN_NAME.matcher(entry.getName()).matches()) {
                    err.println("refusing archive entry '" + entry.getName() + "': not a plain file name");
                    return -1;
                }
                Files.copy(zip, dir.resolve(entry.getName()), StandardCopyOption.REPLACE_EXISTING);
                written++;
            }
            return written;
        }
    }

    /** Reads a stopped platform's data directory with a platform of its own (see {@link LocalData#withPlatform}). */
    private int exportLocally(ExportFormat exportFormat, PrintWriter err) throws Exception {
        Map<String, String> files = localData.withPlatform(err, platform -> {
            // a replay's pace: read models of an older shape are rebuilt at start
            platform.awaitReadModels(java.time.Duration.ofHours(1));
            return ExportBundle.files(exportFormat, new QueryGatewayReader(platform.axon().queryGateway()));
        });
        if (files == null) {
            return -1;
        }
        Files.createDirectories(dir);
        for (Map.Entry<String, String> file : files.entrySet()) {
            Files.writeString(dir.resolve(file.getKey()), file.getValue());
        }
        return files.size();
    }
}

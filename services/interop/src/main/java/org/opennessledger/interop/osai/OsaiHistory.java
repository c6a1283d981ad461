package org.opennessledger.interop.osai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The OSAI index's git history as exported one JSON object per line, oldest first:
 * {@code {commit, date, path, change, content}} (content null when the file was deleted). Lines
 * that are not such objects are reported, not fatal.
 */
public final class OsaiHistory {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One file version; {@code content} is null for a deletion. */
    public record Version(int line, String commit, OffsetDateTime date, String path, String change, String content) {

        public boolean deleted() {
            return content == null;
        }
    }

    /** The versions in file order, and the lines that could not be read (with why). */
    public record Read(List<Version> versions, List<String> problems) {
    }

    private OsaiHistory() {
    }

    public static Read read(Path jsonl) {
        List<Version> versions = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(jsonl);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonNode node = JSON.readTree(line);
                String commit = node.path("commit").asText(null);
                String path = node.path("path").asText(null);
                String date = node.path("date").asText(null);
                if (commit == null || path == null || date == null) {
                    problems.add("line " + (i + 1) + ": commit, date and path are required");
                    continue;
                }
                JsonNode content = node.get("content");
                versions.add(new Version(i + 1, commit, OffsetDateTime.parse(date), path,
                        node.path("change").asText(""), content == null || content.isNull() ? null : content.asText()));
            } catch (IOException | DateTimeParseException e) {
                problems.add("line " + (i + 1) + ": " + e.getMessage());
            }
        }
        return new Read(List.copyOf(versions), List.copyOf(problems));
    }
}

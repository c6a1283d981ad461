package org.opennessledger.interop.osai;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.opennessledger.interop.Datasets;

class OsaiIndexWriterTest {

    @Test
    void everyModelFileOfTheIndexReadsBackAsWrittenAfterAWriteAndARead() throws Exception {
        List<Path> files;
        try (Stream<Path> all = Files.list(Datasets.dir().resolve("osai-index/models"))) {
            files = all.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        for (Path file : files) {
            OsaiIndexFile original = OsaiIndexReader.read(Files.readString(file));
            OsaiIndexFile again = OsaiIndexReader.read(OsaiIndexWriter.write(original));
            assertThat(again.name()).as(file.toString()).isEqualTo(original.name());
            assertThat(again.organisation()).isEqualTo(original.organisation());
            assertThat(again.endModel()).isEqualTo(original.endModel());
            assertThat(again.dimensions()).as(file.toString()).isEqualTo(original.dimensions());
        }
    }

    @Test
    void textThatLooksLikeYamlIsQuotedNotInterpreted() throws Exception {
        OsaiIndexFile tricky = OsaiIndexReader.read("""
                system:
                    name: "yes: no # not a comment"
                org:
                    name: "- dash"
                paper:
                    class: open
                    link: https://example.org/p?a=1&b=2
                    notes: "line one\\nline two: {curly}"
                """);
        OsaiIndexFile again = OsaiIndexReader.read(OsaiIndexWriter.write(tricky));
        assertThat(again.name()).isEqualTo("yes: no # not a comment");
        assertThat(again.organisation()).isEqualTo("- dash");
        assertThat(again.dimensions().get("paper").notes()).isEqualTo("line one\nline two: {curly}");
    }
}

package org.opennessledger.licences;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LicenceExpressionParserTest {

    @ParameterizedTest(name = "[{0}] is valid and reads as [{1}]")
    @CsvSource(delimiter = '|', value = {
            "MIT | MIT",
            "mit | MIT",
            "Apache-2.0 OR MIT | Apache-2.0 OR MIT",
            "apache-2.0 or mit | Apache-2.0 OR MIT",
            "(MIT AND BSD-3-Clause) OR Apache-2.0 WITH LLVM-exception | MIT AND BSD-3-Clause OR Apache-2.0 WITH LLVM-exception",
            "MIT AND (BSD-3-Clause OR Apache-2.0) | MIT AND (BSD-3-Clause OR Apache-2.0)",
            "GPL-2.0-or-later WITH Classpath-exception-2.0 | GPL-2.0-or-later WITH Classpath-exception-2.0",
            "gpl-2.0-only with classpath-exception-2.0 | GPL-2.0-only WITH Classpath-exception-2.0",
            "LGPL-2.1+ | LGPL-2.1+",
            "LicenseRef-custom | LicenseRef-custom",
            "DocumentRef-spdx-tool-1.2:LicenseRef-MIT-Style-2 | DocumentRef-spdx-tool-1.2:LicenseRef-MIT-Style-2",
            "llama3.1-community | llama3.1-community",
            "Llama3.1-Community | llama3.1-community",
            "gemma-terms AND Apache-2.0 | gemma-terms AND Apache-2.0",
            "((MIT)) | MIT",
            "  MIT   OR  0BSD  | MIT OR 0BSD",
    })
    void valid_expressions_parse_to_their_canonical_form(String expression, String canonical) {
        assertThat(LicenceExpressionParser.parse(expression).canonical()).isEqualTo(canonical);
    }

    @Test
    void and_binds_tighter_than_or() {
        LicenceExpression parsed = LicenceExpressionParser.parse("MIT OR BSD-3-Clause AND Apache-2.0");
        assertThat(parsed).isInstanceOf(LicenceExpression.AnyOf.class);
        LicenceExpression.AnyOf anyOf = (LicenceExpression.AnyOf) parsed;
        assertThat(anyOf.operands()).hasSize(2);
        assertThat(anyOf.operands().get(1)).isEqualTo(new LicenceExpression.AllOf(List.of(
                new LicenceExpression.Licence("BSD-3-Clause", LicenceExpression.Source.SPDX, false),
                new LicenceExpression.Licence("Apache-2.0", LicenceExpression.Source.SPDX, false))));
    }

    @Test
    void operands_record_where_their_id_comes_from() {
        LicenceExpression parsed = LicenceExpressionParser.parse("llama3.1-community AND LicenseRef-x AND MIT");
        assertThat(((LicenceExpression.AllOf) parsed).operands()).containsExactly(
                new LicenceExpression.Licence("llama3.1-community", LicenceExpression.Source.CATALOGUE, false),
                new LicenceExpression.Licence("LicenseRef-x", LicenceExpression.Source.LICENSE_REF, false),
                new LicenceExpression.Licence("MIT", LicenceExpression.Source.SPDX, false));
    }

    @ParameterizedTest(name = "[{0}] is rejected: {1}")
    @CsvSource(delimiter = '|', value = {
            "'' | licence expression is empty",
            "'   ' | licence expression is empty",
            "MIT AND | licence expression ends after 'AND'; expected a licence id or '(' at position 7",
            "FOO-1.0 | unknown licence id 'FOO-1.0' at position 0",
            "(MIT | missing ')' to close the '(' at position 0",
            "MIT OR OR Apache-2.0 | expected a licence id or '(' at position 7 but found operator 'OR'",
            "MIT) | unexpected ')' at position 3 without a matching '('",
            "MIT Apache-2.0 | expected AND, OR or WITH at position 4 but found 'Apache-2.0'",
            "(MIT AND BSD-3-Clause) WITH LLVM-exception | WITH at position 23 must follow a single licence id",
            "MIT WITH FOO-exception | unknown licence exception 'FOO-exception' at position 9",
            "MIT WITH Apache-2.0 | 'Apache-2.0' at position 9 is a licence, not a licence exception",
            "LLVM-exception | 'LLVM-exception' at position 0 is a licence exception; it can only follow WITH",
            "MIT & Apache-2.0 | unexpected character '&' at position 4",
            "LicenseRef-custom+ | '+' at position 17 applies only to SPDX licence ids",
            "llama3.1-community+ | '+' at position 18 applies only to SPDX licence ids",
            "Foo:LicenseRef-x | malformed reference 'Foo:LicenseRef-x' at position 0",
            "() | expected a licence id or '(' at position 1 but found ')'",
            "AND MIT | expected a licence id or '(' at position 0 but found operator 'AND'",
            "MIT WITH | licence expression ends after 'WITH'; expected a licence exception id at position 8",
    })
    void malformed_expressions_are_rejected_with_what_and_where(String expression, String message) {
        assertThatThrownBy(() -> LicenceExpressionParser.parse(expression))
                .isInstanceOf(InvalidLicenceExpression.class)
                .hasMessageContaining(message);
    }

    @Test
    void a_near_miss_suggests_the_id_meant() {
        assertThatThrownBy(() -> LicenceExpressionParser.parse("MITT"))
                .isInstanceOf(InvalidLicenceExpression.class)
                .hasMessageStartingWith("unknown licence id 'MITT' at position 0; did you mean MIT?");
        assertThatThrownBy(() -> LicenceExpressionParser.parse("Apache-2.0 OR llama3.1-comunity"))
                .hasMessageContaining("unknown licence id 'llama3.1-comunity' at position 14; did you mean "
                        + "llama3.1-community?");
    }

    @Test
    void the_error_carries_the_position() {
        assertThatThrownBy(() -> LicenceExpressionParser.parse("MIT OR FOO"))
                .isInstanceOfSatisfying(InvalidLicenceExpression.class, e -> assertThat(e.position()).isEqualTo(7));
    }

    @Test
    void overlong_expressions_are_rejected() {
        String longExpression = String.join(" OR ", java.util.Collections.nCopies(200, "MIT"));
        assertThatThrownBy(() -> LicenceExpressionParser.parse(longExpression))
                .hasMessageContaining("longer than " + LicenceExpressionParser.MAX_LENGTH);
    }

    @ParameterizedTest
    @ValueSource(strings = {"llama2-community", "llama3-community", "llama3.1-community", "llama3.2-community",
            "llama3.3-community", "llama4-community", "gemma-terms", "qwen-licence", "qwen-research",
            "deepseek-licence", "openrail", "openrail-m", "bigscience-openrail-m", "creativeml-openrail-m",
            "bigcode-openrail-m", "falcon-180b-tii", "mistral-research", "nvidia-open-model",
            "bigscience-bloom-rail-1.0", "databricks-open-model", "chatglm3-6b", "apple-sample-code",
            "arxiv-nonexclusive-1.0"})
    void every_catalogue_id_is_a_valid_expression(String id) {
        assertThat(LicenceExpressionParser.parse(id).canonical()).isEqualTo(id);
        assertThat(LicenceCatalogue.fromId(id)).isPresent();
    }

    @Test
    void no_catalogue_id_collides_with_an_spdx_id() {
        for (LicenceCatalogue licence : LicenceCatalogue.values()) {
            assertThat(SpdxLicenceList.bundled().licence(licence.id())).as(licence.id()).isEmpty();
        }
    }

    @Test
    void the_bundled_spdx_list_knows_licences_and_exceptions_with_their_properties() {
        SpdxLicenceList list = SpdxLicenceList.bundled();
        assertThat(list.licenceIds()).hasSizeGreaterThan(700);
        assertThat(list.exceptionIds()).hasSizeGreaterThan(80);
        assertThat(list.licence("apache-2.0")).hasValueSatisfying(l -> {
            assertThat(l.id()).isEqualTo("Apache-2.0");
            assertThat(l.osiApproved()).isTrue();
            assertThat(l.deprecated()).isFalse();
        });
        assertThat(list.licence("GPL-2.0+")).hasValueSatisfying(l -> assertThat(l.deprecated()).isTrue());
        assertThat(list.exception("llvm-exception")).hasValueSatisfying(e -> assertThat(e.id()).isEqualTo("LLVM-exception"));
    }
}

package org.opennessledger.assessments.frameworks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OsaiIndexScorerTest {

    /** Bark's classes in the index (models/Bark.yaml), read by hand. */
    private static final Map<String, String> BARK = Map.ofEntries(
            Map.entry("datasources_basemodel", "closed"), Map.entry("datasources_endmodel", "open"),
            Map.entry("weights_basemodel", "open"), Map.entry("weights_endmodel", "open"),
            Map.entry("trainingcode", "closed"), Map.entry("code", "open"),
            Map.entry("hardware_architecture", "closed"), Map.entry("preprint", "open"),
            Map.entry("paper", "closed"), Map.entry("modelcard", "open"), Map.entry("datasheet", "closed"),
            Map.entry("licenses", "partial"));

    @Test
    void theScoreIsTheMeanOfOpenOnePartialHalfClosedZeroOverTheTwelveDimensions() {
        OsaiIndexScore score = OsaiIndexScorer.score(OsaiIndex.CURRENT_12, BARK);

        // availability 3 of 5, documentation 3 of 6, access 0.5 of 1: (3 + 3 + 0.5) / 12
        assertThat(score.score()).isCloseTo(6.5 / 12, within(1e-12));
        assertThat(score.categories()).containsExactly(Map.entry("availability", 0.6),
                Map.entry("documentation", 0.5), Map.entry("access", 0.5));
        assertThat(score.version()).isEqualTo("osai-index-12");
        assertThat(score.classes()).hasSize(12).containsEntry("licenses", "partial");
    }

    @Test
    void anEmptyClassCountsZeroAndStaysInTheDenominator() {
        Map<String, String> classes = new HashMap<>(BARK);
        classes.put("licenses", "");
        classes.remove("datasheet");
        OsaiIndexScore score = OsaiIndexScorer.score(OsaiIndex.CURRENT_12, classes);

        assertThat(score.score()).isCloseTo(6.0 / 12, within(1e-12));
        assertThat(score.categories().get("access")).isZero();
        assertThat(score.classes()).containsEntry("licenses", "").containsEntry("datasheet", "");
    }

    @Test
    void theLegacyListAddsPackageAndApiToAccessAndDividesByFourteen() {
        Map<String, String> classes = new HashMap<>(BARK);
        classes.put("package", "open");
        classes.put("api", "partial");
        OsaiIndexScore score = OsaiIndexScorer.score(OsaiIndex.LEGACY_14, classes);

        assertThat(score.score()).isCloseTo(8.0 / 14, within(1e-12));
        assertThat(score.categories().get("access")).isCloseTo(2.0 / 3, within(1e-12));
        // the current list ignores the two dimensions it no longer has
        assertThat(OsaiIndexScorer.score(OsaiIndex.CURRENT_12, classes).score()).isCloseTo(6.5 / 12, within(1e-12));
    }

    @Test
    void classesAreCaseInsensitiveButAnUnknownClassIsRefusedNamingTheDimension() {
        Map<String, String> classes = new HashMap<>(BARK);
        classes.put("paper", " Open ");
        assertThat(OsaiIndexScorer.score(OsaiIndex.CURRENT_12, classes).classes()).containsEntry("paper", "open");

        classes.put("paper", "mostly");
        assertThatThrownBy(() -> OsaiIndexScorer.score(OsaiIndex.CURRENT_12, classes))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("paper").hasMessageContaining("mostly");
    }

    @Test
    void dimensionListsHaveTheirSizesAndStableVersions() {
        assertThat(OsaiIndex.CURRENT_12.dimensions()).hasSize(12).doesNotContain("package", "api");
        assertThat(OsaiIndex.LEGACY_14.dimensions()).hasSize(14).contains("package", "api");
        assertThat(OsaiIndex.fromVersion("osai-index-14")).contains(OsaiIndex.LEGACY_14);
        assertThat(OsaiIndex.fromVersion("osai-index-13")).isEmpty();
    }
}

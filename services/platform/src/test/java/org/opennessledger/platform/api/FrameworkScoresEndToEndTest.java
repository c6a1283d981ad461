package org.opennessledger.platform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.opennessledger.platform.api.CoreLoopEndToEndTest.list;
import static org.opennessledger.platform.api.CoreLoopEndToEndTest.registerModelWithRelease;
import static org.opennessledger.platform.api.DisputeEndToEndTest.acceptedClaim;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Framework scores travel with assessment versions, release pages and the matrix; the frameworks describe themselves. */
class FrameworkScoresEndToEndTest {

    private final LedgerClient api = SharedPlatform.client();

    @Test
    void anAcceptedOpenWeightsClaimIsScoredInEveryView() {
        String modelId = registerModelWithRelease(api, "alice");
        acceptedClaim(api, modelId); // final weights, open, Apache-2.0

        JsonNode version = api.get("/api/models/" + modelId + "/releases/base-7b/assessments/1").body();
        assertThat(version.at("/scores/osaiIndex/version").asText()).isEqualTo("osai-index-12");
        assertThat(version.at("/scores/osaiIndex/score").asDouble()).isCloseTo(1.0 / 12, within(1e-9));
        assertThat(version.at("/scores/osaiIndex/classes/weights_endmodel").asText()).isEqualTo("open");
        assertThat(version.at("/scores/osaid/qualifies").asBoolean()).isFalse();
        assertThat(version.at("/scores/osaid/failing").has("parameters")).isFalse();
        assertThat(version.at("/scores/osaid/failing").has("code")).isTrue();
        // MOF: open weights under Apache-2.0 are 1 of class III's 6 required components
        assertThat(version.at("/scores/mof/classReached").asInt()).isZero();
        assertThat(version.at("/scores/mof/percent/3").asDouble()).isCloseTo(100.0 / 6, within(1e-9));
        assertThat(version.at("/scores/mof/notTypeAppropriate/0").asText()).isEqualTo("final-weights");

        JsonNode release = api.get("/api/models/" + modelId + "/releases/base-7b").body();
        assertThat(release.get("scores")).isEqualTo(version.get("scores"));
        JsonNode row = list(api.get("/api/matrix").body().get("rows")).stream()
                .filter(r -> modelId.equals(r.get("modelId").asText())).findFirst().orElseThrow();
        assertThat(row.get("scores")).isEqualTo(version.get("scores"));

        String claimId = release.at("/components/0/claimId").asText();
        var evidence = api.get("/api/exports/claims/" + claimId + "/evidence.jsonld");
        assertThat(evidence.status()).isEqualTo(200);
        assertThat(evidence.contentType()).startsWith("application/ld+json");
        assertThat(evidence.body().get("@context").asText()).isEqualTo("http://www.w3.org/ns/anno.jsonld");
        assertThat(evidence.body().at("/first/items/0/type").asText()).isEqualTo("Annotation");
        assertThat(evidence.body().at("/first/items/0/target/source").asText()).startsWith("https://");

        var csv = api.get("/api/exports/matrix.csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        String line = csv.raw().body().lines().filter(l -> l.startsWith(modelId + ",")).findFirst().orElseThrow();
        assertThat(line).contains(",open,Apache-2.0,").endsWith(",0.0833,false,0");
    }

    @Test
    void licencesAreServedWithTheirFlagsAndCatalogueTerms() {
        JsonNode apache = api.get("/api/licences/apache-2.0").body();
        assertThat(apache.get("id").asText()).isEqualTo("Apache-2.0");
        assertThat(apache.get("osiApproved").asBoolean()).isTrue();
        assertThat(apache.get("fsfLibre").asBoolean()).isTrue();
        JsonNode gemma = api.get("/api/licences/gemma-terms").body();
        assertThat(gemma.get("kind").asText()).isEqualTo("catalogue");
        assertThat(gemma.at("/terms/acceptableUsePolicy").asBoolean()).isTrue();
        var unknown = api.get("/api/licences/no-such-licence");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
    }

    @Test
    void theFrameworksListTheirVersionsAndHowTheirCriteriaMapOntoComponents() {
        List<JsonNode> frameworks = list(api.get("/api/frameworks").body());
        assertThat(frameworks).extracting(f -> f.get("id").asText()).containsExactly("osai-index", "osaid", "mof");
        assertThat(frameworks.get(2).get("criteria")).hasSize(17);
        JsonNode osai = frameworks.get(0);
        assertThat(osai.get("criteria")).hasSize(12);
        assertThat(list(osai.get("criteria"))).anySatisfy(criterion -> {
            assertThat(criterion.get("id").asText()).isEqualTo("weights_basemodel");
            assertThat(criterion.get("group").asText()).isEqualTo("availability");
            assertThat(criterion.get("components").get(0).asText()).isEqualTo("base-model-weights");
        });
        assertThat(frameworks.get(1).get("version").asText()).isEqualTo("osaid-1.0");
    }
}

package org.opennessledger.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.SecurityRequirement;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opennessledger.contracts.disputes.DisputeDecision;
import org.opennessledger.contracts.disputes.DisputeState;
import org.opennessledger.contracts.values.ComponentId;
import org.opennessledger.contracts.values.ModelType;
import org.opennessledger.contracts.values.Openness;
import org.opennessledger.contracts.values.Stance;
import org.opennessledger.contracts.values.Verdict;
import org.opennessledger.gateway.http.OpenApiDescription;
import org.opennessledger.gateway.support.TestGateway;

/** openapi.yaml is a valid OpenAPI 3.1 contract and stays in step with the contracts module. */
@ExtendWith(VertxExtension.class)
class OpenApiDescriptionTest {

    @Test
    void componentEnumListsEveryComponentOfTheCatalogueAndNothingElse(Vertx vertx) {
        JsonObject schemas = schemas(vertx);
        assertThat(schemas.getJsonObject("ComponentId").getJsonArray("enum").getList())
                .containsExactlyElementsOf(Arrays.stream(ComponentId.values()).map(ComponentId::id).toList());
        assertThat(schemas.getJsonObject("Openness").getJsonArray("enum").getList())
                .containsExactlyElementsOf(Arrays.stream(Openness.values()).map(Openness::id).toList());
        assertThat(schemas.getJsonObject("Verdict").getJsonArray("enum").getList())
                .containsExactlyElementsOf(Arrays.stream(Verdict.values()).map(Verdict::id).toList());
        assertThat(schemas.getJsonObject("Stance").getJsonArray("enum").getList())
                .containsExactlyElementsOf(Arrays.stream(Stance.values()).map(Stance::id).toList());
        assertThat(schemas.getJsonObject("DisputeDecision").getJsonArray("enum").getList())
                .containsExactlyElementsOf(Arrays.stream(DisputeDecision.values()).map(DisputeDecision::id).toList());
        assertThat(schemas.getJsonObject("ModelType").getJsonArray("enum").getList())
                .containsExactlyElementsOf(Arrays.stream(ModelType.values()).map(ModelType::id).toList());
    }

    @Test
    void moderationQueueStatesAreTheQueuedDisputeStatesInLowerCase(Vertx vertx) {
        OpenApiDescription description = TestGateway.await(OpenApiDescription.load(vertx));
        JsonObject state = OpenApiDescription.parse(description.yaml()).getJsonObject("paths")
                .getJsonObject("/api/moderation/queue").getJsonObject("get").getJsonArray("parameters").getJsonObject(0);

        assertThat(state.getString("name")).isEqualTo("state");
        assertThat(state.getJsonObject("schema").getJsonArray("enum").getList()).containsExactlyElementsOf(
                Stream.of(DisputeState.OPEN, DisputeState.TAKEN, DisputeState.APPEALED)
                        .map(s -> s.name().toLowerCase(Locale.ROOT)).toList());
    }

    @Test
    void everyRequestBodyRefusesUnknownPropertiesAndEveryWriteNeedsABearerToken(Vertx vertx) {
        OpenApiDescription description = TestGateway.await(OpenApiDescription.load(vertx));
        List<Operation> writes = description.contract().operations().stream()
                .filter(o -> o.getRequestBody() != null).toList();
        assertThat(writes).extracting(Operation::getOperationId).containsExactlyInAnyOrder(
                "registerModel", "registerRelease", "proposeClaim", "reviewClaim", "publishConsensusPolicy",
                "postArgument", "editArgument", "disputeClaim", "takeDispute", "resolveDispute", "appealDispute",
                "setModelProtection", "setModelType", "postProducerResponse", "flagContent", "hideClaim", "unhideClaim",
                "dismissFlagsOnClaim", "hideArgument", "unhideArgument", "dismissFlagsOnArgument", "importOsaiIndex", "importMot",
                "rebuildReadModels", "eraseProfile", "addDocumentVersion", "fetchDocumentVersion", "createAnnotation",
                "reviewAnnotation", "importAnnotations", "postAnnotationArgument", "editAnnotationArgument",
                "citeLicenceTerm", "withdrawLicenceTermCitation");
        writes.forEach(write -> assertThat(write.getSecurityRequirements()).as(write.getOperationId()).isNotEmpty()
                .noneMatch(SecurityRequirement::isEmpty));
        // Reads are public (some take an optional token: moderators see hidden content), except the
        // moderation queue and flags (moderators only) and the whole-ledger export and the audit verification (admins only).
        List<String> restrictedReads = List.of("getModerationQueue", "listClaimFlags", "exportAll",
                "verifyAuditLog");
        description.contract().operations().stream().filter(o -> o.getRequestBody() == null)
                .filter(read -> !restrictedReads.contains(read.getOperationId()))
                .forEach(read -> assertThat(read.getSecurityRequirements().isEmpty()
                        || read.getSecurityRequirements().stream().anyMatch(SecurityRequirement::isEmpty))
                        .as(read.getOperationId()).isTrue());
        description.contract().operations().stream().filter(o -> restrictedReads.contains(o.getOperationId()))
                .forEach(read -> assertThat(read.getSecurityRequirements()).as(read.getOperationId()).isNotEmpty()
                        .noneMatch(SecurityRequirement::isEmpty));

        JsonObject schemas = schemas(vertx);
        for (String body : List.of("RegisterModelRequest", "RegisterReleaseRequest", "ProposeClaimRequest",
                "EvidenceInput", "ReviewRequest", "ConsensusPolicyRequest", "ArgumentRequest", "ArgumentEditRequest",
                "DisputeRequest", "TakeDisputeRequest", "ResolveDisputeRequest", "AppealDisputeRequest",
                "SetModelProtectionRequest", "ProducerResponseRequest", "FlagRequest", "ReasonRequest", "ImportFilesRequest",
                "DocumentRequest", "AnnotationRequest", "TextQuoteSelector", "TextPositionSelector")) {
            assertThat(schemas.getJsonObject(body).getValue("additionalProperties")).as(body).isEqualTo(false);
        }
    }

    private static JsonObject schemas(Vertx vertx) {
        OpenApiDescription description = TestGateway.await(OpenApiDescription.load(vertx));
        return OpenApiDescription.parse(description.yaml()).getJsonObject("components").getJsonObject("schemas");
    }
}

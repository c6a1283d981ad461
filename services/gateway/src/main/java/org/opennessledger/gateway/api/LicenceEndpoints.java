package org.opennessledger.gateway.api;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.Optional;
import org.opennessledger.contracts.licences.CiteAnnotationForLicenceTerm;
import org.opennessledger.contracts.licences.LicenceTerm;
import org.opennessledger.contracts.licences.WithdrawLicenceTermCitation;
import org.opennessledger.contracts.queries.Queries.GetAnnotation;
import org.opennessledger.contracts.queries.Queries.GetLicence;
import org.opennessledger.contracts.queries.Queries.ListLicenceCitations;
import org.opennessledger.contracts.values.AggregateCommand;
import org.opennessledger.contracts.views.AnnotationView;
import org.opennessledger.contracts.views.LicenceCitationView;
import org.opennessledger.contracts.views.LicenceView;
import org.opennessledger.gateway.bus.QueryRunner;
import org.opennessledger.gateway.http.ApiException;
import org.opennessledger.gateway.http.JsonBodies;
import org.opennessledger.gateway.http.ProblemType;

/**
 * The licences the ledger knows: SPDX listed ones and its catalogue of AI licences, whose terms admins
 * back with annotated passages.
 */
final class LicenceEndpoints {

    private final QueryRunner queries;
    private final WriteFlow writes;

    LicenceEndpoints(QueryRunner queries, WriteFlow writes) {
        this.queries = queries;
        this.writes = writes;
    }

    void register(Map<String, Handler<RoutingContext>> handlers) {
        handlers.put("getLicence", ctx -> licence(ctx.pathParam("licenceId"))
                .onSuccess(licence -> JsonBodies.respond(ctx, 200, licence))
                .onFailure(ctx::fail));
        handlers.put("citeLicenceTerm", ctx -> changeCitation(ctx, 201, CiteAnnotationForLicenceTerm::new,
                "Citing evidence for licence terms", "Cited"));
        handlers.put("withdrawLicenceTermCitation", ctx -> changeCitation(ctx, 200, WithdrawLicenceTermCitation::new,
                "Withdrawing evidence for licence terms", "Withdrew"));
    }

    /** The licence with the passages cited for its terms; 404 when neither SPDX nor the catalogue knows it. */
    private Future<LicenceView> licence(String id) {
        return known(id).compose(licence -> !"catalogue".equals(licence.kind()) ? Future.succeededFuture(licence)
                : queries.list(new ListLicenceCitations(licence.id()), LicenceCitationView.class)
                        .map(licence::withCitations));
    }

    /** The licence as SPDX or the catalogue describes it, without its citations; 404 when neither knows it. */
    private Future<LicenceView> known(String id) {
        return queries.optional(new GetLicence(id), LicenceView.class)
                .map(licence -> licence.orElseThrow(() -> ApiException.notFound("No licence with id '" + id
                        + "' is on the SPDX list or in the ledger's catalogue.")));
    }

    private interface CitationCommand {
        AggregateCommand of(String licenceId, LicenceTerm term, String annotationId);
    }

    /**
     * Cites or withdraws: the licence must be in the catalogue (its own id is sent, whatever the case asked) and
     * the annotation must exist; the domain checks the role and whether the citation is (not) in force.
     */
    private void changeCitation(RoutingContext ctx, int status, CitationCommand command, String action, String verb) {
        RoleChecks.requireAdmin(ctx, action);
        ApiRequests.LicenceCitation body = JsonBodies.read(ctx, ApiRequests.LicenceCitation.class);
        LicenceTerm term = LicenceTerm.fromId(body.term())
                .orElseThrow(() -> ApiException.invalid("/term", "is not a licence term"));
        String requested = ctx.pathParam("licenceId");
        known(requested).compose(licence -> {
            if (!"catalogue".equals(licence.kind())) {
                return Future.failedFuture(new ApiException(ProblemType.UNPROCESSABLE, "Licence '" + licence.id()
                        + "' is an SPDX licence: only the ledger's catalogue licences have structured terms to cite for."));
            }
            return queries.optional(new GetAnnotation(body.annotationId()), AnnotationView.class)
                    .compose(annotation -> annotation.isPresent() ? Future.succeededFuture(licence.id())
                            : Future.failedFuture(DocumentEndpoints.unknownAnnotation("/annotationId", body.annotationId())));
        }).compose(licenceId -> writes.send(ctx, command.of(licenceId, term, body.annotationId()),
                        ApiRequests.reasonOr(body.reason(), verb + " annotation " + body.annotationId() + " for the "
                                + term.id() + " term of licence " + licenceId))
                .onSuccess(done -> writes.answer(ctx, status, "/api/licences/" + licenceId,
                        () -> licence(licenceId).map(Optional::of))))
                .onFailure(ctx::fail);
    }
}

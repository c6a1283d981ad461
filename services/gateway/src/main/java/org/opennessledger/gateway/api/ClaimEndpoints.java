package org.opennessledger.gateway.api;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.opennessledger.contracts.claims.ProposeClaim;
import org.opennessledger.contracts.claims.ReviewClaim;
import org.opennessledger.contracts.debate.PostProducerResponse;
import org.opennessledger.contracts.queries.Queries.GetClaim;
import org.opennessledger.contracts.queries.Queries.GetClaimAsOf;
import org.opennessledger.contracts.values.ClaimTarget;
import org.opennessledger.contracts.values.ComponentId;
import org.opennessledger.contracts.values.Openness;
import org.opennessledger.contracts.values.Role;
import org.opennessledger.contracts.values.Verdict;
import org.opennessledger.contracts.views.ClaimView;
import org.opennessledger.gateway.auth.BearerAuthHandler;
import org.opennessledger.gateway.bus.QueryRunner;
import org.opennessledger.gateway.http.ApiException;
import org.opennessledger.gateway.http.JsonBodies;
import org.opennessledger.gateway.http.ProblemType;

/** Claims and their reviews. */
final class ClaimEndpoints {

    private final QueryRunner queries;
    private final WriteFlow writes;
    private final EvidenceResolver evidence;

    ClaimEndpoints(QueryRunner queries, WriteFlow writes) {
        this.queries = queries;
        this.writes = writes;
        this.evidence = new EvidenceResolver(queries);
    }

    void register(Map<String, Handler<RoutingContext>> handlers) {
        handlers.put("proposeClaim", this::proposeClaim);
        handlers.put("getClaim", this::getClaim);
        handlers.put("reviewClaim", this::reviewClaim);
        handlers.put("postProducerResponse", this::postProducerResponse);
    }

    private void postProducerResponse(RoutingContext ctx) {
        if (!BearerAuthHandler.actor(ctx).has(Role.PRODUCER)) {
            throw new ApiException(ProblemType.FORBIDDEN, "Posting a producer response needs the role 'producer'.");
        }
        String claimId = ctx.pathParam("claimId");
        ApiRequests.ProducerResponse body = JsonBodies.read(ctx, ApiRequests.ProducerResponse.class);
        evidence.resolve(body.evidence())
                .compose(resolved -> writes.send(ctx, new PostProducerResponse(claimId, body.text(), resolved),
                        ApiRequests.reasonOr(body.reason(), "Posted the producer response on claim " + claimId)))
                .onSuccess(done -> writes.answer(ctx, 201, "/api/claims/" + claimId,
                        () -> queries.optional(new GetClaim(claimId), ClaimView.class)))
                .onFailure(ctx::fail);
    }

    private void getClaim(RoutingContext ctx) {
        String claimId = ctx.pathParam("claimId");
        Optional<Instant> asOf = Instants.parameter(ctx, "asOf");
        boolean moderator = RoleChecks.isModerator(ctx);
        Future<ClaimView> now = queries.optional(new GetClaim(claimId, moderator), ClaimView.class)
                .map(claim -> claim.orElseThrow(() -> noClaim(claimId)));
        // as of an instant: the claim must exist now (else 404 as usual), and then already
        (asOf.isEmpty() ? now : now.compose(exists -> queries.optional(
                        new GetClaimAsOf(claimId, asOf.get(), moderator), ClaimView.class)
                .map(then -> then.orElseThrow(() -> Instants.notYet("Claim '" + claimId + "'", asOf.get())))))
                .onSuccess(claim -> JsonBodies.respond(ctx, 200, claim))
                .onFailure(ctx::fail);
    }

    private void proposeClaim(RoutingContext ctx) {
        ApiRequests.ProposeClaim body = JsonBodies.read(ctx, ApiRequests.ProposeClaim.class);
        ComponentId component = ComponentId.fromId(body.component())
                .orElseThrow(() -> ApiException.invalid("/component", "is not a known component"));
        Openness openness = Openness.fromId(body.openness())
                .orElseThrow(() -> ApiException.invalid("/openness", "is not one of open, partial, closed, not-applicable"));
        String claimId = UUID.randomUUID().toString();
        ClaimTarget target = new ClaimTarget(body.modelId(), body.releaseId(), component);
        evidence.resolve(body.evidence())
                .compose(resolved -> writes.send(ctx, new ProposeClaim(claimId, target, openness,
                                ApiRequests.blankToNull(body.licence()), resolved, body.rationale().strip()),
                        ApiRequests.reasonOr(body.reason(), "Proposed a claim on " + target.key())))
                .onSuccess(done -> writes.answer(ctx, 201, "/api/claims/" + claimId,
                        () -> queries.optional(new GetClaim(claimId), ClaimView.class)))
                .onFailure(ctx::fail);
    }

    private void reviewClaim(RoutingContext ctx) {
        String claimId = ctx.pathParam("claimId");
        ApiRequests.Review body = JsonBodies.read(ctx, ApiRequests.Review.class);
        Verdict verdict = ApiRequests.verdict(body);
        String reason = ApiRequests.blankToNull(body.reason());
        ReviewClaim command = new ReviewClaim(claimId, verdict, reason);
        writes.send(ctx, command, ApiRequests.reasonOr(reason, "Reviewed claim " + claimId + ": " + verdict.id()))
                .onSuccess(done -> writes.answer(ctx, 200, "/api/claims/" + claimId,
                        () -> queries.optional(new GetClaim(claimId), ClaimView.class)))
                .onFailure(ctx::fail);
    }

    static ApiException noClaim(String claimId) {
        return ApiException.notFound("There is no claim with id '" + claimId + "'.");
    }
}

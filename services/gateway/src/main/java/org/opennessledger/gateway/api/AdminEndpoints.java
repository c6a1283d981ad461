package org.opennessledger.gateway.api;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.opennessledger.contracts.policy.PublishConsensusPolicy;
import org.opennessledger.gateway.http.ApiException;
import org.opennessledger.gateway.http.JsonBodies;

/** Administration. The domain checks the admin role too; checking here first refuses early and clearly. */
final class AdminEndpoints {

    private final WriteFlow writes;

    AdminEndpoints(WriteFlow writes) {
        this.writes = writes;
    }

    void register(Map<String, Handler<RoutingContext>> handlers) {
        handlers.put("publishConsensusPolicy", this::publishConsensusPolicy);
    }

    private void publishConsensusPolicy(RoutingContext ctx) {
        RoleChecks.requireAdmin(ctx, "Publishing a consensus policy");
        ApiRequests.ConsensusPolicy body = JsonBodies.read(ctx, ApiRequests.ConsensusPolicy.class);
        Duration lockAfter;
        try {
            lockAfter = Duration.parse(body.lockAfter());
        } catch (DateTimeParseException e) {
            throw ApiException.invalid("/lockAfter", "is not an ISO-8601 duration such as P14D or PT36H");
        }
        if (lockAfter.isZero() || lockAfter.isNegative()) {
            throw ApiException.invalid("/lockAfter", "must be longer than zero");
        }
        PublishConsensusPolicy command = new PublishConsensusPolicy(body.minimumReviews(), body.acceptRatio(),
                body.rejectRatio(), lockAfter);
        writes.send(ctx, command, ApiRequests.reasonOr(body.reason(), "Published a consensus policy"))
                .onSuccess(result -> {
                    Map<String, Object> published = new LinkedHashMap<>();
                    // The policy book answers with the new version's id when it has one to tell.
                    published.put("policyVersion", result instanceof String version ? version : null);
                    published.put("minimumReviews", command.minimumReviews());
                    published.put("acceptRatio", command.acceptRatio());
                    published.put("rejectRatio", command.rejectRatio());
                    published.put("lockAfter", body.lockAfter());
                    writes.answer(ctx, 201, null, () -> Future.succeededFuture(Optional.of(published)));
                })
                .onFailure(ctx::fail);
    }
}

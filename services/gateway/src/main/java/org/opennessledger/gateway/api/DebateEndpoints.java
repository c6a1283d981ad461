package org.opennessledger.gateway.api;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.opennessledger.contracts.annotations.EditAnnotationArgument;
import org.opennessledger.contracts.annotations.PostAnnotationArgument;
import org.opennessledger.contracts.debate.EditArgument;
import org.opennessledger.contracts.debate.PostArgument;
import org.opennessledger.contracts.queries.Queries.GetAnnotation;
import org.opennessledger.contracts.queries.Queries.GetClaim;
import org.opennessledger.contracts.queries.Queries.ListAnnotationArguments;
import org.opennessledger.contracts.queries.Queries.ListArguments;
import org.opennessledger.contracts.values.Evidence;
import org.opennessledger.contracts.values.Stance;
import org.opennessledger.contracts.views.AnnotationView;
import org.opennessledger.contracts.views.ArgumentView;
import org.opennessledger.contracts.views.ClaimView;
import org.opennessledger.gateway.bus.QueryRunner;
import org.opennessledger.gateway.http.ApiException;
import org.opennessledger.gateway.http.JsonBodies;

/**
 * The debates on claims and on annotations: threaded arguments and their revisions, by the same rules.
 * Text is user content, returned only as JSON.
 */
final class DebateEndpoints {

    private final QueryRunner queries;
    private final WriteFlow writes;
    private final EvidenceResolver evidence;

    DebateEndpoints(QueryRunner queries, WriteFlow writes) {
        this.queries = queries;
        this.writes = writes;
        this.evidence = new EvidenceResolver(queries);
    }

    void register(Map<String, Handler<RoutingContext>> handlers) {
        handlers.put("listArguments", this::listArguments);
        handlers.put("getArgument", this::getArgument);
        handlers.put("postArgument", this::postArgument);
        handlers.put("editArgument", this::editArgument);
        handlers.put("listAnnotationArguments", this::listAnnotationArguments);
        handlers.put("postAnnotationArgument", this::postAnnotationArgument);
        handlers.put("editAnnotationArgument", this::editAnnotationArgument);
    }

    private void listAnnotationArguments(RoutingContext ctx) {
        String annotationId = ctx.pathParam("annotationId");
        queries.optional(new GetAnnotation(annotationId), AnnotationView.class)
                .map(found -> found.orElseThrow(() -> DocumentEndpoints.noAnnotation(annotationId)))
                .compose(found -> annotationArguments(annotationId))
                .onSuccess(arguments -> JsonBodies.respond(ctx, 200, arguments))
                .onFailure(ctx::fail);
    }

    private void postAnnotationArgument(RoutingContext ctx) {
        String annotationId = ctx.pathParam("annotationId");
        ApiRequests.PostArgument body = JsonBodies.read(ctx, ApiRequests.PostArgument.class);
        Stance stance = stance(body);
        String argumentId = UUID.randomUUID().toString();
        write(ctx, 201, "/api/annotations/" + annotationId + "/arguments", body.evidence(),
                resolved -> new PostAnnotationArgument(annotationId, argumentId,
                        ApiRequests.blankToNull(body.parentArgumentId()), stance, body.text(), resolved),
                ApiRequests.reasonOr(body.reason(), "Posted a " + stance.id() + " argument on annotation " + annotationId),
                () -> annotationArgument(annotationId, argumentId));
    }

    private void editAnnotationArgument(RoutingContext ctx) {
        String annotationId = ctx.pathParam("annotationId");
        String argumentId = ctx.pathParam("argumentId");
        ApiRequests.EditArgument body = JsonBodies.read(ctx, ApiRequests.EditArgument.class);
        write(ctx, 200, "/api/annotations/" + annotationId + "/arguments", body.evidence(),
                resolved -> new EditAnnotationArgument(annotationId, argumentId, body.text(), resolved),
                ApiRequests.reasonOr(body.reason(), "Edited argument " + argumentId),
                () -> annotationArgument(annotationId, argumentId));
    }

    /**
     * Resolves the evidence, sends the command it completes and answers with the argument as the read side
     * shows it: every argument write of a claim's or an annotation's thread.
     */
    private void write(RoutingContext ctx, int status, String location, List<ApiRequests.EvidenceInput> inputs,
                       Function<List<Evidence>, Object> command, String reason,
                       Supplier<Future<Optional<ArgumentView>>> written) {
        evidence.resolve(inputs)
                .compose(resolved -> writes.send(ctx, command.apply(resolved), reason))
                .onSuccess(done -> writes.answer(ctx, status, location, written::get))
                .onFailure(ctx::fail);
    }

    private Future<List<ArgumentView>> annotationArguments(String annotationId) {
        return queries.list(new ListAnnotationArguments(annotationId), ArgumentView.class);
    }

    private Future<Optional<ArgumentView>> annotationArgument(String annotationId, String argumentId) {
        return annotationArguments(annotationId).map(all -> withId(all, argumentId));
    }

    private static Stance stance(ApiRequests.PostArgument body) {
        return Stance.fromId(body.stance())
                .orElseThrow(() -> ApiException.invalid("/stance", "is not one of pro, con, question"));
    }

    private void listArguments(RoutingContext ctx) {
        String claimId = ctx.pathParam("claimId");
        boolean includeHidden = RoleChecks.isModerator(ctx);
        existingClaim(claimId, includeHidden)
                .compose(claim -> queries.list(new ListArguments(claimId, includeHidden), ArgumentView.class))
                .onSuccess(arguments -> JsonBodies.respond(ctx, 200, arguments))
                .onFailure(ctx::fail);
    }

    private void getArgument(RoutingContext ctx) {
        String claimId = ctx.pathParam("claimId");
        String argumentId = ctx.pathParam("argumentId");
        argument(claimId, argumentId, RoleChecks.isModerator(ctx))
                .map(found -> found.orElseThrow(() -> ApiException.notFound(
                        "Claim '" + claimId + "' has no argument with id '" + argumentId + "'.")))
                .onSuccess(argument -> JsonBodies.respond(ctx, 200, argument))
                .onFailure(ctx::fail);
    }

    private void postArgument(RoutingContext ctx) {
        String claimId = ctx.pathParam("claimId");
        ApiRequests.PostArgument body = JsonBodies.read(ctx, ApiRequests.PostArgument.class);
        Stance stance = stance(body);
        String argumentId = UUID.randomUUID().toString();
        write(ctx, 201, "/api/claims/" + claimId + "/arguments/" + argumentId, body.evidence(),
                resolved -> new PostArgument(claimId, argumentId, ApiRequests.blankToNull(body.parentArgumentId()),
                        stance, body.text(), resolved),
                ApiRequests.reasonOr(body.reason(), "Posted a " + stance.id() + " argument on claim " + claimId),
                () -> argument(claimId, argumentId));
    }

    private void editArgument(RoutingContext ctx) {
        String claimId = ctx.pathParam("claimId");
        String argumentId = ctx.pathParam("argumentId");
        ApiRequests.EditArgument body = JsonBodies.read(ctx, ApiRequests.EditArgument.class);
        write(ctx, 200, "/api/claims/" + claimId + "/arguments/" + argumentId, body.evidence(),
                resolved -> new EditArgument(claimId, argumentId, body.text(), resolved),
                ApiRequests.reasonOr(body.reason(), "Edited argument " + argumentId), () -> argument(claimId, argumentId));
    }

    private Future<ClaimView> existingClaim(String claimId, boolean includeHidden) {
        return queries.optional(new GetClaim(claimId, includeHidden), ClaimView.class)
                .map(claim -> claim.orElseThrow(() -> ClaimEndpoints.noClaim(claimId)));
    }

    /** The contracts have no query for one argument: it is found in its claim's debate. */
    Future<Optional<ArgumentView>> argument(String claimId, String argumentId) {
        return argument(claimId, argumentId, false);
    }

    Future<Optional<ArgumentView>> argument(String claimId, String argumentId, boolean includeHidden) {
        return queries.list(new ListArguments(claimId, includeHidden), ArgumentView.class)
                .map(all -> withId(all, argumentId));
    }

    /** The argument of {@code thread} with that id, if any. */
    private static Optional<ArgumentView> withId(List<ArgumentView> thread, String argumentId) {
        return thread.stream().filter(a -> a.argumentId().equals(argumentId)).findFirst();
    }
}

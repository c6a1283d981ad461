package org.opennessledger.gateway.api;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.opennessledger.contracts.queries.Queries.GetClaim;
import org.opennessledger.contracts.queries.Queries.GetTimeline;
import org.opennessledger.contracts.views.ClaimView;
import org.opennessledger.contracts.views.TimelinePageView;
import org.opennessledger.gateway.bus.QueryRunner;
import org.opennessledger.gateway.http.ApiException;
import org.opennessledger.gateway.http.JsonBodies;

/**
 * Timelines: a family's and a claim's (oldest first), a person's public contributions and the
 * whole ledger's recent changes (newest first), all filterable by event kind and date range and
 * paged by event position (a {@code Link: <…>; rel="next"} header names the next page); the last
 * two also as Atom feeds.
 */
final class TimelineEndpoints {

    static final int FEED_ENTRIES = 50;
    private static final Pattern KIND = Pattern.compile("[A-Za-z]{1,60}");

    private final QueryRunner queries;
    private final ModelEndpoints models;

    TimelineEndpoints(QueryRunner queries, ModelEndpoints models) {
        this.queries = queries;
        this.models = models;
    }

    void register(Map<String, Handler<RoutingContext>> handlers) {
        handlers.put("getModelHistory", ctx -> {
            String modelId = ctx.pathParam("modelId");
            models.model(modelId).compose(model -> page(ctx, "model", modelId, false, 1000))
                    .onSuccess(page -> respond(ctx, page, "after"))
                    .onFailure(ctx::fail);
        });
        handlers.put("getClaimHistory", ctx -> {
            String claimId = ctx.pathParam("claimId");
            queries.optional(new GetClaim(claimId), ClaimView.class)
                    .map(claim -> claim.orElseThrow(() -> ClaimEndpoints.noClaim(claimId)))
                    .compose(claim -> page(ctx, "claim", claimId, false, 1000))
                    .onSuccess(page -> respond(ctx, page, "after"))
                    .onFailure(ctx::fail);
        });
        handlers.put("getRecentChanges", ctx -> page(ctx, "all", null, true, 50)
                .onSuccess(page -> respond(ctx, page, "before"))
                .onFailure(ctx::fail));
        handlers.put("getContributorHistory", ctx -> page(ctx, "actor", ctx.pathParam("subjectId"), true, 50)
                .onSuccess(page -> respond(ctx, page, "before"))
                .onFailure(ctx::fail));
        handlers.put("getChangesFeed", ctx -> feed(ctx, "all", null, "urn:openness-ledger:changes",
                "Openness Ledger: recent changes", "/feeds/changes.atom"));
        handlers.put(TimelineFeeds.MODEL_FEED, ctx -> {
            String modelId = ctx.pathParam("modelId");
            models.model(modelId).onSuccess(model -> feed(ctx, "model", modelId, "urn:openness-ledger:model:" + modelId,
                            "Openness Ledger: " + model.name(), "/feeds/models/" + modelId + ".atom"))
                    .onFailure(ctx::fail);
        });
    }

    /** The page the request asks for: kinds, date range, cursor and size from its query parameters. */
    private Future<TimelinePageView> page(RoutingContext ctx, String scope, String id, boolean newestFirst,
                                          int defaultLimit) {
        List<String> kinds = new ArrayList<>();
        for (String value : ctx.queryParams().getAll("kind")) {
            for (String kind : value.split(",")) {
                if (!KIND.matcher(kind.strip()).matches()) {
                    throw ApiException.invalid("kind", "an event kind is a name such as ClaimAccepted, got '" + kind + "'");
                }
                kinds.add(kind.strip());
            }
        }
        Instant from = Instants.parameter(ctx, "from").orElse(null);
        Instant to = Instants.parameter(ctx, "to").orElse(null);
        if (from != null && to != null && from.isAfter(to)) {
            throw ApiException.invalid("from", "is after to (" + from + " > " + to + ")");
        }
        String cursorName = newestFirst ? "before" : "after";
        String cursor = ctx.queryParams().get(cursorName);
        String limit = ctx.queryParams().get("limit");
        return queries.one(new GetTimeline(scope, id, List.copyOf(kinds), from, to,
                cursor == null ? null : Long.parseLong(cursor), newestFirst,
                limit == null ? defaultLimit : Integer.parseInt(limit)), TimelinePageView.class);
    }

    /** The entries as a JSON array; the next page's address in a Link header when there is one. */
    private static void respond(RoutingContext ctx, TimelinePageView page, String cursorName) {
        if (page.next() != null) {
            StringBuilder next = new StringBuilder(ctx.request().path()).append('?');
            ctx.queryParams().forEach((name, value) -> {
                if (!name.equals(cursorName)) {
                    next.append(encode(name)).append('=').append(encode(value)).append('&');
                }
            });
            next.append(cursorName).append('=').append(page.next());
            ctx.response().putHeader("Link", "<" + next + ">; rel=\"next\"");
        }
        JsonBodies.respond(ctx, 200, page.entries());
    }

    private void feed(RoutingContext ctx, String scope, String id, String feedId, String title, String self) {
        queries.one(new GetTimeline(scope, id, List.of(), null, null, null, true, FEED_ENTRIES), TimelinePageView.class)
                .onSuccess(page -> ctx.response()
                        .putHeader("Content-Type", "application/atom+xml; charset=utf-8")
                        .end(AtomFeed.write(feedId, title, self, page.entries())))
                .onFailure(ctx::fail);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

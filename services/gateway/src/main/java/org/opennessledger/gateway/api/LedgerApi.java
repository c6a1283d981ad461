package org.opennessledger.gateway.api;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.opennessledger.gateway.ReadModelRebuild;
import org.opennessledger.gateway.bus.CommandSender;
import org.opennessledger.gateway.bus.QueryRunner;
import org.opennessledger.gateway.fetch.DocumentFetcher;

/** The handler of every API operation, by its operationId in openapi.yaml. */
public final class LedgerApi {

    private final Map<String, Handler<RoutingContext>> handlers = new HashMap<>();

    /** {@code documentFetcher}: empty where fetching documents is switched off. */
    public LedgerApi(CommandSender commands, QueryRunner queries, ReadModelRebuild rebuild,
                     Optional<DocumentFetcher> documentFetcher) {
        WriteFlow writes = new WriteFlow(commands, queries);
        ModelEndpoints models = new ModelEndpoints(queries, writes);
        models.register(handlers);
        new ClaimEndpoints(queries, writes).register(handlers);
        DebateEndpoints debates = new DebateEndpoints(queries, writes);
        debates.register(handlers);
        new ModerationEndpoints(queries, writes, debates).register(handlers);
        new DisputeEndpoints(queries, writes).register(handlers);
        new AssessmentEndpoints(queries, models).register(handlers);
        new TimelineEndpoints(queries, models).register(handlers);
        new AdminEndpoints(writes).register(handlers);
        new ImportEndpoints(writes).register(handlers);
        new LicenceEndpoints(queries, writes).register(handlers);
        new ExportEndpoints(queries, models).register(handlers);
        new AuditEndpoints(queries, rebuild).register(handlers);
        new ProfileEndpoints(queries, writes).register(handlers);
        new DocumentEndpoints(queries, writes, documentFetcher).register(handlers);
    }

    /** An unmodifiable view: operationId to handler. */
    public Map<String, Handler<RoutingContext>> handlers() {
        return Map.copyOf(handlers);
    }
}

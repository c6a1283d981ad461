package org.opennessledger.gateway.api;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import org.opennessledger.contracts.queries.Queries.GetLicence;
import org.opennessledger.contracts.views.LicenceView;
import org.opennessledger.gateway.bus.QueryRunner;
import org.opennessledger.gateway.http.ApiException;
import org.opennessledger.gateway.http.JsonBodies;

/** The licences the ledger knows: SPDX listed ones and its catalogue of AI licences. */
final class LicenceEndpoints {

    private final QueryRunner queries;

    LicenceEndpoints(QueryRunner queries) {
        this.queries = queries;
    }

    void register(Map<String, Handler<RoutingContext>> handlers) {
        handlers.put("getLicence", ctx -> {
            String id = ctx.pathParam("licenceId");
            queries.optional(new GetLicence(id), LicenceView.class)
                    .map(licence -> licence.orElseThrow(() -> ApiException.notFound("No licence with id '" + id
                            + "' is on the SPDX list or in the ledger's catalogue.")))
                    .onSuccess(licence -> JsonBodies.respond(ctx, 200, licence))
                    .onFailure(ctx::fail);
        });
    }
}

package org.opennessledger.gateway.bus;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.opennessledger.contracts.queries.Queries.GetClaim;
import org.opennessledger.contracts.queries.Queries.GetMatrix;
import org.opennessledger.contracts.queries.Queries.GetModel;
import org.opennessledger.contracts.queries.Queries.ListModels;
import org.opennessledger.contracts.views.ClaimView;
import org.opennessledger.contracts.views.MatrixView;
import org.opennessledger.contracts.views.ModelSummaryView;
import org.opennessledger.contracts.views.ModelView;
import org.opennessledger.interop.bundle.LedgerReader;

/**
 * The public read models through Axon's query gateway, one blocking query at a time: for exports,
 * on a worker thread of the API or in the local command line. Hidden content is never asked for.
 */
public final class QueryGatewayReader implements LedgerReader {

    private static final long TIMEOUT_SECONDS = 30;

    private final QueryGateway queries;

    public QueryGatewayReader(QueryGateway queries) {
        this.queries = queries;
    }

    @Override
    public List<ModelSummaryView> models() {
        List<ModelSummaryView> models = ask(new ListModels(), ResponseTypes.multipleInstancesOf(ModelSummaryView.class));
        return models == null ? List.of() : models;
    }

    @Override
    public Optional<ModelView> model(String modelId) {
        return optional(ask(new GetModel(modelId, false), ResponseTypes.optionalInstanceOf(ModelView.class)));
    }

    @Override
    public Optional<ClaimView> claim(String claimId) {
        return optional(ask(new GetClaim(claimId, false), ResponseTypes.optionalInstanceOf(ClaimView.class)));
    }

    @Override
    public MatrixView matrix() {
        return ask(new GetMatrix(), ResponseTypes.instanceOf(MatrixView.class));
    }

    private static <R> Optional<R> optional(Optional<R> answer) {
        return answer == null ? Optional.empty() : answer;
    }

    private <R> R ask(Object query, ResponseType<R> type) {
        try {
            return queries.query(query, type).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading " + query, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("reading " + query + " failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("reading " + query + " took longer than " + TIMEOUT_SECONDS + " s", e);
        }
    }
}

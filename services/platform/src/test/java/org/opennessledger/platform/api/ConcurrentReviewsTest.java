package org.opennessledger.platform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opennessledger.platform.api.CoreLoopEndToEndTest.claimBody;
import static org.opennessledger.platform.api.CoreLoopEndToEndTest.list;
import static org.opennessledger.platform.api.CoreLoopEndToEndTest.propose;
import static org.opennessledger.platform.api.CoreLoopEndToEndTest.registerModelWithRelease;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.opennessledger.claims.policy.ConsensusPolicy;
import org.opennessledger.contracts.values.ComponentId;

/**
 * 32 clients send 200 reviews each, at once, to 20 claims, as six reviewers whose reviews keep
 * replacing each other. Afterwards every acknowledged review is in each claim's review history
 * exactly once (none lost, none doubled), each reviewer's active review is their last one in that
 * history, and each claim's status is what the consensus policy gives for the final reviews.
 */
class ConcurrentReviewsTest {

    private static final int CLIENTS = 32;
    private static final int REVIEWS_PER_CLIENT = 200;
    private static final int CLAIMS = 20;
    private static final List<String> REVIEWERS = List.of("alice", "bob", "carol", "dave", "mia", "noah");

    private final LedgerClient api = SharedPlatform.client();

    /** {@code reason} is unique to each request, so that a lost and a doubled review cannot cancel out. */
    private record Acknowledged(String reviewer, String verdict, String reason) {
    }

    @Test
    void everyAcknowledgedReviewCountsOnceAndStatusesMatchASequentialRecomputation() throws Exception {
        String modelId = registerModelWithRelease(api, "ada");
        List<String> claims = new ArrayList<>();
        for (int i = 0; i < CLAIMS; i++) {
            // one component each: no claim supersedes another
            Map<String, Object> body = claimBody(modelId, "base-7b", "open", "MIT", "concurrency " + i);
            body.put("component", ComponentId.values()[i].id());
            claims.add(propose(api, "ada", body));
        }
        Map<String, List<Acknowledged>> acknowledged = new ConcurrentHashMap<>();
        claims.forEach(claim -> acknowledged.put(claim, java.util.Collections.synchronizedList(new ArrayList<>())));
        REVIEWERS.forEach(Keycloak::token); // fetch tokens before the clients start

        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<List<Integer>>> refusals = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            Random random = new Random(c);
            refusals.add(clients.submit(() -> {
                List<Integer> refused = new ArrayList<>();
                for (int i = 0; i < REVIEWS_PER_CLIENT; i++) {
                    String claim = claims.get(random.nextInt(CLAIMS));
                    String reviewer = REVIEWERS.get(random.nextInt(REVIEWERS.size()));
                    boolean agree = random.nextInt(3) > 0;
                    String reason = "review " + UUID.randomUUID();
                    Map<String, Object> body = Map.of("verdict", agree ? "agree" : "disagree", "reason", reason);
                    var response = api.post("/api/claims/" + claim + "/reviews", reviewer, body);
                    if (response.status() / 100 == 2) {
                        acknowledged.get(claim).add(new Acknowledged(Keycloak.subject(reviewer),
                                agree ? "agree" : "disagree", reason));
                    } else {
                        refused.add(response.status());
                    }
                }
                return refused;
            }));
        }
        clients.shutdown();
        assertThat(clients.awaitTermination(10, TimeUnit.MINUTES)).as("the clients finished").isTrue();
        List<Integer> refused = new ArrayList<>();
        for (Future<List<Integer>> future : refusals) {
            refused.addAll(future.get());
        }
        assertThat(refused).as("no review refused").isEmpty();
        assertThat(acknowledged.values().stream().mapToInt(List::size).sum()).isEqualTo(CLIENTS * REVIEWS_PER_CLIENT);

        for (String claimId : claims) {
            JsonNode claim = api.get("/api/claims/" + claimId).body();
            List<JsonNode> history = list(claim.get("reviewHistory"));
            assertThat(countBy(history.stream().map(r -> new Acknowledged(r.get("reviewerId").asText(),
                    r.get("verdict").asText(), r.get("reason").asText())).toList()))
                    .as("claim %s: each acknowledged review once in the history", claimId)
                    .isEqualTo(countBy(acknowledged.get(claimId)));

            // a sequential recomputation over the history, in its order
            Map<String, String> last = new HashMap<>();
            history.forEach(r -> last.put(r.get("reviewerId").asText(), r.get("verdict").asText()));
            Map<String, String> active = new HashMap<>();
            list(claim.get("reviews")).forEach(r -> active.put(r.get("reviewerId").asText(), r.get("verdict").asText()));
            assertThat(active).as("claim %s: active reviews are each reviewer's last", claimId).isEqualTo(last);
            int agree = (int) last.values().stream().filter("agree"::equals).count();
            int disagree = last.size() - agree;
            assertThat(claim.get("agreeCount").asInt()).isEqualTo(agree);
            assertThat(claim.get("disagreeCount").asInt()).isEqualTo(disagree);
            assertThat(claim.get("status").asText()).as("claim %s with %d agree, %d disagree", claimId, agree, disagree)
                    .isEqualTo(ConsensusPolicy.DEFAULT.evaluate(agree, disagree).name());
        }
    }

    private static Map<Acknowledged, Integer> countBy(List<Acknowledged> reviews) {
        Map<Acknowledged, Integer> counts = new HashMap<>();
        synchronized (reviews) {
            reviews.forEach(review -> counts.merge(review, 1, Integer::sum));
        }
        return counts;
    }
}

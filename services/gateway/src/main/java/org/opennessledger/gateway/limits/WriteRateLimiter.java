package org.opennessledger.gateway.limits;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opennessledger.contracts.values.Actor;
import org.opennessledger.contracts.values.Role;
import org.opennessledger.gateway.auth.BearerAuthHandler;
import org.opennessledger.gateway.http.ApiException;
import org.opennessledger.gateway.http.ProblemType;

/**
 * Answers 429 with Retry-After when a person, or the address they write from, has used up its
 * writes for now. Runs after authentication (a write without a valid token is a 401 first).
 * Admins are not limited: they run imports, whose many requests are the point. Buckets live in
 * memory per node and the least recently used are forgotten beyond {@link #MAX_TRACKED}; behind a
 * proxy every client shares the proxy's address, so raise the per-address limit there.
 */
public final class WriteRateLimiter implements Handler<RoutingContext> {

    static final int MAX_TRACKED = 100_000;

    private final WriteLimits limits;
    private final Map<String, Bucket> people = lru();
    private final Map<String, Bucket> addresses = lru();

    public WriteRateLimiter(WriteLimits limits) {
        this.limits = limits;
    }

    private static Map<String, Bucket> lru() {
        return Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > MAX_TRACKED;
            }
        });
    }

    private Bucket bucket(int perWindow) {
        return Bucket.builder().addLimit(Bandwidth.builder().capacity(perWindow)
                .refillGreedy(perWindow, limits.window()).build()).build();
    }

    @Override
    public void handle(RoutingContext ctx) {
        Actor actor = BearerAuthHandler.actor(ctx);
        if (actor.has(Role.ADMIN)) {
            ctx.next();
            return;
        }
        String address = ctx.request().remoteAddress() == null ? "unknown" : ctx.request().remoteAddress().host();
        Bucket person = people.computeIfAbsent(actor.subject(), s -> bucket(limits.perPersonPerMinute()));
        Bucket place = addresses.computeIfAbsent(address, a -> bucket(limits.perAddressPerMinute()));
        ConsumptionProbe byPerson = person.tryConsumeAndReturnRemaining(1);
        if (!byPerson.isConsumed()) {
            ctx.fail(tooMany("you", limits.perPersonPerMinute(), byPerson));
            return;
        }
        ConsumptionProbe byPlace = place.tryConsumeAndReturnRemaining(1);
        if (!byPlace.isConsumed()) {
            person.addTokens(1); // the person's write did not happen
            ctx.fail(tooMany("your address", limits.perAddressPerMinute(), byPlace));
            return;
        }
        ctx.next();
    }

    private ApiException tooMany(String who, int perWindow, ConsumptionProbe probe) {
        long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
        return new ApiException(ProblemType.TOO_MANY_REQUESTS, who + " may make " + perWindow
                + " writes " + limits.windowInWords() + "; try again in " + seconds + " s", List.of(),
                Map.of("Retry-After", Long.toString(seconds)), null);
    }
}

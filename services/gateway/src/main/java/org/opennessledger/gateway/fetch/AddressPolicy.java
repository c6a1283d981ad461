package org.opennessledger.gateway.fetch;

import java.net.InetAddress;
import java.util.Optional;

/**
 * Which addresses the document fetcher may connect to. The fetcher asks about every address a host
 * resolves to, before it connects, and refuses the URL if any one of them is refused.
 */
@FunctionalInterface
public interface AddressPolicy {

    /** Why the fetcher must not connect to {@code address} (a sentence naming the range), or empty when it may. */
    Optional<String> refusal(InetAddress address);
}

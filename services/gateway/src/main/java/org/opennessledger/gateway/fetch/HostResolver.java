package org.opennessledger.gateway.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Every address a host name stands for (a literal address stands for itself). May block. */
@FunctionalInterface
public interface HostResolver {

    /** The system's resolver (the JDK's, as every other lookup of this process). */
    HostResolver SYSTEM = host -> List.of(InetAddress.getAllByName(host));

    List<InetAddress> resolve(String host) throws UnknownHostException;
}

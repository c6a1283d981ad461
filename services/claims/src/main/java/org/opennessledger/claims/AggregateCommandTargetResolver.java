package org.opennessledger.claims;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.opennessledger.contracts.errors.CommandRejected;
import org.opennessledger.contracts.values.AggregateCommand;

/**
 * Routes commands by {@link AggregateCommand#aggregateId()}: contracts carry no Axon annotations.
 * No expected version: concurrent changes are settled by the event store's optimistic locking.
 */
public class AggregateCommandTargetResolver implements CommandTargetResolver {

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        if (!(command.getPayload() instanceof AggregateCommand addressed)) {
            throw new IllegalArgumentException(command.getCommandName() + " is not an AggregateCommand");
        }
        String id;
        try {
            id = addressed.aggregateId();
        } catch (NullPointerException e) {
            id = null;
        }
        if (id == null || id.isBlank()) {
            throw CommandRejected.invalid(command.getPayloadType().getSimpleName()
                    + " does not name the model, claim or policy it is addressed to");
        }
        return new VersionedAggregateIdentifier(id, null);
    }
}

package org.opennessledger.contracts.values;

/**
 * A command addressed to one aggregate instance. Contracts stay free of framework annotations,
 * so the write side routes commands by this method instead of Axon's @TargetAggregateIdentifier.
 */
public interface AggregateCommand {
    String aggregateId();
}

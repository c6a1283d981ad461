package org.opennessledger.claims;

import java.util.Map;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configurer;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.lifecycle.Phase;
import org.opennessledger.claims.claim.Claim;
import org.opennessledger.claims.dispute.AppealWindow;
import org.opennessledger.claims.dispute.Dispute;
import org.opennessledger.claims.document.Annotation;
import org.opennessledger.claims.document.Document;
import org.opennessledger.claims.licence.LicenceEntry;
import org.opennessledger.claims.licence.LicenceQueries;
import org.opennessledger.claims.model.AcceptedClaimCounter;
import org.opennessledger.claims.model.ModelFamily;
import org.opennessledger.claims.model.ProtectionPolicy;
import org.opennessledger.claims.policy.ConsensusPolicyBook;
import org.opennessledger.claims.policy.ConsensusPolicyProvider;
import org.opennessledger.claims.policy.EventStoreConsensusPolicyProvider;
import org.opennessledger.claims.process.DisputeProcess;
import org.opennessledger.claims.process.SupersessionProcess;

/**
 * Registers the write side with an Axon configuration: the aggregates ModelFamily, Claim, Dispute,
 * ConsensusPolicyBook, Document, Annotation and LicenceEntry, the {@link ConsensusPolicyProvider}, {@link AppealWindow} and
 * {@link ProtectionPolicy} components
 * (handlers receive them as parameters), the {@link SupersessionProcess} (processing group
 * "claims-supersession") and the {@link DisputeProcess} (processing group "claims-disputes").
 * The caller supplies the event store, serializer, correlation data providers, processors and
 * the DeadlineManager component.
 */
public final class ClaimsConfiguration {

    private ClaimsConfiguration() {
    }

    /** Without a way to count accepted claims: nobody qualifies to propose on a protected model. */
    public static void registerWith(Configurer configurer, ClaimsSettings settings) {
        registerWith(configurer, settings, subjectId -> 0);
    }

    /** @param acceptedClaims counts a person's accepted claims, for proposals on protected models */
    public static void registerWith(Configurer configurer, ClaimsSettings settings, AcceptedClaimCounter acceptedClaims) {
        configurer.registerComponent(ProtectionPolicy.class,
                c -> new ProtectionPolicy(settings.protectionMinimumAcceptedClaims(), acceptedClaims));
        configurer.registerComponent(ConsensusPolicyProvider.class,
                c -> new EventStoreConsensusPolicyProvider(c.eventStore(), settings.defaultLockAfter()));
        configurer.configureAggregate(aggregate(ModelFamily.class, settings));
        configurer.registerComponent(AppealWindow.class, c -> new AppealWindow(settings.appealWindow()));
        configurer.configureAggregate(aggregate(Claim.class, settings));
        configurer.configureAggregate(aggregate(Dispute.class, settings));
        configurer.configureAggregate(aggregate(ConsensusPolicyBook.class, settings));
        configurer.configureAggregate(aggregate(Document.class, settings));
        configurer.configureAggregate(aggregate(Annotation.class, settings));
        configurer.configureAggregate(aggregate(LicenceEntry.class, settings));
        configurer.registerQueryHandler(c -> new LicenceQueries());
        configurer.registerEventHandler(c -> new SupersessionProcess(c.commandGateway()));
        configurer.registerEventHandler(c -> new DisputeProcess(c.commandGateway()));
        configurer.onInitialize(config -> config.onStart(Phase.LOCAL_MESSAGE_HANDLER_REGISTRATIONS,
                () -> config.commandBus().registerHandlerInterceptor(new UnknownAggregateTranslator(Map.of(
                        ModelFamily.class, "model %s is not registered",
                        Claim.class, "claim %s does not exist",
                        Dispute.class, "dispute %s does not exist",
                        Document.class, "document %s does not exist",
                        Annotation.class, "annotation %s does not exist",
                        LicenceEntry.class, "no annotation is cited for the terms of %s")))));
    }

    private static <A> AggregateConfigurer<A> aggregate(Class<A> type, ClaimsSettings settings) {
        return AggregateConfigurer.defaultConfiguration(type)
                .configureCommandTargetResolver(c -> new AggregateCommandTargetResolver())
                .configureSnapshotTrigger(
                        c -> new EventCountSnapshotTriggerDefinition(c.snapshotter(), settings.snapshotEvery()));
    }
}

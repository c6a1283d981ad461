package org.opennessledger.platform;

import com.github.kagkarlsson.scheduler.Scheduler;
import io.vertx.core.Vertx;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.queryhandling.LoggingQueryInvocationErrorHandler;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryBusSpanFactory;
import org.axonframework.queryhandling.QueryInvocationErrorHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManagerSupplier;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.PostgresTokenTableFactory;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.opennessledger.assessments.AssessmentsConfiguration;
import org.opennessledger.assessments.projection.ReadModelProjector;
import org.opennessledger.claims.ClaimsConfiguration;
import org.opennessledger.claims.ClaimsSettings;
import org.opennessledger.claims.process.DisputeProcess;
import org.opennessledger.claims.process.SupersessionProcess;
import org.opennessledger.contracts.values.LedgerMetaData;
import org.opennessledger.gateway.GatewayDependencies;
import org.opennessledger.gateway.GatewaySettings;
import org.opennessledger.gateway.limits.WriteLimits;
import org.opennessledger.gateway.GatewayVerticle;
import org.opennessledger.gateway.HealthProbe;
import org.opennessledger.contracts.views.RebuildReportView;
import org.opennessledger.platform.audit.AuditChainer;
import org.opennessledger.platform.audit.AuditLog;
import org.opennessledger.platform.audit.AuditQueries;
import org.opennessledger.platform.eventstore.EventStoreDatabase;
import org.opennessledger.platform.eventstore.LedgerEventStorage;
import org.opennessledger.platform.eventstore.LedgerSerializers;
import org.opennessledger.platform.eventstore.ThreadBoundTransactionManager;
import org.opennessledger.platform.processing.ReadModelCatchUp;
import org.opennessledger.platform.readstore.ReadStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires every service into one running platform: event store (H2 file or PostgreSQL), read store
 * (embedded or external MongoDB), Axon with the claims and assessments services, persistent
 * deadlines, and the HTTP gateway.
 */
public final class Platform implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Platform.class);
    static final int SNAPSHOT_EVERY = 50;

    private final PlatformSettings settings;
    private final List<AutoCloseable> resources = new ArrayList<>();
    private EventStoreDatabase eventStoreDatabase;
    private ReadStore readStore;
    private Configuration axon;
    private Scheduler deadlineScheduler;
    private ReadModelCatchUp catchUp;
    private Vertx vertx;
    private int httpPort;

    private Platform(PlatformSettings settings) {
        this.settings = settings;
    }

    public static Platform start(PlatformSettings settings) {
        Platform platform = new Platform(settings);
        try {
            platform.startAll();
            return platform;
        } catch (RuntimeException e) {
            platform.close();
            throw e;
        }
    }

    private void startAll() {
        eventStoreDatabase = settings.eventStoreUrl()
                .map(url -> EventStoreDatabase.open(url, settings.eventStoreUser(), settings.eventStorePassword(),
                        // the query string may carry credentials: keep it out of logs
                        "PostgreSQL at " + url.replaceFirst("\\?.*$", "")))
                .orElseGet(() -> EventStoreDatabase.embeddedH2(settings.dataDir().resolve("eventstore")));
        resources.add(eventStoreDatabase);
        eventStoreDatabase.createDeadlineTable();
        LOG.info("event store: {}", eventStoreDatabase.description());

        readStore = settings.mongoUrl()
                .map(url -> ReadStore.external(url, settings.mongoDatabase()))
                .orElseGet(() -> ReadStore.embedded(settings.dataDir().resolve("readstore"), settings.mongoDatabase()));
        resources.add(readStore);
        MongoTemplate tokenCollections = DefaultMongoTemplate.builder().mongoDatabase(readStore.database()).build();
        boolean leftOpen = readStore.wasLeftOpen();
        if (leftOpen || !AssessmentsConfiguration.readModelsAreCurrent(readStore.database())) {
            // The embedded store may hold a token ahead of the documents it covers, or the documents
            // were built by older projections: start over from the event store.
            LOG.warn("{}; rebuilding the read models from the event store", leftOpen
                    ? "the read store was not closed by the last run" : "the read models were built by older projections");
            // Tokens first: a crash in between then leaves documents without tokens (replayed onto,
            // idempotently), never tokens ahead of missing documents.
            tokenCollections.trackingTokensCollection().drop();
            AssessmentsConfiguration.dropReadModels(readStore.database());
        }
        AssessmentsConfiguration.markReadModelsCurrent(readStore.database());
        AssessmentsConfiguration.ensureIndexes(readStore.database(), readStore.servesSecondaryIndexes());
        LOG.info("read store: {}", readStore.description());

        Serializer messages = LedgerSerializers.messages();
        Serializer snapshots = LedgerSerializers.snapshots();
        ThreadBoundTransactionManager transactionManager = new ThreadBoundTransactionManager(eventStoreDatabase.dataSource());
        // Read models keep their tokens beside them in MongoDB (lose one, rebuild both). The
        // processes (supersession, disputes) send commands, so their positions belong with the event
        // store: a token is updated in the same SQL transaction as the events its commands append.
        JdbcTokenStore processTokenStore = JdbcTokenStore.builder()
                .connectionProvider(transactionManager.connectionProvider())
                .serializer(messages)
                .build();
        transactionManager.executeInTransaction(() -> processTokenStore.createSchema(PostgresTokenTableFactory.INSTANCE));
        transactionManager.executeInTransaction(() -> {
            try (Connection connection = transactionManager.connectionProvider().getConnection()) {
                AuditLog.createSchema(connection);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot create the audit chain's table", e);
            }
        });
        TokenStore tokenStore = MongoTokenStore.builder()
                .mongoTemplate(tokenCollections)
                .serializer(messages)
                .build();

        DbSchedulerDeadlineManagerSupplier deadlineManagerSupplier = new DbSchedulerDeadlineManagerSupplier();
        // Stopped when Axon shuts down in close() (Main closes the platform from its shutdown hook).
        // Deadlines scheduled by a command join its transaction (see transactionalDataSource); the
        // scheduler never commits a connection it did not open itself.
        deadlineScheduler = Scheduler.create(transactionManager.transactionalDataSource(),
                        DbSchedulerDeadlineManager.humanReadableTask(deadlineManagerSupplier))
                .commitWhenAutocommitDisabled(false)
                .threads(2)
                .pollingInterval(Duration.ofSeconds(1))
                .build();

        Configurer configurer = DefaultConfigurer.defaultConfiguration()
                .configureSerializer(c -> messages)
                .configureEventSerializer(c -> messages)
                .configureMessageSerializer(c -> messages)
                .configureTransactionManager(c -> transactionManager)
                .configureEmbeddedEventStore(c -> LedgerEventStorage.create(eventStoreDatabase, transactionManager, messages, snapshots))
                // Queries read the read store, not the event store: the default query bus would open an
                // event-store transaction (a pooled connection) around every read. The audit queries
                // open their own.
                .configureQueryBus(Platform::queryBusWithoutTransactions)
                // Events inherit who, why and the request's correlation id from the command that caused them.
                .configureCorrelationDataProviders(c -> List.of(new SimpleCorrelationDataProvider(
                        LedgerMetaData.ACTOR_ID, LedgerMetaData.ACTOR_ROLES, LedgerMetaData.REASON,
                        LedgerMetaData.CORRELATION_ID, LedgerMetaData.PRODUCER_ORG, LedgerMetaData.EFFECTIVE_AT)))
                .registerComponent(DeadlineManager.class, c -> {
                    DbSchedulerDeadlineManager manager = DbSchedulerDeadlineManager.builder()
                            .scheduler(deadlineScheduler)
                            .scopeAwareProvider(new ConfigurationScopeAwareProvider(c))
                            .serializer(messages)
                            .transactionManager(c.getComponent(TransactionManager.class))
                            .useBinaryPojo(false)
                            .startScheduler(false)
                            .build();
                    deadlineManagerSupplier.set(manager);
                    return manager;
                });
        // The read models' tokens live in the read store, outside any event-store transaction. With a transaction
        // manager, Axon stores a batch's token before handling it (expecting both to commit together), so a batch
        // that failed was skipped on retry; without one, the token is stored after the batch's handlers succeeded.
        configurer.eventProcessing(processing -> processing
                .usingTrackingEventProcessors()
                .registerTokenStore(c -> tokenStore)
                .registerTokenStore(SupersessionProcess.PROCESSING_GROUP, c -> processTokenStore)
                .registerTokenStore(DisputeProcess.PROCESSING_GROUP, c -> processTokenStore)
                .registerTokenStore(AuditChainer.PROCESSING_GROUP, c -> processTokenStore)
                .registerTransactionManager(ReadModelProjector.PROCESSING_GROUP, c -> NoTransactionManager.instance())
                .registerTrackingEventProcessorConfiguration(c -> TrackingEventProcessorConfiguration
                        .forSingleThreadedProcessing()
                        .andBatchSize(100))
                // The processes send commands: without a token of their own (a restored snapshot, or a
                // process added later) they begin at the head, never re-acting to events already decided.
                .registerTrackingEventProcessorConfiguration(SupersessionProcess.PROCESSING_GROUP, c -> processesFromHead())
                .registerTrackingEventProcessorConfiguration(DisputeProcess.PROCESSING_GROUP, c -> processesFromHead())
                // A failing handler must not skip an event: propagate, and the processor retries with back-off.
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance()));

        var acceptedClaims = AssessmentsConfiguration.acceptedClaimsAuthoredBy(readStore.database());
        ClaimsConfiguration.registerWith(configurer, new ClaimsSettings(settings.lockAfter(), settings.appealWindow(),
                SNAPSHOT_EVERY, settings.protectionMinimumAcceptedClaims()), acceptedClaims::applyAsLong);
        AssessmentsConfiguration.registerWith(configurer, readStore.database());
        // The tamper-evident hash chain over the event log, kept beside the events (docs/audit.md).
        configurer.registerEventHandler(c -> new AuditChainer(transactionManager.connectionProvider(), Clock.systemUTC()));
        configurer.registerQueryHandler(c -> new AuditQueries(transactionManager, transactionManager.connectionProvider()));

        axon = configurer.buildConfiguration();
        axon.start();
        resources.add(axon::shutdown);
        // Resolve the deadline manager now so deadlines stored before a restart fire without waiting for a command.
        axon.getComponent(DeadlineManager.class);
        deadlineScheduler.start();
        // No stop of our own: Axon's deadline manager stops the scheduler when Axon shuts down.

        catchUp = new ReadModelCatchUp(axon.eventStore(), this::processProcessors, this::readModelProcessors,
                Duration.ofSeconds(10));
        resources.add(catchUp);

        vertx = Vertx.vertx();
        resources.add(() -> vertx.close().await(10, TimeUnit.SECONDS));
        GatewaySettings gatewaySettings = new GatewaySettings(settings.httpHost(), settings.httpPort(),
                settings.keycloakUrl(), settings.keycloakRealm(), "ledger-api", settings.webRoot().orElse(null),
                new WriteLimits(settings.writesPerMinutePerPerson(), settings.writesPerMinutePerAddress(),
                        settings.writeLimitWindow()), settings.documentFetch());
        List<HealthProbe> probes = List.of(
                new HealthProbe("event-store", () -> CompletableFuture.completedFuture(eventStoreDatabase.isReachable())),
                new HealthProbe("read-store", () -> CompletableFuture.completedFuture(readStore.isReachable())));
        GatewayVerticle gateway = new GatewayVerticle(new GatewayDependencies(axon.commandGateway(), axon.queryGateway(),
                catchUp::awaitCaughtUp, probes, gatewaySettings, this::rebuildInBackground));
        try {
            vertx.deployVerticle(gateway).await(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the HTTP gateway did not start within 30 s", e);
        }
        httpPort = gateway.actualPort();
        LOG.info("Openness Ledger listening on http://{}:{}", settings.httpHost(), httpPort);
    }

    private static QueryBus queryBusWithoutTransactions(Configuration c) {
        QueryBus bus = SimpleQueryBus.builder()
                .messageMonitor(c.messageMonitor(SimpleQueryBus.class, "queryBus"))
                .transactionManager(NoTransactionManager.instance())
                .errorHandler(c.getComponent(QueryInvocationErrorHandler.class,
                        () -> LoggingQueryInvocationErrorHandler.builder().build()))
                .queryUpdateEmitter(c.getComponent(QueryUpdateEmitter.class))
                .spanFactory(c.getComponent(QueryBusSpanFactory.class))
                .build();
        bus.registerHandlerInterceptor(new CorrelationDataInterceptor<>(c.correlationDataProviders()));
        return bus;
    }

    private static TrackingEventProcessorConfiguration processesFromHead() {
        return TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                .andBatchSize(100)
                .andInitialTrackingToken(StreamableMessageSource::createHeadToken);
    }

    private List<StreamingEventProcessor> readModelProcessors() {
        return processors(AssessmentsConfiguration.PROCESSING_GROUPS);
    }

    private List<StreamingEventProcessor> processProcessors() {
        return processors(List.of(SupersessionProcess.PROCESSING_GROUP, DisputeProcess.PROCESSING_GROUP));
    }

    private List<StreamingEventProcessor> processors(List<String> groups) {
        List<StreamingEventProcessor> processors = new ArrayList<>();
        for (String group : groups) {
            axon.eventProcessingConfiguration().eventProcessor(group, StreamingEventProcessor.class)
                    .ifPresent(processors::add);
        }
        return processors;
    }

    /** Completes when the read models include every event stored so far (see {@link ReadModelCatchUp}). */
    public CompletableFuture<Void> readModelsCaughtUp() {
        return catchUp.awaitCaughtUp();
    }

    /** The event position every read model has reached (see {@link ReadModelCatchUp#readModelsPosition()}). */
    public long readModelsPosition() {
        return catchUp.readModelsPosition();
    }

    /** The event store's head: the position of the newest stored event (-1 when empty). */
    public long eventStoreHead() {
        return catchUp.eventStoreHead();
    }

    public int httpPort() {
        return httpPort;
    }

    /**
     * Drops every read model and replays the whole event store into them with Axon's reset support:
     * the read-model processors stop, their collections are dropped, their tokens reset, and they
     * start again; answers once they have handled every event stored when it began. One at a time.
     * For one node only: on several, stop the others' read-model processors first.
     */
    public synchronized RebuildReportView rebuildReadModels(String reason) {
        LOG.warn("rebuilding the read models from the event store: {}", reason);
        List<StreamingEventProcessor> processors = readModelProcessors();
        long events = storedEvents();
        long started = System.nanoTime();
        processors.forEach(StreamingEventProcessor::shutDown);
        // Tokens first (see startAll): a crash before the drop replays onto the old documents, idempotently.
        processors.forEach(StreamingEventProcessor::resetTokens);
        AssessmentsConfiguration.dropReadModels(readStore.database());
        AssessmentsConfiguration.ensureIndexes(readStore.database(), readStore.servesSecondaryIndexes());
        processors.forEach(StreamingEventProcessor::start);
        awaitReadModels(Duration.ofHours(6));
        long millis = Math.max(1, (System.nanoTime() - started) / 1_000_000);
        long documents = 0;
        for (String collection : AssessmentsConfiguration.READ_MODEL_COLLECTIONS) {
            // The count command, not countDocuments: mongo-java-server answers countDocuments' aggregation by
            // collecting every document of the collection in a list first (a million history entries: beyond
            // a 512 MB heap); the count command reads the collection's size (MongoDB: its metadata, exact after a clean shutdown).
            documents += readStore.database().getCollection(collection).estimatedDocumentCount();
        }
        RebuildReportView report = new RebuildReportView(events, documents, millis, events * 1000.0 / millis,
                AssessmentsConfiguration.READ_MODEL_COLLECTIONS);
        LOG.warn("read models rebuilt: {} events in {} ms ({} events/s), {} documents", events, millis,
                Math.round(report.eventsPerSecond()), documents);
        return report;
    }

    /**
     * Waits, up to {@code patience}, until the read models have handled every event stored now (a
     * replay's pace, not a write's: {@link #readModelsCaughtUp()} gives up after seconds).
     */
    public void awaitReadModels(Duration patience) {
        try (ReadModelCatchUp replay = new ReadModelCatchUp(axon.eventStore(), this::readModelProcessors, patience)) {
            replay.awaitCaughtUp().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the read models were replayed", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("the replay did not finish: " + e.getCause().getMessage(), e.getCause());
        }
    }

    private CompletableFuture<RebuildReportView> rebuildInBackground(String reason) {
        // its own thread: a replay may run for minutes
        return CompletableFuture.supplyAsync(() -> rebuildReadModels(reason),
                task -> new Thread(task, "read-model-rebuild").start());
    }

    private long storedEvents() {
        try (Connection connection = eventStoreDatabase.dataSource().getConnection();
             var count = connection.prepareStatement("SELECT COUNT(*) FROM DomainEventEntry");
             var row = count.executeQuery()) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count the stored events", e);
        }
    }

    public Configuration axon() {
        return axon;
    }

    public ReadStore readStore() {
        return readStore;
    }

    public EventStoreDatabase eventStoreDatabase() {
        return eventStoreDatabase;
    }

    @Override
    public void close() {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                LOG.warn("error while stopping {}", resources.get(i), e);
            }
        }
        resources.clear();
    }
}

package org.opennessledger.gateway.support;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.DuplicateCommandHandlerResolution;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.QueryMessage;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.opennessledger.contracts.claims.ProposeClaim;
import org.opennessledger.contracts.claims.ReviewClaim;
import org.opennessledger.contracts.debate.EditArgument;
import org.opennessledger.contracts.debate.PostArgument;
import org.opennessledger.contracts.disputes.AppealDispute;
import org.opennessledger.contracts.disputes.DisputeClaim;
import org.opennessledger.contracts.disputes.DisputeStage;
import org.opennessledger.contracts.disputes.DisputeState;
import org.opennessledger.contracts.disputes.ResolveDispute;
import org.opennessledger.contracts.disputes.TakeDispute;
import org.opennessledger.contracts.errors.CommandRejected;
import org.opennessledger.contracts.models.RegisterModelFamily;
import org.opennessledger.contracts.models.RegisterRelease;
import org.opennessledger.contracts.policy.PublishConsensusPolicy;
import org.opennessledger.contracts.queries.Queries;
import org.opennessledger.contracts.values.Actor;
import org.opennessledger.contracts.values.LedgerMetaData;
import org.opennessledger.contracts.values.Role;
import org.opennessledger.contracts.views.ArgumentView;
import org.opennessledger.contracts.views.AssessmentVersionView;
import org.opennessledger.contracts.views.ClaimSummaryView;
import org.opennessledger.contracts.views.ClaimView;
import org.opennessledger.contracts.views.DisputeView;
import org.opennessledger.contracts.views.HistoryEntryView;
import org.opennessledger.contracts.views.TimelinePageView;
import org.opennessledger.contracts.views.MatrixView;
import org.opennessledger.contracts.views.ModelSummaryView;
import org.opennessledger.contracts.views.ModelView;
import org.opennessledger.contracts.views.ModerationQueueItemView;
import org.opennessledger.contracts.views.ReleaseView;
import org.opennessledger.contracts.views.ReviewView;
import org.opennessledger.gateway.ProjectionBarrier;

/**
 * A tiny write side and read side on real Axon buses (SimpleCommandBus, SimpleQueryBus), so the
 * gateway is exercised through the same gateways the platform gives it. Command handlers decide
 * and record "events"; the read side sees them only when the projection barrier runs, like
 * tracking processors that lag behind the event store. The barrier can be held to prove that the
 * gateway waits for it.
 */
public final class InMemoryLedger {

    public final SimpleCommandBus commandBus = SimpleCommandBus.builder()
            .duplicateCommandHandlerResolver(DuplicateCommandHandlerResolution.silentOverride()).build();
    public final SimpleQueryBus queryBus = SimpleQueryBus.builder().build();
    public final CommandGateway commandGateway = DefaultCommandGateway.builder().commandBus(commandBus).build();
    public final QueryGateway queryGateway = DefaultQueryGateway.builder().queryBus(queryBus).build();

    /** Every command that reached a handler, in order, with its metadata. */
    public final List<CommandMessage<?>> received = new CopyOnWriteArrayList<>();
    public final AtomicInteger barrierCalls = new AtomicInteger();
    private final Map<Class<?>, Object[]> failures = new java.util.concurrent.ConcurrentHashMap<>();

    // write side: what the handlers know
    private final Map<String, String> modelAuthors = new LinkedHashMap<>();
    private final Map<String, List<String>> releasesByModel = new LinkedHashMap<>();
    private final Map<String, String> claimAuthors = new LinkedHashMap<>();
    private final Map<String, String> argumentClaims = new LinkedHashMap<>();
    private final Map<String, String> argumentAuthors = new LinkedHashMap<>();
    private final Map<String, DisputeCase> disputeCases = new LinkedHashMap<>();
    private final Map<String, String> openDisputeByClaim = new LinkedHashMap<>();
    // events not yet projected
    private final List<Runnable> unprojected = new ArrayList<>();
    // read side
    private final Map<String, ModelView> models = new LinkedHashMap<>();
    private final Map<String, ClaimView> claims = new LinkedHashMap<>();
    private final Map<String, ArgumentView> arguments = new LinkedHashMap<>();
    private final Map<String, DisputeView> disputes = new LinkedHashMap<>();
    private final List<HistoryEntryView> history = new ArrayList<>();
    private final AtomicLong position = new AtomicLong();

    private volatile CompletableFuture<Void> gate = CompletableFuture.completedFuture(null);

    public final ProjectionBarrier barrier = () -> {
        barrierCalls.incrementAndGet();
        return gate.thenRun(this::project);
    };

    public InMemoryLedger() {
        onCommand(RegisterModelFamily.class, this::registerModel);
        onCommand(RegisterRelease.class, this::registerRelease);
        onCommand(ProposeClaim.class, this::proposeClaim);
        onCommand(ReviewClaim.class, this::reviewClaim);
        onCommand(PublishConsensusPolicy.class, message -> "policy-2");
        onCommand(PostArgument.class, this::postArgument);
        onCommand(EditArgument.class, this::editArgument);
        onCommand(DisputeClaim.class, this::disputeClaim);
        onCommand(TakeDispute.class, this::takeDispute);
        onCommand(ResolveDispute.class, this::resolveDispute);
        onCommand(AppealDispute.class, this::appealDispute);

        onQuery(Queries.ListModels.class, listOf(ModelSummaryView.class), q -> listModels());
        onQuery(Queries.GetModel.class, ModelView.class, q -> read(() -> models.get(q.modelId())));
        onQuery(Queries.GetClaim.class, ClaimView.class, q -> read(() -> claims.get(q.claimId())));
        onQuery(Queries.GetMatrix.class, MatrixView.class, q -> new MatrixView(List.of("final-weights"), List.of()));
        onQuery(Queries.ListAssessmentVersions.class, listOf(AssessmentVersionView.class), q -> List.of());
        onQuery(Queries.GetAssessmentVersion.class, AssessmentVersionView.class, q -> null);
        // Timelines by scope only (the read side's filters and paging are tested on the platform).
        onQuery(Queries.GetTimeline.class, TimelinePageView.class, q -> read(() -> new TimelinePageView(
                history.stream().filter(h -> "all".equals(q.scope())
                        || "model".equals(q.scope()) && q.id().equals(h.modelId())
                        || "claim".equals(q.scope()) && q.id().equals(h.claimId())
                        || "actor".equals(q.scope()) && q.id().equals(h.actorId())).toList(), null)));
        onQuery(Queries.ListArguments.class, listOf(ArgumentView.class), q -> read(() -> arguments.values().stream()
                .filter(a -> a.claimId().equals(q.claimId())).toList()));
        onQuery(Queries.GetDispute.class, DisputeView.class, q -> read(() -> disputes.get(q.disputeId())));
        onQuery(Queries.ListClaimDisputes.class, listOf(DisputeView.class), q -> read(() -> disputes.values().stream()
                .filter(d -> d.claimId().equals(q.claimId())).toList()));
        onQuery(Queries.GetModerationQueue.class, listOf(ModerationQueueItemView.class), q -> moderationQueue(q.state()));
    }

    /** Subscribes (or replaces) the handler of one command type. */
    @SuppressWarnings("unchecked")
    public <C> void onCommand(Class<C> type, Function<CommandMessage<C>, Object> handler) {
        commandBus.subscribe(type.getName(), message -> {
            received.add(message);
            Supplier<RuntimeException> failure = injectedFailure(type);
            if (failure != null) {
                throw failure.get();
            }
            return handler.apply((CommandMessage<C>) message);
        });
    }

    /** The next {@code times} commands of {@code type} fail with {@code failure} before their handler runs. */
    public void failFirst(Class<?> type, int times, Supplier<RuntimeException> failure) {
        failures.put(type, new Object[] {new AtomicInteger(times), failure});
    }

    @SuppressWarnings("unchecked")
    private Supplier<RuntimeException> injectedFailure(Class<?> type) {
        Object[] entry = failures.get(type);
        if (entry != null && ((AtomicInteger) entry[0]).getAndDecrement() > 0) {
            return (Supplier<RuntimeException>) entry[1];
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    public <Q> void onQuery(Class<Q> type, Type responseType, Function<Q, Object> handler) {
        queryBus.subscribe(type.getName(), responseType,
                (QueryMessage<?, Object> message) -> handler.apply((Q) message.getPayload()));
    }

    /** From now on the read models lag: the barrier waits until {@link #releaseBarrier()}. */
    public synchronized void holdBarrier() {
        gate = new CompletableFuture<>();
    }

    public void releaseBarrier() {
        gate.complete(null);
    }

    /** The barrier fails, as if the read models could not be reached. */
    public void breakBarrier() {
        gate = CompletableFuture.failedFuture(new IllegalStateException("projection store unreachable"));
    }

    public synchronized boolean modelVisible(String modelId) {
        return models.containsKey(modelId);
    }

    public <C> List<CommandMessage<C>> received(Class<C> type) {
        @SuppressWarnings("unchecked")
        List<CommandMessage<C>> matching = received.stream().filter(m -> type.isInstance(m.getPayload()))
                .map(m -> (CommandMessage<C>) m).toList();
        return matching;
    }

    private synchronized void project() {
        unprojected.forEach(Runnable::run);
        unprojected.clear();
    }

    private synchronized <T> T read(Supplier<T> view) {
        return view.get();
    }

    private synchronized List<ModelSummaryView> listModels() {
        return models.values().stream().sorted(Comparator.comparing(ModelView::name))
                .map(m -> new ModelSummaryView(m.modelId(), m.name(), m.producer(), m.releases().size(),
                        m.claims().size(), m.registeredAt()))
                .toList();
    }

    private synchronized Object registerModel(CommandMessage<RegisterModelFamily> message) {
        RegisterModelFamily c = message.getPayload();
        if (modelAuthors.containsKey(c.modelId())) {
            throw new AggregateStreamCreationException("Cannot reuse aggregate identifier [" + c.modelId() + "]");
        }
        String actor = actor(message);
        modelAuthors.put(c.modelId(), actor);
        releasesByModel.put(c.modelId(), new ArrayList<>());
        Instant at = Instant.now();
        record(message, "ModelFamilyRegistered", "Registered " + c.name(), c.modelId(), null, null, () ->
                models.put(c.modelId(), new ModelView(c.modelId(), c.name(), c.producer(), c.description(), actor, at,
                        List.of(), List.of())));
        return c.modelId();
    }

    private synchronized Object registerRelease(CommandMessage<RegisterRelease> message) {
        RegisterRelease c = message.getPayload();
        List<String> releases = releasesByModel.get(c.modelId());
        if (releases == null) {
            throw new AggregateNotFoundException(c.modelId(), "The aggregate was not found in the event store");
        }
        if (releases.contains(c.releaseId())) {
            throw CommandRejected.conflict("Release " + c.releaseId() + " is already registered.");
        }
        releases.add(c.releaseId());
        String actor = actor(message);
        Instant at = Instant.now();
        record(message, "ReleaseRegistered", "Registered release " + c.name(), c.modelId(), c.releaseId(), null, () -> {
            ModelView m = models.get(c.modelId());
            List<ReleaseView> all = new ArrayList<>(m.releases());
            all.add(new ReleaseView(c.releaseId(), c.name(), c.version(), c.releaseDate(), c.baseModel(), c.links(),
                    actor, at, 0, List.of()));
            models.put(m.modelId(), new ModelView(m.modelId(), m.name(), m.producer(), m.description(),
                    m.registeredBy(), m.registeredAt(), all, m.claims()));
        });
        return null;
    }

    private synchronized Object proposeClaim(CommandMessage<ProposeClaim> message) {
        ProposeClaim c = message.getPayload();
        List<String> releases = releasesByModel.get(c.target().modelId());
        if (releases == null) {
            throw CommandRejected.notFound("There is no model family " + c.target().modelId() + ".");
        }
        if (c.target().releaseId() != null && !releases.contains(c.target().releaseId())) {
            throw CommandRejected.notFound("Model family " + c.target().modelId() + " has no release "
                    + c.target().releaseId() + ".");
        }
        String actor = actor(message);
        claimAuthors.put(c.claimId(), actor);
        Instant at = Instant.now();
        record(message, "ClaimProposed", "Proposed " + c.target().key(), c.target().modelId(), c.target().releaseId(),
                c.claimId(), () -> {
                    claims.put(c.claimId(), new ClaimView(c.claimId(), c.target().modelId(), c.target().releaseId(),
                            c.target().component().id(), c.openness().id(), c.licence(), c.evidence(), c.rationale(),
                            actor, at, "PROPOSED", false, "policy-1", at, null, null, 0, 0, List.of(), List.of(), null));
                    ModelView m = models.get(c.target().modelId());
                    List<ClaimSummaryView> summaries = new ArrayList<>(m.claims());
                    summaries.add(new ClaimSummaryView(c.claimId(), m.modelId(), c.target().releaseId(),
                            c.target().component().id(), c.openness().id(), c.licence(), "PROPOSED", false, actor, at,
                            0, 0, null));
                    models.put(m.modelId(), new ModelView(m.modelId(), m.name(), m.producer(), m.description(),
                            m.registeredBy(), m.registeredAt(), m.releases(), summaries));
                });
        return c.claimId();
    }

    private synchronized Object reviewClaim(CommandMessage<ReviewClaim> message) {
        ReviewClaim c = message.getPayload();
        String author = claimAuthors.get(c.claimId());
        if (author == null) {
            throw new AggregateNotFoundException(c.claimId(), "The aggregate was not found in the event store");
        }
        String reviewer = actor(message);
        if (author.equals(reviewer)) {
            throw CommandRejected.forbidden("You proposed this claim, so you cannot review it.");
        }
        Instant at = Instant.now();
        record(message, "ClaimReviewed", "Reviewed: " + c.verdict().id(), null, null, c.claimId(), () -> {
            ClaimView v = claims.get(c.claimId());
            List<ReviewView> active = new ArrayList<>(v.reviews().stream()
                    .filter(r -> !r.reviewerId().equals(reviewer)).toList());
            active.add(new ReviewView(reviewer, c.verdict().id(), c.reason(), at, false));
            List<ReviewView> all = new ArrayList<>(v.reviewHistory());
            all.add(new ReviewView(reviewer, c.verdict().id(), c.reason(), at, false));
            int agree = (int) active.stream().filter(r -> r.verdict().equals("agree")).count();
            claims.put(v.claimId(), new ClaimView(v.claimId(), v.modelId(), v.releaseId(), v.component(),
                    v.openness(), v.licence(), v.evidence(), v.rationale(), v.authorId(), v.proposedAt(), v.status(),
                    v.locked(), v.policyVersion(), v.statusSince(), null, null, agree, active.size() - agree, active,
                    all, v.openDisputeId()));
        });
        return null;
    }

    // ---- debate: the rules the gateway's tests need, as the Claim aggregate would apply them ----

    private synchronized Object postArgument(CommandMessage<PostArgument> message) {
        PostArgument c = message.getPayload();
        requireClaim(c.claimId());
        if (c.parentArgumentId() != null && !c.claimId().equals(argumentClaims.get(c.parentArgumentId()))) {
            throw CommandRejected.notFound("Claim " + c.claimId() + " has no argument " + c.parentArgumentId()
                    + " to reply to.");
        }
        String author = actor(message);
        argumentClaims.put(c.argumentId(), c.claimId());
        argumentAuthors.put(c.argumentId(), author);
        Instant at = Instant.now();
        record(message, "ArgumentPosted", "Argued " + c.stance().id(), null, null, c.claimId(), () -> {
            arguments.put(c.argumentId(), new ArgumentView(c.argumentId(), c.claimId(), c.parentArgumentId(),
                    c.stance().id(), c.text(), c.evidence(), author, at, 1, null, false, 0,
                    List.of(new ArgumentView.Revision(1, c.text(), c.evidence(), at, false))));
            if (c.parentArgumentId() != null) {
                ArgumentView p = arguments.get(c.parentArgumentId());
                arguments.put(p.argumentId(), new ArgumentView(p.argumentId(), p.claimId(), p.parentArgumentId(),
                        p.stance(), p.text(), p.evidence(), p.authorId(), p.postedAt(), p.revision(), p.editedAt(),
                        p.editedAfterReply(), p.replyCount() + 1, p.revisions()));
            }
        });
        return null;
    }

    private synchronized Object editArgument(CommandMessage<EditArgument> message) {
        EditArgument c = message.getPayload();
        requireClaim(c.claimId());
        if (!c.claimId().equals(argumentClaims.get(c.argumentId()))) {
            throw CommandRejected.notFound("Claim " + c.claimId() + " has no argument " + c.argumentId() + ".");
        }
        if (!argumentAuthors.get(c.argumentId()).equals(actor(message))) {
            throw CommandRejected.forbidden("Only the author of an argument may edit it.");
        }
        Instant at = Instant.now();
        record(message, "ArgumentEdited", "Edited an argument", null, null, c.claimId(), () -> {
            ArgumentView a = arguments.get(c.argumentId());
            boolean afterReply = a.replyCount() > 0;
            List<ArgumentView.Revision> revisions = new ArrayList<>(a.revisions());
            revisions.add(new ArgumentView.Revision(a.revision() + 1, c.text(), c.evidence(), at, afterReply));
            arguments.put(a.argumentId(), new ArgumentView(a.argumentId(), a.claimId(), a.parentArgumentId(),
                    a.stance(), c.text(), c.evidence(), a.authorId(), a.postedAt(), a.revision() + 1, at,
                    a.editedAfterReply() || afterReply, a.replyCount(), revisions));
        });
        return null;
    }

    // ---- disputes: a small state machine like the Dispute aggregate's ----

    /** The write side's knowledge of one dispute. */
    private static final class DisputeCase {
        final String claimId;
        final String claimAuthorId;
        final String disputerId;
        DisputeState state = DisputeState.OPEN;
        DisputeStage stage = DisputeStage.FIRST;
        String ownerId;

        DisputeCase(String claimId, String claimAuthorId, String disputerId) {
            this.claimId = claimId;
            this.claimAuthorId = claimAuthorId;
            this.disputerId = disputerId;
        }
    }

    private synchronized Object disputeClaim(CommandMessage<DisputeClaim> message) {
        DisputeClaim c = message.getPayload();
        String author = requireClaim(c.claimId());
        String disputer = actor(message);
        if (author.equals(disputer)) {
            throw CommandRejected.forbidden("You proposed this claim, so you cannot dispute it.");
        }
        if (openDisputeByClaim.containsKey(c.claimId())) {
            throw CommandRejected.conflict("Claim " + c.claimId() + " already has an open dispute.");
        }
        if (disputeCases.containsKey(c.disputeId())) {
            throw new AggregateStreamCreationException("Cannot reuse aggregate identifier [" + c.disputeId() + "]");
        }
        disputeCases.put(c.disputeId(), new DisputeCase(c.claimId(), author, disputer));
        openDisputeByClaim.put(c.claimId(), c.disputeId());
        Instant at = Instant.now();
        record(message, "ClaimDisputed", "Disputed", null, null, c.claimId(), () -> {
            ClaimView v = claims.get(c.claimId());
            disputes.put(c.disputeId(), new DisputeView(c.disputeId(), c.claimId(), v.modelId(), v.releaseId(),
                    v.component(), DisputeState.OPEN.name(), v.status(), disputer, c.reason(), c.evidence(), at, null,
                    null, List.of(), null, null, false));
            claims.put(v.claimId(), withOpenDispute(v, c.disputeId()));
        });
        return null;
    }

    private synchronized Object takeDispute(CommandMessage<TakeDispute> message) {
        TakeDispute c = message.getPayload();
        DisputeCase d = requireDispute(c.disputeId());
        String moderator = actor(message);
        if (!Actor.parseRoles((String) message.getMetaData().get(LedgerMetaData.ACTOR_ROLES)).contains(Role.MODERATOR)) {
            throw CommandRejected.forbidden("Only moderators take disputes.");
        }
        if (d.state == DisputeState.DECIDED || d.state == DisputeState.CLOSED) {
            throw CommandRejected.conflict("Dispute " + c.disputeId() + " is decided; there is nothing to take.");
        }
        if (d.ownerId != null && !d.ownerId.equals(moderator) && !c.takeOver()) {
            throw CommandRejected.conflict("Another moderator owns dispute " + c.disputeId()
                    + "; take it over explicitly (takeOver) if you must.");
        }
        d.ownerId = moderator;
        if (d.state == DisputeState.OPEN) {
            d.state = DisputeState.TAKEN;
        }
        String state = d.state.name();
        Instant at = Instant.now();
        record(message, "DisputeTaken", "Taken", null, null, d.claimId, () -> {
            DisputeView v = disputes.get(c.disputeId());
            disputes.put(v.disputeId(), dispute(v, state, moderator, at, v.decisions(), v.appeal(),
                    v.appealableUntil(), false));
        });
        return null;
    }

    private synchronized Object resolveDispute(CommandMessage<ResolveDispute> message) {
        ResolveDispute c = message.getPayload();
        DisputeCase d = requireDispute(c.disputeId());
        String moderator = actor(message);
        if (d.ownerId == null || !d.ownerId.equals(moderator)) {
            throw CommandRejected.forbidden("Only the moderator who owns dispute " + c.disputeId() + " decides it.");
        }
        boolean finalDecision = d.stage == DisputeStage.APPEAL;
        d.state = finalDecision ? DisputeState.CLOSED : DisputeState.DECIDED;
        d.ownerId = null;
        if (finalDecision) {
            openDisputeByClaim.remove(d.claimId);
        }
        String state = d.state.name();
        String stage = d.stage.name();
        Instant at = Instant.now();
        record(message, "DisputeResolved", "Decided: " + c.decision().id(), null, null, d.claimId, () -> {
            DisputeView v = disputes.get(c.disputeId());
            List<DisputeView.Decision> decisions = new ArrayList<>(v.decisions());
            decisions.add(new DisputeView.Decision(stage, c.decision().id(), c.rationale(), moderator, at, finalDecision));
            disputes.put(v.disputeId(), dispute(v, state, null, null, decisions, v.appeal(),
                    finalDecision ? null : at.plus(Duration.ofDays(7)), finalDecision));
            if (finalDecision) {
                claims.put(v.claimId(), withOpenDispute(claims.get(v.claimId()), null));
            }
        });
        return null;
    }

    private synchronized Object appealDispute(CommandMessage<AppealDispute> message) {
        AppealDispute c = message.getPayload();
        DisputeCase d = requireDispute(c.disputeId());
        String appellant = actor(message);
        if (!appellant.equals(d.disputerId) && !appellant.equals(d.claimAuthorId)) {
            throw CommandRejected.forbidden("Only the claim's author or the disputer may appeal.");
        }
        if (d.state != DisputeState.DECIDED) {
            throw CommandRejected.conflict("Dispute " + c.disputeId() + " cannot be appealed now.");
        }
        d.state = DisputeState.APPEALED;
        d.stage = DisputeStage.APPEAL;
        Instant at = Instant.now();
        record(message, "DisputeAppealed", "Appealed", null, null, d.claimId, () -> {
            DisputeView v = disputes.get(c.disputeId());
            disputes.put(v.disputeId(), dispute(v, DisputeState.APPEALED.name(), null, null, v.decisions(),
                    new DisputeView.Appeal(appellant, c.reason(), at), null, false));
        });
        return null;
    }

    private synchronized List<ModerationQueueItemView> moderationQueue(String state) {
        List<String> queued = List.of(DisputeState.OPEN.name(), DisputeState.TAKEN.name(), DisputeState.APPEALED.name());
        if (state != null && !queued.contains(state)) {
            throw new IllegalArgumentException("unknown moderation queue state " + state);
        }
        Instant now = Instant.now();
        return disputes.values().stream()
                .filter(d -> state == null ? queued.contains(d.state()) : d.state().equals(state))
                .map(d -> {
                    Instant since = d.ownedSince() != null ? d.ownedSince() : d.openedAt();
                    return new ModerationQueueItemView("dispute", d.disputeId(), d.claimId(), d.modelId(), d.state(),
                            d.ownerId(), d.openedAt(), since, Duration.between(d.openedAt(), now).toSeconds(),
                            d.reason());
                })
                .toList();
    }

    /** The claim's author; an unknown claim is what a repository reports for a missing aggregate. */
    private String requireClaim(String claimId) {
        String author = claimAuthors.get(claimId);
        if (author == null) {
            throw new AggregateNotFoundException(claimId, "The aggregate was not found in the event store");
        }
        return author;
    }

    private DisputeCase requireDispute(String disputeId) {
        DisputeCase d = disputeCases.get(disputeId);
        if (d == null) {
            throw new AggregateNotFoundException(disputeId, "The aggregate was not found in the event store");
        }
        return d;
    }

    private static ClaimView withOpenDispute(ClaimView v, String disputeId) {
        return new ClaimView(v.claimId(), v.modelId(), v.releaseId(), v.component(), v.openness(), v.licence(),
                v.evidence(), v.rationale(), v.authorId(), v.proposedAt(), v.status(), v.locked(), v.policyVersion(),
                v.statusSince(), v.supersededBy(), v.supersededReason(), v.agreeCount(), v.disagreeCount(), v.reviews(),
                v.reviewHistory(), disputeId);
    }

    private static DisputeView dispute(DisputeView v, String state, String ownerId, Instant ownedSince,
                                       List<DisputeView.Decision> decisions, DisputeView.Appeal appeal,
                                       Instant appealableUntil, boolean closed) {
        return new DisputeView(v.disputeId(), v.claimId(), v.modelId(), v.releaseId(), v.component(), state,
                v.disputedStatus(), v.disputerId(), v.reason(), v.evidence(), v.openedAt(), ownerId, ownedSince,
                decisions, appeal, appealableUntil, closed);
    }

    private void record(CommandMessage<?> message, String type, String summary, String modelId, String releaseId,
                        String claimId, Runnable projection) {
        MetaData md = message.getMetaData();
        long at = position.incrementAndGet();
        unprojected.add(() -> {
            projection.run();
            history.add(new HistoryEntryView(at, Instant.now(), type, summary, (String) md.get(LedgerMetaData.ACTOR_ID),
                    (String) md.get(LedgerMetaData.ACTOR_ROLES), (String) md.get(LedgerMetaData.REASON),
                    (String) md.get(LedgerMetaData.CORRELATION_ID), modelId, releaseId, claimId));
        });
    }

    private static String actor(CommandMessage<?> message) {
        return (String) message.getMetaData().get(LedgerMetaData.ACTOR_ID);
    }

    /** {@code List<element>} as a reflective type, as a query handler returning a list declares it. */
    public static Type listOf(Class<?> element) {
        return new ParameterizedType() {
            @Override
            public Type[] getActualTypeArguments() {
                return new Type[] {element};
            }

            @Override
            public Type getRawType() {
                return List.class;
            }

            @Override
            public Type getOwnerType() {
                return null;
            }
        };
    }
}

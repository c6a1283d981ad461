package org.opennessledger.claims.model;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.createNew;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.opennessledger.claims.Actors;
import org.opennessledger.claims.CommandChecks;
import org.opennessledger.claims.claim.Claim;
import org.opennessledger.claims.debate.ArgumentFingerprint;
import org.opennessledger.licences.InvalidLicenceExpression;
import org.opennessledger.licences.LicenceExpressionParser;
import org.opennessledger.claims.policy.ConsensusPolicyProvider;
import org.opennessledger.contracts.claims.ClaimProposed;
import org.opennessledger.contracts.claims.ProposeClaim;
import org.opennessledger.contracts.errors.CommandRejected;
import org.opennessledger.contracts.models.AcceptedClaimRecorded;
import org.opennessledger.contracts.models.AcceptedClaimWithdrawn;
import org.opennessledger.contracts.models.ClaimImported;
import org.opennessledger.contracts.models.ImportClaim;
import org.opennessledger.contracts.models.LiftModelProtection;
import org.opennessledger.contracts.models.ModelFamilyRegistered;
import org.opennessledger.contracts.models.ModelProtected;
import org.opennessledger.contracts.models.ModelProtectionLifted;
import org.opennessledger.contracts.models.ModelTypeStated;
import org.opennessledger.contracts.models.ProtectModel;
import org.opennessledger.contracts.models.StateModelType;
import org.opennessledger.contracts.models.RecordAcceptedClaim;
import org.opennessledger.contracts.models.RegisterModelFamily;
import org.opennessledger.contracts.models.RegisterRelease;
import org.opennessledger.contracts.models.ReleaseRegistered;
import org.opennessledger.contracts.models.WithdrawAcceptedClaim;
import org.opennessledger.contracts.policy.PublishConsensusPolicy;
import org.opennessledger.contracts.values.Actor;
import org.opennessledger.contracts.values.ClaimTarget;
import org.opennessledger.contracts.values.Evidence;
import org.opennessledger.contracts.values.ModelType;
import org.opennessledger.contracts.values.Openness;
import org.opennessledger.contracts.values.Role;

/**
 * A model family (id = modelId) with its releases. It is the entry point for claims: it checks a
 * claim's target exists before creating the claim, and it keeps the one accepted claim per target
 * so that the supersession process knows which claim a newly accepted one replaces. Those commands
 * carry the sequence number of the claim event behind them; one that is not newer than what the
 * family already recorded of that claim (a replayed or redelivered event) changes nothing.
 */
// Snapshots serialize the aggregate's fields with Jackson, whatever the platform's visibility settings.
// Revision 1 added the producer, protection, displaced claims and imported facts to the state, revision 2 the
// model type: Axon ignores older snapshots (its RevisionSnapshotFilter) and loads those families from their events.
@Revision("2")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE, setterVisibility = JsonAutoDetect.Visibility.NONE)
public class ModelFamily {

    public static final int MAX_NAME = 200;
    public static final int MAX_PRODUCER = 200;
    public static final int MAX_DESCRIPTION = 5000;
    public static final int MAX_VERSION = 100;
    public static final int MAX_BASE_MODEL = 200;
    private static final Pattern DOCUMENT_ID = Pattern.compile("^doc-[0-9a-f]{20}$");
    private static final Pattern UUID_SHAPE =
            Pattern.compile("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");
    public static final int MAX_LINKS = 50;
    public static final int MAX_EVIDENCE = 20;
    public static final int MAX_RATIONALE = 10000;
    public static final int MAX_MODERATION_REASON = 2000;
    /** Import policies name where facts came from, e.g. "import:osai-index/1". */
    public static final String IMPORT_POLICY_PREFIX = "import:";

    @AggregateIdentifier
    private String modelId;
    private Set<String> releaseIds = new HashSet<>();
    /** Target key to the id of the claim currently accepted for it. */
    private Map<String, String> acceptedClaims = new HashMap<>();
    /**
     * Target key to the claims superseded there, oldest first: when the accepted claim loses its
     * acceptance, the last one it displaced is reinstated, so a component never loses its consensus
     * because a newer one was revoked (a dispute overturned, or a review changed, after acceptance).
     */
    private Map<String, List<String>> displacedClaims = new HashMap<>();
    /**
     * Claim id to the highest claim event sequence number that recorded or withdrew it here. A
     * Record/Withdraw about a claim that is not newer than this is a replay and changes nothing.
     */
    private Map<String, Long> claimSequences = new HashMap<>();
    /** Target key to the fingerprint of the fact last imported for it: the same fact again changes nothing. */
    private Map<String, String> importedFacts = new HashMap<>();
    /** Accepted claims a proposer needs while the family is protected; null when it is not protected. */
    private Integer protectedWithMinimum;
    /** The producer named at registration (claims carry it, so a producer's own organisation is known). */
    private String producer;
    /** The family's stated type; null when not stated. */
    private ModelType modelType;

    protected ModelFamily() {
        // for event sourcing, and for registration (created if missing, so a second one is a clear conflict)
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RegisterModelFamily command, MetaData metaData) {
        Actor actor = Actors.requireRole(metaData, "registering a model family", Role.REVIEWER, Role.ADMIN);
        if (modelId != null) {
            throw CommandRejected.conflict("model family " + modelId + " is already registered");
        }
        String id = CommandChecks.slug(command.modelId(), "modelId");
        refuseIdOfAnotherKind(id);
        String name = CommandChecks.text(command.name(), "name", 1, MAX_NAME);
        String producer = CommandChecks.text(command.producer(), "producer", 1, MAX_PRODUCER);
        String description = CommandChecks.optionalText(command.description(), "description", MAX_DESCRIPTION);
        apply(new ModelFamilyRegistered(id, name, producer, description, actor.subject(), command.modelType()));
    }

    /**
     * Axon finds an aggregate's events by id alone, whatever its type, and a family is created when missing: an
     * id shaped like another aggregate's (a claim's UUID, a document's, the policy book's) would add the family
     * to that aggregate's stream. Such ids are refused.
     */
    private static void refuseIdOfAnotherKind(String id) {
        if (id.equals(PublishConsensusPolicy.POLICY_BOOK_ID) || DOCUMENT_ID.matcher(id).matches()
                || UUID_SHAPE.matcher(id).matches()) {
            throw CommandRejected.invalid("modelId '" + id + "' is shaped like an id the ledger gives to other things"
                    + " (a UUID, a document id doc-<20 hex digits>, or " + PublishConsensusPolicy.POLICY_BOOK_ID
                    + "); choose another");
        }
    }

    /** States the type; the same type again changes nothing, and so does any type when only a missing one is filled. */
    @CommandHandler
    public void handle(StateModelType command, MetaData metaData) {
        Actors.requireRole(metaData, "stating a model's type", Role.REVIEWER, Role.ADMIN);
        if (command.modelType() == null) {
            throw CommandRejected.invalid("modelType is required");
        }
        if (command.modelType() == modelType || (command.onlyIfUnstated() && modelType != null)) {
            return;
        }
        apply(new ModelTypeStated(modelId, command.modelType(), modelType));
    }

    @CommandHandler
    public void handle(RegisterRelease command, MetaData metaData) {
        Actor actor = Actors.requireRole(metaData, "registering a release", Role.REVIEWER, Role.ADMIN);
        String releaseId = CommandChecks.slug(command.releaseId(), "releaseId");
        if (releaseIds.contains(releaseId)) {
            throw CommandRejected.conflict("release " + releaseId + " is already registered for model " + modelId);
        }
        String name = CommandChecks.text(command.name(), "name", 1, MAX_NAME);
        String version = CommandChecks.optionalText(command.version(), "version", MAX_VERSION);
        String baseModel = CommandChecks.optionalText(command.baseModel(), "baseModel", MAX_BASE_MODEL);
        if (command.links().size() > MAX_LINKS) {
            throw CommandRejected.invalid("a release has at most " + MAX_LINKS + " links, got " + command.links().size());
        }
        for (int i = 0; i < command.links().size(); i++) {
            CommandChecks.httpUrl(command.links().get(i), "links[" + i + "]");
        }
        apply(new ReleaseRegistered(modelId, releaseId, name, version, command.releaseDate(), baseModel,
                command.links(), actor.subject()));
    }

    /**
     * Validates the claim and its target here, where the releases are known, then starts the claim's
     * own event stream with ClaimProposed.
     */
    @CommandHandler
    public void handle(ProposeClaim command, MetaData metaData, ConsensusPolicyProvider policies,
                       ProtectionPolicy protection) throws Exception {
        Actor actor = Actors.requireRole(metaData, "proposing a claim", Role.REVIEWER);
        if (protectedWithMinimum != null) {
            long accepted = protection.counter().acceptedClaimsAuthoredBy(actor.subject());
            if (accepted < protectedWithMinimum) {
                throw CommandRejected.forbidden("model " + modelId + " is protected: proposing a claim about it needs "
                        + protectedWithMinimum + " accepted claims of your own, and you have " + accepted);
            }
        }
        String claimId = CommandChecks.uuid(command.claimId(), "claimId");
        ClaimTarget target = command.target();
        if (target.releaseId() != null && !releaseIds.contains(target.releaseId())) {
            throw CommandRejected.notFound("release " + target.releaseId() + " is not registered for model " + modelId);
        }
        Openness openness = CommandChecks.required(command.openness(), "openness");
        String licence = licence(command.licence(), openness);
        List<Evidence> evidence = command.evidence();
        if (evidence.isEmpty()) {
            throw CommandRejected.invalid("a claim needs at least one piece of evidence");
        }
        if (evidence.size() > MAX_EVIDENCE) {
            throw CommandRejected.invalid("a claim has at most " + MAX_EVIDENCE + " pieces of evidence, got "
                    + evidence.size());
        }
        String rationale = CommandChecks.text(command.rationale(), "rationale", 1, MAX_RATIONALE);
        String policyVersion = policies.current().version();
        createNew(Claim.class, () -> new Claim(claimId, target, openness, licence, evidence, rationale,
                actor.subject(), policyVersion, producer));
    }

    /**
     * Records a fact from another index as an accepted, final claim under an explicit import policy.
     * The claim's author is the importer ("importer:osai-index" for "import:osai-index/1"); the
     * command's actor (an admin, or the platform) stays in the metadata. Importing the fact already
     * imported for the target changes nothing, even if reviewers accepted another claim since.
     */
    @CommandHandler
    public void handle(ImportClaim command, MetaData metaData) throws Exception {
        Actors.requireRole(metaData, "importing a claim", Role.ADMIN, Role.SYSTEM);
        ClaimTarget target = command.target();
        if (target.releaseId() != null && !releaseIds.contains(target.releaseId())) {
            throw CommandRejected.notFound("release " + target.releaseId() + " is not registered for model " + modelId);
        }
        String policy = CommandChecks.text(command.importPolicy(), "importPolicy", 1, MAX_VERSION);
        if (!policy.startsWith(IMPORT_POLICY_PREFIX)) {
            throw CommandRejected.invalid("importPolicy must start with '" + IMPORT_POLICY_PREFIX + "', got " + policy);
        }
        Openness openness = CommandChecks.required(command.openness(), "openness");
        String licence = command.licence() == null || command.licence().isBlank() ? null
                : licence(command.licence(), openness);
        List<Evidence> evidence = command.evidence();
        if (evidence.isEmpty() || evidence.size() > MAX_EVIDENCE) {
            throw CommandRejected.invalid("an imported claim needs 1 to " + MAX_EVIDENCE + " pieces of evidence, got "
                    + evidence.size());
        }
        String rationale = CommandChecks.text(command.rationale(), "rationale", 1, MAX_RATIONALE);
        String source = CommandChecks.optionalText(command.source(), "source", MAX_RATIONALE);
        String fingerprint = importFingerprint(openness, licence, rationale, evidence);
        if (fingerprint.equals(importedFacts.get(target.key()))) {
            return; // this fact is already imported for the target
        }
        String claimId = CommandChecks.uuid(command.claimId(), "claimId");
        String importer = "importer:" + policy.substring(IMPORT_POLICY_PREFIX.length()).replaceFirst("/.*$", "");
        apply(new ClaimImported(modelId, target, claimId, fingerprint, policy, source));
        createNew(Claim.class, () -> new Claim(new ClaimProposed(claimId, target, openness, licence, evidence,
                rationale, importer, policy, producer), policy));
    }

    /** What identifies an imported fact: not when it was retrieved, so a re-import on another day matches. */
    private static String importFingerprint(Openness openness, String licence, String rationale, List<Evidence> evidence) {
        StringBuilder fact = new StringBuilder(openness.id()).append('\u0000').append(licence).append('\u0000')
                .append(rationale);
        for (Evidence item : evidence) {
            fact.append('\u0000').append(item.url()).append('\u0000').append(item.quote());
        }
        return ArgumentFingerprint.of(fact.toString(), List.of());
    }

    @CommandHandler
    public void handle(ProtectModel command, MetaData metaData, ProtectionPolicy protection) {
        Actor moderator = Actors.requireRole(metaData, "protecting a model", Role.MODERATOR);
        String reason = CommandChecks.text(command.reason(), "reason", 1, MAX_MODERATION_REASON);
        if (protectedWithMinimum != null) {
            throw CommandRejected.conflict("model " + modelId + " is already protected");
        }
        apply(new ModelProtected(modelId, protection.minimumAcceptedClaims(), moderator.subject(), reason));
    }

    @CommandHandler
    public void handle(LiftModelProtection command, MetaData metaData) {
        Actor moderator = Actors.requireRole(metaData, "lifting a model's protection", Role.MODERATOR);
        String reason = CommandChecks.text(command.reason(), "reason", 1, MAX_MODERATION_REASON);
        if (protectedWithMinimum == null) {
            throw CommandRejected.conflict("model " + modelId + " is not protected");
        }
        apply(new ModelProtectionLifted(modelId, moderator.subject(), reason));
    }

    @CommandHandler
    public void handle(RecordAcceptedClaim command, MetaData metaData) {
        Actors.requireRole(metaData, "recording an accepted claim", Role.SYSTEM);
        ClaimTarget target = ownTarget(command.target());
        String claimId = CommandChecks.required(command.claimId(), "claimId");
        long claimSequence = claimSequence(command.claimSequence());
        if (!isNewer(claimId, claimSequence)) {
            return; // not newer than what this family saw of the claim: a replayed or redelivered acceptance
        }
        String previous = acceptedClaims.get(target.key());
        if (claimId.equals(previous)) {
            return; // already recorded: a redelivered acceptance changes nothing
        }
        apply(new AcceptedClaimRecorded(modelId, target, claimId, previous, claimSequence));
    }

    @CommandHandler
    public void handle(WithdrawAcceptedClaim command, MetaData metaData) {
        Actors.requireRole(metaData, "withdrawing an accepted claim", Role.SYSTEM);
        ClaimTarget target = ownTarget(command.target());
        String claimId = CommandChecks.required(command.claimId(), "claimId");
        long claimSequence = claimSequence(command.claimSequence());
        if (!isNewer(claimId, claimSequence)) {
            return; // older than the claim's last recorded change here: a replay must not undo a later acceptance
        }
        if (claimId.equals(acceptedClaims.get(target.key()))) {
            List<String> displaced = displacedClaims.getOrDefault(target.key(), List.of());
            String reinstated = displaced.isEmpty() ? null : displaced.get(displaced.size() - 1);
            apply(new AcceptedClaimWithdrawn(modelId, target, claimId, claimSequence, reinstated));
        }
    }

    @EventSourcingHandler
    void on(ModelFamilyRegistered event) {
        modelId = event.modelId();
        producer = event.producer();
        modelType = event.modelType();
    }

    @EventSourcingHandler
    void on(ModelTypeStated event) {
        modelType = event.modelType();
    }

    @EventSourcingHandler
    void on(ClaimImported event) {
        importedFacts.put(event.target().key(), event.fingerprint());
    }

    @EventSourcingHandler
    void on(ModelProtected event) {
        protectedWithMinimum = event.minimumAcceptedClaims();
    }

    @EventSourcingHandler
    void on(ModelProtectionLifted event) {
        protectedWithMinimum = null;
    }

    @EventSourcingHandler
    void on(ReleaseRegistered event) {
        releaseIds.add(event.releaseId());
    }

    @EventSourcingHandler
    void on(AcceptedClaimRecorded event) {
        acceptedClaims.put(event.targetKey(), event.claimId());
        String previous = event.previousClaimId();
        if (previous != null && !previous.equals(event.claimId())) {
            List<String> displaced = displacedClaims.computeIfAbsent(event.targetKey(), key -> new ArrayList<>());
            displaced.remove(previous);
            displaced.add(previous);
        }
        claimSequences.merge(event.claimId(), event.claimSequence(), Math::max);
    }

    @EventSourcingHandler
    void on(AcceptedClaimWithdrawn event) {
        String key = event.target().key();
        acceptedClaims.remove(key);
        if (event.reinstatedClaimId() != null) {
            acceptedClaims.put(key, event.reinstatedClaimId());
            displacedClaims.getOrDefault(key, new ArrayList<>()).remove(event.reinstatedClaimId());
        }
        claimSequences.merge(event.claimId(), event.claimSequence(), Math::max);
    }

    /** Whether a command about the claim caused by its event {@code claimSequence} is newer than what was seen. */
    private boolean isNewer(String claimId, long claimSequence) {
        Long seen = claimSequences.get(claimId);
        return seen == null || claimSequence > seen;
    }

    private static long claimSequence(long claimSequence) {
        if (claimSequence < 0) {
            throw CommandRejected.invalid("claimSequence must be an event sequence number (0 or more), got "
                    + claimSequence);
        }
        return claimSequence;
    }

    private ClaimTarget ownTarget(ClaimTarget target) {
        CommandChecks.required(target, "target");
        if (!Objects.equals(target.modelId(), modelId)) {
            throw CommandRejected.invalid("target " + target.key() + " is not a target of model " + modelId);
        }
        return target;
    }

    /** The canonical licence expression; required unless the component is closed or not applicable. */
    private static String licence(String licence, Openness openness) {
        if (licence == null || licence.isBlank()) {
            if (openness == Openness.CLOSED || openness == Openness.NOT_APPLICABLE) {
                return null;
            }
            throw CommandRejected.invalid("licence is required for a claim that a component is "
                    + openness.id() + " (an SPDX expression or a catalogue id)");
        }
        try {
            return LicenceExpressionParser.parse(licence).canonical();
        } catch (InvalidLicenceExpression e) {
            throw CommandRejected.invalid("licence: " + e.getMessage());
        }
    }
}

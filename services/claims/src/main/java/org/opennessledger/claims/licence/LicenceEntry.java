package org.opennessledger.claims.licence;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.util.HashSet;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.opennessledger.claims.Actors;
import org.opennessledger.claims.CommandChecks;
import org.opennessledger.contracts.errors.CommandRejected;
import org.opennessledger.contracts.licences.CiteAnnotationForLicenceTerm;
import org.opennessledger.contracts.licences.LicenceTerm;
import org.opennessledger.contracts.licences.LicenceTermCitationWithdrawn;
import org.opennessledger.contracts.licences.LicenceTermCited;
import org.opennessledger.contracts.licences.WithdrawLicenceTermCitation;
import org.opennessledger.contracts.values.Actor;
import org.opennessledger.contracts.values.Role;
import org.opennessledger.licences.LicenceCatalogue;

/**
 * The ledger's own record about one licence of its catalogue (id = "licence:" and the catalogue id): which annotated
 * passages show each of its terms. The terms themselves are the catalogue's; admins cite and withdraw
 * the evidence for them, one citation per term and annotation.
 */
// Snapshots serialize the aggregate's fields with Jackson, whatever the platform's visibility settings.
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE, setterVisibility = JsonAutoDetect.Visibility.NONE)
public class LicenceEntry {

    @AggregateIdentifier
    private String entryId;
    private String licenceId;
    /** "term/annotationId" of each citation in force. */
    private Set<String> citations = new HashSet<>();

    protected LicenceEntry() {
        // for event sourcing, and created by the first citation
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(CiteAnnotationForLicenceTerm command, MetaData metaData) {
        Actor admin = Actors.requireRole(metaData, "citing evidence for a licence's terms", Role.ADMIN);
        String id = catalogueId(command.licenceId());
        LicenceTerm term = CommandChecks.required(command.term(), "term");
        String annotationId = CommandChecks.uuid(command.annotationId(), "annotationId");
        if (citations.contains(key(term, annotationId))) {
            throw CommandRejected.conflict("licence " + id + " already cites annotation " + annotationId + " for "
                    + term.id());
        }
        apply(new LicenceTermCited(id, term, annotationId, admin.subject()));
    }

    @CommandHandler
    public void handle(WithdrawLicenceTermCitation command, MetaData metaData) {
        Actor admin = Actors.requireRole(metaData, "withdrawing evidence for a licence's terms", Role.ADMIN);
        LicenceTerm term = CommandChecks.required(command.term(), "term");
        String annotationId = CommandChecks.required(command.annotationId(), "annotationId");
        if (!citations.contains(key(term, annotationId))) {
            throw CommandRejected.notFound("licence " + licenceId + " does not cite annotation " + annotationId + " for "
                    + term.id());
        }
        apply(new LicenceTermCitationWithdrawn(licenceId, term, annotationId, admin.subject()));
    }

    /** The catalogue's own id of the licence (ids match ignoring case); SPDX licences have no terms to cite. */
    private String catalogueId(String requested) {
        String id = LicenceCatalogue.fromId(requested).map(LicenceCatalogue::id)
                .orElseThrow(() -> CommandRejected.notFound("licence " + requested + " is not in the ledger's catalogue"
                        + " of AI licences (only its entries have structured terms)"));
        if (licenceId != null && !licenceId.equals(id) || !id.equals(requested)) {
            throw CommandRejected.invalid("licenceId must be the catalogue id '" + id + "', got '" + requested + "'");
        }
        return id;
    }

    private static String key(LicenceTerm term, String annotationId) {
        return term.id() + "/" + annotationId;
    }

    @EventSourcingHandler
    void on(LicenceTermCited event) {
        entryId = CiteAnnotationForLicenceTerm.ENTRY_PREFIX + event.licenceId();
        licenceId = event.licenceId();
        citations.add(key(event.term(), event.annotationId()));
    }

    @EventSourcingHandler
    void on(LicenceTermCitationWithdrawn event) {
        citations.remove(key(event.term(), event.annotationId()));
    }
}

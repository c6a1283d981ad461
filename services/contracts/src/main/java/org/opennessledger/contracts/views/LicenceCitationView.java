package org.opennessledger.contracts.views;

import java.time.Instant;

/**
 * An annotated passage cited for one term of a catalogue licence: the term's id, the annotation, its
 * document and quote (as when cited; the annotation itself shows where it lies now), who cited it and when.
 */
public record LicenceCitationView(String term, String annotationId, String documentId, String quote, String citedBy,
                                  Instant citedAt) {
}

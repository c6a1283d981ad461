package org.opennessledger.contracts.documents;

/** What {@link AddDocumentVersion} answers: the document's latest version, and whether this command added it. */
public record DocumentVersionResult(int version, boolean added) {
}

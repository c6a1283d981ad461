package org.opennessledger.contracts.annotations;

import java.util.List;
import org.opennessledger.contracts.values.Evidence;

/**
 * A new revision of an argument on an annotation; {@code afterReply} marks an edit made once the argument
 * had a reply, so readers know replies may answer older wording.
 */
public record AnnotationArgumentEdited(String annotationId, String argumentId, int revision, String text,
                                       List<Evidence> evidence, boolean afterReply, String editorId) {
    public AnnotationArgumentEdited {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}

package org.opennessledger.contracts.annotations;

import java.util.List;
import org.opennessledger.contracts.values.Evidence;
import org.opennessledger.contracts.values.Stance;

/** An argument in the debate on an annotation, as revision 1 (see {@link PostAnnotationArgument}). */
public record AnnotationArgumentPosted(String annotationId, String argumentId, String parentArgumentId, Stance stance,
                                       String text, List<Evidence> evidence, String authorId) {
    public AnnotationArgumentPosted {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}

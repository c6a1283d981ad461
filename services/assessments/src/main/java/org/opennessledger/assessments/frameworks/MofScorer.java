package org.opennessledger.assessments.frameworks;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates a release under MOF 1.0 as the Model Openness Tool does. A listed component counts when
 * its resolved licence is open (a licence open but not meant for the component's content type still
 * counts, with a warning). Classes are cumulative (III needs 6 required components, II 10, I 14);
 * a class's percentage is the share of the required components of it and every class above, and is
 * 0 unless every class above is complete. An open research paper fills the technical report's place
 * for classes III and II, and for class I it spares the report. The class reached is the most open
 * one at exactly 100 % (0 when none).
 */
public final class MofScorer {

    /** The literal the tool gives a component whose licence resolves to nothing. */
    public static final String UNLICENSED = "unlicensed";

    /** What the tool knows of licences: which are open, and which suit a content type. */
    public interface Licences {
        boolean open(String licenceId);

        boolean typeAppropriate(String licenceId, Mof.ContentType type);
    }

    /**
     * @param classReached 3, 2 or 1, or 0 when unclassified
     * @param percent      per class (3, 2, 1), 0 to 100, unrounded
     */
    public record Result(String version, int classReached, Map<Integer, Double> percent, List<Mof.Component> missing,
                         List<Mof.Component> invalid, List<Mof.Component> unlicensed,
                         List<Mof.Component> notTypeAppropriate) {
    }

    private MofScorer() {
    }

    /** @param resolved each listed component to its resolved licence id ({@link #UNLICENSED} for none) */
    public static Result evaluate(Map<Mof.Component, String> resolved, Licences licences) {
        Map<Mof.Component, Boolean> counts = new EnumMap<>(Mof.Component.class);
        List<Mof.Component> invalid = new ArrayList<>();
        List<Mof.Component> unlicensed = new ArrayList<>();
        List<Mof.Component> notTypeAppropriate = new ArrayList<>();
        for (Mof.Component component : Mof.Component.values()) {
            String licence = resolved.get(component);
            if (licence == null) {
                continue; // not listed
            }
            boolean open = licences.open(licence);
            counts.put(component, open);
            if (open && !licences.typeAppropriate(licence, component.contentType())) {
                notTypeAppropriate.add(component);
            } else if (!open && UNLICENSED.equals(licence)) {
                unlicensed.add(component);
            } else if (!open) {
                invalid.add(component);
            }
        }
        boolean reportIncluded = counts.getOrDefault(Mof.Component.TECHNICAL_REPORT, false);
        boolean paperListed = counts.containsKey(Mof.Component.RESEARCH_PAPER);
        boolean paperIncluded = counts.getOrDefault(Mof.Component.RESEARCH_PAPER, false);
        // The paper stands in for the report in classes III and II when the report does not count.
        boolean substitute = !reportIncluded && paperListed;

        Map<Integer, Double> percent = new LinkedHashMap<>();
        int reached = 0;
        for (int mofClass = 3; mofClass >= 1; mofClass--) {
            percent.put(mofClass, progress(mofClass, counts, substitute && paperIncluded, !reportIncluded && paperIncluded));
            if (percent.get(mofClass) == 100.0) {
                reached = mofClass;
            }
        }
        List<Mof.Component> missing = new ArrayList<>();
        for (Mof.Component component : Mof.componentsOfClass(1)) {
            if (component.required() && !counts.containsKey(component)
                    && !(substitute && component == Mof.Component.TECHNICAL_REPORT)) {
                missing.add(component);
            }
        }
        return new Result(Mof.VERSION, reached, java.util.Collections.unmodifiableMap(percent), List.copyOf(missing),
                List.copyOf(invalid), List.copyOf(unlicensed), List.copyOf(notTypeAppropriate));
    }

    private static double progress(int mofClass, Map<Mof.Component, Boolean> counts, boolean paperFillsReport,
                                   boolean paperSparesReport) {
        int denominator = 0;
        int numerator = 0;
        for (int level = 3; level >= mofClass; level--) {
            denominator += requiredOf(level);
            numerator = included(level, counts) + (level >= 2 && paperFillsReport ? 1 : 0);
            if (numerator < denominator) {
                if (level > mofClass) {
                    return 0.0; // a class above is not complete
                }
                break;
            }
        }
        if (mofClass == 1 && paperSparesReport) {
            denominator -= 1;
        }
        return Math.min(100.0, numerator * 100.0 / denominator);
    }

    private static int requiredOf(int mofClass) {
        return (int) java.util.Arrays.stream(Mof.Component.values())
                .filter(c -> c.mofClass() == mofClass && c.required()).count();
    }

    /** Required components of {@code mofClass} and the classes above it that are listed with an open licence. */
    private static int included(int mofClass, Map<Mof.Component, Boolean> counts) {
        return (int) Mof.componentsOfClass(mofClass).stream()
                .filter(c -> c.required() && counts.getOrDefault(c, false)).count();
    }
}

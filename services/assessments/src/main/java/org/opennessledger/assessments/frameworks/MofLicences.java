package org.opennessledger.assessments.frameworks;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opennessledger.licences.InvalidLicenceExpression;
import org.opennessledger.licences.LicenceExpression;
import org.opennessledger.licences.LicenceExpressionParser;
import org.opennessledger.licences.SpdxLicenceList;

/**
 * Licences as the Model Openness Tool judges them (ADR 0010): open when OSI-approved, FSF-libre, on its list of
 * open-data licences, or OpenMDW-1.0; suited to a content type when its own licence table says so.
 * Ids match exactly, case included, as in the tool. For the licences of its table the tool's own
 * OSI and FSF flags apply (they replace the SPDX list's); for the others, the SPDX list's.
 */
public final class MofLicences implements MofScorer.Licences {

    private record Entry(boolean osi, boolean fsf, Set<Mof.ContentType> types) {
    }

    private static final Mof.ContentType CODE = Mof.ContentType.CODE;
    private static final Mof.ContentType DATA = Mof.ContentType.DATA;
    private static final Mof.ContentType DOCUMENT = Mof.ContentType.DOCUMENT;

    /** The tool's licence table (mof-licenses.json), a licence listed twice keeping its later entry. */
    private static final Map<String, Entry> TABLE = Map.ofEntries(
            Map.entry("0BSD", new Entry(true, false, EnumSet.of(CODE))),
            Map.entry("AFL-1.1", new Entry(true, true, EnumSet.of(CODE))),
            Map.entry("AFL-1.2", new Entry(true, true, EnumSet.of(CODE))),
            Map.entry("AFL-2.0", new Entry(true, true, EnumSet.of(CODE))),
            Map.entry("AFL-2.1", new Entry(true, true, EnumSet.of(CODE))),
            Map.entry("AFL-3.0", new Entry(true, true, EnumSet.of(CODE))),
            Map.entry("Apache-1.0", new Entry(false, true, EnumSet.of(CODE))),
            Map.entry("Apache-1.1", new Entry(true, true, EnumSet.of(CODE))),
            Map.entry("Apache-2.0", new Entry(true, true, EnumSet.of(CODE, DOCUMENT))),
            Map.entry("ECL-1.0", new Entry(true, false, EnumSet.of(CODE))),
            Map.entry("ECL-2.0", new Entry(true, true, EnumSet.of(CODE))),
            Map.entry("ISC", new Entry(true, true, EnumSet.of(CODE))),
            Map.entry("MIT", new Entry(true, true, EnumSet.of(CODE))),
            Map.entry("MIT-0", new Entry(true, false, EnumSet.of(CODE))),
            Map.entry("MulanPSL-1.0", new Entry(false, false, EnumSet.of(CODE))),
            Map.entry("MulanPSL-2.0", new Entry(true, false, EnumSet.of(CODE))),
            Map.entry("NCSA", new Entry(true, true, EnumSet.of(CODE))),
            Map.entry("UPL-1.0", new Entry(true, true, EnumSet.of(CODE))),
            Map.entry("CDLA-Permissive-1.0", new Entry(false, false, EnumSet.of(DATA))),
            Map.entry("CDLA-Permissive-2.0", new Entry(false, false, EnumSet.of(DATA))),
            Map.entry("C-UDA-1.0", new Entry(false, false, EnumSet.of(DATA))),
            Map.entry("CC-PDDC", new Entry(false, false, EnumSet.of(DOCUMENT))),
            Map.entry("CC0-1.0", new Entry(false, true, EnumSet.of(DOCUMENT))),
            Map.entry("PDDL-1.0", new Entry(false, false, EnumSet.of(DATA))),
            Map.entry("CC-BY-4.0", new Entry(false, true, EnumSet.of(DOCUMENT))),
            Map.entry("CC-BY-SA-3.0", new Entry(false, false, EnumSet.of(DOCUMENT))),
            Map.entry("CC-BY-SA-4.0", new Entry(false, true, EnumSet.of(DOCUMENT))),
            Map.entry("FreeBSD-DOC", new Entry(false, false, EnumSet.of(DOCUMENT))),
            Map.entry("OpenMDW-1.0", new Entry(false, false, EnumSet.of(DOCUMENT, DATA, CODE))));

    /** The tool's own list of open-data licences (it spells the PDDL "ODC-PDDL-1.0", so PDDL-1.0 is not on it). */
    private static final Set<String> OPEN_DATA = Set.of("CC0-1.0", "CC-BY-1.0", "CC-BY-2.0", "CC-BY-2.5",
            "CC-BY-2.5-AU", "CC-BY-3.0", "CC-BY-3.0-AT", "CC-BY-3.0-AU", "CC-BY-3.0-DE", "CC-BY-3.0-IGO",
            "CC-BY-3.0-NL", "CC-BY-3.0-US", "CC-BY-4.0", "CC-BY-SA-1.0", "CC-BY-SA-2.0", "CC-BY-SA-2.0-UK",
            "CC-BY-SA-2.1-JP", "CC-BY-SA-2.5", "CC-BY-SA-3.0", "CC-BY-SA-3.0-AT", "CC-BY-SA-4.0",
            "CDLA-Permissive-1.0", "CDLA-Permissive-2.0", "CDLA-Sharing-1.0", "ODC-PDDL-1.0", "ODC-By-1.0",
            "ODbL-1.0", "GFDL-1.3", "OGL-Canada-2.0", "OGL-UK-2.0", "OGL-UK-3.0");

    @Override
    public boolean open(String licenceId) {
        if (licenceId == null) {
            return false;
        }
        Entry entry = TABLE.get(licenceId);
        boolean osi;
        boolean fsf;
        if (entry != null) {
            osi = entry.osi();
            fsf = entry.fsf();
        } else {
            // exact spelling only, as the tool matches ids
            var listed = SpdxLicenceList.bundled().licence(licenceId).filter(l -> l.id().equals(licenceId));
            osi = listed.map(SpdxLicenceList.ListedLicence::osiApproved).orElse(false);
            fsf = listed.map(SpdxLicenceList.ListedLicence::fsfLibre).orElse(false);
        }
        return osi || fsf || OPEN_DATA.contains(licenceId) || "OpenMDW-1.0".equals(licenceId);
    }

    /**
     * The ledger's licences are SPDX expressions: a choice (OR) is open when one option is, a
     * combination (AND) when every part is; an exception (WITH) keeps its licence's standing.
     * Catalogue AI licences and LicenseRef- ids are not open. A text that does not parse is judged
     * as a single id, as the tool would.
     */
    public boolean openExpression(String expression) {
        if (expression == null || expression.isBlank()) {
            return false;
        }
        try {
            return open(LicenceExpressionParser.parse(expression));
        } catch (InvalidLicenceExpression e) {
            return open(expression);
        }
    }

    private boolean open(LicenceExpression expression) {
        if (expression instanceof LicenceExpression.Licence licence) {
            return licence.source() == LicenceExpression.Source.SPDX && open(licence.id());
        }
        if (expression instanceof LicenceExpression.WithException with) {
            return open(with.licence());
        }
        if (expression instanceof LicenceExpression.AllOf all) {
            return all.operands().stream().allMatch(this::open);
        }
        return ((LicenceExpression.AnyOf) expression).operands().stream().anyMatch(this::open);
    }

    /** For an expression: suited when a licence that makes it open is suited (simple ids as the tool). */
    public boolean typeAppropriateExpression(String expression, Mof.ContentType type) {
        if (expression == null) {
            return false;
        }
        try {
            LicenceExpression parsed = LicenceExpressionParser.parse(expression);
            return ids(parsed).stream().anyMatch(id -> typeAppropriate(id, type));
        } catch (InvalidLicenceExpression e) {
            return typeAppropriate(expression, type);
        }
    }

    private static List<String> ids(LicenceExpression expression) {
        if (expression instanceof LicenceExpression.Licence licence) {
            return List.of(licence.id());
        }
        if (expression instanceof LicenceExpression.WithException with) {
            return List.of(with.licence().id());
        }
        List<LicenceExpression> operands = expression instanceof LicenceExpression.AllOf all ? all.operands()
                : ((LicenceExpression.AnyOf) expression).operands();
        return operands.stream().flatMap(o -> ids(o).stream()).toList();
    }

    @Override
    public boolean typeAppropriate(String licenceId, Mof.ContentType type) {
        Entry entry = licenceId == null ? null : TABLE.get(licenceId);
        return entry != null && entry.types().contains(type);
    }
}

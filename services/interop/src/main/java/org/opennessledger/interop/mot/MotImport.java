package org.opennessledger.interop.mot;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opennessledger.assessments.frameworks.Mof;
import org.opennessledger.assessments.frameworks.MofLicences;
import org.opennessledger.assessments.frameworks.MofScorer;
import org.opennessledger.contracts.models.ImportClaim;
import org.opennessledger.contracts.models.RegisterModelFamily;
import org.opennessledger.contracts.models.RegisterRelease;
import org.opennessledger.contracts.values.ClaimTarget;
import org.opennessledger.contracts.values.Evidence;
import org.opennessledger.contracts.values.Openness;
import org.opennessledger.interop.ImportPlan;
import org.opennessledger.interop.SourceModelTypes;
import org.opennessledger.interop.Slugs;
import org.opennessledger.interop.SourceFormatException;
import org.opennessledger.interop.osai.OsaiIndexImport;
import org.opennessledger.licences.InvalidLicenceExpression;
import org.opennessledger.licences.LicenceCatalogue;
import org.opennessledger.licences.LicenceExpressionParser;
import org.opennessledger.licences.SpdxLicenceList;

/**
 * Turns a Model Openness Tool release file into commands: the family (the model the release derives
 * from, else the release itself), the release, and one release-level claim per listed component,
 * accepted under {@value #POLICY}. Licences are the tool's free-text names: SPDX and catalogue ids
 * are taken as they are, known spellings are mapped ({@link #ALIASES}); any other name refuses the
 * whole file, with its line. A component is OPEN when the tool's rules count the ledger's licence
 * open, else PARTIAL (released, but not openly, or without a licence). Openness and rationale depend
 * on the ledger's licence id only, never on the file's spelling of it, so that a release exported by
 * {@link MotExport} imports back as the very same facts.
 */
public final class MotImport {

    public static final String POLICY = "import:mot/1";

    /** Spellings seen in the tool's files, lower case, to the ledger's licence ids. */
    static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("apache license 2.0", "Apache-2.0"),
            Map.entry("apache 2.0", "Apache-2.0"),
            Map.entry("bsd-3", "BSD-3-Clause"),
            Map.entry("cc by-sa 4.0", "CC-BY-SA-4.0"),
            Map.entry("cc by 4.0", "CC-BY-4.0"),
            Map.entry("gemma", "gemma-terms"),
            Map.entry("gemma terms of use", "gemma-terms"),
            Map.entry("llama 2 community license", "llama2-community"),
            Map.entry("meta llama 3 community license agreement", "llama3-community"),
            Map.entry("tongyi-qianwen", "qwen-licence"),
            Map.entry("tongyi-qianwen-research", "qwen-research"),
            Map.entry("bigcode openrail-m v1 license agreement", "bigcode-openrail-m"),
            Map.entry("apple-sample-code-license", "apple-sample-code"),
            Map.entry("arxiv.org perpetual non-exclusive license 1.0", "arxiv-nonexclusive-1.0"),
            Map.entry("arxiv-non-excluse-1.0", "arxiv-nonexclusive-1.0"),
            Map.entry("databricks open model license", "databricks-open-model"),
            Map.entry("chatglm3-6b license", "chatglm3-6b"));

    /** What some files write as a component's licence to say the component is not released at all. */
    private static final Set<String> NOT_INCLUDED = Set.of("component not include", "component not included");

    private static final MofLicences TOOL = new MofLicences();

    private MotImport() {
    }

    /** @throws SourceFormatException for a licence name the ledger cannot read (nothing of the file is imported) */
    public static ImportPlan plan(MotFile release, String yaml, String source, LocalDate retrievedOn)
            throws SourceFormatException {
        String familyName = family(release);
        String modelId = Slugs.fromName(familyName).orElse("");
        RegisterModelFamily family = new RegisterModelFamily(modelId, familyName,
                release.producer() == null ? "unknown" : release.producer(), "Imported from the Model Openness Tool",
                SourceModelTypes.read(release.type()).orElse(null));
        String releaseName = release.version() == null ? release.name() : release.name() + " " + release.version();
        String releaseId = Slugs.fromName(releaseName).orElse("");
        RegisterRelease registered = new RegisterRelease(modelId, releaseId, releaseName, release.version(), null, null,
                release.links().stream().map(OsaiIndexImport::httpUrl).filter(l -> l != null).toList());
        List<ImportClaim> claims = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        Optional<String> evidence = release.links().stream().map(OsaiIndexImport::httpUrl).filter(l -> l != null)
                .findFirst();
        Map<Mof.Component, String> resolved = MotEvaluation.resolve(release);
        for (Map.Entry<Mof.Component, String> entry : resolved.entrySet()) {
            String toolLicence = entry.getValue();
            if (NOT_INCLUDED.contains(toolLicence.toLowerCase(Locale.ROOT))) {
                skipped.add(entry.getKey().motName() + ": the file says it is not included");
                continue;
            }
            String licence = MofScorer.UNLICENSED.equals(toolLicence) ? null : ledgerLicence(toolLicence, yaml);
            if (evidence.isEmpty()) {
                skipped.add(entry.getKey().motName() + ": no repository or Hugging Face link to cite as evidence");
                continue;
            }
            boolean open = TOOL.openExpression(licence);
            String rationale = "The Model Openness Tool lists " + entry.getKey().motName() + " of " + releaseName
                    + (licence == null ? " without a licence" : " under " + licence)
                    + (open || licence == null ? "" : ", which the tool does not count as open");
            claims.add(new ImportClaim(UUID.randomUUID().toString(),
                    ClaimTarget.release(modelId, releaseId, entry.getKey().component()),
                    open ? Openness.OPEN : Openness.PARTIAL, licence,
                    List.of(new Evidence(evidence.get(), null, retrievedOn, null)), rationale, POLICY, source));
        }
        return new ImportPlan(modelId, family, registered, List.copyOf(claims), List.copyOf(skipped));
    }

    /**
     * The family a release files under: the model it derives from, unless the file put a licence id in
     * {@code origin} (some do, e.g. "Apache-2.0"), in which case the release is its own family.
     */
    static String family(MotFile release) {
        String origin = release.origin();
        if (origin == null || SpdxLicenceList.bundled().licence(origin).isPresent()
                || LicenceCatalogue.fromId(origin).isPresent()) {
            return release.name();
        }
        return origin;
    }

    /** A licence id the ledger knows for the tool's name, or a refusal naming the line. */
    private static String ledgerLicence(String name, String yaml) throws SourceFormatException {
        String candidate = ALIASES.getOrDefault(name.toLowerCase(Locale.ROOT), name);
        try {
            return LicenceExpressionParser.parse(candidate).canonical();
        } catch (InvalidLicenceExpression e) {
            throw new SourceFormatException(lineOf(yaml, name), "unknown licence name '" + name
                    + "': not an SPDX or catalogue id, nor a known spelling of one");
        }
    }

    private static int lineOf(String yaml, String value) {
        Matcher matcher = Pattern.compile("(?m)^\\s*(license|name):\\s*['\"]?" + Pattern.quote(value)).matcher(yaml);
        if (!matcher.find()) {
            return 0;
        }
        return (int) yaml.substring(0, matcher.start()).chars().filter(c -> c == '\n').count() + 1;
    }
}

package org.opennessledger.platform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opennessledger.platform.api.CoreLoopEndToEndTest.claimBody;
import static org.opennessledger.platform.api.CoreLoopEndToEndTest.list;
import static org.opennessledger.platform.api.CoreLoopEndToEndTest.propose;
import static org.opennessledger.platform.api.CoreLoopEndToEndTest.registerModelWithRelease;
import static org.opennessledger.platform.api.CoreLoopEndToEndTest.review;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Timelines: filtered by kind and date, paged through Link headers without loss or overlap; a
 * contributor's own entries; the recent-changes feed and a family's feed as well-formed Atom in which
 * script-bearing text stays text.
 */
class TimelinesEndToEndTest {

    private final LedgerClient api = SharedPlatform.client();

    private String acceptedClaimOnNewModel() {
        String modelId = registerModelWithRelease(api, "alice");
        String claimId = propose(api, "alice", claimBody(modelId, "base-7b", "open", "Apache-2.0",
                "<script>alert('feed')</script> weights open"));
        review(api, "bob", claimId, "agree", null);
        review(api, "carol", claimId, "agree", null);
        review(api, "dave", claimId, "agree", null);
        return modelId;
    }

    @Test
    void aFamilysTimelineFiltersByKindAndDateAndPagesThroughLinkHeaders() {
        String modelId = acceptedClaimOnNewModel();
        String history = "/api/models/" + modelId + "/history";
        List<JsonNode> all = list(api.get(history).body());
        assertThat(all).hasSizeGreaterThan(6);

        List<JsonNode> reviews = list(api.get(history + "?kind=ClaimReviewed").body());
        assertThat(reviews).hasSize(3).allSatisfy(e -> assertThat(e.get("eventType").asText()).isEqualTo("ClaimReviewed"));
        assertThat(list(api.get(history + "?kind=ClaimReviewed,ClaimAccepted").body())).hasSize(4);

        String since = all.get(3).get("at").asText();
        assertThat(list(api.get(history + "?from=" + since).body()))
                .allSatisfy(e -> assertThat(e.get("at").asText().compareTo(since)).isGreaterThanOrEqualTo(0));
        assertThat(list(api.get(history + "?to=2000-01-01T00:00:00Z").body())).isEmpty();

        // pages of 2, followed through Link headers, give back every entry once, in order
        List<Long> paged = new java.util.ArrayList<>();
        String next = history + "?limit=2";
        while (next != null) {
            var page = api.get(next);
            assertThat(page.status()).isEqualTo(200);
            list(page.body()).forEach(e -> paged.add(e.get("position").asLong()));
            String link = page.header("Link");
            next = link == null ? null : link.substring(1, link.indexOf('>'));
        }
        assertThat(paged).isEqualTo(all.stream().map(e -> e.get("position").asLong()).toList());

        assertThat(api.get(history + "?kind=not-a-kind").status()).isEqualTo(400);
        assertThat(api.get(history + "?from=2025-02-01T00:00:00Z&to=2025-01-01T00:00:00Z").status()).isEqualTo(400);
        assertThat(api.get(history + "?limit=0").status()).isEqualTo(400);
    }

    @Test
    void recentChangesAreNewestFirstAndAContributorSeesTheirOwnEntries() {
        String modelId = acceptedClaimOnNewModel();
        List<JsonNode> recent = list(api.get("/api/history?limit=20").body());
        assertThat(recent).isNotEmpty();
        for (int i = 1; i < recent.size(); i++) {
            assertThat(recent.get(i).get("position").asLong()).isLessThan(recent.get(i - 1).get("position").asLong());
        }
        // newest-first pages, followed through Link headers, continue where the last one ended
        var first = api.get("/api/history?limit=3");
        String next = first.header("Link");
        assertThat(next).contains("before=");
        List<JsonNode> second = list(api.get(next.substring(1, next.indexOf('>'))).body());
        assertThat(second).isNotEmpty();
        assertThat(second.get(0).get("position").asLong())
                .isLessThan(list(first.body()).get(2).get("position").asLong());
        assertThat(api.get("/api/history?before=99999999999999999999").status()).isEqualTo(400);
        assertThat(list(api.get("/api/history?kind=ClaimAccepted&limit=5").body()))
                .allSatisfy(e -> assertThat(e.get("eventType").asText()).isEqualTo("ClaimAccepted"));

        String bob = list(api.get("/api/models/" + modelId + "/history?kind=ClaimReviewed").body()).get(0)
                .get("actorId").asText();
        List<JsonNode> bobs = list(api.get("/api/contributors/" + bob + "/history?limit=200").body());
        assertThat(bobs).isNotEmpty().allSatisfy(e -> assertThat(e.get("actorId").asText()).isEqualTo(bob));
        assertThat(list(api.get("/api/contributors/nobody-at-all/history").body())).isEmpty();
        assertThat(api.get("/api/contributors/%3Cscript%3E/history").status()).isEqualTo(400);
    }

    @Test
    void theFeedsAreAtomWithScriptBearingTextKeptAsText() throws Exception {
        String modelId = acceptedClaimOnNewModel();
        var feed = api.get("/feeds/models/" + modelId + ".atom");
        assertThat(feed.status()).isEqualTo(200);
        assertThat(feed.contentType()).startsWith("application/atom+xml");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document atom = factory.newDocumentBuilder().parse(new ByteArrayInputStream(
                feed.raw().body().getBytes(StandardCharsets.UTF_8)));
        Element root = atom.getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("feed");
        assertThat(root.getNamespaceURI()).isEqualTo("http://www.w3.org/2005/Atom");
        NodeList entries = root.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry");
        assertThat(entries.getLength()).isGreaterThan(5);
        // the newest entry first; a summary holding markup is text, not elements
        assertThat(feed.raw().body()).doesNotContain("<script>");
        boolean scriptAsText = false;
        NodeList summaries = root.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "summary");
        for (int i = 0; i < summaries.getLength(); i++) {
            scriptAsText |= summaries.item(i).getTextContent().contains("<script>alert('feed')</script>");
            assertThat(((Element) summaries.item(i)).getElementsByTagName("script").getLength()).isZero();
        }
        assertThat(scriptAsText).as("the proposal's reason, with its markup, is in a summary as text").isTrue();

        var changes = api.get("/feeds/changes.atom");
        assertThat(changes.status()).isEqualTo(200);
        assertThat(changes.raw().body()).contains("<id>urn:openness-ledger:changes</id>");
        assertThat(api.get("/feeds/models/no-such-model.atom").status()).isEqualTo(404);
    }
}

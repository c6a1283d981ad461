package org.opennessledger.gateway.api;

import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.opennessledger.contracts.views.HistoryEntryView;

/**
 * Timeline entries as an Atom feed (RFC 4287), written with the JDK's StAX writer so that every
 * text (summaries and reasons are people's words) is escaped, never interpreted. Links are
 * relative to the feed's own address.
 */
final class AtomFeed {

    private static final String ATOM = "http://www.w3.org/2005/Atom";

    private AtomFeed() {
    }

    static String write(String feedId, String title, String self, List<HistoryEntryView> entries) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(ATOM);
            text(xml, "id", feedId);
            text(xml, "title", title);
            Instant updated = entries.isEmpty() ? Instant.EPOCH : entries.get(0).at();
            text(xml, "updated", updated.toString());
            link(xml, "self", self);
            xml.writeStartElement("author");
            text(xml, "name", "Openness Ledger");
            xml.writeEndElement();
            for (HistoryEntryView entry : entries) {
                xml.writeStartElement("entry");
                text(xml, "id", "urn:openness-ledger:event-position:" + entry.position());
                text(xml, "title", entry.eventType());
                text(xml, "updated", entry.at().toString());
                xml.writeStartElement("author");
                text(xml, "name", entry.actorId() == null ? "system" : entry.actorId());
                xml.writeEndElement();
                if (entry.claimId() != null) {
                    link(xml, "alternate", "/api/claims/" + entry.claimId());
                } else if (entry.modelId() != null) {
                    link(xml, "alternate", "/api/models/" + entry.modelId());
                }
                text(xml, "summary", entry.summary() + (entry.reason() == null ? "" : " (why: " + entry.reason() + ")"));
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write an Atom feed", e);
        }
        return out.toString();
    }

    private static void text(XMLStreamWriter xml, String element, String value) throws XMLStreamException {
        xml.writeStartElement(element);
        xml.writeCharacters(value == null ? "" : value);
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String href) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("href", href);
    }
}

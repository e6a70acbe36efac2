package io.crawlseq.sandbox.internal.worker;

import org.graalvm.polyglot.HostAccess;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A parsed HTML element as the prelude sees it. Only the methods marked {@link HostAccess.Export}
 * are reachable from JavaScript; the jsoup element never is. The prelude wraps each node in a
 * JavaScript object, so scripts do not hold these either.
 */
public final class HtmlNode {

    private final Element element;

    HtmlNode(Element element) {
        this.element = element;
    }

    @HostAccess.Export
    public HtmlNodes select(String css) {
        try {
            return HtmlNodes.of(element.select(css));
        } catch (IllegalArgumentException | IllegalStateException e) {
            // jsoup's SelectorParseException is an IllegalStateException; an empty query is an IAE.
            return HtmlNodes.failed("invalid CSS selector '" + css + "': " + e.getMessage());
        }
    }

    @HostAccess.Export
    public HtmlNodes children() {
        return HtmlNodes.of(element.children());
    }

    @HostAccess.Export
    public HtmlNode parent() {
        Element parent = element.parent();
        return parent == null ? null : new HtmlNode(parent);
    }

    @HostAccess.Export
    public String text() {
        return element.text();
    }

    @HostAccess.Export
    public String ownText() {
        return element.ownText();
    }

    @HostAccess.Export
    public String html() {
        return element.html();
    }

    @HostAccess.Export
    public String outerHtml() {
        return element.outerHtml();
    }

    /** The attribute's value, or null when absent (as the DOM's getAttribute). */
    @HostAccess.Export
    public String attr(String name) {
        return element.hasAttr(name) ? element.attr(name) : null;
    }

    @HostAccess.Export
    public boolean hasAttr(String name) {
        return element.hasAttr(name);
    }

    /** The attribute resolved against the document's base URL, or null when absent or unresolvable. */
    @HostAccess.Export
    public String absUrl(String name) {
        String resolved = element.absUrl(name);
        return resolved.isEmpty() ? null : resolved;
    }

    @HostAccess.Export
    public String tagName() {
        return element.tagName();
    }

    @HostAccess.Export
    public String id() {
        return element.id();
    }

    /** The title of the document this node belongs to. */
    @HostAccess.Export
    public String title() {
        Document document = element.ownerDocument();
        return document == null ? "" : document.title();
    }
}

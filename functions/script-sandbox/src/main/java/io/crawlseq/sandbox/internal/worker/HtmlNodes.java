package io.crawlseq.sandbox.internal.worker;

import java.util.List;
import org.graalvm.polyglot.HostAccess;
import org.jsoup.nodes.Element;

/** The result of a selection, read by index from the prelude; or why the selector was refused. */
public final class HtmlNodes {

    private final List<Element> elements;
    private final String error;

    private HtmlNodes(List<Element> elements, String error) {
        this.elements = elements;
        this.error = error;
    }

    static HtmlNodes of(List<Element> elements) {
        return new HtmlNodes(List.copyOf(elements), null);
    }

    static HtmlNodes failed(String error) {
        return new HtmlNodes(List.of(), error);
    }

    @HostAccess.Export
    public int size() {
        return elements.size();
    }

    @HostAccess.Export
    public HtmlNode get(int index) {
        return new HtmlNode(elements.get(index));
    }

    /** Why the selection failed, or null. */
    @HostAccess.Export
    public String error() {
        return error;
    }
}

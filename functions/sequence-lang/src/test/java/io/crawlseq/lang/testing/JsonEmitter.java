package io.crawlseq.lang.testing;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import io.crawlseq.lang.parse.Pointers;
import java.util.Iterator;
import java.util.Map;

/** Pretty-prints a tree as JSON (two-space indent), recording where every value and key lands. */
public final class JsonEmitter {

    private final PositionWriter w;

    private JsonEmitter(String newline) {
        this.w = new PositionWriter(newline);
    }

    public static Emitted emit(String fileName, JsonNode root) {
        return emit(fileName, root, "\n");
    }

    public static Emitted emit(String fileName, JsonNode root, String newline) {
        JsonEmitter e = new JsonEmitter(newline);
        e.value(root, "", 0);
        e.w.newline();
        return new Emitted(fileName, e.w.text(), e.w.values, e.w.keys, e.w.content);
    }

    private void value(JsonNode node, String pointer, int indent) {
        w.values.put(pointer, w.here());
        if (node.isObject()) {
            if (node.isEmpty()) {
                w.write("{}");
                return;
            }
            w.write("{").newline();
            Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> m = it.next();
                String child = Pointers.member(pointer, m.getKey());
                w.spaces(indent + 2);
                w.keys.put(child, w.here());
                w.write(quoted(m.getKey())).write(": ");
                value(m.getValue(), child, indent + 2);
                if (it.hasNext()) {
                    w.write(",");
                }
                w.newline();
            }
            w.spaces(indent).write("}");
        } else if (node.isArray()) {
            if (node.isEmpty()) {
                w.write("[]");
                return;
            }
            w.write("[").newline();
            for (int i = 0; i < node.size(); i++) {
                w.spaces(indent + 2);
                value(node.get(i), Pointers.item(pointer, i), indent + 2);
                if (i + 1 < node.size()) {
                    w.write(",");
                }
                w.newline();
            }
            w.spaces(indent).write("]");
        } else if (node.isTextual()) {
            String q = quoted(node.asText());
            if (q.equals("\"" + node.asText() + "\"")) {
                w.content.put(pointer, w.here().plus(1));
            }
            w.write(q);
        } else {
            w.write(node.toString());
        }
    }

    static String quoted(String s) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(s)) + "\"";
    }
}

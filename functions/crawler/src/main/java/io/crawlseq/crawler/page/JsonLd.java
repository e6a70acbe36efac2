package io.crawlseq.crawler.page;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Facts from a page's JSON-LD blocks ({@code <script type="application/ld+json">}): the types of
 * the things described (including inside {@code @graph} arrays and nested main entities), and the
 * article fields we use. Lenient about the JSON real pages carry (trailing commas, comments);
 * a broken block is skipped, never fatal.
 */
final class JsonLd {

    static final int MAX_SCRIPT_CHARS = 1 << 20;
    private static final int MAX_DEPTH = 8;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA, JsonReadFeature.ALLOW_JAVA_COMMENTS,
                    JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS, JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .build();

    record Facts(Set<String> types, String headline, String datePublished, List<String> authors, String section,
                 List<Breadcrumb> breadcrumbs) {
        static final Facts NONE = new Facts(Set.of(), null, null, List.of(), null, List.of());
    }

    private JsonLd() {
    }

    static Facts extract(Document document) {
        List<JsonNode> roots = new ArrayList<>();
        for (Element script : document.select("script[type=application/ld+json]")) {
            String json = script.data();
            if (json.isBlank() || json.length() > MAX_SCRIPT_CHARS) {
                continue;
            }
            try (JsonParser parser = MAPPER.createParser(json)) {
                JsonNode node = MAPPER.readTree(parser);
                if (node != null) {
                    roots.add(node);
                }
            } catch (Exception e) {
                // malformed JSON-LD is common; the page is still a page
            }
        }
        if (roots.isEmpty()) {
            return Facts.NONE;
        }
        Collector c = new Collector();
        for (JsonNode root : roots) {
            c.visit(root, 0);
        }
        return new Facts(Set.copyOf(c.types), c.headline, c.datePublished, List.copyOf(c.authors), c.section,
                List.copyOf(c.breadcrumbs));
    }

    private static final class Collector {
        final Set<String> types = new LinkedHashSet<>();
        final List<String> authors = new ArrayList<>();
        final List<Breadcrumb> breadcrumbs = new ArrayList<>();
        String headline;
        String datePublished;
        String section;

        void visit(JsonNode node, int depth) {
            if (node == null || depth > MAX_DEPTH) {
                return;
            }
            if (node.isArray()) {
                for (JsonNode element : node) {
                    visit(element, depth + 1);
                }
                return;
            }
            if (!node.isObject()) {
                return;
            }
            List<String> nodeTypes = typesOf(node.get("@type"));
            types.addAll(nodeTypes);
            boolean article = nodeTypes.stream().anyMatch(PageAnalyzer.ARTICLE_TYPES::contains);
            if (article) {
                headline = headline != null ? headline : text(node.get("headline"));
                datePublished = datePublished != null ? datePublished : text(node.get("datePublished"));
                section = section != null ? section : text(node.get("articleSection"));
                collectAuthors(node.get("author"));
            }
            if (nodeTypes.contains("BreadcrumbList") && breadcrumbs.isEmpty()) {
                collectBreadcrumbs(node.get("itemListElement"));
            }
            visit(node.get("@graph"), depth + 1);
            visit(node.get("mainEntity"), depth + 1);
            visit(node.get("mainEntityOfPage"), depth + 1);
        }

        private void collectAuthors(JsonNode author) {
            if (author == null) {
                return;
            }
            if (author.isArray()) {
                author.forEach(this::collectAuthors);
            } else if (author.isObject()) {
                String name = text(author.get("name"));
                if (name != null && authors.size() < 20) {
                    authors.add(name);
                }
            } else if (author.isTextual() && authors.size() < 20) {
                authors.add(author.asText());
            }
        }

        private void collectBreadcrumbs(JsonNode items) {
            if (items == null || !items.isArray()) {
                return;
            }
            for (JsonNode item : items) {
                String name = text(item.get("name"));
                JsonNode target = item.get("item");
                String url = target == null ? null : target.isObject() ? text(target.get("@id")) : text(target);
                if (name == null && target != null && target.isObject()) {
                    name = text(target.get("name"));
                }
                if (name != null) {
                    breadcrumbs.add(new Breadcrumb(name.strip(), url));
                }
            }
        }
    }

    private static List<String> typesOf(JsonNode type) {
        List<String> types = new ArrayList<>();
        if (type == null) {
            return types;
        }
        if (type.isArray()) {
            type.forEach(t -> {
                if (t.isTextual()) {
                    types.add(stripContext(t.asText()));
                }
            });
        } else if (type.isTextual()) {
            types.add(stripContext(type.asText()));
        }
        return types;
    }

    /** {@code https://schema.org/NewsArticle} and {@code schema:NewsArticle} are {@code NewsArticle}. */
    private static String stripContext(String type) {
        int cut = Math.max(type.lastIndexOf('/'), type.lastIndexOf(':'));
        return cut >= 0 ? type.substring(cut + 1) : type;
    }

    private static String text(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isArray()) {
            return node.isEmpty() ? null : text(node.get(0));
        }
        String s = node.isTextual() ? node.asText() : node.isValueNode() ? node.asText() : null;
        return s == null || s.isBlank() ? null : s.strip();
    }
}

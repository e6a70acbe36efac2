package io.crawlseq.lang.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.crawlseq.lang.diag.DiagnosticCode;
import io.crawlseq.lang.diag.Quote;
import java.util.Iterator;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Reads YAML from SnakeYAML Engine's <em>event</em> stream, never its composer: anchors, aliases,
 * merge keys, explicit tags and extra documents are reported as they stream past and are never
 * expanded, so an alias bomb costs no more than its file size. Plain scalars resolve by the YAML
 * 1.2 core schema ({@link CoreSchema}).
 */
final class YamlDocumentReader {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final SourceText text;
    private final TreeBuilder builder;
    private final ParseReport report;
    private final int codePointLimit;
    /** Nesting inside a collection being skipped (a complex key, a merge value). */
    private int skipNesting;
    /** Whole nodes still to skip at the current level (the value of a rejected key). */
    private int nodesToSkip;

    YamlDocumentReader(SourceText text, TreeBuilder builder, ParseReport report, int codePointLimit) {
        this.text = text;
        this.builder = builder;
        this.report = report;
        this.codePointLimit = codePointLimit;
    }

    void read() {
        LoadSettings settings = LoadSettings.builder()
                .setCodePointLimit(Math.max(codePointLimit, 1))
                .setUseMarks(true)
                .build();
        Iterator<Event> events = new Parse(settings).parseString(text.text()).iterator();
        int documents = 0;
        try {
            while (events.hasNext()) {
                Event event = events.next();
                switch (event.getEventId()) {
                    case DocumentStart -> {
                        if (++documents > 1) {
                            report.error(DiagnosticCode.YAML_MULTIPLE_DOCUMENTS,
                                    "a second YAML document starts here; a sequence file holds exactly one document",
                                    "", start(event));
                            return;
                        }
                    }
                    case MappingStart, SequenceStart, Scalar, Alias -> node((NodeEvent) event);
                    case MappingEnd, SequenceEnd -> collectionEnd();
                    default -> {
                        // StreamStart, StreamEnd, DocumentEnd, Comment: nothing to build
                    }
                }
            }
        } catch (TreeBuilder.TooDeep e) {
            // reported by the builder
        } catch (MarkedYamlEngineException e) {
            reportSyntaxError(e);
        } catch (ReaderException e) {
            int offset = text.offsetOfCodePoint(e.getPosition());
            report.error(DiagnosticCode.SYNTAX_ERROR,
                    String.format("character U+%04X is not allowed in YAML", e.getCodePoint()),
                    builder::currentChildPointer, text.positionOf(offset));
        } catch (YamlEngineException e) {
            report.error(DiagnosticCode.SYNTAX_ERROR, "malformed YAML: " + Quote.shorten(String.valueOf(e.getMessage())),
                    builder::currentChildPointer, Position.START);
        }
    }

    private void node(NodeEvent event) throws TreeBuilder.TooDeep {
        if (skipping(event)) {
            return;
        }
        if (builder.expectingKey()) {
            key(event);
            return;
        }
        Supplier<String> pointer = builder::currentChildPointer;
        boolean damaged = !(event instanceof AliasEvent) && reportProperties(event, pointer);
        switch (event) {
            case ScalarEvent scalar -> scalarValue(scalar, pointer, damaged);
            case AliasEvent alias -> {
                report.error(DiagnosticCode.YAML_ALIAS, "YAML alias " + Quote.of("*" + alias.getAlias().getValue())
                        + " is not allowed; write the value out", pointer, start(alias));
                report.damaged(pointer);
                builder.scalar(NODES.nullNode(), start(alias), null);
            }
            case CollectionStartEvent collection -> {
                if (collection.getEventId() == Event.ID.MappingStart) {
                    builder.startObject(start(collection));
                } else {
                    builder.startArray(start(collection));
                }
            }
            default -> throw new IllegalStateException("unexpected YAML event " + event);
        }
    }

    private void key(NodeEvent event) {
        Supplier<String> container = builder::currentContainerPointer;
        if (event instanceof ScalarEvent scalar) {
            reportProperties(scalar, container);
            if (scalar.getScalarStyle() == ScalarStyle.PLAIN && scalar.getValue().equals("<<")) {
                report.error(DiagnosticCode.YAML_MERGE_KEY, "YAML merge keys (<<) are not allowed; write the keys out",
                        container, start(scalar));
                report.damaged(container);
                nodesToSkip++;
                return;
            }
            builder.key(scalar.getValue(), start(scalar));
            return;
        }
        if (event instanceof AliasEvent alias) {
            report.error(DiagnosticCode.YAML_ALIAS, "YAML alias " + Quote.of("*" + alias.getAlias().getValue())
                    + " is not allowed; write the key out", container, start(alias));
        } else {
            report.error(DiagnosticCode.SYNTAX_ERROR, "keys must be plain strings, not lists or mappings",
                    container, start(event));
            skipNesting = 1;
        }
        report.damaged(container);
        nodesToSkip++;
    }

    private void scalarValue(ScalarEvent scalar, Supplier<String> pointer, boolean damaged) {
        Position at = start(scalar);
        if (scalar.getScalarStyle() != ScalarStyle.PLAIN) {
            builder.scalar(NODES.textNode(scalar.getValue()), at, damaged ? null : contentStart(scalar));
            return;
        }
        if (scalar.getValue().isEmpty() && isRootWithoutContent(scalar)) {
            report.error(DiagnosticCode.FILE_EMPTY, "the file holds an empty YAML document", () -> "", Position.START);
            return;
        }
        Optional<JsonNode> value = CoreSchema.resolvePlain(scalar.getValue());
        if (value.isEmpty()) {
            report.error(DiagnosticCode.INVALID_VALUE, Quote.of(scalar.getValue())
                    + " is not a finite number; JSON has no infinity or NaN", pointer, at);
            report.damaged(pointer);
            builder.scalar(NODES.nullNode(), at, null);
            return;
        }
        JsonNode node = value.get();
        builder.scalar(node, at, node.isTextual() && !damaged ? contentStart(scalar) : null);
    }

    private boolean isRootWithoutContent(ScalarEvent scalar) {
        return !builder.hasRoot() && builder.atTopLevel() && sameIndex(scalar);
    }

    private static boolean sameIndex(ScalarEvent scalar) {
        return scalar.getStartMark().isPresent() && scalar.getEndMark().isPresent()
                && scalar.getStartMark().get().getIndex() == scalar.getEndMark().get().getIndex();
    }

    /**
     * Where a string's content starts, when its source equals its value on one line: plain scalars
     * on one line always do; quoted ones when the source is exactly two quotes longer (any escape,
     * including '' in single quotes, makes it longer).
     */
    private static Position contentStart(ScalarEvent scalar) {
        Mark from = scalar.getStartMark().orElse(null);
        Mark to = scalar.getEndMark().orElse(null);
        if (from == null || to == null || from.getLine() != to.getLine()) {
            return null;
        }
        int sourceLength = to.getColumn() - from.getColumn();
        int valueLength = scalar.getValue().codePointCount(0, scalar.getValue().length());
        Position at = new Position(from.getLine() + 1, from.getColumn() + 1);
        return switch (scalar.getScalarStyle()) {
            case PLAIN -> sourceLength == valueLength ? at : null;
            case SINGLE_QUOTED, DOUBLE_QUOTED -> sourceLength == valueLength + 2 ? at.plusColumns(1) : null;
            default -> null;
        };
    }

    /** Reports an anchor or an explicit tag on a node; true when there was one. */
    private boolean reportProperties(NodeEvent event, Supplier<String> pointer) {
        boolean found = false;
        if (event.getAnchor().isPresent()) {
            report.error(DiagnosticCode.YAML_ANCHOR, "YAML anchor " + Quote.of("&" + event.getAnchor().get().getValue())
                    + " is not allowed; sequences must read the same in every tool", pointer, start(event));
            found = true;
        }
        Optional<String> tag = switch (event) {
            case ScalarEvent s -> s.getTag();
            case CollectionStartEvent c -> c.getTag();
            default -> Optional.empty();
        };
        if (tag.isPresent()) {
            report.error(DiagnosticCode.YAML_TAG, "explicit YAML tag " + Quote.of(shortTag(tag.get()))
                    + " is not allowed; write plain values", pointer, start(event));
            found = true;
        }
        if (found) {
            report.damaged(pointer);
        }
        return found;
    }

    private static String shortTag(String tag) {
        return tag.startsWith("tag:yaml.org,2002:") ? "!!" + tag.substring("tag:yaml.org,2002:".length()) : tag;
    }

    private void collectionEnd() {
        if (skipNesting > 0) {
            skipNesting--;
            return;
        }
        builder.end();
    }

    /** True when the event belongs to a node being skipped (and consumes it). */
    private boolean skipping(NodeEvent event) {
        if (skipNesting > 0) {
            if (event instanceof CollectionStartEvent) {
                skipNesting++;
            }
            return true;
        }
        if (nodesToSkip == 0) {
            return false;
        }
        nodesToSkip--;
        if (event instanceof CollectionStartEvent) {
            skipNesting = 1;
        }
        return true;
    }

    private void reportSyntaxError(MarkedYamlEngineException e) {
        Position at = e.getProblemMark().map(YamlDocumentReader::position).orElse(Position.START);
        report.error(DiagnosticCode.SYNTAX_ERROR, cleanMessage(e), builder::currentChildPointer, at);
    }

    private static final Pattern WHILE = Pattern.compile("^while (?:parsing|scanning) (?:an? )?(.*)$");

    /** SnakeYAML's problem text, with its token names in user terms and its context as a place. */
    static String cleanMessage(MarkedYamlEngineException e) {
        String problem = e.getProblem() == null ? "malformed YAML" : e.getProblem();
        problem = problem
                .replace("<stream end>", "the end of the file")
                .replace("found unexpected end of stream", "the file ends too early")
                .replace("<block end>", "the end of an indented block")
                .replace("<block mapping start>", "the start of a mapping")
                .replace("<block sequence start>", "the start of a list")
                .replace("<block entry>", "'-'")
                .replace("<scalar>", "a value")
                .replace("<flow sequence end>", "']'")
                .replace("<flow mapping end>", "'}'")
                .replace("<flow sequence start>", "'['")
                .replace("<flow mapping start>", "'{'")
                .replace("<flow entry>", "','")
                .replace("<key>", "a key")
                .replace("<value>", "':'")
                .replace("<anchor>", "an anchor")
                .replace("<alias>", "an alias")
                .replace("<tag>", "a tag")
                .replaceAll("\\s*\\n.*", "");
        if (problem.contains("(TAB)") || problem.contains("'\t'")) {
            problem = "tabs cannot indent YAML; use spaces";
        } else if (problem.startsWith("mapping values are not allowed here")) {
            problem = "mapping values are not allowed here (is a ':' inside an unquoted value? quote the value)";
        }
        String context = e.getContext();
        if (context != null && e.getContextMark().isPresent()) {
            Matcher m = WHILE.matcher(context.strip());
            String what = m.matches() ? m.group(1) : context.strip();
            Position where = position(e.getContextMark().get());
            return problem + " (in the " + what + " starting at line " + where.line() + ", column " + where.column() + ")";
        }
        return problem;
    }

    private static Position start(Event event) {
        return event.getStartMark().map(YamlDocumentReader::position).orElse(Position.START);
    }

    private static Position position(Mark mark) {
        return new Position(mark.getLine() + 1, mark.getColumn() + 1);
    }
}

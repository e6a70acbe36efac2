package io.crawlseq.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.ConstructNode;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.constructor.StandardConstructor;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * template.yaml as data. CloudFormation's short-form tags ({@code !Ref X}, {@code !GetAtt X.Arn},
 * {@code !Sub ...}) become the long form the JSON syntax uses ({@code {"Ref": "X"}},
 * {@code {"Fn::GetAtt": ["X", "Arn"]}}, {@code {"Fn::Sub": ...}}), so a test reads one shape.
 */
final class SamTemplate {

    private static final List<String> FUNCTIONS = List.of("Ref", "Sub", "GetAtt", "Join", "If", "Equals", "Not", "And",
            "Or", "Select", "Split", "FindInMap", "ImportValue", "Base64", "Cidr", "GetAZs", "Condition", "Transform");

    private final Map<String, Object> root;

    private SamTemplate(Map<String, Object> root) {
        this.root = root;
    }

    @SuppressWarnings("unchecked")
    static SamTemplate load(Path file) throws IOException {
        LoadSettings settings = LoadSettings.builder().setLabel(file.toString()).build();
        Object root = new Load(settings, new CloudFormationConstructor(settings))
                .loadFromString(Files.readString(file, StandardCharsets.UTF_8));
        return new SamTemplate((Map<String, Object>) root);
    }

    Map<String, Object> root() {
        return root;
    }

    Map<String, Object> resources() {
        return map(root, "Resources");
    }

    Map<String, Object> resource(String logicalId) {
        Map<String, Object> resource = map(resources(), logicalId);
        if (resource.isEmpty()) {
            throw new AssertionError("template.yaml has no resource " + logicalId);
        }
        return resource;
    }

    Map<String, Object> properties(String logicalId) {
        return map(resource(logicalId), "Properties");
    }

    /** Resources of one type, by logical id, in template order. */
    Map<String, Map<String, Object>> resourcesOfType(String type) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        resources().forEach((id, r) -> {
            Map<String, Object> resource = asMap(r);
            if (type.equals(resource.get("Type"))) {
                out.put(id, resource);
            }
        });
        return out;
    }

    /** {@code {"Ref": X}} gives X. */
    static Optional<String> ref(Object value) {
        return value instanceof Map<?, ?> m && m.size() == 1 && m.get("Ref") instanceof String s
                ? Optional.of(s) : Optional.empty();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object parent, String key) {
        if (!(parent instanceof Map<?, ?> m) || !(m.get(key) instanceof Map<?, ?> child)) {
            return Map.of();
        }
        return (Map<String, Object>) child;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object parent, String key) {
        if (!(parent instanceof Map<?, ?> m) || !(m.get(key) instanceof List<?> child)) {
            return List.of();
        }
        return (List<Object>) child;
    }

    /** Builds the long form of each short-form intrinsic function tag. */
    private static final class CloudFormationConstructor extends StandardConstructor {

        CloudFormationConstructor(LoadSettings settings) {
            super(settings);
            for (String function : FUNCTIONS) {
                tagConstructors.put(new Tag("!" + function), new Intrinsic(function));
            }
        }

        private final class Intrinsic implements ConstructNode {
            private final String function;

            Intrinsic(String function) {
                this.function = function;
            }

            @Override
            public Object construct(Node node) {
                Object value = switch (node) {
                    case ScalarNode scalar -> scalar.getValue();
                    case SequenceNode sequence -> new ArrayList<>(constructSequence(sequence));
                    case MappingNode mapping -> constructMapping(mapping);
                    default -> throw new IllegalStateException("unexpected node " + node);
                };
                if (function.equals("GetAtt") && value instanceof String dotted) {
                    value = List.of(dotted.split("\\.", 2));
                }
                return Map.of(function.equals("Ref") || function.equals("Condition") ? function : "Fn::" + function, value);
            }
        }
    }
}

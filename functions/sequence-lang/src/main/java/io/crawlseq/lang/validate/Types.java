package io.crawlseq.lang.validate;

import io.crawlseq.lang.registry.CommandRegistry;
import io.crawlseq.lang.registry.CommandSpec;
import io.crawlseq.lang.model.CommandStep;
import io.crawlseq.lang.types.DataType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Type helpers for messages and compatibility rules. */
final class Types {

    private Types() {
    }

    /** {@code a string}, {@code an integer}, {@code a list of Hub}, {@code a Hub}. */
    static String kind(DataType type) {
        return switch (type) {
            case DataType.Any a -> "any value";
            case DataType.EnumType e -> "a string (" + e.describe() + ")";
            case DataType.Scalar s -> switch (s.kind()) {
                case STRING -> "a string";
                case INTEGER -> "an integer";
                case NUMBER -> "a number";
                case BOOLEAN -> "a boolean";
                case NULL -> "null";
            };
            case DataType.ArrayType a -> "a list of " + plural(a.items());
            case DataType.ObjectType o -> o.name().isEmpty() ? "an object" : withArticle(o.name());
        };
    }

    static String withArticle(String noun) {
        return ("AEIOUaeiou".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
    }

    private static String plural(DataType items) {
        return switch (items) {
            case DataType.Any a -> "values";
            case DataType.EnumType e -> "strings";
            case DataType.Scalar s -> s.kind() == DataType.ScalarKind.BOOLEAN ? "booleans"
                    : s.kind().name().toLowerCase(java.util.Locale.ROOT) + "s";
            case DataType.ArrayType a -> "lists";
            case DataType.ObjectType o -> o.name().isEmpty() ? "objects" : o.name() + " records";
        };
    }

    /** Whether a value of type {@code from} may be passed where {@code to} is expected. */
    static boolean assignable(DataType from, DataType to) {
        if (from.isAny() || to.isAny()) {
            return true;
        }
        return switch (to) {
            case DataType.EnumType e -> from.isString();
            case DataType.Scalar s -> switch (s.kind()) {
                case STRING -> from.isString();
                case INTEGER -> from instanceof DataType.Scalar f && f.kind() == DataType.ScalarKind.INTEGER;
                case NUMBER -> from.isNumeric();
                case BOOLEAN -> from.isBoolean();
                case NULL -> from.equals(DataType.NULL);
            };
            case DataType.ArrayType a -> from instanceof DataType.ArrayType f && assignable(f.items(), a.items());
            case DataType.ObjectType o -> from instanceof DataType.ObjectType;
            case DataType.Any a -> true;
        };
    }

    /**
     * The type of {@code results.lastCommand} when any of these commands may have run last: the
     * command's result type when they all run the same command, else the fields they have in
     * common with a type, the others as any.
     */
    static DataType resultOfAny(Set<CommandStep> steps, CommandRegistry registry) {
        List<CommandSpec> specs = steps.stream().map(s -> registry.find(s.command()).orElse(null)).distinct().toList();
        if (specs.isEmpty() || specs.contains(null)) {
            return DataType.ANY;
        }
        if (specs.size() == 1) {
            return specs.getFirst().resultType();
        }
        Map<String, DataType> fields = new LinkedHashMap<>();
        for (CommandSpec spec : specs) {
            spec.resultType().fields().forEach((name, type) -> fields.merge(name, type, (a, b) -> a.equals(b) ? a : DataType.ANY));
        }
        return new DataType.ObjectType("LastCommandResult", fields, false);
    }
}

package io.crawlseq.store.tables;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/** The physical name of each table: a prefix plus the logical name locally, environment variables in AWS. */
public final class TableNames {

    public static final String DEFAULT_PREFIX = "crawlseq-";
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_.-]{3,255}");

    private final Map<StoreTable, String> names;

    private TableNames(Map<StoreTable, String> names) {
        this.names = new EnumMap<>(names);
        this.names.forEach((table, name) -> {
            if (!VALID.matcher(name).matches()) {
                throw new IllegalArgumentException("table name '" + name + "' for " + table.logicalName()
                        + " must be 3-255 characters of letters, digits, '_', '-' and '.'");
            }
        });
    }

    /** {@code crawlseq-sequences}, {@code crawlseq-runs}, ... */
    public static TableNames defaults() {
        return withPrefix(DEFAULT_PREFIX);
    }

    public static TableNames withPrefix(String prefix) {
        Map<StoreTable, String> names = new EnumMap<>(StoreTable.class);
        for (StoreTable table : StoreTable.values()) {
            names.put(table, prefix + table.logicalName());
        }
        return new TableNames(names);
    }

    /**
     * Names from the Lambda environment ({@link StoreTable#environmentVariable()} of each table).
     *
     * @throws IllegalStateException naming every missing variable
     */
    public static TableNames fromEnvironment(Map<String, String> environment) {
        Map<StoreTable, String> names = new EnumMap<>(StoreTable.class);
        List<String> missing = new ArrayList<>();
        for (StoreTable table : StoreTable.values()) {
            String value = environment.get(table.environmentVariable());
            if (value == null || value.isBlank()) {
                missing.add(table.environmentVariable());
            } else {
                names.put(table, value);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("missing environment variables naming tables: " + String.join(", ", missing));
        }
        return new TableNames(names);
    }

    public String of(StoreTable table) {
        return names.get(Objects.requireNonNull(table, "table"));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TableNames other && names.equals(other.names);
    }

    @Override
    public int hashCode() {
        return names.hashCode();
    }

    @Override
    public String toString() {
        return names.toString();
    }
}

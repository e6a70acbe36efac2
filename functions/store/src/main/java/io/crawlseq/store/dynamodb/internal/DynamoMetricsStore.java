package io.crawlseq.store.dynamodb.internal;

import static io.crawlseq.store.tables.StoreTables.COMMAND;
import static io.crawlseq.store.tables.StoreTables.DAY;
import static io.crawlseq.store.tables.StoreTables.DAY_COMMAND;
import static io.crawlseq.store.tables.StoreTables.EXPIRES_AT;
import static io.crawlseq.store.tables.StoreTables.METRICS_BY_MONTH;
import static io.crawlseq.store.tables.StoreTables.MONTH;

import io.crawlseq.store.DailyMetrics;
import io.crawlseq.store.MetricCounters;
import io.crawlseq.store.MetricsStore;
import io.crawlseq.store.StoreSettings;
import io.crawlseq.store.internal.Checks;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Daily metrics in the metrics table: item {@code (command, day)} with counters updated by atomic
 * {@code ADD}, so concurrent invocations never lose an increment. All commands over a date range are read
 * through the {@code byMonth} index ({@code month}, {@code <day>#<command>}), one query per month.
 */
public final class DynamoMetricsStore implements MetricsStore {

    private static final String[] COUNTERS = {"invocations", "failures", "durationMs", "pages", "bytes"};

    private final DynamoDbClient client;
    private final String table;
    private final StoreSettings settings;

    public DynamoMetricsStore(DynamoDbClient client, String table, StoreSettings settings) {
        this.client = client;
        this.table = table;
        this.settings = settings;
    }

    @Override
    public void record(String command, Instant at, MetricCounters delta) {
        Checks.text("command", command, 128);
        LocalDate day = at.atZone(ZoneOffset.UTC).toLocalDate();
        Update update = new Update()
                .add("invocations", Attrs.n(delta.invocations()))
                .add("failures", Attrs.n(delta.failures()))
                .add("durationMs", Attrs.n(delta.durationMs()))
                .add("pages", Attrs.n(delta.pages()))
                .add("bytes", Attrs.n(delta.bytes()))
                .set(MONTH, Attrs.s(YearMonth.from(day).toString()))
                .set(DAY_COMMAND, Attrs.s(day + "#" + command))
                .set(EXPIRES_AT, Attrs.n(day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()
                        .plus(settings.metricsRetention()).getEpochSecond()));
        client.updateItem(b -> b.tableName(table)
                .key(Map.of(COMMAND, Attrs.s(command), DAY, Attrs.s(day.toString())))
                .updateExpression(update.expression())
                .expressionAttributeNames(update.names(""))
                .expressionAttributeValues(update.values(Map.of())));
    }

    @Override
    public List<DailyMetrics> daily(String command, LocalDate from, LocalDate to) {
        checkRange(from, to);
        String keyCondition = "#command = :command AND #day BETWEEN :from AND :to";
        QueryRequest query = QueryRequest.builder().tableName(table).keyConditionExpression(keyCondition)
                .expressionAttributeNames(Expressions.names(keyCondition))
                .expressionAttributeValues(Map.of(":command", Attrs.s(command), ":from", Attrs.s(from.toString()),
                        ":to", Attrs.s(to.toString())))
                .consistentRead(true).build();
        return Queries.all(client, query, DynamoMetricsStore::decode);
    }

    @Override
    public List<DailyMetrics> dailyAllCommands(LocalDate from, LocalDate to) {
        checkRange(from, to);
        List<DailyMetrics> out = new ArrayList<>();
        for (YearMonth month = YearMonth.from(from); !month.isAfter(YearMonth.from(to)); month = month.plusMonths(1)) {
            out.addAll(Queries.all(client, monthQuery(month, from, to), DynamoMetricsStore::decode));
        }
        return out;
    }

    private QueryRequest monthQuery(YearMonth month, LocalDate from, LocalDate to) {
        String keyCondition = "#month = :month AND #dayCommand BETWEEN :from AND :to";
        // '#' < '$' in UTF-8, so "<day>#<any command>" sorts between "<day>#" and "<day>$"
        return QueryRequest.builder().tableName(table).indexName(METRICS_BY_MONTH)
                .keyConditionExpression(keyCondition)
                .expressionAttributeNames(Expressions.names(keyCondition))
                .expressionAttributeValues(Map.of(":month", Attrs.s(month.toString()),
                        ":from", Attrs.s(from + "#"), ":to", Attrs.s(to + "$")))
                .build();
    }

    private static void checkRange(LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("date range starts (" + from + ") after it ends (" + to + ")");
        }
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        if (days > MAX_RANGE_DAYS) {
            throw new IllegalArgumentException("date range spans " + days + " days; the limit is " + MAX_RANGE_DAYS);
        }
    }

    private static DailyMetrics decode(Map<String, AttributeValue> item) {
        long[] values = new long[COUNTERS.length];
        for (int i = 0; i < COUNTERS.length; i++) {
            values[i] = Attrs.optNumber(item, COUNTERS[i]).orElse(0L);
        }
        return new DailyMetrics(Attrs.string(item, COMMAND), LocalDate.parse(Attrs.string(item, DAY)),
                new MetricCounters(values[0], values[1], values[2], values[3], values[4]));
    }
}

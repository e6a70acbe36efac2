package io.crawlseq.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.lang.registry.CommandRegistry;
import io.crawlseq.lang.registry.CommandSpec;
import io.crawlseq.lang.registry.ResultTypes;
import io.crawlseq.store.Continuation;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

class EnvelopesTest {

    private static final CommandSpec HUBS = CommandRegistry.standard().require("ensureCountryHubs");
    private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant END = START.plusMillis(1234);

    private static ObjectNode hub(int i, int nameLength) {
        return JsonNodeFactory.instance.objectNode().put("url", "https://x.example/world/c" + i).put("kind", "country")
                .put("name", "n".repeat(nameLength)).put("confidence", 0.9).put("verified", true);
    }

    private static ObjectNode hubs(int count, int nameLength) {
        ObjectNode fields = CommandOutcome.noFields();
        ArrayNode list = fields.putArray("hubs");
        for (int i = 0; i < count; i++) {
            list.add(hub(i, nameLength));
        }
        return fields.put("hubCount", count);
    }

    @Test
    void success_hasTheCommonFields_andEveryDeclaredFieldWithANeutralValueWhenUnset() {
        Envelopes.Built built = Envelopes.build(HUBS, new CommandOutcome.Completed(CommandOutcome.noFields().put("hubCount", 3)),
                START, END, Optional.empty());

        ObjectNode e = built.envelope();
        assertThat(e.path("command").asText()).isEqualTo("ensureCountryHubs");
        assertThat(e.path("status").asText()).isEqualTo("success");
        assertThat(e.path("success").asBoolean()).isTrue();
        assertThat(e.path("startedAt").asText()).isEqualTo("2026-03-01T10:00:00Z");
        assertThat(e.path("elapsedMs").asLong()).isEqualTo(1234);
        assertThat(e.path("hubCount").asInt()).isEqualTo(3);
        assertThat(e.path("verified").asInt()).isZero();
        assertThat(e.path("missing").isArray()).isTrue();
        assertThat(e.path("hubs")).isEmpty();
        assertThat(e.path("pagesFetched").asInt()).isZero();
        assertThat(e.has("error")).isFalse();
        assertThat(e.has("truncated")).isFalse();
        assertThat(e.has("continuation")).isFalse();
    }

    @Test
    void failedPartialAndSkipped_carryTheirStatusErrorReasonAndContinuation() {
        var failed = Envelopes.build(HUBS, CommandOutcome.failed("SiteUnreachable", "dns"), START, END, Optional.empty());
        var partial = Envelopes.build(HUBS, new CommandOutcome.Partial(JsonNodeFactory.instance.objectNode(), hubs(2, 1)),
                START, END, Optional.of(new Continuation("0123456789abcdef0123456789abcdef", 2)));
        var skipped = Envelopes.build(HUBS, new CommandOutcome.Skipped("nothing to do", CommandOutcome.noFields()),
                START, END, Optional.empty());

        assertThat(failed.envelope().path("status").asText()).isEqualTo("failed");
        assertThat(failed.envelope().path("success").asBoolean()).isFalse();
        assertThat(failed.envelope().at("/error/type").asText()).isEqualTo("SiteUnreachable");
        assertThat(failed.envelope().at("/error/message").asText()).isEqualTo("dns");
        assertThat(failed.envelope().path("hubs")).isEmpty();
        assertThat(partial.envelope().path("status").asText()).isEqualTo("partial");
        assertThat(partial.envelope().path("success").asBoolean()).isFalse();
        assertThat(partial.envelope().at("/continuation/invocation").asInt()).isEqualTo(2);
        assertThat(partial.envelope().path("hubs")).hasSize(2);
        assertThat(skipped.envelope().path("status").asText()).isEqualTo("skipped");
        assertThat(skipped.envelope().path("reason").asText()).isEqualTo("nothing to do");
    }

    @Test
    void undeclaredFields_areDroppedAndNamed() {
        ObjectNode fields = CommandOutcome.noFields().put("hubCount", 1).put("internalDebug", "x");

        Envelopes.Built built = Envelopes.build(HUBS, new CommandOutcome.Completed(fields), START, END, Optional.empty());

        assertThat(built.envelope().has("internalDebug")).isFalse();
        assertThat(built.dropped()).containsExactly("internalDebug");
    }

    @Test
    void aLongList_isCutToTheCap_namedInTruncated_andReturnedInFull() {
        Envelopes.Built built = Envelopes.build(HUBS, new CommandOutcome.Completed(hubs(60, 1)), START, END, Optional.empty());

        assertThat(built.envelope().path("hubs")).hasSize(ResultTypes.ENVELOPE_LIST_CAP);
        assertThat(built.envelope().path("hubs").get(0)).isEqualTo(hub(0, 1));
        assertThat(built.envelope().path("hubCount").asInt()).isEqualTo(60);
        assertThat(built.envelope().path("truncated")).extracting(n -> n.asText()).containsExactly("hubs");
        assertThat(built.fullLists().get("hubs")).hasSize(60);
    }

    @RepeatedTest(20)
    void anyEnvelope_fitsTheByteBudget_withEveryCutListStoredInFull(RepetitionInfo info) {
        Random random = new Random(7919L * info.getCurrentRepetition());
        int count = 1 + random.nextInt(80);
        int nameLength = random.nextInt(2000);

        Envelopes.Built built = Envelopes.build(HUBS, new CommandOutcome.Completed(hubs(count, nameLength)), START, END,
                Optional.empty());

        int inline = built.envelope().path("hubs").size();
        assertThat(Envelopes.size(built.envelope())).isLessThanOrEqualTo(ResultTypes.ENVELOPE_MAX_BYTES);
        if (inline < count) {
            assertThat(built.envelope().path("truncated")).extracting(n -> n.asText()).containsExactly("hubs");
            assertThat(built.fullLists().get("hubs")).hasSize(count);
        } else {
            assertThat(built.fullLists()).isEmpty();
            assertThat(built.envelope().has("truncated")).isFalse();
        }
    }
}

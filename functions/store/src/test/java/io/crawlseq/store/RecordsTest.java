package io.crawlseq.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crawlseq.lang.registry.ResultTypes;
import io.crawlseq.lang.types.DataType;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RecordsTest {

    private static final Instant T0 = Instant.parse("2099-01-01T00:00:00.123456789Z");

    @Test
    void hubKind_matchesTheRegistrysHubKinds() {
        DataType.EnumType registry = (DataType.EnumType) ResultTypes.HUB_KIND;

        assertThat(Arrays.stream(HubKind.values()).map(HubKind::wireName)).containsExactlyElementsOf(registry.values());
    }

    @Test
    void records_truncateInstantsToMillisecondsSoTheyRoundTrip() {
        RunRecord run = RunRecord.started("r", "s", T0, Json.emptyObject());

        assertThat(run.startedAt()).isEqualTo(Instant.parse("2099-01-01T00:00:00.123Z"));
    }

    @Test
    void runRecord_requiresFinishTimeExactlyWhenFinished() {
        assertThatThrownBy(() -> new RunRecord("r", "s", RunStatus.SUCCEEDED, T0, Optional.empty(), Json.emptyObject(),
                Optional.empty(), Map.of(), Optional.empty())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("finishedAt");
        assertThatThrownBy(() -> RunRecord.started("r", "s", T0, Json.emptyObject())
                .finished(RunStatus.RUNNING, T0, Map.of(), Optional.empty())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ids_refuseControlCharactersAndBlanks() {
        assertThatThrownBy(() -> RunRecord.started("run\n1", "s", T0, Json.emptyObject()))
                .hasMessageContaining("control character U+000A");
        assertThatThrownBy(() -> StepRecord.started("r", " ", 1, 1, "c", Json.emptyObject(), T0))
                .hasMessageContaining("stepId must not be blank");
        assertThatThrownBy(() -> StepRecord.started("r", "s", 0, 1, "c", Json.emptyObject(), T0))
                .hasMessageContaining("invocation");
    }

    @Test
    void iterationStepId_namesEachLoopIterationApart() {
        assertThat(StepRecord.iterationStepId("explore", java.util.List.of())).isEqualTo("explore");
        assertThat(StepRecord.iterationStepId("explore", java.util.List.of(1, 3))).isEqualTo("explore[1][3]");
    }

    @Test
    void stepStatus_mapsEnvelopeStatuses() {
        assertThat(StepStatus.fromEnvelope("success")).isEqualTo(StepStatus.SUCCEEDED);
        assertThat(StepStatus.fromEnvelope("partial")).isEqualTo(StepStatus.PARTIAL);
        assertThat(StepStatus.SKIPPED.envelopeName()).isEqualTo("skipped");
        assertThatThrownBy(() -> StepStatus.fromEnvelope("ok")).hasMessageContaining("unknown envelope status 'ok'");
    }

    @Test
    void hub_validatesCountryAndConfidence() {
        assertThat(Hub.of("http://x/world/france", HubKind.COUNTRY, 1).withIso2("fr").iso2()).contains("FR");
        assertThatThrownBy(() -> Hub.of("http://x/", HubKind.COUNTRY, 1).withIso2("FRA"))
                .hasMessageContaining("iso2");
        assertThatThrownBy(() -> Hub.of("http://x/", HubKind.COUNTRY, Double.NaN)).hasMessageContaining("confidence");
        assertThatThrownBy(() -> Hub.of("http://x/", HubKind.COUNTRY, 1.5)).hasMessageContaining("confidence");
    }

    @Test
    void siteId_fromUrlKeepsNonDefaultPortsAndLowerCases() {
        assertThat(SiteId.ofUrl("http://127.0.0.1:8080/world").value()).isEqualTo("127.0.0.1:8080");
        assertThat(SiteId.ofUrl("https://WWW.TheGuardian.com:443/uk").value()).isEqualTo("www.theguardian.com");
        assertThat(SiteId.ofUrl("http://[::1]:9000/").value()).isEqualTo("[::1]:9000");
        assertThatThrownBy(() -> SiteId.ofUrl("file:///etc/passwd")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SiteId.of("evil#site")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void continuation_refusesMalformedTokens() {
        assertThat(Continuation.isWellFormedToken("0123456789abcdef0123456789abcdef")).isTrue();
        assertThat(Continuation.isWellFormedToken("../../x")).isFalse();
        assertThatThrownBy(() -> new Continuation("0123456789abcdef0123456789abcdef", 1))
                .hasMessageContaining("invocation");
    }

    @Test
    void pageRequest_limitsPageSize() {
        assertThatThrownBy(() -> PageRequest.first(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PageRequest.first(1001)).isInstanceOf(IllegalArgumentException.class);
    }
}

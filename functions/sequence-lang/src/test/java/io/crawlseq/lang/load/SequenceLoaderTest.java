package io.crawlseq.lang.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crawlseq.lang.diag.Diagnostic;
import io.crawlseq.lang.diag.DiagnosticCode;
import io.crawlseq.lang.model.CommandStep;
import io.crawlseq.lang.model.Conditional;
import io.crawlseq.lang.model.ForEach;
import io.crawlseq.lang.model.OnError;
import io.crawlseq.lang.model.RetryPolicy;
import io.crawlseq.lang.model.Sequence;
import io.crawlseq.lang.parse.InputLimits;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The loader facade: what a sequence becomes, and what the result promises. */
class SequenceLoaderTest {

    private static LoadResult load(String name, String text) {
        return SequenceLoader.load(name, text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> codes(LoadResult r) {
        return r.diagnostics().stream().map(d -> d.code().id() + "@" + d.location().line() + ":" + d.location().column()).toList();
    }

    @Test
    void v2Metadata_andStepOptions_areBuiltIntoTheModel() {
        LoadResult r = load("s.yaml", """
                type: Sequence
                name: survey
                description: A survey.
                startUrl: https://example.com/
                context: {countries: [US, FR]}
                schedule: rate(1 day)
                limits: {timeoutSeconds: 3600, maxConcurrency: 3}
                onError: abort
                steps:
                  - type: Command
                    command: ensureCountryHubs
                    id: hubs
                    onError: continue
                    timeout: 60000
                    retry: {maxAttempts: 5, intervalSeconds: 3}
                  - type: ForEach
                    each: context.countries
                    as: c
                    maxConcurrency: 2
                    do:
                      - type: Command
                        command: ensurePlaceHubs
                        args: {country: "{{c}}"}
                """);

        assertThat(r.diagnostics()).isEmpty();
        Sequence s = r.sequence().orElseThrow();
        assertThat(s.name()).contains("survey");
        assertThat(s.startUrl()).contains("https://example.com/");
        assertThat(s.schedule()).contains("rate(1 day)");
        assertThat(s.limits().timeoutSeconds()).hasValue(3600);
        assertThat(s.limits().maxConcurrency()).hasValue(3);
        assertThat(s.onError()).isEqualTo(OnError.ABORT);
        assertThat(s.context().toString()).isEqualTo("{\"countries\":[\"US\",\"FR\"]}");
        CommandStep hubs = s.commands().getFirst();
        assertThat(hubs.id()).isEqualTo("hubs");
        assertThat(hubs.idExplicit()).isTrue();
        assertThat(hubs.onError()).contains(OnError.CONTINUE);
        assertThat(hubs.timeoutMs()).hasValue(60000);
        assertThat(hubs.retry()).contains(new RetryPolicy(5, 3, 2.0, 60, true));
        ForEach loop = (ForEach) s.steps().get(1);
        assertThat(loop.maxConcurrency()).isEqualTo(2);
        assertThat(s.commands().get(1).id()).isEqualTo("step2");
        assertThat(s.commands().get(1).pointer()).isEqualTo("/steps/1/do/0");
        assertThat(s.onErrorOf(s.commands().get(1))).isEqualTo(OnError.ABORT);
    }

    @Test
    void generatedIds_countEveryCommandInDocumentOrder_includingNestedOnes() {
        LoadResult r = load("s.json", """
                {"type": "Sequence", "steps": [
                  {"type": "Command", "command": "ensureCountryHubs"},
                  {"type": "Conditional", "if": "results.step1.success",
                   "then": [{"type": "Command", "command": "findTopicHubs", "id": "topics"}],
                   "else": [{"type": "Command", "command": "logWarning", "args": {"message": "none"}}]},
                  {"type": "Command", "command": "siteExplorer"}
                ]}
                """);

        Sequence s = r.sequence().orElseThrow();
        assertThat(s.commands()).extracting(CommandStep::id).containsExactly("step1", "topics", "step3", "step4");
        Conditional c = (Conditional) s.steps().get(1);
        assertThat(c.hasElse()).isTrue();
        assertThat(c.conditionPointer()).isEqualTo("/steps/1/if");
    }

    @Test
    void lastCommand_afterABranch_hasTheFieldsOfEitherCommand() {
        LoadResult r = load("s.yaml", """
                type: Sequence
                steps:
                  - type: Command
                    command: sitemapDiscovery
                  - type: Conditional
                    if: results.step1.newsUrlCount > 0
                    then:
                      - {type: Command, command: sitemapOnly}
                    else:
                      - {type: Command, command: basicArticleCrawl}
                  - type: Conditional
                    if: results.lastCommand.articlesFound > 10 && results.lastCommand.urlCount > 0
                    then:
                      - {type: Command, command: logWarning, args: {message: "ok"}}
                  - type: Conditional
                    if: results.lastCommand.articlesFoundd > 10
                    then:
                      - {type: Command, command: logWarning, args: {message: "ok"}}
                """);

        // urlCount exists only in sitemapOnly's result: allowed (typed as any); a typo is not
        assertThat(codes(r)).containsExactly("unknown-result-field@16:29");
    }

    @Test
    void lastCommand_whenNoCommandMayHaveRunYet_isAWarning() {
        LoadResult r = load("s.yaml", """
                type: Sequence
                context: {go: true}
                steps:
                  - type: Conditional
                    if: context.go
                    then:
                      - {type: Command, command: findTopicHubs}
                  - type: Conditional
                    if: results.lastCommand.success
                    then:
                      - {type: Command, command: logWarning, args: {message: "ok"}}
                """);

        assertThat(codes(r)).containsExactly("result-may-be-absent@9:17");
    }

    @Test
    void wholeValueTemplates_keepTheType_andPartialOnesAreStrings() {
        LoadResult r = load("s.yaml", """
                type: Sequence
                context: {pages: 5, label: x}
                steps:
                  - type: Command
                    command: hubArchiveCrawl
                    args:
                      maxPages: "{{context.pages}}"
                      maxDepth: "{{context.label}}"
                      fetchArticles: "{{context.pages}}"
                """);

        assertThat(codes(r)).containsExactly("argument-type@8:17", "argument-type@9:22");
    }

    @Test
    void templates_areCheckedInsideListsAndObjectsOfAnyDepth() {
        LoadResult r = load("s.json", """
                {"type": "Sequence", "steps": [
                  {"type": "Command", "command": "runScript",
                   "args": {"script": "s.js", "sources": ["https://a.example/", "{{context.nope.x}}", "{{bad"]}}
                ]}
                """);

        assertThat(codes(r)).containsExactly("undeclared-context@3:76", "template-syntax@3:88");
    }

    @Test
    void comparingEnumsAndTypes_isChecked() {
        LoadResult r = load("s.yaml", """
                type: Sequence
                steps:
                  - {type: Command, command: hubDepthProbe, id: p}
                  - type: Conditional
                    if: results.p.paginationStyle === 'pages' || results.p.hubUrl > 3 || results.p.depth === null
                    then:
                      - {type: Command, command: logWarning, args: {message: "ok"}}
                """);

        assertThat(codes(r)).containsExactly("impossible-comparison@5:39", "type-mismatch@5:69");
    }

    @Test
    void aMisspeltCommand_doesNotAlsoReportItsArguments_orItsResultFields() {
        LoadResult r = load("s.yaml", """
                type: Sequence
                steps:
                  - type: Command
                    command: ensureCountryHub
                    args: {whatever: 1}
                  - type: Conditional
                    if: results.step1.anything > 1
                    then:
                      - {type: Command, command: logWarning, args: {message: "ok"}}
                """);

        assertThat(codes(r)).containsExactly("unknown-command@4:14");
    }

    @Test
    void aStepWithAShapeError_doesNotAlsoReportMissingArguments() {
        LoadResult r = load("s.yaml", """
                - command: logWarning
                  argz: {message: hi}
                """);

        assertThat(codes(r)).containsExactly("unknown-key@2:3");
    }

    @Test
    void diagnostics_areCappedAtOneHundred_inReportOrder_withTheRestCounted() {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < 150; i++) {
            json.append(i == 0 ? "" : ",").append("\n\"nope").append(i).append('"');
        }
        json.append("\n]");

        LoadResult r = load("many.json", json.toString());

        assertThat(r.diagnostics()).hasSize(100);
        assertThat(r.errorCount()).isEqualTo(150);
        assertThat(r.dropped()).isEqualTo(50);
        assertThat(r.diagnostics()).extracting(d -> d.location().line()).isSorted();
        assertThat(r.hasErrors()).isTrue();
        assertThat(r.sequence()).isEmpty();
    }

    @Test
    void withDiagnostics_addsLaterFindings_andWithdrawsTheSequenceOnAnError() {
        LoadResult clean = load("s.json", "[\"ensureCountryHubs\", \"findTopicHubs\"]");
        Diagnostic layer3 = Diagnostic.of(DiagnosticCode.STATE_NAME_INVALID, "state name too long", "/1",
                clean.sourceMap().locate("/1"));

        LoadResult after = clean.withDiagnostics(List.of(layer3));

        assertThat(clean.sequence()).isPresent();
        assertThat(after.sequence()).isEmpty();
        assertThat(after.diagnostics()).extracting(Diagnostic::format)
                .containsExactly("s.json:1:23: error state-name-invalid: state name too long");
    }

    @Test
    void loadResult_refusesASequenceAlongsideErrors() {
        LoadResult clean = load("s.json", "[\"ensureCountryHubs\"]");

        assertThatThrownBy(() -> new LoadResult("x", clean.version(), clean.sequence(), clean.document(),
                clean.sourceMap(), List.of(), 1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void customLimits_apply() {
        LoadOptions tight = LoadOptions.DEFAULT.withLimits(new InputLimits(10, 2));

        assertThat(codes(SequenceLoader.load("s.json", "[\"ensureCountryHubs\"]".getBytes(StandardCharsets.UTF_8), tight)))
                .containsExactly("file-too-large@1:1");
        assertThat(codes(SequenceLoader.load("s.json", "[[[1]]]".getBytes(StandardCharsets.UTF_8), tight)))
                .containsExactly("nesting-too-deep@1:3");
    }
}

package io.crawlseq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crawlseq.lang.registry.CommandReference;
import io.crawlseq.lang.registry.CommandRegistry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class HelpAndCommandsTest {

    @ParameterizedTest
    @ValueSource(strings = {"validate", "compile", "plan", "run", "command", "history", "show", "stats", "demo", "commands",
        "script", "local-stack"})
    void everySubcommand_hasHelp_documentingItsExitCodes(String subcommand) {
        CliRun run = CliRun.of(subcommand, "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).containsPattern("(?m)^Usage: crawl-sequence " + subcommand + " ")
                .contains("Exit codes:").containsPattern("(?m)^\\s+2\\s+usage error")
                .as("no ${...} left to picocli's interpolation").doesNotContainPattern("\\bnull\\b");
    }

    @Test
    void topLevelHelp_summarisesEachSubcommandInCompleteSentences() {
        String help = CliRun.of("--help").out();
        String commands = help.substring(help.indexOf("Commands:"), help.indexOf("Exit codes:"));

        // a summary is the lines from its name to the next name; each must end a sentence
        for (String summary : commands.split("\\n(?=  [a-z])")) {
            if (!summary.startsWith("Commands:")) {
                assertThat(summary.strip()).as(summary).endsWith(".");
            }
        }
    }

    @Test
    void topLevelHelp_listsTheSubcommands_andVersionPrintsTheProjectVersion() {
        CliRun help = CliRun.of("--help");
        CliRun version = CliRun.of("--version");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("validate").contains("commands").contains("Exit codes:");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).matches("(?s)crawl-sequence \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\nJava .*");
    }

    @Test
    void commands_listsEveryRegisteredCommand() {
        CliRun run = CliRun.of("commands");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo(CommandReference.text(CommandRegistry.standard()));
        CommandRegistry.standard().names().forEach(n -> assertThat(run.out()).contains("  " + n + " "));
    }

    @Test
    void commandsName_showsOneCommand_andJsonIsMachineReadable() throws Exception {
        CliRun text = CliRun.of("commands", "exploreCountryHubs");
        CliRun json = CliRun.of("commands", "--json");

        assertThat(text.out()).startsWith("exploreCountryHubs - ").contains("limit").contains("Deployment:");
        JsonNode all = new ObjectMapper().readTree(json.out());
        assertThat(all).hasSize(CommandRegistry.standard().all().size());
        assertThat(all.get(0).get("name").asText()).isEqualTo("ensureCountryHubs");
    }

    @Test
    void commandsWithAnUnknownName_isAUsageError_withASuggestion() {
        CliRun run = CliRun.of("commands", "findTopicHub");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("unknown command 'findTopicHub'; did you mean 'findTopicHubs'?");
    }

    @Test
    void markdown_isTheCommittedReference() {
        assertThat(CliRun.of("commands", "--markdown").out()).isEqualTo(CommandReference.markdown(CommandRegistry.standard()));
    }
}

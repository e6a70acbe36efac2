package io.crawlseq.system;

import static io.crawlseq.system.SamTemplate.asMap;
import static io.crawlseq.system.SamTemplate.list;
import static io.crawlseq.system.SamTemplate.map;
import static org.assertj.core.api.Assertions.assertThat;

import io.crawlseq.functions.command.CommandFunction;
import io.crawlseq.functions.command.CommandFunctionSetup;
import io.crawlseq.lang.registry.CommandRegistry;
import io.crawlseq.lang.registry.CommandSpec;
import io.crawlseq.lang.registry.LambdaSettings;
import io.crawlseq.store.StoreSettings;
import io.crawlseq.store.tables.IndexDefinition;
import io.crawlseq.store.tables.KeyAttribute;
import io.crawlseq.store.tables.StoreTable;
import io.crawlseq.store.tables.StoreTables;
import io.crawlseq.store.tables.TableDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * template.yaml stays the deployment of this code: one function per deployed command of the
 * registry with the right handler, command, memory and timeout; every {@code ${...FunctionArn}} a
 * compiled definition uses is substituted; the tables are those of {@link StoreTables}; every
 * handler named exists; every function logs to a group with retention.
 */
class TemplateConsistencyTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9]+)}");
    private static SamTemplate template;

    @BeforeAll
    static void load() throws IOException {
        template = SamTemplate.load(Repository.resolve("template.yaml"));
    }

    static Stream<CommandSpec> deployedCommands() {
        return CommandRegistry.standard().deployed().stream();
    }

    @ParameterizedTest
    @MethodSource("deployedCommands")
    void everyDeployedCommand_hasItsFunctionWithHandlerCommandMemoryAndTimeout(CommandSpec spec) {
        LambdaSettings lambda = spec.lambda().orElseThrow();
        Map<String, Object> function = template.resource(lambda.logicalId());
        Map<String, Object> properties = map(function, "Properties");

        assertThat(function.get("Type")).isEqualTo("AWS::Serverless::Function");
        assertThat(properties.get("Handler")).isEqualTo(CommandFunction.class.getName() + "::handleRequest");
        assertThat(properties.get("CodeUri")).isEqualTo("functions/command-functions/target/command-functions-lambda.jar");
        assertThat(properties.get("MemorySize")).isEqualTo(lambda.memoryMb());
        assertThat(properties.get("Timeout")).isEqualTo(lambda.timeoutSeconds());
        assertThat(map(map(properties, "Environment"), "Variables").get(CommandFunctionSetup.COMMAND)).isEqualTo(spec.name());
    }

    @Test
    void noFunctionRunsACommandTheRegistryDoesNotDeploy() {
        Set<String> deployed = new TreeSet<>(CommandRegistry.standard().deployed().stream().map(CommandSpec::name).toList());
        Set<String> inTemplate = new TreeSet<>();
        template.resourcesOfType("AWS::Serverless::Function").values().forEach(f -> {
            Object command = map(map(map(f, "Properties"), "Environment"), "Variables").get(CommandFunctionSetup.COMMAND);
            if (command != null) {
                inTemplate.add(command.toString());
            }
        });
        assertThat(inTemplate).isEqualTo(deployed);
    }

    @Test
    void everyPlaceholderOfTheCompiledDefinitions_namesAFunctionOfTheTemplate() throws IOException {
        Set<String> used = placeholdersIn(Repository.resolve("statemachine"));

        assertThat(used).isNotEmpty();
        for (String placeholder : used) {
            assertThat(placeholder).endsWith("FunctionArn");
            String logicalId = placeholder.substring(0, placeholder.length() - "Arn".length());
            assertThat(template.resource(logicalId).get("Type")).as(placeholder).isEqualTo("AWS::Serverless::Function");
        }
    }

    @Test
    void exampleStateMachine_substitutesEveryPlaceholderOfItsDefinitionWithItsFunctionsAlias() throws IOException {
        Map<String, Object> properties = template.properties("ExampleStateMachine");
        Path definition = Repository.resolve(properties.get("DefinitionUri").toString());
        Map<String, Object> substitutions = map(properties, "DefinitionSubstitutions");

        Set<String> used = placeholders(Files.readString(definition));
        assertThat(substitutions.keySet()).containsExactlyInAnyOrderElementsOf(used);
        substitutions.forEach((name, value) -> assertThat(SamTemplate.ref(value))
                .contains(name.substring(0, name.length() - "Arn".length()) + ".Alias"));
        assertThat(map(map(properties, "Events"), "ScheduledCrawl").get("Type")).isEqualTo("Schedule");
    }

    @Test
    void deployerFunctionArns_coverEveryDeployedCommandWithItsAlias() {
        Object functionArns = map(map(template.properties("SequenceDeployerFunction"), "Environment"), "Variables")
                .get("FUNCTION_ARNS");
        String text = String.valueOf(functionArns);
        Matcher entry = Pattern.compile("\"([A-Za-z]+Arn)\":\"\\$\\{([A-Za-z]+)\\.Alias}\"").matcher(text);
        Map<String, String> entries = new HashMap<>();
        while (entry.find()) {
            entries.put(entry.group(1), entry.group(2));
        }
        Map<String, String> expected = new HashMap<>();
        CommandRegistry.standard().deployed().forEach(spec -> expected.put(spec.lambda().orElseThrow().arnSubstitutionName(),
                spec.lambda().orElseThrow().logicalId()));
        assertThat(entries).isEqualTo(expected);
    }

    @ParameterizedTest
    @EnumSource(StoreTable.class)
    void tables_matchTheStoreDefinitions(StoreTable table) {
        TableDefinition definition = StoreTables.of(table);
        String logicalId = tableResource(table);
        Map<String, Object> properties = template.properties(logicalId);

        assertThat(template.resource(logicalId).get("Type")).isEqualTo("AWS::DynamoDB::Table");
        assertThat(properties.get("TableName")).as("named as TableNames.withPrefix(ProjectName + '-') names it")
                .isEqualTo(Map.of("Fn::Sub", "${ProjectName}-" + table.logicalName()));
        assertThat(properties.get("BillingMode")).isEqualTo(definition.billingMode());
        assertThat(map(properties, "PointInTimeRecoverySpecification").get("PointInTimeRecoveryEnabled")).isEqualTo(true);
        assertThat(attributes(list(properties, "AttributeDefinitions")))
                .isEqualTo(attributesOf(definition.attributeDefinitions()));
        assertThat(keys(list(properties, "KeySchema"))).isEqualTo(keysOf(definition.partitionKey().name(),
                definition.sortKey().map(KeyAttribute::name).orElse(null)));
        assertThat(indexes(list(properties, "GlobalSecondaryIndexes"))).isEqualTo(indexesOf(definition.globalIndexes()));
        assertThat(indexes(list(properties, "LocalSecondaryIndexes"))).isEqualTo(indexesOf(definition.localIndexes()));
        Map<String, Object> ttl = map(properties, "TimeToLiveSpecification");
        if (definition.ttlAttribute().isPresent()) {
            assertThat(ttl.get("AttributeName")).isEqualTo(definition.ttlAttribute().get());
            assertThat(ttl.get("Enabled")).isEqualTo(true);
        } else {
            assertThat(ttl).isEmpty();
        }
    }

    @Test
    void defaultProjectName_namesTheTablesWithTheStoresDefaultPrefix() {
        assertThat(map(map(template.root(), "Parameters"), "ProjectName").get("Default") + "-")
                .isEqualTo(io.crawlseq.store.tables.TableNames.DEFAULT_PREFIX);
    }

    @Test
    void resultsBucket_expiresRunOutputsAndContinuationsWithTheHistory() {
        List<Object> rules = list(map(template.properties("ResultsBucket"), "LifecycleConfiguration"), "Rules");
        Map<String, Object> byPrefix = new HashMap<>();
        rules.forEach(r -> byPrefix.put(String.valueOf(asMap(r).get("Prefix")), asMap(r).get("ExpirationInDays")));

        assertThat(SamTemplate.ref(byPrefix.get("runs/"))).contains("RunRetentionDays");
        assertThat(SamTemplate.ref(byPrefix.get("continuations/"))).contains("RunRetentionDays");
        assertThat(map(map(template.root(), "Parameters"), "RunRetentionDays").get("Default"))
                .isEqualTo((int) StoreSettings.defaults().runRetention().toDays());
    }

    @Test
    void everyFunction_namesAnExistingHandlerAndLogsToAGroupWithRetention() throws Exception {
        for (Map.Entry<String, Map<String, Object>> f : template.resourcesOfType("AWS::Serverless::Function").entrySet()) {
            Map<String, Object> properties = map(f.getValue(), "Properties");
            String[] handler = properties.get("Handler").toString().split("::");
            Class<?> type = Class.forName(handler[0]);
            assertThat(Stream.of(type.getMethods()).map(java.lang.reflect.Method::getName)).as(f.getKey()).contains(handler[1]);
            assertThat(type.getConstructor()).as(f.getKey() + " needs the no-argument constructor Lambda uses").isNotNull();
            String codeUri = properties.get("CodeUri").toString();
            assertThat(codeUri).as(f.getKey()).matches("functions/([a-z-]+)/target/\\1-lambda\\.(jar|zip)");
            String module = codeUri.split("/")[1];
            assertThat(Files.readString(Repository.resolve("functions/" + module + "/pom.xml")))
                    .as(module + " builds the package CodeUri names")
                    .contains(codeUri.endsWith(".jar") ? "maven-shade-plugin" : "maven-assembly-plugin");
            String logGroup = SamTemplate.ref(map(properties, "LoggingConfig").get("LogGroup")).orElseThrow();
            assertThat(template.resource(logGroup).get("Type")).isEqualTo("AWS::Logs::LogGroup");
            assertThat(SamTemplate.ref(template.properties(logGroup).get("RetentionInDays"))).contains("LogRetentionDays");
        }
    }

    @Test
    void globals_runJava21WithSnapStart_exceptTheScriptRunner() {
        Map<String, Object> globals = map(map(template.root(), "Globals"), "Function");
        assertThat(globals.get("Runtime")).isEqualTo("java21");
        assertThat(map(globals, "SnapStart").get("ApplyOn")).isEqualTo("PublishedVersions");
        assertThat(map(template.properties("ScriptRunnerFunction"), "SnapStart").get("ApplyOn")).isEqualTo("None");
    }

    @Test
    void scriptRunner_mayWriteItsOwnLogsAndNothingElse_andHasNoSecrets() {
        Map<String, Object> properties = template.properties("ScriptRunnerFunction");
        assertThat(properties).doesNotContainKey("Policies");
        String role = String.valueOf(properties.get("Role"));
        assertThat(role).contains("ScriptRunnerRole");
        List<Object> statements = list(map(list(template.properties("ScriptRunnerRole"), "Policies").getFirst(),
                "PolicyDocument"), "Statement");
        assertThat(statements).singleElement().satisfies(s -> {
            assertThat(asMap(s).get("Action")).isEqualTo(List.of("logs:CreateLogStream", "logs:PutLogEvents"));
            assertThat(String.valueOf(asMap(s).get("Resource"))).contains("ScriptRunnerLogs.Arn");
        });
        assertThat(map(map(properties, "Environment"), "Variables").keySet())
                .noneMatch(name -> name.matches("(?i).*(SECRET|TOKEN|PASSWORD|CREDENTIAL|ACCESS_KEY).*"));
    }

    @Test
    void outputs_nameTheBucketsTablesAndTheExampleStateMachine() {
        assertThat(map(template.root(), "Outputs").keySet()).contains("SequencesBucketName", "ResultsBucketName",
                "SequencesTableName", "RunsTableName", "MetricsTableName", "CrawlResultsTableName", "ExampleStateMachineArn");
    }

    private static String tableResource(StoreTable table) {
        Object value = map(map(map(template.root(), "Globals"), "Function"), "Environment").isEmpty()
                ? null : map(map(map(map(template.root(), "Globals"), "Function"), "Environment"), "Variables")
                .get(table.environmentVariable());
        return SamTemplate.ref(value).orElseThrow(() -> new AssertionError("Globals set no " + table.environmentVariable()));
    }

    private static Set<String> placeholdersIn(Path dir) throws IOException {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                names.addAll(placeholders(Files.readString(file)));
            }
        }
        return names;
    }

    private static Set<String> placeholders(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static Map<String, String> attributes(List<Object> definitions) {
        Map<String, String> out = new LinkedHashMap<>();
        definitions.forEach(d -> out.put(asMap(d).get("AttributeName").toString(), asMap(d).get("AttributeType").toString()));
        return out;
    }

    private static Map<String, String> attributesOf(List<KeyAttribute> attributes) {
        Map<String, String> out = new LinkedHashMap<>();
        attributes.forEach(a -> out.put(a.name(), a.type()));
        return out;
    }

    private static Map<String, String> keys(List<Object> schema) {
        Map<String, String> out = new LinkedHashMap<>();
        schema.forEach(k -> out.put(asMap(k).get("KeyType").toString(), asMap(k).get("AttributeName").toString()));
        return out;
    }

    private static Map<String, String> keysOf(String hash, String range) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("HASH", hash);
        if (range != null) {
            out.put("RANGE", range);
        }
        return out;
    }

    private static Map<String, Map<String, String>> indexes(List<Object> indexes) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (Object index : indexes) {
            Map<String, Object> i = asMap(index);
            assertThat(map(i, "Projection").get("ProjectionType")).isEqualTo(IndexDefinition.PROJECTION);
            out.put(i.get("IndexName").toString(), keys(list(i, "KeySchema")));
        }
        return out;
    }

    private static Map<String, Map<String, String>> indexesOf(List<IndexDefinition> indexes) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        indexes.forEach(i -> out.put(i.name(), keysOf(i.partitionKey().name(), i.sortKey().map(KeyAttribute::name).orElse(null))));
        return out;
    }
}

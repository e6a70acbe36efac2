package io.crawlseq.functions.command;

import io.crawlseq.commands.CommandProgress;
import io.crawlseq.commands.CommandServices;
import io.crawlseq.commands.CrawlerFactory;
import io.crawlseq.commands.ScriptExecutor;
import io.crawlseq.crawler.CrawlerConfig;
import io.crawlseq.crawler.guard.AllowList;
import io.crawlseq.functions.command.script.LambdaScriptExecutor;
import io.crawlseq.functions.support.AwsClients;
import io.crawlseq.functions.support.FunctionEnvironment;
import io.crawlseq.functions.support.Telemetry;
import io.crawlseq.store.Storage;
import io.crawlseq.store.dynamodb.AwsStorage;
import java.time.Clock;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * What a deployed command function builds once per execution environment, from the variables
 * template.yaml sets: {@value #COMMAND} (the command this function runs), the table and bucket
 * variables of {@link AwsStorage}, {@value AllowList#ENVIRONMENT_VARIABLE} (hosts the crawler may
 * reach although they are private, empty in production), optional {@value #USER_AGENT}.
 *
 * @param command   the registry command this function runs
 * @param services  the handlers' collaborators
 * @param telemetry Powertools logging and metrics in Lambda, nothing elsewhere
 */
public record CommandFunctionSetup(String command, CommandServices services, Telemetry telemetry) {

    public static final String COMMAND = "CRAWLSEQ_COMMAND";
    public static final String USER_AGENT = "CRAWLSEQ_USER_AGENT";

    private static final Logger LOG = LoggerFactory.getLogger(CommandFunctionSetup.class);

    public CommandFunctionSetup {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(services, "services");
        Objects.requireNonNull(telemetry, "telemetry");
    }

    /** @throws IllegalStateException naming what the environment lacks or gets wrong */
    public static CommandFunctionSetup fromEnvironment(FunctionEnvironment environment) {
        String command = environment.require(COMMAND);
        AwsClients clients = new AwsClients(environment);
        DynamoDbClient dynamoDb = clients.configure(DynamoDbClient.builder());
        S3Client s3 = clients.configure(S3Client.builder().forcePathStyle(clients.s3PathStyle()));
        Storage storage = AwsStorage.fromEnvironment(environment.asMap(), dynamoDb, s3);
        CommandServices services = new CommandServices(CrawlerFactory.configured(crawlerConfig(environment)), storage,
                scripts(environment, clients, s3), Clock.systemUTC(), progressLog());
        return new CommandFunctionSetup(command, services, Telemetry.forEnvironment(environment, command));
    }

    /** The crawler's base configuration: defaults, the environment's allow-list and user agent. */
    public static CrawlerConfig crawlerConfig(FunctionEnvironment environment) {
        AllowList.Parsed allowed = AllowList.fromEnvironment(environment.asMap());
        if (!allowed.ok()) {
            throw new IllegalStateException(AllowList.ENVIRONMENT_VARIABLE + " has bad entries: "
                    + String.join("; ", allowed.errors()));
        }
        CrawlerConfig config = CrawlerConfig.defaults().allowList(allowed.allowList());
        return environment.optional(USER_AGENT).map(config::userAgent).orElse(config);
    }

    /**
     * How {@code runScript} reaches the isolated script runner: a synchronous Lambda invoke of the
     * function template.yaml names in {@value LambdaScriptExecutor#FUNCTION_VARIABLE} (only the
     * runScript function has it), scripts read from {@code SCRIPTS_BUCKET} under
     * {@code SEQUENCES_PREFIX}. Other functions have no script runner: a script step there fails clearly.
     */
    static ScriptExecutor scripts(FunctionEnvironment environment, AwsClients clients, S3Client s3) {
        return environment.optional(LambdaScriptExecutor.FUNCTION_VARIABLE).isPresent()
                ? LambdaScriptExecutor.fromEnvironment(environment.asMap(), s3)
                : ScriptExecutor.UNAVAILABLE;
    }

    /** Progress lines go to the function's log at debug level ({@code POWERTOOLS_LOG_LEVEL=DEBUG}). */
    private static CommandProgress progressLog() {
        return (stepId, what) -> LOG.debug("{}: {}", stepId, what);
    }
}

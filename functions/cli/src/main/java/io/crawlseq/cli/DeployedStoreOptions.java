package io.crawlseq.cli;

import io.crawlseq.cli.cloud.AwsStore;
import io.crawlseq.cli.local.CliEnvironment;
import io.crawlseq.cli.local.StoreLocation;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Where {@code history}, {@code show} and {@code stats} read: the local data directory, or the
 * tables of a deployed stack when any of these options (or the functions' {@code RUNS_TABLE}
 * variable, as {@code local-stack} prints it) asks for them. An explicit {@code --data-dir} wins.
 */
final class DeployedStoreOptions {

    static final String ENDPOINT_VARIABLE = "AWS_ENDPOINT_URL_DYNAMODB";
    static final String REGION_VARIABLE = "AWS_REGION";

    @Mixin
    StoreOptions local;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--endpoint-url", paramLabel = "URL",
            description = "Read the deployed tables at this DynamoDB endpoint (crawl-sequence local-stack, DynamoDB Local).")
    URI endpointUrl;

    @Option(names = "--region", paramLabel = "REGION", description = "Read the deployed tables in this AWS region.")
    String region;

    @Option(names = "--profile", paramLabel = "NAME", description = "Read the deployed tables with this AWS profile.")
    String profile;

    @Option(names = "--table-prefix", paramLabel = "PREFIX",
            description = "Deployed table names' prefix (template.yaml: <ProjectName>-; default crawlseq-).")
    String tablePrefix;

    @Option(names = "--results-bucket", paramLabel = "BUCKET",
            description = "The stack's results bucket, read for values too large for a table item.")
    String resultsBucket;

    StoreLocation location(CliEnvironment environment) {
        AwsStore deployed = new AwsStore(Optional.ofNullable(endpointUrl), Optional.ofNullable(region),
                Optional.ofNullable(profile), Optional.ofNullable(tablePrefix), Optional.ofNullable(resultsBucket));
        Map<String, String> variables = environment.variables();
        if (local.dataDir != null && deployed.requested(Map.of())) {
            throw new ParameterException(command.commandLine(), "--data-dir reads the local store; it cannot be "
                    + "combined with --endpoint-url, --region, --profile, --table-prefix or --results-bucket");
        }
        if (local.dataDir == null && deployed.requested(variables)) {
            // the SDK reads these from the process; taking them from the CLI's environment is the same
            // there and lets an injected environment (tests) point the CLI at its own endpoint
            AwsStore withDefaults = new AwsStore(
                    deployed.endpointUrl().or(() -> Optional.ofNullable(variables.get(ENDPOINT_VARIABLE)).map(URI::create)),
                    deployed.region().or(() -> Optional.ofNullable(variables.get(REGION_VARIABLE))),
                    deployed.profile(), deployed.tablePrefix(), deployed.resultsBucket());
            return new StoreLocation.Deployed(withDefaults, variables);
        }
        return local.location(environment);
    }
}

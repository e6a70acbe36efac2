package io.crawlseq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.crawlseq.cli.cloud.LocalCloud;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;

class LocalStackCommandTest {

    @AfterEach
    void restoreAwait() {
        LocalStackCommand.await = cloud -> new java.util.concurrent.CountDownLatch(1).await();
    }

    @Test
    void localStack_printsEndpointsAndExports_andDeploysWhatIsUploaded() {
        AtomicReference<String> deployed = new AtomicReference<>();
        LocalStackCommand.await = cloud -> {
            cloud.s3().putObject(b -> b.bucket(LocalCloud.SEQUENCES_BUCKET).key("sequences/quick.json"),
                    RequestBody.fromString("[\"findTopicHubs\"]"));
            cloud.notifications().poll();
            deployed.set(cloud.sfn().listStateMachines(b -> { }).stateMachines().getFirst().name());
        };

        CliRun run = CliRun.of("local-stack");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("stepfunctions", "scheduler", "dynamodb", "s3")
                .containsPattern("export AWS_ENDPOINT_URL_SFN=http://127\\.0\\.0\\.1:\\d+")
                .contains("export RUNS_TABLE=crawlseq-runs", "export CRAWLSEQ_S3_PATH_STYLE=true");
        assertThat(deployed.get()).isEqualTo("crawlseq-quick");
    }

    @Test
    void unknownServiceInPort_isAUsageError() {
        CliRun run = CliRun.of("local-stack", "--port", "lambda=9000");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("unknown service 'lambda'");
    }

    @Test
    void help_documentsTheExitCodes() {
        CliRun run = CliRun.of("local-stack", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: crawl-sequence local-stack").contains("Exit codes:", "--data-dir");
    }
}

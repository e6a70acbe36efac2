package io.crawlseq.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs cfn-lint (which applies the SAM transform, so it checks the CloudFormation SAM would
 * produce: resource properties, intrinsic functions, dependency cycles) when it is on the PATH.
 * Without it the test is skipped and says so; it is not on Maven Central, install it with
 * {@code pip install cfn-lint}.
 */
class TemplateLintTest {

    @Test
    void cfnLint_findsNoErrorOrWarningInTemplateYaml() throws Exception {
        Optional<Path> cfnLint = onPath("cfn-lint");
        assumeTrue(cfnLint.isPresent(), "cfn-lint is not on the PATH (pip install cfn-lint); template not linted");

        Process process = new ProcessBuilder(cfnLint.get().toString(), "--format", "parseable", "template.yaml")
                .directory(Repository.root().toFile()).redirectErrorStream(true).start();
        boolean done = process.waitFor(5, TimeUnit.MINUTES);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(done).as("cfn-lint finished").isTrue();
        assertThat(output).as("cfn-lint findings").isBlank();
        assertThat(process.exitValue()).isZero();
    }

    private static Optional<Path> onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Stream.of(path.split(File.pathSeparator)).map(dir -> Path.of(dir, program))
                .filter(Files::isExecutable).findFirst();
    }
}

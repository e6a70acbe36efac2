package io.crawlseq.engine.crosscheck;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every case under {@code src/test/crosscheck/} runs on the local engine and on aws-local-stepfunctions:
 * the definition must pass asl-validator, the local outcome must meet the case's expectation, and both
 * engines must agree on status, output, error and the task calls. Adding a case is adding a JSON file.
 */
class CrossCheckTest {

    static final Path CASES = Path.of(System.getProperty(NodeTools.REPO_DIR_PROPERTY, "../.."))
            .resolve("functions/state-engine/src/test/crosscheck");

    @TestFactory
    Stream<DynamicTest> localEngineBehavesLikeAwsLocalStepFunctions() {
        NodeTools tools = NodeTools.requireOrSkip();
        List<CrossCheckCase> cases = CrossCheckCase.loadDirectory(CASES);
        assertThat(cases).as("cross-check cases in " + CASES).hasSizeGreaterThanOrEqualTo(30);
        Map<String, CrossCheckHarness.AwsLocalResult> awsLocal = new CrossCheckHarness(tools).runOnAwsLocal(cases);
        return cases.stream().map(testCase -> DynamicTest.dynamicTest(testCase.name(), () -> {
            CrossCheckHarness.AwsLocalResult other = awsLocal.get(testCase.name());
            assertThat(other.definitionValid()).as("asl-validator on " + testCase.name() + ": " + other.validationErrors())
                    .isTrue();
            Outcome local = CrossCheckHarness.runLocally(testCase);
            assertThat(CrossCheckHarness.expectationFailures(testCase, local)).as("expectation of " + testCase.name())
                    .isEmpty();
            if (testCase.awsLocalDifference() == null) {
                assertThat(CrossCheckHarness.differences(testCase, local, other.outcome()))
                        .as("local engine vs aws-local-stepfunctions on " + testCase.name()).isEmpty();
            }
        }));
    }
}

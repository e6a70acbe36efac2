package io.crawlseq.engine.crosscheck;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The Node 22 install that tools/setup-node.sh makes under {@code .tools/node}: the binary and the
 * folder whose node_modules hold aws-local-stepfunctions and asl-validator. Found through the system
 * property {@code crawlseq.repo.dir}, which surefire sets to the repository root.
 */
public record NodeTools(Path node, Path toolsDir) {

    public static final String REPO_DIR_PROPERTY = "crawlseq.repo.dir";

    /** The tools, if installed. */
    public static Optional<NodeTools> locate() {
        String repo = System.getProperty(REPO_DIR_PROPERTY);
        if (repo == null || repo.isBlank()) {
            return Optional.empty();
        }
        Path toolsDir = Path.of(repo).resolve(".tools/node");
        Path node = toolsDir.resolve("bin/node");
        boolean installed = Files.isExecutable(node)
                && Files.isRegularFile(toolsDir.resolve("node_modules/aws-local-stepfunctions/package.json"))
                && Files.isRegularFile(toolsDir.resolve("node_modules/asl-validator/package.json"));
        return installed ? Optional.of(new NodeTools(node, toolsDir)) : Optional.empty();
    }

    /**
     * The tools, or a skipped test with the reason; under CI (the CI environment variable set) a missing
     * install fails instead, so the cross-check cannot silently stop running there.
     */
    public static NodeTools requireOrSkip() {
        Optional<NodeTools> tools = locate();
        String message = "Node 22 with aws-local-stepfunctions and asl-validator is not installed under "
                + System.getProperty(REPO_DIR_PROPERTY, "<crawlseq.repo.dir unset>") + "/.tools/node; run tools/setup-node.sh";
        if (tools.isEmpty() && System.getenv("CI") != null) {
            throw new AssertionError(message + " (required because CI is set)");
        }
        Assumptions.assumeTrue(tools.isPresent(), message);
        return tools.orElseThrow();
    }
}

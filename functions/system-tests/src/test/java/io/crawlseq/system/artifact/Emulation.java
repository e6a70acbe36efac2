package io.crawlseq.system.artifact;

import com.fasterxml.jackson.databind.JsonNode;
import io.crawlseq.functions.support.LambdaJson;
import io.crawlseq.system.RepositoryPaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One run of {@link LambdaRuntimeEmulator} in a child JVM: a deployment package, a handler, an event
 * and the function's environment.
 *
 * @param exitCode the child's exit code
 * @param output   every line the child printed (the handler's JSON logs and EMF records, then ours)
 * @param result   the emulator's summary ({@code initMs}, {@code primeMs}, {@code invokeMs},
 *                 {@code error}, {@code response})
 */
public record Emulation(int exitCode, List<String> output, JsonNode result) {

    /** The package a module's {@code ./mvnw package} leaves, if it is there and newer than the module's classes. */
    public static Optional<Path> freshPackage(String module) throws IOException {
        Path jar = RepositoryPaths.resolve("functions/" + module + "/target/" + module + "-lambda.jar");
        Path classes = RepositoryPaths.resolve("functions/" + module + "/target/classes");
        if (!Files.isRegularFile(jar)) {
            return Optional.empty();
        }
        if (Files.isDirectory(classes) && Files.getLastModifiedTime(classes).compareTo(Files.getLastModifiedTime(jar)) > 0) {
            return Optional.empty();
        }
        return Optional.of(jar);
    }

    public static Emulation run(Path pkg, String handler, String event, int invocations, boolean prime,
                                String functionName, Map<String, String> environment) throws Exception {
        Path eventFile = Files.createTempFile("event", ".json");
        Files.writeString(eventFile, event, StandardCharsets.UTF_8);
        Path emulatorClasses = Path.of(LambdaRuntimeEmulator.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-Xmx1g", "-cp", pkg + java.io.File.pathSeparator + emulatorClasses,
                LambdaRuntimeEmulator.class.getName(), handler, eventFile.toString(), String.valueOf(invocations),
                String.valueOf(prime), functionName));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        List<String> lines = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("the emulated function did not finish");
        }
        Files.deleteIfExists(eventFile);
        JsonNode result = lines.stream().filter(l -> l.startsWith("EMULATOR ")).reduce((a, b) -> b)
                .map(l -> LambdaJson.parse(l.substring("EMULATOR ".length()).getBytes(StandardCharsets.UTF_8)))
                .orElseGet(LambdaJson::object);
        return new Emulation(process.exitValue(), lines, result);
    }

    public JsonNode response() {
        String text = result.path("response").asText("");
        return text.isEmpty() ? LambdaJson.object() : LambdaJson.parse(text.getBytes(StandardCharsets.UTF_8));
    }
}

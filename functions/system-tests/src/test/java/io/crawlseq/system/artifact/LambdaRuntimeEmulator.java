package io.crawlseq.system.artifact;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.crawlseq.functions.support.FunctionSpec;
import io.crawlseq.functions.support.LocalLambdaContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a function's deployment package the way the Lambda Java runtime does, in a JVM of its own
 * whose class path is the package alone (plus this class): loads the handler class named in
 * template.yaml, builds it with its no-argument constructor from the process environment, then
 * invokes it with an event. With {@code prime}, the priming SnapStart runs before its snapshot runs
 * first ({@code Priming.simulateCheckpoint}: CRaC's own context refuses to be triggered on a JVM
 * without CRaC), so the first invocation is the first one after a restore.
 *
 * <p>Prints, on the last line of stdout, {@code EMULATOR {"initMs":..,"primeMs":..,"invokeMs":[..],
 * "response":"..."}}; the handler's own output (JSON logs, EMF) comes before. Only the JDK, the
 * package's classes and this class are used, so what runs is what Lambda would run.
 *
 * <p>Arguments: handler class, event file, invocations, prime (true/false), function name.
 */
public final class LambdaRuntimeEmulator {

    private LambdaRuntimeEmulator() {
    }

    public static void main(String[] args) throws Exception {
        String handlerClass = args[0];
        byte[] event = Files.readAllBytes(Path.of(args[1]));
        int invocations = Integer.parseInt(args[2]);
        boolean prime = Boolean.parseBoolean(args[3]);
        FunctionSpec function = FunctionSpec.of(args[4], "us-east-1", "123456789012", 1024, 900);
        PrintStream out = System.out;

        long start = System.nanoTime();
        RequestStreamHandler handler = (RequestStreamHandler) Class.forName(handlerClass).getConstructor().newInstance();
        long initialised = System.nanoTime();
        String primeFailure = null;
        if (prime) {
            for (var primed : io.crawlseq.functions.support.Priming.simulateCheckpoint()) {
                primeFailure = primed.failure().orElse(primeFailure);
            }
        }
        long primed = System.nanoTime();
        List<Double> invokeMs = new ArrayList<>();
        String response = "";
        String error = null;
        for (int i = 0; i < invocations; i++) {
            byte[] thisEvent = new String(event, StandardCharsets.UTF_8).replace("{{invocation}}", String.valueOf(i))
                    .getBytes(StandardCharsets.UTF_8);
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            long t = System.nanoTime();
            try {
                handler.handleRequest(new ByteArrayInputStream(thisEvent), output, LocalLambdaContext.of(function));
            } catch (RuntimeException e) {
                error = e.getClass().getName() + ": " + e.getMessage();
            }
            invokeMs.add((System.nanoTime() - t) / 1e6);
            response = output.toString(StandardCharsets.UTF_8);
        }
        out.println("EMULATOR {\"initMs\":" + (initialised - start) / 1e6 + ",\"primeMs\":" + (primed - initialised) / 1e6
                + ",\"invokeMs\":" + invokeMs + ",\"primeFailure\":" + quote(primeFailure) + ",\"error\":" + quote(error) + ",\"response\":" + quote(response) + "}");
    }

    private static String quote(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}

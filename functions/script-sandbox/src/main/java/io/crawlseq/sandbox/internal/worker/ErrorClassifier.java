package io.crawlseq.sandbox.internal.worker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.crawlseq.sandbox.ResourceKind;
import io.crawlseq.sandbox.ScriptError;
import io.crawlseq.sandbox.ScriptFrame;
import io.crawlseq.sandbox.internal.Protocol;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.SourceSection;
import org.graalvm.polyglot.Value;

/** Turns what a job threw into a typed {@link ScriptError}. */
final class ErrorClassifier {

    /** Globals that other JavaScript hosts offer and this sandbox deliberately does not. */
    static final Set<String> FORBIDDEN_GLOBALS = Set.of("Java", "Packages", "java", "javax", "javafx", "jdk",
            "com", "org", "net", "edu", "Polyglot", "Graal", "load", "loadWithNewGlobal", "print", "printErr",
            "quit", "exit", "readline", "readbuffer", "read", "eval", "require", "process", "module", "exports",
            "setTimeout", "setInterval", "setImmediate", "clearTimeout", "clearInterval", "queueMicrotask",
            "Worker", "SharedArrayBuffer", "Atomics", "WebAssembly", "fetch", "XMLHttpRequest", "WebSocket",
            "importScripts", "Deno", "Bun", "ShadowRealm", "Realm", "$EXEC", "$ENV", "$ARG", "$OUT", "$ERR");

    private static final Pattern NOT_DEFINED = Pattern.compile("^(\\S+) is not defined$");
    private static final Pattern SYNTAX_PREFIX = Pattern.compile("^(SyntaxError: )?(\\S+:\\d+:\\d+ )?");
    private static final int MAX_FRAMES = 20;

    private final ScriptText script;
    private final long statementLimit;

    ErrorClassifier(ScriptText script, long statementLimit) {
        this.script = script;
        this.statementLimit = statementLimit;
    }

    /** A parse failure of the script. */
    ScriptError syntax(PolyglotException e) {
        String firstLine = e.getMessage() == null ? "syntax error" : e.getMessage().lines().findFirst().orElse("");
        String message = SYNTAX_PREFIX.matcher(firstLine).replaceFirst("");
        SourceSection at = e.getSourceLocation();
        int line = at == null ? 0 : at.getStartLine();
        int column = at == null ? 0 : at.getStartColumn();
        return new ScriptError.Syntax(message.isBlank() ? firstLine : message, line, column, script.line(line));
    }

    /**
     * What {@code e} means. {@code breach} wins: the context was cancelled because a budget ran out.
     * {@code internals} describes guest errors while the context is still alive.
     */
    ScriptError classify(PolyglotException e, Budget budget, Value internals) {
        if (budget.breach().isPresent()) {
            return budget.breach().get();
        }
        if (e.isSyntaxError()) {
            return syntax(e);
        }
        if (e.isResourceExhausted()) {
            return statementLimit();
        }
        if (e.isCancelled() || e.isExit()) {
            return runtime("Cancelled", "the script was stopped: " + e.getMessage(), e);
        }
        if (e.isHostException()) {
            return runtime("HostError", "the sandbox's host API failed: " + e.asHostException(), e);
        }
        if (e.isInternalError() || !e.isGuestException()) {
            return runtime("InternalError", "the JavaScript engine failed: " + e.getMessage(), e);
        }
        if (internals == null) {
            return runtime("Error", e.getMessage(), e);
        }
        try {
            JsonNode described = describe(e.getGuestObject(), internals);
            return budget.breach().orElseGet(() -> guest(e, described));
        } catch (PolyglotException whileDescribing) {
            // Describing runs script code (getters, toString); it may itself overrun a limit.
            if (budget.breach().isPresent()) {
                return budget.breach().get();
            }
            return whileDescribing.isResourceExhausted() ? statementLimit()
                    : runtime("Error", "the script threw a value that could not be described", e);
        }
    }

    private ScriptError statementLimit() {
        return new ScriptError.Resource(null, "the script executed more than its limit of " + statementLimit
                + " statements (an endless loop?)", ResourceKind.STATEMENTS, statementLimit);
    }

    private ScriptError guest(PolyglotException e, JsonNode described) {
        String kind = described.path("kind").asText("");
        String name = described.path("name").asText("Error");
        String message = described.path("message").asText("");
        switch (kind) {
            case "security":
                return new ScriptError.Security(null, message, described.path("attempted").asText(""));
            case "network":
                JsonNode status = described.path("status");
                return new ScriptError.Network(null, message, described.path("url").asText(""),
                        status.isNumber() ? status.asInt() : null, described.path("outcome").asText(""));
            case "parse":
                return new ScriptError.Parse(null, message);
            default:
                return guestByName(e, name, message);
        }
    }

    private ScriptError guestByName(PolyglotException e, String name, String message) {
        if (name.equals("RangeError") && message.startsWith("Maximum call stack size exceeded")) {
            return new ScriptError.Resource(null, "the script's call stack overflowed (runaway recursion?)",
                    ResourceKind.STACK, 0);
        }
        if (name.equals("RangeError") && (message.startsWith("Invalid string length")
                || message.startsWith("Array buffer allocation failed"))) {
            return new ScriptError.Resource(null, "the script built a value too large for the sandbox: " + message,
                    ResourceKind.MEMORY, 0);
        }
        Matcher notDefined = NOT_DEFINED.matcher(message);
        if (name.equals("ReferenceError") && notDefined.matches() && FORBIDDEN_GLOBALS.contains(notDefined.group(1))) {
            return new ScriptError.Security(null, "'" + notDefined.group(1)
                    + "' is not available in the sandbox (no host classes, I/O, timers, threads or dynamic code)",
                    notDefined.group(1));
        }
        if (message.startsWith("Operation is not allowed for")) {
            // GraalJS's refusal of file access, e.g. import() of a path.
            return new ScriptError.Security(null, "the sandbox has no file or module access: " + message, "import");
        }
        return runtime(name, message, e);
    }

    ScriptError.Runtime runtime(String name, String message, PolyglotException e) {
        List<ScriptFrame> stack = scriptFrames(e);
        String lineText = stack.isEmpty() ? "" : script.line(stack.get(0).line());
        return new ScriptError.Runtime(null, message, name, stack, lineText);
    }

    private static List<ScriptFrame> scriptFrames(PolyglotException e) {
        List<ScriptFrame> frames = new ArrayList<>();
        for (PolyglotException.StackFrame frame : e.getPolyglotStackTrace()) {
            SourceSection at = frame.getSourceLocation();
            if (!frame.isGuestFrame() || at == null || !JobRunner.SCRIPT_NAME.equals(at.getSource().getName())) {
                continue;
            }
            frames.add(new ScriptFrame(functionName(frame.getRootName()), at.getStartLine(), at.getStartColumn()));
            if (frames.size() == MAX_FRAMES) {
                break;
            }
        }
        return frames;
    }

    private static String functionName(String rootName) {
        if (rootName == null || rootName.isEmpty()) {
            return "<anonymous>";
        }
        return rootName.equals(":program") ? "<top level>" : rootName;
    }

    private static JsonNode describe(Value error, Value internals) {
        String json = internals.invokeMember("describe", error).asString();
        try {
            return Protocol.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the prelude described an error with invalid JSON: " + json, e);
        }
    }
}

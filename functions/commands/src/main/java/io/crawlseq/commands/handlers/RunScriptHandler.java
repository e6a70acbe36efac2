package io.crawlseq.commands.handlers;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.commands.CommandException;
import io.crawlseq.commands.CommandHandler;
import io.crawlseq.commands.CommandOutcome;
import io.crawlseq.commands.CommandRequest;
import io.crawlseq.commands.CommandServices;
import io.crawlseq.commands.ScriptLookup;
import io.crawlseq.sandbox.ErrorType;
import io.crawlseq.sandbox.ScriptError;
import io.crawlseq.sandbox.ScriptLimits;
import io.crawlseq.sandbox.ScriptRequest;
import io.crawlseq.sandbox.ScriptResult;
import io.crawlseq.sandbox.ScriptResultJson;
import io.crawlseq.sandbox.SourceResult;
import java.util.List;
import java.util.Locale;

/**
 * {@code runScript}: reads the script the step names ({@link io.crawlseq.commands.ScriptExecutor#read}),
 * runs it over the step's {@code sources} (else the script's {@code DEFAULT_URLS}, else the run's
 * {@code startUrl}) with the step's {@code timeoutMs} and {@code memoryMb}, and reports
 * {@code recordCount}, {@code data} (each record tagged with {@code _source}), {@code sourceResults}
 * and {@code errors} in their sandbox JSON form.
 *
 * <p>A script that did not fully succeed (a syntax error, one source timing out, a refused fetch) is
 * a {@link CommandOutcome.Failed} whose error type names the first error ({@code ScriptTimeoutError},
 * {@code ScriptSyntaxError}, …; see {@link #errorTypeOf}); the records it produced are kept in
 * {@code data}. A missing script is {@code ScriptNotFound}. Only an unavailable runner is an exception
 * (transient: retried).
 */
public final class RunScriptHandler implements CommandHandler {

    /** The error type of a step whose script cannot be read. */
    public static final String SCRIPT_NOT_FOUND = "ScriptNotFound";

    private static final ObjectMapper JSON = ScriptResultJson.mapper();

    @Override
    public String command() {
        return "runScript";
    }

    @Override
    public CommandOutcome run(CommandRequest request, CommandServices services) throws CommandException, InterruptedException {
        String location = request.stringArg("script").orElse("");
        ScriptLookup lookup = services.scripts().read(location);
        if (lookup instanceof ScriptLookup.Missing missing) {
            return new CommandOutcome.Failed(SCRIPT_NOT_FOUND, missing.message(), CommandOutcome.noFields());
        }
        ScriptLookup.Found script = (ScriptLookup.Found) lookup;
        services.progress().update(request.historyStepId(), "running script " + script.scriptId());
        ScriptResult result = services.scripts().execute(new ScriptRequest(script.scriptId(), script.text(),
                request.stringListArg("sources"),
                ScriptLimits.DEFAULTS.withTimeoutMs(request.longArg("timeoutMs")).withMemoryMb(request.intArg("memoryMb")),
                request.startUrl().map(List::of).orElse(List.of())));
        ObjectNode fields = fieldsOf(result);
        if (result.success()) {
            return new CommandOutcome.Completed(fields);
        }
        ScriptError first = result.errors().isEmpty() ? null : result.errors().get(0);
        return new CommandOutcome.Failed(first == null ? errorTypeOf(ErrorType.RUNTIME) : errorTypeOf(first.type()),
                summary(result), fields);
    }

    /** {@code timeout} → {@code ScriptTimeoutError}, {@code syntax} → {@code ScriptSyntaxError}, and so on. */
    public static String errorTypeOf(ErrorType type) {
        String id = type.id();
        return "Script" + id.substring(0, 1).toUpperCase(Locale.ROOT) + id.substring(1) + "Error";
    }

    static ObjectNode fieldsOf(ScriptResult result) {
        ObjectNode fields = CommandOutcome.noFields();
        fields.put("recordCount", result.metadata().filteredCount());
        ArrayNode data = fields.putArray("data");
        result.data().forEach(data::add);
        ArrayNode sources = fields.putArray("sourceResults");
        for (SourceResult source : result.sourceResults()) {
            sources.add(JSON.<ObjectNode>valueToTree(source));
        }
        ArrayNode errors = fields.putArray("errors");
        for (ScriptError error : result.errors()) {
            errors.add(JSON.<ObjectNode>valueToTree(error));
        }
        return fields;
    }

    /** One line for the step's error message: the first error, and how many more there are. */
    static String summary(ScriptResult result) {
        if (result.errors().isEmpty()) {
            return "the script did not succeed";
        }
        ScriptError first = result.errors().get(0);
        String where = first.source() == null ? "" : " in " + first.source();
        String more = result.errors().size() == 1 ? "" : " (and " + (result.errors().size() - 1) + " more error(s))";
        long failed = result.sourceResults().stream().filter(s -> !s.success()).count();
        String sources = result.sourceResults().isEmpty() ? ""
                : "; " + failed + " of " + result.sourceResults().size() + " source(s) failed, "
                        + result.metadata().filteredCount() + " record(s) kept";
        return first.type().id() + " error" + where + ": " + first.message() + more + sources;
    }
}

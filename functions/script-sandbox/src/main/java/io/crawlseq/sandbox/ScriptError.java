package io.crawlseq.sandbox;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import java.util.Objects;

/**
 * Why a script run, or one of its sources, failed. A value with a JSON form whose {@code type} is
 * one of {@link ErrorType}; {@code source} is the source URL the error belongs to, or null when it
 * concerns the whole run (syntax, invalid request, reading {@code DEFAULT_URLS}).
 *
 * <p>The Python brief's {@code ScriptSyntaxError}, {@code ScriptTimeoutError}, {@code SecurityError}
 * and {@code ScriptExecutionError} are {@link Syntax}, {@link Timeout}, {@link Security} and
 * {@link Runtime}; {@link Resource} is the brief's resource error.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ScriptError.Syntax.class, name = "syntax"),
        @JsonSubTypes.Type(value = ScriptError.Runtime.class, name = "runtime"),
        @JsonSubTypes.Type(value = ScriptError.Security.class, name = "security"),
        @JsonSubTypes.Type(value = ScriptError.Timeout.class, name = "timeout"),
        @JsonSubTypes.Type(value = ScriptError.Resource.class, name = "resource"),
        @JsonSubTypes.Type(value = ScriptError.Network.class, name = "network"),
        @JsonSubTypes.Type(value = ScriptError.Parse.class, name = "parse"),
        @JsonSubTypes.Type(value = ScriptError.Request.class, name = "request")})
@JsonInclude(JsonInclude.Include.NON_NULL)
public sealed interface ScriptError {

    @JsonIgnore
    ErrorType type();

    String message();

    /** The source URL this error belongs to; null when it concerns the whole run. */
    String source();

    /** The same error attributed to {@code source}. */
    ScriptError atSource(String source);

    /** The script does not parse. {@code line} and {@code column} are 1-based. */
    record Syntax(String message, int line, int column, String lineText) implements ScriptError {
        public Syntax {
            Objects.requireNonNull(message, "message");
            lineText = lineText == null ? "" : lineText;
        }

        @Override
        public ErrorType type() {
            return ErrorType.SYNTAX;
        }

        @Override
        public String source() {
            return null;
        }

        @Override
        public ScriptError atSource(String source) {
            return this;
        }
    }

    /**
     * The script threw (or its promise rejected with) {@code errorName}: {@code message}. The stack
     * holds script frames only, innermost first; {@code lineText} is the script line of the innermost
     * frame.
     */
    record Runtime(String source, String message, String errorName, List<ScriptFrame> stack, String lineText)
            implements ScriptError {
        public Runtime {
            Objects.requireNonNull(message, "message");
            errorName = errorName == null ? "Error" : errorName;
            stack = stack == null ? List.of() : List.copyOf(stack);
            lineText = lineText == null ? "" : lineText;
        }

        @Override
        public ErrorType type() {
            return ErrorType.RUNTIME;
        }

        @Override
        public ScriptError atSource(String newSource) {
            return new Runtime(newSource, message, errorName, stack, lineText);
        }
    }

    /**
     * The script attempted something the sandbox forbids: {@code attempted} names it (a global such
     * as {@code Java}, dynamic code, a request header, a blocked address).
     */
    record Security(String source, String message, String attempted) implements ScriptError {
        public Security {
            Objects.requireNonNull(message, "message");
            attempted = attempted == null ? "" : attempted;
        }

        @Override
        public ErrorType type() {
            return ErrorType.SECURITY;
        }

        @Override
        public ScriptError atSource(String newSource) {
            return new Security(newSource, message, attempted);
        }
    }

    /**
     * The source ran longer than {@code limitMs}; its child JVM was killed. The records it emitted
     * before ({@code partialRecords} of them) are kept in the result.
     */
    record Timeout(String source, String message, long limitMs, long elapsedMs, int partialRecords)
            implements ScriptError {
        public Timeout {
            Objects.requireNonNull(message, "message");
        }

        @Override
        public ErrorType type() {
            return ErrorType.TIMEOUT;
        }

        @Override
        public ScriptError atSource(String newSource) {
            return new Timeout(newSource, message, limitMs, elapsedMs, partialRecords);
        }
    }

    /** The source exhausted {@code resource}, whose limit was {@code limit} (0 when not numeric). */
    record Resource(String source, String message, ResourceKind resource, long limit) implements ScriptError {
        public Resource {
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(resource, "resource");
        }

        @Override
        public ErrorType type() {
            return ErrorType.RESOURCE;
        }

        @Override
        public ScriptError atSource(String newSource) {
            return new Resource(newSource, message, resource, limit);
        }
    }

    /**
     * An {@code http.get} the script did not catch failed: {@code outcome} is the fetcher's verdict
     * (e.g. {@code TIMEOUT}, {@code TOO_LARGE}, {@code ROBOTS_DISALLOWED}); {@code status} the HTTP
     * status when one was received.
     */
    record Network(String source, String message, String url, Integer status, String outcome)
            implements ScriptError {
        public Network {
            Objects.requireNonNull(message, "message");
            url = url == null ? "" : url;
            outcome = outcome == null ? "" : outcome;
        }

        @Override
        public ErrorType type() {
            return ErrorType.NETWORK;
        }

        @Override
        public ScriptError atSource(String newSource) {
            return new Network(newSource, message, url, status, outcome);
        }
    }

    /** The script returned something that is not records (see docs/script-sandbox.md). */
    record Parse(String source, String message) implements ScriptError {
        public Parse {
            Objects.requireNonNull(message, "message");
        }

        @Override
        public ErrorType type() {
            return ErrorType.PARSE;
        }

        @Override
        public ScriptError atSource(String newSource) {
            return new Parse(newSource, message);
        }
    }

    /** The request itself cannot run: no script, invalid limits, bad source URLs, no sources. */
    record Request(String message) implements ScriptError {
        public Request {
            Objects.requireNonNull(message, "message");
        }

        @Override
        public ErrorType type() {
            return ErrorType.REQUEST;
        }

        @Override
        public String source() {
            return null;
        }

        @Override
        public ScriptError atSource(String source) {
            return this;
        }
    }
}

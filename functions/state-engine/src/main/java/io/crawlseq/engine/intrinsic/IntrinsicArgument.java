package io.crawlseq.engine.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;
import io.crawlseq.engine.jsonpath.JsonPath;

import java.util.List;

/** An argument of an intrinsic function call, as written. */
public sealed interface IntrinsicArgument {

    /** A number, {@code true}, {@code false} or {@code null}. */
    record Literal(JsonNode value) implements IntrinsicArgument {
    }

    /**
     * A quoted string. {@code raw} keeps the escapes ({@code \' \{ \} \\}) because States.Format needs
     * them to tell a literal brace from a placeholder; {@code value} has them resolved.
     */
    record StringLiteral(String raw, String value) implements IntrinsicArgument {
    }

    /** {@code $...} against the state's data or {@code $$...} against the context object. */
    record PathArgument(JsonPath path) implements IntrinsicArgument {
    }

    /** A nested intrinsic call. */
    record Call(IntrinsicFunction function, List<IntrinsicArgument> arguments, String text)
            implements IntrinsicArgument {
        public Call {
            arguments = List.copyOf(arguments);
        }
    }
}

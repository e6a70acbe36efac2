package io.crawlseq.lang.load;

import io.crawlseq.lang.parse.InputLimits;
import io.crawlseq.lang.registry.CommandRegistry;
import java.util.Objects;

/**
 * What a load checks against: the command whitelist and the hostile-input caps.
 *
 * @param registry the commands a sequence may use
 * @param limits   size and nesting caps
 */
public record LoadOptions(CommandRegistry registry, InputLimits limits) {

    public static final LoadOptions DEFAULT = new LoadOptions(CommandRegistry.standard(), InputLimits.DEFAULT);

    public LoadOptions {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(limits, "limits");
    }

    public LoadOptions withRegistry(CommandRegistry value) {
        return new LoadOptions(value, limits);
    }

    public LoadOptions withLimits(InputLimits value) {
        return new LoadOptions(registry, value);
    }
}

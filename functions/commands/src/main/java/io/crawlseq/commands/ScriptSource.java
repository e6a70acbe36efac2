package io.crawlseq.commands;

/**
 * Where {@code runScript} reads scripts: files in local runs
 * ({@link io.crawlseq.commands.script.DirectoryScriptSource}), the sequences bucket in AWS
 * ({@link io.crawlseq.commands.script.BlobScriptSource}).
 */
@FunctionalInterface
public interface ScriptSource {

    /**
     * @throws CommandException when the store cannot be read right now (transient)
     */
    ScriptLookup read(String location) throws CommandException;

    /** For deployments without scripts. */
    ScriptSource NONE = location -> new ScriptLookup.Missing("this deployment has no script source: '" + location
            + "' cannot be read");
}

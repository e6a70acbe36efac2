package io.crawlseq.commands.script;

import io.crawlseq.commands.CommandException;
import io.crawlseq.commands.ScriptLookup;
import io.crawlseq.commands.ScriptSource;
import io.crawlseq.store.blob.Blob;
import io.crawlseq.store.blob.BlobKey;
import io.crawlseq.store.blob.BlobStore;
import java.nio.charset.CharacterCodingException;
import java.util.Objects;
import java.util.Optional;

/**
 * Scripts in a bucket (AWS): a step's {@code script} is a key under {@code keyPrefix} (the prefix the
 * sequences are uploaded under, so {@code script: scripts/news.js} names the same file relative to
 * the sequence as it does locally). Keys follow {@link BlobKey}'s rules; {@code ..} segments are refused.
 */
public final class BlobScriptSource implements ScriptSource {

    private final BlobStore store;
    private final String keyPrefix;

    /**
     * @param keyPrefix "" or a prefix ending in {@code /}, e.g. {@code sequences/}
     */
    public BlobScriptSource(BlobStore store, String keyPrefix) {
        this.store = Objects.requireNonNull(store, "store");
        this.keyPrefix = Objects.requireNonNull(keyPrefix, "keyPrefix");
        if (!keyPrefix.isEmpty() && !keyPrefix.endsWith("/")) {
            throw new IllegalArgumentException("the key prefix must be empty or end with '/': " + keyPrefix);
        }
    }

    @Override
    public ScriptLookup read(String location) throws CommandException {
        String key = keyPrefix + location.strip();
        Optional<String> problem = BlobKey.problem(key);
        if (problem.isPresent()) {
            return new ScriptLookup.Missing("'" + location + "' is not a usable script key: " + problem.get());
        }
        Optional<Blob> blob;
        try {
            blob = store.get(BlobKey.of(key));
        } catch (RuntimeException e) {
            throw CommandException.transientFailure("could not read the script " + key + ": " + e, e);
        }
        if (blob.isEmpty()) {
            return new ScriptLookup.Missing("no script at key " + key + " in the sequences bucket");
        }
        if (blob.get().size() > DirectoryScriptSource.MAX_FILE_BYTES) {
            return new ScriptLookup.Missing("the script " + key + " is larger than " + DirectoryScriptSource.MAX_FILE_BYTES + " bytes");
        }
        try {
            return new ScriptLookup.Found(location, DirectoryScriptSource.utf8(blob.get().bytes()));
        } catch (CharacterCodingException e) {
            return new ScriptLookup.Missing("the script " + key + " is not UTF-8 text");
        }
    }
}

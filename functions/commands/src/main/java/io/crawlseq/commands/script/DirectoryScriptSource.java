package io.crawlseq.commands.script;

import io.crawlseq.commands.ScriptLookup;
import io.crawlseq.commands.ScriptSource;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Scripts as local files (local runs): an absolute path is read as is, a relative one against the
 * base directory, which is the sequence file's directory in {@code crawl-sequence run} (so
 * {@code script: scripts/news.js} next to the sequence works from any working directory, as the
 * same key does under the sequences prefix in AWS) and the working directory for single commands.
 */
public final class DirectoryScriptSource implements ScriptSource {

    /** Files larger than this cannot be scripts ({@code ScriptRequest.MAX_SCRIPT_CHARS} is 1 Mi characters). */
    static final long MAX_FILE_BYTES = 4L << 20;

    private final Path base;

    public DirectoryScriptSource(Path base) {
        this.base = Objects.requireNonNull(base, "base").toAbsolutePath().normalize();
    }

    public Path base() {
        return base;
    }

    @Override
    public ScriptLookup read(String location) {
        Path file;
        try {
            file = base.resolve(location.strip()).normalize();
        } catch (InvalidPathException e) {
            return new ScriptLookup.Missing("'" + location + "' is not a file path: " + e.getReason());
        }
        if (location.isBlank() || !Files.isRegularFile(file)) {
            return new ScriptLookup.Missing("no script file " + file + (Path.of(location.strip()).isAbsolute() ? ""
                    : " (relative paths are read from " + base + ")"));
        }
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                return new ScriptLookup.Missing("the script file " + file + " is larger than " + MAX_FILE_BYTES + " bytes");
            }
            return new ScriptLookup.Found(location, utf8(Files.readAllBytes(file)));
        } catch (CharacterCodingException e) {
            return new ScriptLookup.Missing("the script file " + file + " is not UTF-8 text");
        } catch (IOException e) {
            return new ScriptLookup.Missing("the script file " + file + " cannot be read: " + e.getMessage());
        }
    }

    /** Strict UTF-8: a script with broken bytes is refused rather than run with replacement characters. */
    static String utf8(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    }
}

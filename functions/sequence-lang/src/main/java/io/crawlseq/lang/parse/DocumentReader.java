package io.crawlseq.lang.parse;

import io.crawlseq.lang.diag.Diagnostic;
import io.crawlseq.lang.diag.DiagnosticCode;
import io.crawlseq.lang.diag.SourceLocation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a sequence file (JSON or YAML, by extension) into a {@link ParsedDocument}. Pure: bytes in,
 * values out; hostile input (huge, deep, binary, malformed) ends as a diagnostic with a position,
 * never as an exception.
 */
public final class DocumentReader {

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private DocumentReader() {
    }

    /** Reads a file, checking its size before reading any of it. {@code displayName} names it in diagnostics. */
    public static ParsedDocument read(Path path, String displayName, InputLimits limits) {
        try {
            if (Files.isDirectory(path)) {
                return failed(displayName, DiagnosticCode.FILE_UNREADABLE, "is a directory, not a file", Position.START);
            }
            long size = Files.size(path);
            if (size > limits.maxBytes()) {
                return tooLarge(displayName, size, limits);
            }
            byte[] content;
            try (InputStream in = Files.newInputStream(path)) {
                // the file may grow between size() and here: never read past the cap
                content = in.readNBytes((int) limits.maxBytes() + 1);
            }
            return read(displayName, content, limits);
        } catch (NoSuchFileException e) {
            return failed(displayName, DiagnosticCode.FILE_UNREADABLE, "no such file", Position.START);
        } catch (IOException | SecurityException e) {
            return failed(displayName, DiagnosticCode.FILE_UNREADABLE, "cannot be read: " + e.getMessage(), Position.START);
        }
    }

    /** Reads content already in memory; {@code fileName} decides the format and names it in diagnostics. */
    public static ParsedDocument read(String fileName, byte[] content, InputLimits limits) {
        Optional<SourceFormat> format = SourceFormat.ofFileName(fileName);
        if (format.isEmpty()) {
            return failed(fileName, DiagnosticCode.UNSUPPORTED_FILE_TYPE,
                    "unsupported file type; a sequence file ends in .json, .yaml or .yml", Position.START);
        }
        if (content.length > limits.maxBytes()) {
            return tooLarge(fileName, content.length, limits);
        }
        ParseReport report = new ParseReport(fileName);
        int start = 0;
        if (startsWith(content, UTF8_BOM)) {
            report.error(DiagnosticCode.BYTE_ORDER_MARK, "the file starts with a UTF-8 byte order mark; it is ignored",
                    "", Position.START);
            start = UTF8_BOM.length;
        } else if (content.length >= 2 && ((content[0] == (byte) 0xFE && content[1] == (byte) 0xFF)
                || (content[0] == (byte) 0xFF && content[1] == (byte) 0xFE))) {
            return failed(fileName, DiagnosticCode.INVALID_UTF8, "the file is UTF-16 encoded; save it as UTF-8",
                    Position.START);
        }
        Optional<String> decoded = decode(content, start, report);
        if (decoded.isEmpty()) {
            return finish(fileName, format, null, SourceMap.empty(fileName), report);
        }
        SourceText text = new SourceText(decoded.get());
        if (!rejectControlCharacters(text, report) && !rejectBlank(text, report)) {
            SourceMap.Builder map = new SourceMap.Builder(fileName);
            TreeBuilder builder = new TreeBuilder(report, map, limits.maxDepth());
            switch (format.get()) {
                case JSON -> new JsonDocumentReader(text, builder, report).read();
                case YAML -> new YamlDocumentReader(text, builder, report, (int) limits.maxBytes() + 1).read();
            }
            if (!builder.hasRoot() && !report.hasErrors()) {
                report.error(DiagnosticCode.FILE_EMPTY, "the file holds no document (only comments or whitespace)",
                        "", Position.START);
            }
            boolean complete = builder.hasRoot() && builder.atTopLevel() && !report.fatal();
            return finish(fileName, format, complete ? builder.root() : null, map.build(), report);
        }
        return finish(fileName, format, null, SourceMap.empty(fileName), report);
    }


    private static Optional<String> decode(byte[] content, int start, ParseReport report) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(content, start, content.length - start);
        CharBuffer out = CharBuffer.allocate(content.length - start + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int bad = in.position();
            String prefix = new String(content, start, bad - start, StandardCharsets.UTF_8);
            Position at = new SourceText(prefix).positionOf(prefix.length());
            report.error(DiagnosticCode.INVALID_UTF8, String.format(
                    "byte 0x%02X is not valid UTF-8 here; save the file as UTF-8", content[bad] & 0xff), "", at);
            return Optional.empty();
        }
        out.flip();
        return Optional.of(out.toString());
    }

    /** NUL and other C0 control characters mean a binary or corrupted file; both syntaxes reject them. */
    private static boolean rejectControlCharacters(SourceText text, ParseReport report) {
        String s = text.text();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                String name = c == 0 ? " (NUL)" : "";
                report.error(DiagnosticCode.SYNTAX_ERROR, String.format(
                        "control character U+%04X%s is not allowed in a sequence file (is it a binary file?)", (int) c, name),
                        "", text.positionOf(i));
                return true;
            }
        }
        return false;
    }

    private static boolean rejectBlank(SourceText text, ParseReport report) {
        if (text.text().isBlank()) {
            report.error(DiagnosticCode.FILE_EMPTY, "the file is empty", "", Position.START);
            return true;
        }
        return false;
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (content[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static ParsedDocument tooLarge(String fileName, long size, InputLimits limits) {
        return failed(fileName, DiagnosticCode.FILE_TOO_LARGE, "the file is " + size + " bytes; the limit is "
                + limits.maxBytes() + " bytes (" + (limits.maxBytes() / (1024 * 1024)) + " MiB)", Position.START);
    }

    private static ParsedDocument failed(String fileName, DiagnosticCode code, String message, Position at) {
        Diagnostic d = Diagnostic.of(code, message, "", new SourceLocation(fileName, at.line(), at.column()));
        return new ParsedDocument(fileName, SourceFormat.ofFileName(fileName), Optional.empty(), SourceMap.empty(fileName),
                List.of(d), Set.of(), 0);
    }

    private static ParsedDocument finish(String fileName, Optional<SourceFormat> format,
                                         com.fasterxml.jackson.databind.JsonNode root, SourceMap map, ParseReport report) {
        return new ParsedDocument(fileName, format, Optional.ofNullable(root), map, report.diagnostics(),
                report.damagedPointers(), report.droppedErrors());
    }
}

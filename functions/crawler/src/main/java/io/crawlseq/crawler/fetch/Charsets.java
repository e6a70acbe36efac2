package io.crawlseq.crawler.fetch;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which charset a page's bytes are in. Order (the WHATWG HTML encoding sniffing algorithm, which
 * browsers follow): a byte order mark, then the Content-Type header's {@code charset}, then a
 * {@code <meta charset>} or {@code <meta http-equiv="Content-Type">} near the start, then UTF-8.
 * The BOM comes first because it is evidence in the bytes themselves, while headers are often set
 * by a server that never looked at the file.
 *
 * <p>Labels are mapped as browsers map them: {@code iso-8859-1}, {@code latin1} and {@code ascii}
 * mean windows-1252, {@code shift_jis} means windows-31j, {@code gb2312} means GBK, and a page
 * claiming UTF-16 in a meta tag is read as UTF-8 (a meta tag readable as ASCII cannot be UTF-16).
 */
public final class Charsets {

    /** How far into the body a meta declaration is looked for (browsers look at 1024 bytes; pages are sloppier). */
    static final int META_SCAN_BYTES = 4096;

    private static final Pattern META_CHARSET = Pattern.compile(
            "<meta\\s[^>]*?charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:\\-]+)", Pattern.CASE_INSENSITIVE);

    private static final Map<String, String> BROWSER_ALIASES = Map.ofEntries(
            Map.entry("iso-8859-1", "windows-1252"), Map.entry("iso8859-1", "windows-1252"),
            Map.entry("latin1", "windows-1252"), Map.entry("l1", "windows-1252"),
            Map.entry("ascii", "windows-1252"), Map.entry("us-ascii", "windows-1252"),
            Map.entry("iso-8859-9", "windows-1254"), Map.entry("latin5", "windows-1254"),
            Map.entry("shift_jis", "windows-31j"), Map.entry("sjis", "windows-31j"),
            Map.entry("x-sjis", "windows-31j"), Map.entry("ms_kanji", "windows-31j"),
            Map.entry("gb2312", "GBK"), Map.entry("gb_2312-80", "GBK"), Map.entry("x-gbk", "GBK"),
            Map.entry("euc-kr", "x-windows-949"), Map.entry("ks_c_5601-1987", "x-windows-949"),
            Map.entry("tis-620", "x-windows-874"), Map.entry("iso-8859-11", "x-windows-874"),
            Map.entry("utf8", "UTF-8"), Map.entry("unicode-1-1-utf-8", "UTF-8"));

    private Charsets() {
    }

    /** Where the charset came from (reported with the result, useful when a page decodes badly). */
    public enum Source { BOM, HEADER, META, DEFAULT }

    public record Detected(Charset charset, Source source) {
    }

    /** Detects the charset of {@code body} given the Content-Type header value (may be null). */
    public static Detected detect(byte[] body, String contentTypeHeader) {
        Optional<Charset> bom = fromBom(body);
        if (bom.isPresent()) {
            return new Detected(bom.get(), Source.BOM);
        }
        Optional<Charset> header = fromContentType(contentTypeHeader);
        if (header.isPresent()) {
            return new Detected(header.get(), Source.HEADER);
        }
        Optional<Charset> meta = fromMeta(body);
        if (meta.isPresent()) {
            return new Detected(meta.get(), Source.META);
        }
        return new Detected(StandardCharsets.UTF_8, Source.DEFAULT);
    }

    static Optional<Charset> fromBom(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xef && (b[1] & 0xff) == 0xbb && (b[2] & 0xff) == 0xbf) {
            return Optional.of(StandardCharsets.UTF_8);
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xfe && (b[1] & 0xff) == 0xff) {
            return Optional.of(StandardCharsets.UTF_16BE);
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xfe) {
            return Optional.of(StandardCharsets.UTF_16LE);
        }
        return Optional.empty();
    }

    /** The charset parameter of a Content-Type value, if present and known. */
    public static Optional<Charset> fromContentType(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        for (String part : contentType.split(";")) {
            String p = part.strip();
            if (p.regionMatches(true, 0, "charset=", 0, 8)) {
                return byLabel(p.substring(8).replace("\"", "").replace("'", "").strip(), false);
            }
        }
        return Optional.empty();
    }

    static Optional<Charset> fromMeta(byte[] body) {
        String head = new String(body, 0, Math.min(body.length, META_SCAN_BYTES), StandardCharsets.ISO_8859_1);
        Matcher m = META_CHARSET.matcher(head);
        return m.find() ? byLabel(m.group(1), true) : Optional.empty();
    }

    /** A charset by label, mapped as browsers do; empty when unknown. */
    public static Optional<Charset> byLabel(String label, boolean fromMeta) {
        String key = label.strip().toLowerCase(Locale.ROOT);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        if (fromMeta && key.startsWith("utf-16")) {
            return Optional.of(StandardCharsets.UTF_8);
        }
        String name = BROWSER_ALIASES.getOrDefault(key, key);
        try {
            return Charset.isSupported(name) ? Optional.of(Charset.forName(name)) : Optional.empty();
        } catch (IllegalCharsetNameException e) {
            return Optional.empty();
        }
    }

    /** Decodes, replacing undecodable bytes with U+FFFD and dropping a leading BOM. */
    public static String decode(byte[] body, Charset charset) {
        int skip = 0;
        Optional<Charset> bom = fromBom(body);
        if (bom.isPresent() && bom.get().equals(charset)) {
            skip = charset.equals(StandardCharsets.UTF_8) ? 3 : 2;
        }
        return new String(body, skip, body.length - skip, charset);
    }

    /** The MIME type of a Content-Type value: lower case, without parameters ("" for null). */
    public static String mimeType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        String type = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
        return type.strip().toLowerCase(Locale.ROOT);
    }
}

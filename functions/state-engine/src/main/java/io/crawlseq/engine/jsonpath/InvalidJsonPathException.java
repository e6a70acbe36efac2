package io.crawlseq.engine.jsonpath;

/**
 * A path string that does not parse. The definition parser turns it into a problem value; callers that
 * compile paths they did not validate get this exception.
 */
public final class InvalidJsonPathException extends IllegalArgumentException {

    private final String path;
    private final int position;

    public InvalidJsonPathException(String path, int position, String reason) {
        super("invalid JSONPath '" + abbreviate(path) + "' at position " + position + ": " + reason);
        this.path = path;
        this.position = position;
    }

    /** Long (possibly hostile) text is cut in messages. */
    static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 197) + "...";
    }

    public String path() {
        return path;
    }

    public int position() {
        return position;
    }
}

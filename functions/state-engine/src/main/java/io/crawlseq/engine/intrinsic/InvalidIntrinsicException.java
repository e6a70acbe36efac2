package io.crawlseq.engine.intrinsic;

/** An intrinsic call that does not parse; the definition parser turns it into a problem value. */
public final class InvalidIntrinsicException extends IllegalArgumentException {

    private final int position;

    public InvalidIntrinsicException(String expression, int position, String reason) {
        super("invalid intrinsic function call '" + (expression.length() <= 200 ? expression : expression.substring(0, 197) + "...")
                + "' at position " + position + ": " + reason);
        this.position = position;
    }

    public int position() {
        return position;
    }
}

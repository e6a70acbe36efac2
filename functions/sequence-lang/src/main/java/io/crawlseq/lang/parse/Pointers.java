package io.crawlseq.lang.parse;

/** JSON Pointer (RFC 6901) helpers. */
public final class Pointers {

    private Pointers() {
    }

    /** {@code parent} + {@code /} + the escaped member name. */
    public static String member(String parent, String name) {
        return parent + "/" + escape(name);
    }

    public static String item(String parent, int index) {
        return parent + "/" + index;
    }

    public static String escape(String name) {
        if (name.indexOf('~') < 0 && name.indexOf('/') < 0) {
            return name;
        }
        return name.replace("~", "~0").replace("/", "~1");
    }

    public static String unescape(String token) {
        if (token.indexOf('~') < 0) {
            return token;
        }
        return token.replace("~1", "/").replace("~0", "~");
    }

    /** The pointer of the enclosing value; {@code ""} for the root and its direct children. */
    public static String parent(String pointer) {
        int slash = pointer.lastIndexOf('/');
        return slash <= 0 ? "" : pointer.substring(0, slash);
    }

    /** The unescaped last reference token; empty for the root. */
    public static String lastToken(String pointer) {
        int slash = pointer.lastIndexOf('/');
        return slash < 0 ? "" : unescape(pointer.substring(slash + 1));
    }

    /** True when {@code pointer} is {@code ancestor} or lies below it. */
    public static boolean isWithin(String pointer, String ancestor) {
        return pointer.equals(ancestor) || ancestor.isEmpty() || pointer.startsWith(ancestor + "/");
    }
}

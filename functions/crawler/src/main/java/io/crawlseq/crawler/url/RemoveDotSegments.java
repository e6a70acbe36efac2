package io.crawlseq.crawler.url;

/** Resolves {@code .} and {@code ..} path segments (RFC 3986 §5.2.4): {@code /a/./b/../c} is {@code /a/c}. */
public final class RemoveDotSegments implements UrlRule {

    @Override
    public String name() {
        return "remove-dot-segments";
    }

    @Override
    public UrlResult apply(WebUrl url) {
        String path = remove(url.path());
        return new UrlResult.Valid(path.equals(url.path()) ? url : url.withPath(path));
    }

    static String remove(String path) {
        if (path.indexOf('.') < 0) {
            return path;
        }
        String input = path;
        StringBuilder output = new StringBuilder(path.length());
        while (!input.isEmpty()) {
            if (input.startsWith("../")) {
                input = input.substring(3);
            } else if (input.startsWith("./")) {
                input = input.substring(2);
            } else if (input.startsWith("/./")) {
                input = input.substring(2);
            } else if (input.equals("/.")) {
                input = "/";
            } else if (input.startsWith("/../")) {
                input = input.substring(3);
                removeLastSegment(output);
            } else if (input.equals("/..")) {
                input = "/";
                removeLastSegment(output);
            } else if (input.equals(".") || input.equals("..")) {
                input = "";
            } else {
                int next = input.indexOf('/', input.startsWith("/") ? 1 : 0);
                String segment = next < 0 ? input : input.substring(0, next);
                output.append(segment);
                input = next < 0 ? "" : input.substring(next);
            }
        }
        return output.toString();
    }

    private static void removeLastSegment(StringBuilder output) {
        int slash = output.lastIndexOf("/");
        output.setLength(Math.max(slash, 0));
    }
}

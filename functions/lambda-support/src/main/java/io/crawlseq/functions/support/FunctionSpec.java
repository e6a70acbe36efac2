package io.crawlseq.functions.support;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A function as the local stack knows it: its name, ARN, memory and timeout (what the template
 * gives the deployed one).
 */
public record FunctionSpec(String name, String arn, int memoryMb, int timeoutSeconds) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public FunctionSpec {
        if (!NAME.matcher(Objects.requireNonNull(name, "name")).matches()) {
            throw new IllegalArgumentException("a Lambda function name has 1-64 letters, digits, '-' or '_': " + name);
        }
        Objects.requireNonNull(arn, "arn");
        if (memoryMb < 128 || memoryMb > 10240 || timeoutSeconds < 1 || timeoutSeconds > 900) {
            throw new IllegalArgumentException("memory 128..10240 MB and timeout 1..900 s: " + memoryMb + ", " + timeoutSeconds);
        }
    }

    /** A function in {@code region} and {@code account}: {@code arn:aws:lambda:<region>:<account>:function:<name>}. */
    public static FunctionSpec of(String name, String region, String account, int memoryMb, int timeoutSeconds) {
        return new FunctionSpec(name, "arn:aws:lambda:" + region + ":" + account + ":function:" + name, memoryMb,
                timeoutSeconds);
    }
}

package io.crawlseq.cli.cloud;

import software.amazon.awssdk.core.exception.SdkException;

/** One readable line for an AWS SDK failure, instead of the SDK's provider-by-provider dump. */
public final class AwsErrorMessages {

    /** Above this, a message is cut: the SDK lists every provider it tried, and every reason. */
    static final int MAX_LENGTH = 300;

    private AwsErrorMessages() {
    }

    public static String describe(SdkException e) {
        String message = String.valueOf(e.getMessage());
        if (message.startsWith("Unable to load credentials")) {
            return "no AWS credentials found (give --profile, or set AWS_PROFILE or AWS_ACCESS_KEY_ID and "
                    + "AWS_SECRET_ACCESS_KEY; for the local stack, the values crawl-sequence local-stack prints)";
        }
        int details = message.indexOf(" : [");
        String first = details > 0 ? message.substring(0, details) : message;
        return first.length() > MAX_LENGTH ? first.substring(0, MAX_LENGTH) + "…" : first;
    }
}

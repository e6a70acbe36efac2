package io.crawlseq.localstack;

import java.net.URI;

/**
 * A local stand-in for an AWS service, serving its API over HTTP on loopback. Closing it stops the server
 * and releases its files.
 */
public interface LocalService extends AutoCloseable {

    /** Short name for logs and the {@code local-stack} command's output ({@code dynamodb}, {@code s3}, ...). */
    String name();

    /** The endpoint URL clients use ({@code --endpoint-url}, {@code endpointOverride}). */
    URI endpoint();

    @Override
    void close();
}

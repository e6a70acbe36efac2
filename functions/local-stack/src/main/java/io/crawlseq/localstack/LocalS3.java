package io.crawlseq.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * An S3-compatible server (s3proxy 4.1) in this JVM, on 127.0.0.1, in memory or on disk. Requests must be
 * signed (V2 or V4) with {@link LocalAwsClients}' dummy credentials, as real S3 requires signing.
 */
public final class LocalS3 implements LocalService {

    private final S3Proxy proxy;
    private final URI endpoint;

    private LocalS3(S3Proxy proxy, URI endpoint) {
        this.proxy = proxy;
        this.endpoint = endpoint;
    }

    /** Buckets in memory, on a free port: gone when closed. */
    public static LocalS3 inMemory() {
        return start(Optional.empty(), 0);
    }

    /** Buckets as directories under {@code directory} (created if missing), on a free port. */
    public static LocalS3 onDisk(Path directory) {
        return start(Optional.of(directory), 0);
    }

    /**
     * @param directory where buckets live; empty for in-memory
     * @param port      the loopback port, 0 for a free one
     */
    public static LocalS3 start(Optional<Path> directory, int port) {
        BlobStore blobs = directory.<BlobStore>map(LocalS3::filesystemStore).orElseGet(TransientNio2BlobStore::new);
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(blobs)
                .endpoint(Loopback.endpoint(port))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, LocalAwsClients.ACCESS_KEY_ID,
                        LocalAwsClients.SECRET_ACCESS_KEY)
                .build();
        try {
            proxy.start();
        } catch (Exception e) {
            throw new IllegalStateException("s3proxy did not start on " + Loopback.HOST + ":" + port, e);
        }
        return new LocalS3(proxy, Loopback.endpoint(proxy.getPort()));
    }

    @Override
    public String name() {
        return "s3";
    }

    @Override
    public URI endpoint() {
        return endpoint;
    }

    /** A new client for this server; the caller closes it. */
    public S3Client newClient() {
        return LocalAwsClients.s3(endpoint);
    }

    @Override
    public void close() {
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException("s3proxy did not stop cleanly", e);
        }
    }

    private static BlobStore filesystemStore(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the S3 directory " + directory, e);
        }
        return new FilesystemNio2BlobStore(directory.toAbsolutePath().toString());
    }
}

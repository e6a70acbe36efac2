package io.crawlseq.localstack;

import io.crawlseq.store.Storage;
import io.crawlseq.store.StoreSettings;
import io.crawlseq.store.blob.LocalDirectoryBlobStore;
import io.crawlseq.store.dynamodb.DynamoStorage;
import io.crawlseq.store.dynamodb.TableProvisioner;
import io.crawlseq.store.tables.TableNames;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The CLI's embedded storage: DynamoDB Local persisted under {@code <dataDir>/dynamodb} (tables created on
 * first use, same design and code as in AWS) and blobs in {@code <dataDir>/blobs}. One process at a time
 * owns a data directory (a lock file), since two embedded databases on one file would corrupt it.
 *
 * <pre>{@code
 * try (LocalStores local = LocalStores.open(Path.of(System.getProperty("user.home"), ".crawl-sequences"))) {
 *     Storage storage = local.storage();
 *     storage.runs().recentRuns(PageRequest.first(20));
 * }
 * }</pre>
 */
public final class LocalStores implements AutoCloseable {

    private static final String LOCK_FILE = ".lock";

    private final Path dataDir;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final LocalDynamoDb dynamoDb;
    private final DynamoDbClient client;
    private final Storage storage;

    private LocalStores(Path dataDir, FileChannel lockChannel, FileLock lock, LocalDynamoDb dynamoDb,
                        DynamoDbClient client, Storage storage) {
        this.dataDir = dataDir;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.dynamoDb = dynamoDb;
        this.client = client;
        this.storage = storage;
    }

    public static LocalStores open(Path dataDir) {
        return open(dataDir, StoreSettings.defaults());
    }

    /** @throws DataDirectoryInUseException when another process has the directory open */
    public static LocalStores open(Path dataDir, StoreSettings settings) {
        createDirectories(dataDir);
        FileChannel channel = openLockFile(dataDir);
        FileLock lock = tryLock(channel, dataDir);
        LocalDynamoDb dynamoDb = null;
        DynamoDbClient client = null;
        try {
            dynamoDb = LocalDynamoDb.persistent(dataDir.resolve("dynamodb"));
            client = dynamoDb.newClient();
            TableNames tables = TableNames.defaults();
            TableProvisioner.createMissing(client, tables);
            LocalDirectoryBlobStore blobs = LocalDirectoryBlobStore.open(dataDir.resolve("blobs"));
            return new LocalStores(dataDir, channel, lock, dynamoDb, client,
                    DynamoStorage.create(client, tables, blobs, settings));
        } catch (RuntimeException e) {
            if (client != null) {
                client.close();
            }
            if (dynamoDb != null) {
                dynamoDb.close();
            }
            closeQuietly(channel);
            throw e;
        }
    }

    public Storage storage() {
        return storage;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The embedded DynamoDB's endpoint, for tools pointed at it while this process runs. */
    public URI dynamoDbEndpoint() {
        return dynamoDb.endpoint();
    }

    @Override
    public void close() {
        try {
            client.close();
            dynamoDb.close();
        } finally {
            try {
                lock.release();
            } catch (IOException ignored) {
                // closing the channel below releases it anyway
            }
            closeQuietly(lockChannel);
        }
    }

    /** Another process (or this one) already has the data directory open. */
    public static final class DataDirectoryInUseException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        DataDirectoryInUseException(Path dataDir) {
            super("the data directory " + dataDir + " is in use by another crawl-sequence process;"
                    + " wait for it to finish or use another directory");
        }
    }

    private static FileLock tryLock(FileChannel channel, Path dataDir) {
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                closeQuietly(channel);
                throw new DataDirectoryInUseException(dataDir);
            }
            return lock;
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel);
            throw new DataDirectoryInUseException(dataDir);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("cannot lock " + dataDir.resolve(LOCK_FILE), e);
        }
    }

    private static FileChannel openLockFile(Path dataDir) {
        try {
            return FileChannel.open(dataDir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + dataDir.resolve(LOCK_FILE), e);
        }
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + dir, e);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing useful to do
        }
    }
}

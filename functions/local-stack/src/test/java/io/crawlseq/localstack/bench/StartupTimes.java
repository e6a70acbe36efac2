package io.crawlseq.localstack.bench;

import io.crawlseq.localstack.LocalDynamoDb;
import io.crawlseq.localstack.LocalS3;
import io.crawlseq.localstack.LocalStores;
import io.crawlseq.store.dynamodb.TableProvisioner;
import io.crawlseq.store.tables.TableNames;
import java.nio.file.Files;
import java.nio.file.Path;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Start-up cost of the local services in a fresh JVM (class loading included), as the CLI and the first test
 * of a module pay it. Not a test: run one mode per JVM, several times, and report the median
 * (docs/storage.md has the figures and the command).
 *
 * <p>Modes: {@code dynamodb} (in-memory server up and first call answered), {@code tables} (the four store
 * tables created on a running server), {@code s3} (s3proxy up and first call answered), {@code local-stores}
 * ({@code LocalStores.open} on a fresh data directory: persisted DynamoDB Local, tables, blob directory).
 */
public final class StartupTimes {

    private StartupTimes() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "dynamodb";
        long start = System.nanoTime();
        long afterStart;
        switch (mode) {
            case "dynamodb" -> {
                try (LocalDynamoDb db = LocalDynamoDb.inMemory(); DynamoDbClient client = db.newClient()) {
                    client.listTables();
                    afterStart = System.nanoTime();
                }
            }
            case "tables" -> {
                try (LocalDynamoDb db = LocalDynamoDb.inMemory(); DynamoDbClient client = db.newClient()) {
                    client.listTables();
                    start = System.nanoTime();
                    TableProvisioner.createMissing(client, TableNames.defaults());
                    afterStart = System.nanoTime();
                }
            }
            case "s3" -> {
                try (LocalS3 s3 = LocalS3.inMemory(); S3Client client = s3.newClient()) {
                    client.listBuckets();
                    afterStart = System.nanoTime();
                }
            }
            case "local-stores" -> {
                Path dir = Files.createTempDirectory("startup-times");
                try (LocalStores stores = LocalStores.open(dir)) {
                    stores.storage();
                    afterStart = System.nanoTime();
                }
            }
            default -> throw new IllegalArgumentException("unknown mode " + mode);
        }
        System.out.printf("%s %d ms%n", mode, (afterStart - start) / 1_000_000);
    }
}

package io.crawlseq.localstack;

import io.crawlseq.store.tables.TableNames;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * One in-memory DynamoDB Local and one in-memory s3proxy per JVM, started on first use and stopped when the
 * JVM exits, with one client each. Tests isolate themselves by table prefix and bucket name
 * ({@link #uniquePrefix()}), not by server, so the start cost is paid once per test JVM.
 */
public final class SharedLocalAws {

    private static final AtomicLong COUNTER = new AtomicLong();

    private final LocalStack stack;
    private final DynamoDbClient dynamoDb;
    private final S3Client s3;

    private SharedLocalAws() {
        stack = LocalStack.inMemory();
        dynamoDb = stack.dynamoDb().newClient();
        s3 = stack.s3().newClient();
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "local-aws-shutdown"));
    }

    private static final class Holder {
        private static final SharedLocalAws INSTANCE = new SharedLocalAws();
    }

    /** The JVM's shared servers, started on the first call. */
    public static SharedLocalAws get() {
        return Holder.INSTANCE;
    }

    public LocalStack stack() {
        return stack;
    }

    public DynamoDbClient dynamoDb() {
        return dynamoDb;
    }

    public S3Client s3() {
        return s3;
    }

    /** A prefix no other caller in this JVM gets ({@code t1-}, {@code t2-}, ...): valid in table and bucket names. */
    public static String uniquePrefix() {
        return "t" + COUNTER.incrementAndGet() + "-";
    }

    /** Fresh table names for one test. */
    public static TableNames uniqueTableNames() {
        return TableNames.withPrefix(uniquePrefix());
    }

    private void stop() {
        dynamoDb.close();
        s3.close();
        stack.close();
    }
}

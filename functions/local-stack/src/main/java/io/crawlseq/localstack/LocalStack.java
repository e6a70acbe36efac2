package io.crawlseq.localstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The local stand-ins for AWS, started together and stopped together: DynamoDB Local and s3proxy today;
 * more (a Step Functions endpoint) join through {@link #adopt}. Services are closed in reverse start
 * order.
 *
 * <pre>{@code
 * try (LocalStack stack = LocalStack.start(Optional.of(dataDir), 8000, 9000)) {
 *     stack.services().forEach(s -> System.out.println(s.name() + " " + s.endpoint()));
 * }
 * }</pre>
 */
public final class LocalStack implements AutoCloseable {

    private final LocalDynamoDb dynamoDb;
    private final LocalS3 s3;
    private final List<LocalService> services = new ArrayList<>();

    private LocalStack(LocalDynamoDb dynamoDb, LocalS3 s3) {
        this.dynamoDb = dynamoDb;
        this.s3 = s3;
        services.add(dynamoDb);
        services.add(s3);
    }

    /** Everything in memory, on free ports. */
    public static LocalStack inMemory() {
        return start(Optional.empty(), 0, 0);
    }

    /**
     * @param dataDirectory persist under {@code <dir>/dynamodb} and {@code <dir>/s3}; empty for in-memory
     * @param dynamoDbPort  0 for a free port
     * @param s3Port        0 for a free port
     */
    public static LocalStack start(Optional<Path> dataDirectory, int dynamoDbPort, int s3Port) {
        LocalDynamoDb dynamoDb = LocalDynamoDb.start(dataDirectory.map(d -> d.resolve("dynamodb")), dynamoDbPort);
        try {
            LocalS3 s3 = LocalS3.start(dataDirectory.map(d -> d.resolve("s3")), s3Port);
            return new LocalStack(dynamoDb, s3);
        } catch (RuntimeException e) {
            dynamoDb.close();
            throw e;
        }
    }

    /** Takes ownership of another started service: it is listed and closed with the rest. */
    public synchronized LocalStack adopt(LocalService service) {
        services.add(service);
        return this;
    }

    public LocalDynamoDb dynamoDb() {
        return dynamoDb;
    }

    public LocalS3 s3() {
        return s3;
    }

    public synchronized List<LocalService> services() {
        return List.copyOf(services);
    }

    /** The adopted or built-in service of that type, if any. */
    public synchronized <T extends LocalService> Optional<T> service(Class<T> type) {
        return services.stream().filter(type::isInstance).map(type::cast).findFirst();
    }

    @Override
    public synchronized void close() {
        List<LocalService> reverse = new ArrayList<>(services);
        Collections.reverse(reverse);
        RuntimeException first = null;
        for (LocalService service : reverse) {
            try {
                service.close();
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        services.clear();
        if (first != null) {
            throw first;
        }
    }
}

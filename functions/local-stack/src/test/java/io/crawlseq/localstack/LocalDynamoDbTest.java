package io.crawlseq.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;

class LocalDynamoDbTest {

    @TempDir
    Path dir;

    @Test
    void persistent_keepsTablesAcrossRestarts() {
        try (LocalDynamoDb first = LocalDynamoDb.persistent(dir); DynamoDbClient client = first.newClient()) {
            client.createTable(b -> b.tableName("kept-table").billingMode("PAY_PER_REQUEST")
                    .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType("S").build())
                    .keySchema(KeySchemaElement.builder().attributeName("pk").keyType("HASH").build()));
            client.putItem(b -> b.tableName("kept-table").item(java.util.Map.of("pk",
                    software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("x"))));
        }

        try (LocalDynamoDb second = LocalDynamoDb.persistent(dir); DynamoDbClient client = second.newClient()) {
            assertThat(client.listTables().tableNames()).containsExactly("kept-table");
            assertThat(client.scan(b -> b.tableName("kept-table")).count()).isEqualTo(1);
        }
    }

    @Test
    void server_listensOnLoopbackOnly() throws IOException {
        try (LocalDynamoDb db = LocalDynamoDb.inMemory()) {
            assertThat(db.endpoint().getHost()).isEqualTo("127.0.0.1");
            Optional<InetAddress> external = NetworkInterface.networkInterfaces()
                    .flatMap(NetworkInterface::inetAddresses)
                    .filter(a -> !a.isLoopbackAddress() && !a.isLinkLocalAddress())
                    .findFirst();
            assumeTrue(external.isPresent(), "no non-loopback address on this machine to try");

            assertThatThrownBy(() -> {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(external.get(), db.endpoint().getPort()), 2000);
                }
            }).isInstanceOf(IOException.class);
        }
    }

    @Test
    void close_stopsEveryThreadItStartedSoTheJvmCanExit() throws InterruptedException {
        LocalDynamoDb db = LocalDynamoDb.persistent(dir);
        try (DynamoDbClient client = db.newClient()) {
            client.listTables();
        }
        ThreadGroup threads = db.threadGroup();
        assertThat(threads.activeCount()).isPositive();

        db.close();

        Thread[] remaining = new Thread[threads.activeCount() + 10];
        int count = threads.enumerate(remaining);
        for (int i = 0; i < count; i++) {
            remaining[i].join(30_000);
            assertThat(remaining[i].isAlive()).as("thread %s", remaining[i].getName()).isFalse();
        }
    }

    @Test
    void start_onATakenPortFailsClearly() {
        try (LocalDynamoDb first = LocalDynamoDb.inMemory()) {
            int port = first.endpoint().getPort();

            assertThatThrownBy(() -> LocalDynamoDb.start(Optional.empty(), port))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("127.0.0.1:" + port);
        }
    }
}

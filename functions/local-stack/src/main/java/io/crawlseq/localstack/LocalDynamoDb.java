package io.crawlseq.localstack;

import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBRequestHandler;
import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBServerHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * DynamoDB Local 2.6 in this JVM, on 127.0.0.1, in memory or persisted in a directory.
 *
 * <p>DynamoDB Local's own launcher ({@code ServerRunner}) binds every interface and links its telemetry
 * client (Pinpoint/Cognito SDK modules, which we leave out). We host its request handler in a Jetty
 * server of our own instead: loopback only, and no code path that could send telemetry. SQLite's native
 * library ships inside the DynamoDB Local jar, which extracts it to the temp directory on first use. One
 * shared database serves every client, whatever region or credentials it signs with.
 */
public final class LocalDynamoDb implements LocalService {

    /** Held strongly: java.util.logging forgets levels set on loggers nobody references. */
    private static final Logger SQLITE_LOG = Logger.getLogger("com.almworks.sqlite4java");

    private final Server server;
    private final LocalDynamoDBServerHandler handler;
    private final ThreadGroup backgroundThreads;
    private final URI endpoint;
    private final Optional<Path> databaseDirectory;

    private LocalDynamoDb(Server server, LocalDynamoDBServerHandler handler, ThreadGroup backgroundThreads,
                          URI endpoint, Optional<Path> databaseDirectory) {
        this.server = server;
        this.handler = handler;
        this.backgroundThreads = backgroundThreads;
        this.endpoint = endpoint;
        this.databaseDirectory = databaseDirectory;
    }

    /** An in-memory database on a free port: gone when closed. */
    public static LocalDynamoDb inMemory() {
        return start(Optional.empty(), 0);
    }

    /** A database persisted under {@code directory} (created if missing), on a free port. */
    public static LocalDynamoDb persistent(Path directory) {
        return start(Optional.of(directory), 0);
    }

    /**
     * @param databaseDirectory where to persist the database; empty for in-memory
     * @param port              the loopback port, 0 for a free one
     */
    public static LocalDynamoDb start(Optional<Path> databaseDirectory, int port) {
        SQLITE_LOG.setLevel(Level.WARNING);
        databaseDirectory.ifPresent(LocalDynamoDb::createDirectories);
        ThreadGroup backgroundThreads = new ThreadGroup("dynamodb-local");
        LocalDynamoDBServerHandler handler = createIn(backgroundThreads, databaseDirectory);
        Server server = new Server(requestThreads(backgroundThreads));
        ServerConnector connector = new ServerConnector(server);
        connector.setHost(Loopback.HOST);
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(new ContextHandler(handler, "/"));
        server.setStopTimeout(0); // no graceful wait: clients keep idle keep-alive connections open
        try {
            server.start();
        } catch (Exception e) {
            handler.close();
            throw new IllegalStateException("DynamoDB Local did not start on " + Loopback.HOST + ":" + port, e);
        }
        return new LocalDynamoDb(server, handler, backgroundThreads, Loopback.endpoint(connector.getLocalPort()),
                databaseDirectory);
    }

    @Override
    public String name() {
        return "dynamodb";
    }

    @Override
    public URI endpoint() {
        return endpoint;
    }

    /** The threads this server started (Jetty's and DynamoDB Local's), for tests of clean shutdown. */
    ThreadGroup threadGroup() {
        return backgroundThreads;
    }

    public Optional<Path> databaseDirectory() {
        return databaseDirectory;
    }

    /** A new client for this server; the caller closes it. */
    public DynamoDbClient newClient() {
        return LocalAwsClients.dynamoDb(endpoint);
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not stop cleanly", e);
        } finally {
            handler.close();
            // DynamoDB Local's background jobs (stream shard rollover) check their cancel flag only between
            // sleeps of hours; interrupting them lets the JVM exit when the caller is done.
            backgroundThreads.interrupt();
        }
    }

    /**
     * Jetty's request threads, in {@code group} too: DynamoDB Local creates some pools lazily while serving
     * the first requests, and their threads inherit the group.
     */
    private static QueuedThreadPool requestThreads(ThreadGroup group) {
        int maxThreads = 50;
        int minThreads = 2;
        int idleTimeoutMs = 60_000;
        int reservedThreads = -1;
        QueuedThreadPool pool = new QueuedThreadPool(maxThreads, minThreads, idleTimeoutMs, reservedThreads, null, group);
        pool.setName("dynamodb-local");
        return pool;
    }

    /**
     * Builds the handler on a thread of {@code group}: DynamoDB Local creates its worker pools there, so
     * their threads join the group and {@link #close} can reach them.
     */
    private static LocalDynamoDBServerHandler createIn(ThreadGroup group, Optional<Path> databaseDirectory) {
        AtomicReference<LocalDynamoDBServerHandler> created = new AtomicReference<>();
        AtomicReference<RuntimeException> failed = new AtomicReference<>();
        Thread init = new Thread(group, () -> {
            try {
                created.set(newHandler(databaseDirectory));
            } catch (RuntimeException e) {
                failed.set(e);
            }
        }, "dynamodb-local-init");
        init.start();
        try {
            init.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while DynamoDB Local was starting", e);
        }
        if (failed.get() != null) {
            throw failed.get();
        }
        return created.get();
    }

    private static LocalDynamoDBServerHandler newHandler(Optional<Path> databaseDirectory) {
        try {
            boolean inMemory = databaseDirectory.isEmpty();
            String dbPath = databaseDirectory.map(p -> p.toAbsolutePath().toString()).orElse(null);
            boolean sharedDb = true;
            boolean delayTransientStatuses = false;
            String corsAllowList = null;
            return new LocalDynamoDBServerHandler(
                    new LocalDynamoDBRequestHandler(0, inMemory, dbPath, sharedDb, delayTransientStatuses),
                    corsAllowList);
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local could not open its database", e);
        }
    }

    private static void createDirectories(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the DynamoDB Local directory " + directory, e);
        }
    }
}

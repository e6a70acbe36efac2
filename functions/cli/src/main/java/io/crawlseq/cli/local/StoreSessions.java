package io.crawlseq.cli.local;

import io.crawlseq.store.Storage;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The stores one CLI process uses: each location opened on first use, at most once, and closed
 * when the process is done. Commands that need no store never start one.
 */
public final class StoreSessions implements AutoCloseable {

    private final StoreOpener opener;
    private final Map<StoreLocation, StoreOpener.OpenedStore> open = new LinkedHashMap<>();

    public StoreSessions(StoreOpener opener) {
        this.opener = opener;
    }

    /**
     * The store at {@code location}, opened now if it is not yet.
     *
     * @throws io.crawlseq.localstack.LocalStores.DataDirectoryInUseException when another process has the data directory
     */
    public synchronized Storage storage(StoreLocation location) {
        return open.computeIfAbsent(location, opener::open).storage();
    }

    @Override
    public synchronized void close() {
        RuntimeException first = null;
        for (StoreOpener.OpenedStore store : open.values()) {
            try {
                store.close();
            } catch (RuntimeException e) {
                first = first == null ? e : first;
            }
        }
        open.clear();
        if (first != null) {
            throw first;
        }
    }
}

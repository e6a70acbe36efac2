package io.crawlseq.cli.local;

import io.crawlseq.localstack.LocalStores;
import io.crawlseq.store.Storage;

/** Opens the store at a {@link StoreLocation}. Tests substitute one that hands out a shared store. */
@FunctionalInterface
public interface StoreOpener {

    OpenedStore open(StoreLocation location);

    /** An open store; closing it stops whatever the opener started. */
    interface OpenedStore extends AutoCloseable {
        Storage storage();

        @Override
        void close();
    }

    /** The real thing: {@link LocalStores} for a data directory (DynamoDB Local starts, ~2 s), the AWS SDK for a deployed store. */
    StoreOpener STANDARD = location -> switch (location) {
        case StoreLocation.LocalDataDir dir -> {
            LocalStores stores = LocalStores.open(dir.directory());
            yield new OpenedStore() {
                @Override
                public Storage storage() {
                    return stores.storage();
                }

                @Override
                public void close() {
                    stores.close();
                }
            };
        }
        case StoreLocation.Deployed deployed -> deployed.store().open(deployed.environment());
    };
}

package io.crawlseq.crawler.fetch;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Remembers {@link Validators} per URL so repeated fetches can be conditional (a 304 costs the
 * site almost nothing). The in-memory default forgets on restart; a store can implement this
 * interface to persist them.
 */
public interface ValidatorCache {

    Optional<Validators> get(String url);

    void put(String url, Validators validators);

    /** A bounded in-memory cache (least recently used entries go first). */
    static ValidatorCache inMemory(int maxEntries) {
        return new InMemory(maxEntries);
    }

    /** Remembers nothing: no conditional requests. */
    static ValidatorCache none() {
        return new ValidatorCache() {
            @Override
            public Optional<Validators> get(String url) {
                return Optional.empty();
            }

            @Override
            public void put(String url, Validators validators) {
            }
        };
    }

    final class InMemory implements ValidatorCache {
        private final Map<String, Validators> entries;

        InMemory(int maxEntries) {
            this.entries = new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Validators> eldest) {
                    return size() > maxEntries;
                }
            };
        }

        @Override
        public synchronized Optional<Validators> get(String url) {
            return Optional.ofNullable(entries.get(url));
        }

        @Override
        public synchronized void put(String url, Validators validators) {
            if (validators.isEmpty()) {
                entries.remove(url);
            } else {
                entries.put(url, validators);
            }
        }
    }
}

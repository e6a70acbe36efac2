package io.crawlseq.store.blob;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.crawlseq.store.Page;
import io.crawlseq.store.PageRequest;
import io.crawlseq.store.internal.Checks;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Blobs as files under one root directory (local runs). Each blob is one file holding a small header (its
 * key, content type and metadata) and then the bytes, written to a temporary file and moved into place,
 * so a reader never sees half a blob or bytes without their metadata.
 *
 * <p>Keys never escape the root: {@link BlobKey} already refuses {@code ..}, absolute keys, backslashes
 * and NUL; each segment is further percent-encoded to a portable file name (upper-case letters too, so
 * keys differing in case stay apart on case-insensitive file systems), long segments are shortened with a
 * hash, and every resolved path is checked to lie under the root. Blob files end in {@code ~b} and
 * encoded names never contain {@code ~}, so the blob {@code a} and the blobs under {@code a/} coexist.
 */
public final class LocalDirectoryBlobStore implements BlobStore {

    private static final String BLOB_SUFFIX = "~b";
    private static final String TEMP_MARKER = "~tmp-";
    private static final byte[] MAGIC = "crawlseq-blob-1\n".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_SEGMENT_CHARS = 120;
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final Path root;

    private LocalDirectoryBlobStore(Path root) {
        this.root = root;
    }

    /** A store under {@code root}, created if missing. */
    public static LocalDirectoryBlobStore open(Path root) {
        try {
            Files.createDirectories(root);
            return new LocalDirectoryBlobStore(root.toRealPath());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open blob directory " + root, e);
        }
    }

    public Path root() {
        return root;
    }

    @Override
    public void put(BlobKey key, byte[] bytes, BlobMetadata metadata) {
        Path target = pathOf(key);
        try {
            Files.createDirectories(target.getParent());
            requireRealParentUnderRoot(target);
            Path temp = target.resolveSibling(target.getFileName() + TEMP_MARKER + UUID.randomUUID());
            try {
                writeBlobFile(temp, key, bytes, metadata);
                moveIntoPlace(temp, target);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write blob " + key, e);
        }
    }

    @Override
    public Optional<Blob> get(BlobKey key) {
        Path file = pathOf(key);
        try (InputStream in = Files.newInputStream(requireRealParentUnderRoot(file))) {
            Header header = readHeader(new DataInputStream(in), file);
            return Optional.of(new Blob(key, in.readAllBytes(), header.metadata()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read blob " + key, e);
        }
    }

    @Override
    public boolean exists(BlobKey key) {
        try {
            return Files.isRegularFile(requireRealParentUnderRoot(pathOf(key)));
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot check blob " + key, e);
        }
    }

    @Override
    public void delete(BlobKey key) {
        try {
            Files.deleteIfExists(requireRealParentUnderRoot(pathOf(key)));
        } catch (NoSuchFileException e) {
            // parent directory missing: nothing to delete
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete blob " + key, e);
        }
    }

    @Override
    public Page<BlobKey> list(String prefix, PageRequest page) {
        requireValidPrefix(prefix);
        String after = page.cursor().orElse("");
        List<BlobKey> matching = new ArrayList<>();
        for (BlobKey key : keysUnder(directoryOfPrefix(prefix))) {
            if (key.value().startsWith(prefix) && BlobKeys.UTF8_ORDER.compare(key.value(), after) > 0) {
                matching.add(key);
            }
        }
        matching.sort(null);
        if (matching.size() <= page.limit()) {
            return Page.last(matching);
        }
        List<BlobKey> items = matching.subList(0, page.limit());
        return new Page<>(items, Optional.of(items.get(items.size() - 1).value()));
    }

    /** The file a key lives in. Package-private for tests. */
    Path pathOf(BlobKey key) {
        List<String> segments = key.segments();
        Path path = root;
        for (int i = 0; i < segments.size(); i++) {
            String name = fileName(segments.get(i));
            path = path.resolve(i == segments.size() - 1 ? name + BLOB_SUFFIX : name);
        }
        return requireUnderRoot(path.normalize());
    }

    private Path requireUnderRoot(Path path) {
        if (!path.startsWith(root)) {
            throw new IllegalArgumentException("blob path " + path + " is outside the blob root " + root);
        }
        return path;
    }

    /**
     * Refuses a file whose directory, symbolic links resolved, is outside the root (a link planted in the
     * blob directory must not redirect writes elsewhere).
     */
    private Path requireRealParentUnderRoot(Path file) throws IOException {
        requireUnderRoot(file.getParent().toRealPath());
        return file;
    }

    /** Percent-encodes everything but lower-case letters, digits, '.', '-' and '_'. */
    static String fileName(String segment) {
        StringBuilder out = new StringBuilder();
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.' || c == '-' || c == '_') {
                out.append(c);
            } else {
                out.append('%').append(HexFormat.of().withUpperCase().toHexDigits(b));
            }
        }
        if (out.charAt(0) == '.') {
            out.replace(0, 1, "%2E"); // no hidden files, no "." or ".." names
        }
        if (out.length() > MAX_SEGMENT_CHARS) {
            String digest = BlobKeys.sha256Hex(segment.getBytes(StandardCharsets.UTF_8)).substring(0, 32);
            return out.substring(0, safeCut(out, 60)) + "%~" + digest;
        }
        return out.toString();
    }

    /** A cut position that does not split a %XX escape. */
    private static int safeCut(CharSequence encoded, int max) {
        int percent = encoded.toString().lastIndexOf('%', max - 1);
        return percent >= 0 && percent > max - 3 ? percent : max;
    }

    private static void requireValidPrefix(String prefix) {
        if (Checks.utf8Length(prefix) > BlobKey.MAX_BYTES || Checks.firstControlCharacter(prefix) >= 0) {
            throw new IllegalArgumentException("invalid blob prefix: control characters or longer than "
                    + BlobKey.MAX_BYTES + " bytes");
        }
    }

    /** The deepest directory every key with this prefix lives under. */
    private Path directoryOfPrefix(String prefix) {
        int slash = prefix.lastIndexOf('/');
        if (slash <= 0) {
            return root;
        }
        String dirKey = prefix.substring(0, slash);
        if (BlobKey.problem(dirKey).isPresent()) {
            return root; // unusual prefix: fall back to a full scan, the startsWith filter still applies
        }
        Path dir = root;
        for (String segment : BlobKey.of(dirKey).segments()) {
            dir = dir.resolve(fileName(segment));
        }
        return requireUnderRoot(dir.normalize());
    }

    private List<BlobKey> keysUnder(Path dir) {
        List<BlobKey> keys = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return keys;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    if (attrs.isRegularFile() && file.getFileName().toString().endsWith(BLOB_SUFFIX)) {
                        try (InputStream in = Files.newInputStream(file)) {
                            keys.add(BlobKey.of(readHeader(new DataInputStream(in), file).key()));
                        } catch (NoSuchFileException deletedMeanwhile) {
                            // a concurrent delete: the blob is gone, which is what a listing should show
                        }
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list blobs under " + dir, e);
        }
        return keys;
    }

    private record Header(String key, BlobMetadata metadata) {
    }

    private static void writeBlobFile(Path file, BlobKey key, byte[] bytes, BlobMetadata metadata) throws IOException {
        byte[] header = JSON.writeValueAsBytes(Map.of("key", key.value(), "contentType", metadata.contentType(),
                "metadata", metadata.userMetadata()));
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(MAGIC);
            out.write(intBytes(header.length));
            out.write(header);
            out.write(bytes);
        }
    }

    private static Header readHeader(DataInputStream in, Path file) throws IOException {
        byte[] magic = in.readNBytes(MAGIC.length);
        if (!java.util.Arrays.equals(magic, MAGIC)) {
            throw new IOException("not a blob file: " + file);
        }
        int length = in.readInt();
        if (length < 0 || length > 64 * 1024) {
            throw new IOException("corrupt blob header in " + file);
        }
        try {
            var node = JSON.readTree(in.readNBytes(length));
            Map<String, String> metadata = JSON.convertValue(node.path("metadata"),
                    JSON.getTypeFactory().constructMapType(Map.class, String.class, String.class));
            return new Header(node.path("key").asText(),
                    new BlobMetadata(node.path("contentType").asText(), metadata == null ? Map.of() : metadata));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IOException("corrupt blob header in " + file, e);
        }
    }

    private static byte[] intBytes(int value) {
        return new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
    }

    private static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}

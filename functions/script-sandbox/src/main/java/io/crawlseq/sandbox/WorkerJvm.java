package io.crawlseq.sandbox;

import io.crawlseq.sandbox.internal.worker.WorkerMain;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.graalvm.polyglot.Context;

/**
 * How worker JVMs are launched.
 *
 * @param java         the {@code java} executable (default: the one running this JVM)
 * @param classpath    entries holding the worker, GraalJS, jsoup and Jackson (default: detected from
 *                     this JVM: {@code java.class.path} plus any {@link URLClassLoader} URLs, which
 *                     covers plain {@code java -cp}, Maven Surefire and the AWS Lambda runtime)
 * @param cdsArchive   an AppCDS archive to use, created on first use
 *                     ({@code -XX:+AutoCreateSharedArchive}); used only when every classpath entry is a
 *                     jar, as the JVM requires
 * @param extraOptions further JVM options, appended last
 */
public record WorkerJvm(Path java, List<String> classpath, Optional<Path> cdsArchive, List<String> extraOptions) {

    public WorkerJvm {
        Objects.requireNonNull(java, "java");
        classpath = List.copyOf(classpath);
        Objects.requireNonNull(cdsArchive, "cdsArchive");
        extraOptions = List.copyOf(extraOptions);
    }

    /** This JVM's java and classpath, no CDS archive. */
    public static WorkerJvm detect() {
        return new WorkerJvm(Path.of(System.getProperty("java.home"), "bin", "java"), detectClasspath(),
                Optional.empty(), List.of());
    }

    public WorkerJvm withCdsArchive(Path archive) {
        return new WorkerJvm(java, classpath, Optional.of(archive), extraOptions);
    }

    /**
     * A CDS archive in {@code directory} (created when missing), named for the java executable and
     * classpath so that installs and builds never overwrite each other's archive. Without a usable
     * directory, or with a classpath the JVM cannot archive (directories on it): no archive, and
     * nothing is created.
     */
    public WorkerJvm withCdsArchiveIn(Path directory) {
        if (!withCdsArchive(directory.resolve("probe.jsa")).usesCds()) {
            return new WorkerJvm(java, classpath, Optional.empty(), extraOptions);
        }
        try {
            Files.createDirectories(directory);
        } catch (IOException | RuntimeException e) {
            return new WorkerJvm(java, classpath, Optional.empty(), extraOptions);
        }
        return withCdsArchive(directory.resolve("script-worker-" + Runtime.version().feature() + "-" + fingerprint() + ".jsa"));
    }

    /**
     * Where command-line tools keep the worker's CDS archive: {@code $XDG_CACHE_HOME/crawl-sequences},
     * else {@code ~/.cache/crawl-sequences}.
     */
    public static Path userCacheDirectory(Map<String, String> environment) {
        String xdg = environment.get("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("crawl-sequences");
    }

    private String fingerprint() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(java.toString().getBytes(StandardCharsets.UTF_8));
            for (String entry : classpath) {
                sha.update((byte) 0);
                sha.update(entry.getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    public WorkerJvm withExtraOptions(List<String> options) {
        return new WorkerJvm(java, classpath, cdsArchive, options);
    }

    /** Whether the CDS archive can be used: configured and the classpath is jars only. */
    public boolean usesCds() {
        return cdsArchive.isPresent() && ARCHIVABLE.computeIfAbsent(classpath, WorkerJvm::archivable);
    }

    private static final Map<List<String>, Boolean> ARCHIVABLE = new ConcurrentHashMap<>();

    /**
     * Whether the JVM can write a CDS archive for this classpath: only jars, also among the entries
     * jar manifests add ({@code Class-Path}, followed from jar to jar). A manifest naming a directory
     * (DynamoDB Local's names {@code .}) makes the JVM fail the archive at exit, so no archive is
     * asked for then.
     */
    static boolean archivable(List<String> classpath) {
        Set<Path> seen = new java.util.HashSet<>();
        java.util.ArrayDeque<Path> pending = new java.util.ArrayDeque<>();
        classpath.forEach(e -> pending.add(Path.of(e)));
        int given = pending.size();
        for (int visited = 0; !pending.isEmpty(); visited++) {
            Path entry = pending.poll().toAbsolutePath().normalize();
            boolean fromManifest = visited >= given;
            if (!seen.add(entry) || fromManifest && Files.notExists(entry)) {
                continue; // the JVM skips what a manifest names but is not there
            }
            if (!Files.isRegularFile(entry) || !entry.toString().endsWith(".jar")) {
                return false;
            }
            Optional<List<Path>> added = manifestClassPath(entry);
            if (added.isEmpty()) {
                return false;
            }
            pending.addAll(added.get());
        }
        return true;
    }

    /** The entries a jar's manifest adds, resolved against the jar's directory; empty when the jar cannot be read. */
    private static Optional<List<Path>> manifestClassPath(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            String value = manifest == null ? null : manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
            List<Path> entries = new ArrayList<>();
            for (String relative : value == null ? new String[0] : value.trim().split("\\s+")) {
                if (!relative.isEmpty()) {
                    entries.add(jar.getParent().resolve(relative));
                }
            }
            return Optional.of(entries);
        } catch (IOException | java.nio.file.InvalidPathException e) {
            return Optional.empty();
        }
    }

    static List<String> detectClasspath() {
        Set<String> entries = new LinkedHashSet<>();
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                entries.add(entry);
            }
        }
        for (ClassLoader loader = WorkerMain.class.getClassLoader(); loader != null; loader = loader.getParent()) {
            if (loader instanceof URLClassLoader urls) {
                for (URL url : urls.getURLs()) {
                    fileOf(url).ifPresent(entries::add);
                }
            }
        }
        // Under a manifest-only classpath jar (Surefire) the jar's Class-Path covers the rest, but
        // not necessarily this module's own classes.
        for (Class<?> anchor : List.of(WorkerMain.class, Context.class)) {
            Optional.ofNullable(anchor.getProtectionDomain().getCodeSource())
                    .flatMap(source -> fileOf(source.getLocation()))
                    .ifPresent(entries::add);
        }
        return new ArrayList<>(entries);
    }

    private static Optional<String> fileOf(URL url) {
        if (url == null || !"file".equals(url.getProtocol())) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(url.toURI()).toString());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}

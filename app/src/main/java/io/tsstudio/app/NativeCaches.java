package io.tsstudio.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Makes the two native-library caches safe when several of our processes start at once (the studio and its run
 * worker on the very first start, two studios, a studio and a CLI run). Each library unpacks its natives lazily and
 * neither does so safely across processes: JavaCPP re-checks under its own {@code .lock} but loads libraries while a
 * sibling process may still be replacing the symbolic links and renamed copies it makes beside them (seen as SIGSEGV
 * or SIGBUS in the loading JVM), and JavaFX deletes a file whose checksum differs (a sibling's half-written copy)
 * and writes it again in place ("Unable to load glass GTK library").
 *
 * <ul>
 *   <li><b>JavaCPP</b> (LibTorch, OpenBLAS): the first process to take {@code native-cache.lock} fills the cache by
 *   loading LibTorch itself, then writes a manifest ({@code .tsstudio-complete-<key>}): every file (size, modification time) and symbolic link
 *   (target) JavaCPP left there, plus the native jars it came from. A later process verifies that manifest before
 *   any LibTorch class loads; JavaCPP then finds every file with the size and timestamp it checks and rewrites
 *   nothing. A cache without a valid manifest (an interrupted first start, another version's jars) is emptied and
 *   filled again under the lock. Filling is JavaCPP's own code, so the layout is exactly what it reuses (its links
 *   are absolute paths into the cache and some libraries are renamed copies, which is why the cache is not unpacked
 *   here and renamed into place).</li>
 *   <li><b>JavaFX</b>: its natives are unpacked from the jar into a fresh temporary folder, which is renamed to
 *   {@code openjfx-cache/<jar name>} in one step; {@code javafx.cachedir} points there. JavaFX then finds files with
 *   the right checksum and only reads them. A folder whose files do not match the jar is replaced.</li>
 * </ul>
 */
public final class NativeCaches {
    static final String MANIFEST_PREFIX = ".tsstudio-complete-";
    static final String LOCK = "native-cache.lock";
    private static final String MANIFEST_HEADER = "tsstudio native cache v1";
    private static final Object IN_PROCESS = new Object();

    private NativeCaches() {
    }

    /** What filling the JavaCPP cache means: loading LibTorch in this process. */
    @FunctionalInterface
    public interface Loader {
        void load() throws Exception;
    }

    /**
     * Verifies the JavaCPP cache, filling it first (under the cross-process lock) when it is missing, stale or
     * damaged. Returns true when this call filled it. Must run before any LibTorch class loads in this process.
     */
    public static boolean prepareJavaCpp(Path cacheDir, List<Path> nativeJars, String platform, Runnable onFill,
                                         Loader loadLibTorch, Runnable onWait) throws IOException {
        String key = jarKey(nativeJars);
        List<String> subdirs = nativeJars.stream().map(j -> j.getFileName().toString()).toList();
        if (manifestValid(cacheDir, key)) return false;
        synchronized (IN_PROCESS) {
            Files.createDirectories(cacheDir.getParent());
            try (FileChannel ch = FileChannel.open(cacheDir.getParent().resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = lock(ch, onWait)) {
                if (manifestValid(cacheDir, key)) return false;
                // Only our jars' folders: JavaCPP keeps one per jar, so another version's files can stay.
                for (String sub : subdirs) deleteTree(cacheDir.resolve(sub));
                Files.createDirectories(cacheDir);
                onFill.run();
                unpackJavaCpp(cacheDir, nativeJars, platform);
                try {
                    loadLibTorch.load();
                } catch (Exception | LinkageError e) {
                    throw new IOException("LibTorch could not be loaded while unpacking it into " + cacheDir + ": " + e.getMessage(), e);
                }
                writeManifest(cacheDir, key, subdirs);
                return true;
            }
        }
    }

    /**
     * Lays the natives out as JavaCPP leaves them after a successful load: {@code <jar name>/<entry path>} with the
     * entry's size and time (what {@code Loader.cacheResource} checks), plus the links JavaCPP makes as it loads: a
     * library another jar provides (OpenBLAS needs LibTorch's libgomp, LibTorch needs OpenBLAS and its Fortran
     * runtime) is linked by absolute path into each folder, and {@code libX.so -> libX.so.N}. Without those links
     * in place before the first load, a library's {@code $ORIGIN} lookup finds a system copy (the system's
     * libgomp), a second copy of the OpenMP runtime loads beside LibTorch's, and LibTorch's static initialisers
     * crash in {@code pthread_mutex_lock}. Each jar's folder is filled under a temporary name and renamed into place.
     */
    static void unpackJavaCpp(Path cacheDir, List<Path> nativeJars, String platform) throws IOException {
        Path tmp = Files.createTempDirectory(cacheDir, ".unpacking-");
        try {
            Map<String, Path> libraries = new LinkedHashMap<>();   // file name -> final path, first jar wins
            Map<Path, Path> libraryDirs = new LinkedHashMap<>();   // final library folder -> its temporary twin
            for (Path jarPath : nativeJars) {
                String jarName = jarPath.getFileName().toString();
                try (JarFile jar = new JarFile(jarPath.toFile())) {
                    for (JarEntry e : jar.stream().toList()) {
                        String n = e.getName();
                        if (e.isDirectory() || !n.startsWith("org/bytedeco/") || !n.contains("/" + platform + "/")) continue;
                        Path out = tmp.resolve(jarName).resolve(n);
                        Files.createDirectories(out.getParent());
                        try (InputStream in = jar.getInputStream(e)) {
                            Files.copy(in, out);
                        }
                        Files.setLastModifiedTime(out, java.nio.file.attribute.FileTime.fromMillis(e.getTime()));
                        String file = out.getFileName().toString();
                        Path finalPath = cacheDir.resolve(jarName).resolve(n);
                        if (isSharedLibrary(file) && n.endsWith(platform + "/" + file)) {
                            libraries.putIfAbsent(file, finalPath);
                            libraryDirs.put(finalPath.getParent(), out.getParent());
                        }
                    }
                }
            }
            for (Map.Entry<Path, Path> dir : libraryDirs.entrySet()) {
                for (Map.Entry<String, Path> lib : libraries.entrySet()) {
                    String name = lib.getKey();
                    if (name.startsWith("libjni") || Files.exists(dir.getValue().resolve(name), LinkOption.NOFOLLOW_LINKS)) continue;
                    Files.createSymbolicLink(dir.getValue().resolve(name), lib.getValue());
                }
                try (Stream<Path> files = Files.list(dir.getValue())) {
                    for (Path f : files.toList()) {
                        String name = f.getFileName().toString();
                        int so = name.indexOf(".so.");
                        if (so < 0 || name.startsWith("libjni")) continue;
                        Path dev = dir.getValue().resolve(name.substring(0, so + 3));
                        if (!Files.exists(dev, LinkOption.NOFOLLOW_LINKS)) Files.createSymbolicLink(dev, Path.of(name));
                    }
                }
            }
            for (Path jarPath : nativeJars) {
                String jarName = jarPath.getFileName().toString();
                if (Files.isDirectory(tmp.resolve(jarName))) Files.move(tmp.resolve(jarName), cacheDir.resolve(jarName), StandardCopyOption.ATOMIC_MOVE);
            }
        } finally {
            deleteTree(tmp);
        }
    }

    private static boolean isSharedLibrary(String file) {
        return file.endsWith(".so") || file.contains(".so.") || file.endsWith(".dylib") || file.endsWith(".dll");
    }

    private static FileLock lock(FileChannel ch, Runnable onWait) throws IOException {
        FileLock l = ch.tryLock();
        if (l != null) return l;
        onWait.run();
        return ch.lock();
    }

    /** True when the manifest is there, names these jars, and every file and link it lists is as recorded. */
    static boolean manifestValid(Path cacheDir, String key) {
        Path manifest = manifestFile(cacheDir, key);
        List<String> lines;
        try {
            lines = Files.readAllLines(manifest, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return false;
        }
        if (lines.size() < 3 || !lines.get(0).equals(MANIFEST_HEADER) || !lines.get(1).equals("jars " + key)) return false;
        int files = 0;
        for (String line : lines.subList(2, lines.size())) {
            String[] f = line.split("\t", 4);
            try {
                Path p = cacheDir.resolve(f[f.length - 1]);
                if (f[0].equals("file") && f.length == 4) {
                    BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                    if (!a.isRegularFile() || a.size() != Long.parseLong(f[1]) || a.lastModifiedTime().toMillis() != Long.parseLong(f[2])) return false;
                    files++;
                } else if (f[0].equals("link") && f.length == 3) {
                    if (!Files.isSymbolicLink(p) || !Files.readSymbolicLink(p).toString().equals(f[1])) return false;
                } else {
                    return false;
                }
            } catch (IOException | RuntimeException e) {
                return false;
            }
        }
        return files > 0;
    }

    static Path manifestFile(Path cacheDir, String key) {
        return cacheDir.resolve(MANIFEST_PREFIX + String.format("%08x", key.hashCode()));
    }

    private static void writeManifest(Path cacheDir, String key, List<String> subdirs) throws IOException {
        List<String> lines = new ArrayList<>(List.of(MANIFEST_HEADER, "jars " + key));
        for (String sub : subdirs) {
            if (!Files.isDirectory(cacheDir.resolve(sub))) continue;
            try (Stream<Path> all = Files.walk(cacheDir.resolve(sub))) {
                for (Path p : all.sorted().toList()) {
                    String rel = cacheDir.relativize(p).toString();
                    if (rel.contains("\t") || rel.contains("\n")) continue;
                    BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                    if (a.isSymbolicLink()) lines.add("link\t" + Files.readSymbolicLink(p) + "\t" + rel);
                    else if (a.isRegularFile()) lines.add("file\t" + a.size() + "\t" + a.lastModifiedTime().toMillis() + "\t" + rel);
                }
            }
        }
        Path tmp = Files.createTempFile(cacheDir, ".manifest", ".tmp");
        Files.write(tmp, lines, StandardCharsets.UTF_8);
        try (FileChannel c = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            c.force(true);
        }
        Files.move(tmp, manifestFile(cacheDir, key), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Names and sizes of the jars the natives come from: a new LibTorch or JavaCPP version fills the cache again. */
    static String jarKey(List<Path> nativeJars) throws IOException {
        List<String> parts = new ArrayList<>();
        for (Path jar : nativeJars.stream().sorted(Comparator.comparing(p -> p.getFileName().toString())).toList()) {
            parts.add(jar.getFileName() + ":" + Files.size(jar));
        }
        return String.join(",", parts);
    }

    /** The JavaCPP jars with natives for this platform on {@code classPath} (pytorch, openblas, javacpp). */
    public static List<Path> javaCppNativeJars(String classPath, String platform) {
        List<Path> out = new ArrayList<>();
        for (String entry : classPath.split(java.io.File.pathSeparator)) {
            if (entry.isBlank()) continue;
            Path p = Path.of(entry);
            String name = p.getFileName() == null ? "" : p.getFileName().toString();
            // JavaCPP's platform jars are named <artifact>-<version>-<platform>.jar; only they hold its natives.
            if (name.endsWith("-" + platform + ".jar") && Files.isRegularFile(p)) out.add(p);
        }
        return out;
    }

    /** JavaCPP's name for this platform, e.g. {@code linux-x86_64}. */
    public static String javaCppPlatform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String o = os.startsWith("windows") ? "windows" : os.startsWith("mac") ? "macosx" : os.startsWith("linux") ? "linux" : os;
        String a = switch (arch) {
            case "amd64", "x86_64", "x86-64" -> "x86_64";
            case "aarch64", "arm64" -> "arm64";
            case "ppc64le" -> "ppc64le";
            default -> arch;
        };
        return o + "-" + a;
    }

    // ---- JavaFX ------------------------------------------------------------------------------------------------

    /**
     * Unpacks the native libraries at the root of JavaFX's graphics module, {@code librariesRoot} (the root of its jar
     * opened as a zip file system, or its folder in a linked runtime's {@code jrt:} file system), into
     * {@code cacheRoot/name} (a temporary folder renamed into place) unless they are there already, and returns that
     * folder for {@code javafx.cachedir}.
     */
    public static Path prepareJavaFx(Path cacheRoot, String name, Path librariesRoot) throws IOException {
        Path target = cacheRoot.resolve(name);
        String suffix = System.mapLibraryName("x").substring(System.mapLibraryName("x").lastIndexOf('.'));
        Map<String, Long> libs = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(librariesRoot)) {
            for (Path f : files.sorted().toList()) {
                String file = f.getFileName().toString().replace("/", "");
                if (file.endsWith(suffix) && Files.isRegularFile(f)) libs.put(file, Files.size(f));
            }
        }
        if (matches(target, libs)) return target;
        Files.createDirectories(cacheRoot);
        Path tmp = Files.createTempDirectory(cacheRoot, "." + name + ".unpacking-");
        try {
            for (String lib : libs.keySet()) {
                Path out = tmp.resolve(lib);
                try (InputStream in = Files.newInputStream(librariesRoot.resolve(lib))) {
                    Files.copy(in, out);
                }
                try (FileChannel c = FileChannel.open(out, StandardOpenOption.WRITE)) {
                    c.force(true);
                }
            }
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !matches(target, libs)) {
                // Damaged (an older version's half-filled cache): move it aside in one step, then delete it.
                Path old = Files.createTempDirectory(cacheRoot, "." + name + ".stale-");
                try {
                    Files.move(target, old.resolve(name), StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException raced) {
                    // Another process replaced it first; whatever is there now is checked below.
                }
                deleteTree(old);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException | AtomicMoveNotSupportedException raced) {
                // A sibling process renamed its complete copy into place first: use that one.
            }
        } finally {
            deleteTree(tmp);
        }
        if (!matches(target, libs)) throw new IOException("the JavaFX native cache " + target + " does not match " + librariesRoot.toUri());
        return target;
    }

    private static boolean matches(Path dir, Map<String, Long> libs) {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS) || libs.isEmpty()) return false;
        for (Map.Entry<String, Long> e : libs.entrySet()) {
            try {
                if (Files.size(dir.resolve(e.getKey())) != e.getValue()) return false;
            } catch (IOException missing) {
                return false;
            }
        }
        return true;
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    static void deleteTree(Path p) {
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) return;
        try (Stream<Path> all = Files.walk(p)) {
            for (Path q : all.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(q);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + p + ": " + e.getMessage(), e);
        }
    }
}

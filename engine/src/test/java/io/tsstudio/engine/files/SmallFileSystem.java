package io.tsstudio.engine.files;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real, small, full-able file system for tests of failing writes: a tmpfs of a few hundred KB mounted on a
 * temp directory. Needs root (CAP_SYS_ADMIN), as in the build containers; elsewhere the test is skipped, saying so.
 */
public final class SmallFileSystem implements AutoCloseable {
    private final Path dir;

    private SmallFileSystem(Path dir) {
        this.dir = dir;
    }

    public static SmallFileSystem mount(Path dir, int kilobytes) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        String out = run("mount", "-t", "tmpfs", "-o", "size=" + kilobytes + "k,mode=0755", "tmpfs", dir.toString());
        Assumptions.assumeTrue(out == null, "cannot mount a small tmpfs here (needs root): " + out);
        return new SmallFileSystem(dir);
    }

    public Path dir() {
        return dir;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        String out = run("umount", dir.toString());
        if (out != null) throw new IOException("umount " + dir + ": " + out);
    }

    /** null when the command succeeded, else its output. */
    private static String run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return p.waitFor() == 0 ? null : out.strip();
    }
}

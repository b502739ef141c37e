package io.tsstudio.app.ipc;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The listening end of a local channel, under one rule for the run worker and the single-instance channel: a
 * Unix-domain socket in a directory only this user can open ({@link PrivateDir}), so no other user can connect at
 * all; loopback TCP only where Unix-domain sockets or POSIX permissions are missing (old Windows), where the
 * peer must also prove it knows a secret that travels outside the command line (environment or a private file).
 * Addresses are {@code unix:PATH} or {@code tcp:PORT}.
 */
public final class LocalServer implements AutoCloseable {
    /** Set to {@code tcp} to force the loopback fallback (tests of the secret check). */
    public static final String TRANSPORT_PROPERTY = "tsstudio.ipc.transport";

    private final ServerSocketChannel server;
    private final Selector selector;
    private final String address;
    private final Path socketFile;
    private final Path ownedDir;

    private LocalServer(ServerSocketChannel server, String address, Path socketFile, Path ownedDir) throws IOException {
        this.server = server;
        this.address = address;
        this.socketFile = socketFile;
        this.ownedDir = ownedDir;
        server.configureBlocking(false);
        this.selector = Selector.open();
        server.register(selector, SelectionKey.OP_ACCEPT);
    }

    /** Whether this JVM and file system can do the Unix-domain variant. */
    public static boolean unixSupported() {
        if ("tcp".equals(System.getProperty(TRANSPORT_PROPERTY))) return false;
        if (!PrivateDir.supported()) return false;
        try (ServerSocketChannel probe = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** A fresh socket in a new private directory under {@code base} (deleted again on close), or loopback TCP. */
    public static LocalServer openEphemeral(Path base) throws IOException {
        if (unixSupported()) {
            Path dir = PrivateDir.createTemp(base, "tsstudio-");
            return bindUnix(dir.resolve("s"), dir);
        }
        return bindTcp();
    }

    /** A socket at a fixed path in an existing private directory (the single-instance channel), or loopback TCP. */
    public static LocalServer openAt(Path socket) throws IOException {
        if (unixSupported()) return bindUnix(socket, null);
        return bindTcp();
    }

    private static LocalServer bindUnix(Path socket, Path ownedDir) throws IOException {
        ServerSocketChannel s = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            s.bind(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            s.close();
            throw e;
        }
        return new LocalServer(s, "unix:" + socket, socket, ownedDir);
    }

    private static LocalServer bindTcp() throws IOException {
        ServerSocketChannel s = ServerSocketChannel.open(StandardProtocolFamily.INET);
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
        return new LocalServer(s, "tcp:" + ((InetSocketAddress) s.getLocalAddress()).getPort(), null, null);
    }

    public String address() {
        return address;
    }

    public boolean isUnix() {
        return socketFile != null;
    }

    /** The next connection, or null when none came within {@code timeoutMillis}. */
    public SocketChannel accept(long timeoutMillis) throws IOException {
        selector.select(Math.max(1, timeoutMillis));
        selector.selectedKeys().clear();
        SocketChannel c = server.accept();
        if (c != null) c.configureBlocking(true);
        return c;
    }

    static SocketAddress parse(String address) {
        if (address.startsWith("unix:")) return UnixDomainSocketAddress.of(address.substring(5));
        if (address.startsWith("tcp:")) return new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(address.substring(4)));
        throw new IllegalArgumentException("not a local channel address: " + address);
    }

    /** A new random secret, 128 bits as hex. */
    public static String newSecret() {
        byte[] b = new byte[16];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** Compares secrets in constant time. */
    public static boolean sameSecret(String expected, String given) {
        return given != null && MessageDigest.isEqual(expected.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                given.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Stops listening; removes the socket file (and the directory made for it). */
    @Override
    public void close() {
        try {
            selector.close();
            server.close();
        } catch (IOException ignored) {
            // already closed
        }
        try {
            if (socketFile != null) Files.deleteIfExists(socketFile);
            if (ownedDir != null) Files.deleteIfExists(ownedDir);
        } catch (IOException ignored) {
            // a leftover empty private directory is harmless
        }
    }
}

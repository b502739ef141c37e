package io.tsstudio.app.ipc;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/** One connection of either kind (Unix-domain or loopback TCP) as lines of text each way; sends are thread-safe. */
public final class LocalChannel implements AutoCloseable {
    private final SocketChannel ch;
    private final BufferedReader in;
    private final Writer out;

    public LocalChannel(SocketChannel ch) throws IOException {
        this.ch = ch;
        if (ch.supportedOptions().contains(StandardSocketOptions.TCP_NODELAY)) ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
        this.in = new BufferedReader(new InputStreamReader(ChannelStreams.input(ch), StandardCharsets.UTF_8));
        this.out = new OutputStreamWriter(ChannelStreams.output(ch), StandardCharsets.UTF_8);
    }

    /** Connects to an address from {@link LocalServer#address()}. */
    public static LocalChannel connect(String address) throws IOException {
        return new LocalChannel(SocketChannel.open(LocalServer.parse(address)));
    }

    public void sendLine(String line) throws IOException {
        synchronized (out) {
            out.write(line);
            out.write('\n');
            out.flush();
        }
    }

    /** The next line, or null at end of stream. */
    public String readLine() throws IOException {
        return in.readLine();
    }

    @Override
    public void close() {
        try {
            ch.close();
        } catch (IOException ignored) {
            // closing a dead channel: nothing left to do
        }
    }
}

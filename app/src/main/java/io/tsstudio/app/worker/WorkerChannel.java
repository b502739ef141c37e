package io.tsstudio.app.worker;

import com.fasterxml.jackson.databind.JsonNode;
import io.tsstudio.app.ipc.LocalChannel;

import java.io.IOException;

/**
 * Line-delimited JSON over a local channel (a Unix-domain socket, or loopback TCP where those are missing), used by
 * both ends. Sends are thread-safe (progress messages come from the runner's threads). A socket, not the worker's
 * stdout, so that whatever a model prints cannot corrupt the protocol: the worker's stdout and stderr stay free for
 * console output and crash reports.
 */
final class WorkerChannel implements AutoCloseable {
    private final LocalChannel channel;

    WorkerChannel(LocalChannel channel) {
        this.channel = channel;
    }

    void send(Object message) throws IOException {
        channel.sendLine(WorkerJson.line(message));
    }

    /** The next message, or null at end of stream. */
    JsonNode receive() throws IOException {
        String line = channel.readLine();
        return line == null ? null : WorkerJson.parse(line);
    }

    @Override
    public void close() {
        channel.close();
    }
}

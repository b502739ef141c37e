package io.tsstudio.app.worker;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Line-delimited JSON over a loopback socket, used by both ends. Sends are thread-safe (progress messages come
 * from the runner's threads). A socket, not the worker's stdout, so that whatever a model prints cannot corrupt
 * the protocol: the worker's stdout and stderr stay free for console output and crash reports.
 */
final class WorkerChannel implements AutoCloseable {
    private final Socket socket;
    private final BufferedReader in;
    private final Writer out;

    WorkerChannel(Socket socket) throws IOException {
        this.socket = socket;
        socket.setTcpNoDelay(true);
        this.in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        OutputStream os = socket.getOutputStream();
        this.out = new OutputStreamWriter(os, StandardCharsets.UTF_8);
    }

    void send(Object message) throws IOException {
        String line = WorkerJson.line(message) + "\n";
        synchronized (out) {
            out.write(line);
            out.flush();
        }
    }

    /** The next message, or null at end of stream. */
    JsonNode receive() throws IOException {
        String line = in.readLine();
        return line == null ? null : WorkerJson.parse(line);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a dead socket: nothing left to do
        }
    }
}

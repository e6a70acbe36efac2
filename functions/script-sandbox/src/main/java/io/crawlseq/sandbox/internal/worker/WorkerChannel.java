package io.crawlseq.sandbox.internal.worker;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.sandbox.internal.FromWorker;
import io.crawlseq.sandbox.internal.Protocol;
import io.crawlseq.sandbox.internal.ToWorker;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;

/** The worker's end of the protocol: job and fetch-reply lines in on stdin, messages out on stdout. */
final class WorkerChannel implements Outbox {

    private final BufferedReader in;
    private final PrintStream out;

    WorkerChannel(BufferedReader in, PrintStream out) {
        this.in = in;
        this.out = out;
    }

    @Override
    public void send(FromWorker message) {
        out.print(Protocol.encode(message));
        out.print('\n');
        out.flush();
        if (out.checkError()) {
            // The parent is gone (it killed us or died): nothing is listening, stop at once.
            Runtime.getRuntime().halt(2);
        }
    }

    /** The next message from the parent, or null when it closed our stdin. */
    ToWorker receive() {
        try {
            String line = in.readLine();
            return line == null ? null : Protocol.decode(line, ToWorker.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public ObjectNode fetch(FromWorker.Fetch request) {
        send(request);
        while (true) {
            ToWorker reply = receive();
            if (reply == null) {
                Runtime.getRuntime().halt(2);
            }
            if (reply instanceof ToWorker.FetchReply fetched && fetched.id() == request.id()) {
                return fetched.result();
            }
        }
    }
}

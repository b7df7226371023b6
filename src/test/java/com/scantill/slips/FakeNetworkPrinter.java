package com.scantill.slips;

import com.scantill.slips.EscPosDecoder.Command;
import com.scantill.slips.EscPosDecoder.StatusRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A network receipt printer on a local port: it reads ESC/POS as a printer does, answers status requests with the
 * bytes a test sets, and keeps what each connection printed. It can be switched off and on again on the same port.
 */
public final class FakeNetworkPrinter implements AutoCloseable {

    /** A printer's answers when all is well. */
    static final Map<Integer, Integer> ALL_WELL = Map.of(1, 0x12, 2, 0x12, 4, 0x12);

    private final int port;
    private final List<List<Command>> jobs = new CopyOnWriteArrayList<>();
    private final List<Long> cutAtNanos = new CopyOnWriteArrayList<>();
    private final Map<Integer, Integer> answers = new ConcurrentHashMap<>(ALL_WELL);
    private volatile ServerSocket server;

    public FakeNetworkPrinter() throws IOException {
        ServerSocket first = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        port = first.getLocalPort();
        serve(first);
    }

    public String address() {
        return "127.0.0.1:" + port;
    }

    /** What the printer answers to DLE EOT {@code n} from its next connection on. */
    void answer(int n, int status) {
        answers.put(n, status);
    }

    /** The slips printed: the commands of each connection that ended in a cut, status requests left out. */
    public List<List<Command>> printed() {
        return jobs.stream().map(job -> job.stream().filter(command -> !(command instanceof StatusRequest)).toList())
                .filter(job -> !job.isEmpty() && job.get(job.size() - 1) instanceof EscPosDecoder.Cut).toList();
    }

    /** When each cut command arrived ({@link System#nanoTime}): the moment a slip's last byte was in. */
    public List<Long> cutAtNanos() {
        return List.copyOf(cutAtNanos);
    }

    public void switchOff() throws IOException {
        server.close();
    }

    public void switchOn() throws IOException {
        ServerSocket again = new ServerSocket();
        again.setReuseAddress(true);
        again.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        serve(again);
    }

    private void serve(ServerSocket socket) {
        server = socket;
        Thread acceptor = new Thread(() -> {
            while (!socket.isClosed()) {
                try (Socket connection = socket.accept()) {
                    List<Command> job = new CopyOnWriteArrayList<>();
                    jobs.add(job);
                    // What the printer says of itself holds for the whole connection, as a test set it before.
                    Map<Integer, Integer> answering = Map.copyOf(answers);
                    InputStream in = connection.getInputStream();
                    OutputStream out = connection.getOutputStream();
                    for (Command command = EscPosDecoder.next(in); command != null; command = EscPosDecoder.next(in)) {
                        job.add(command);
                        if (command instanceof EscPosDecoder.Cut) {
                            cutAtNanos.add(System.nanoTime());
                        }
                        if (command instanceof StatusRequest request) {
                            out.write(answering.getOrDefault(request.n(), 0x12));
                            out.flush();
                        }
                    }
                } catch (IOException closedOrCutShort) {
                    // The printer goes on to the next connection, as a real one does.
                }
            }
        }, "fake-printer");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}

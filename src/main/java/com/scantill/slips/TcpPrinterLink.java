package com.scantill.slips;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/** A network receipt printer on its raw port (9100 on nearly every one). */
final class TcpPrinterLink extends StreamPrinterLink {

    private final Socket socket;

    TcpPrinterLink(String host, int port, Duration timeout) throws IOException {
        socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            socket.setTcpNoDelay(true);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    @Override
    protected OutputStream out() throws IOException {
        return socket.getOutputStream();
    }

    @Override
    protected InputStream in() throws IOException {
        return socket.getInputStream();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}

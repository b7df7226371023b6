package com.scantill.omise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.scantill.testing.PaymentCodes;
import com.scantill.testing.TestClients;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client's TLS, set up at its first https connection rather than when it is made: it is still there, and it still
 * checks the server's certificate. Against a real HTTPS server whose certificate nobody trusts.
 */
class OmiseClientTlsTest {

    private static final char[] PASSWORD = "not-a-secret".toCharArray();

    @TempDir
    Path folder;

    private HttpsServer server;
    private final AtomicInteger requestsAnswered = new AtomicInteger();

    @BeforeEach
    void startAServerWithASelfSignedCertificate() throws Exception {
        Path keyStore = folder.resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", keyStore.toString(), "-storepass", new String(PASSWORD))
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes());
        assertThat(keytool.waitFor()).as(output).isZero();

        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            keys.load(in, PASSWORD);
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, PASSWORD);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keyManagers.getKeyManagers(), null, null);

        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.createContext("/", exchange -> {
            requestsAnswered.incrementAndGet();
            byte[] body = "{\"object\":\"error\",\"code\":\"not_found\",\"message\":\"nothing here\"}".getBytes();
            exchange.sendResponseHeaders(404, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void aServerWhoseCertificateIsNotTrustedGetsNoCharge() {
        URI address = URI.create("https://127.0.0.1:" + server.getAddress().getPort());
        try (OmiseClient client = OmiseClient.builder(TestClients.TEST_KEY).baseUri(address).build()) {
            assertThatThrownBy(() -> client.createCharge(CreateChargeRequest.of(15_000, PaymentCodes.random(), "T1-tls")))
                    .isInstanceOf(OmiseTransportException.class)
                    .hasMessageContaining("was not sent")
                    .hasCauseInstanceOf(SSLHandshakeException.class);
        }
        assertThat(requestsAnswered).hasValue(0);
    }
}

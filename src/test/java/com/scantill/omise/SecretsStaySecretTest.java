package com.scantill.omise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.scantill.model.PaymentCode;
import com.scantill.simulator.Fault;
import com.scantill.simulator.OmiseSimulator;
import com.scantill.simulator.Route;
import com.scantill.testing.TestClients;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The secret key and whole payment codes never reach a log line or an exception message, even at DEBUG. */
class SecretsStaySecretTest {

    private static final String KEY_TEXT = "skey_test_5y4zomdqoboas2g9rdsecret";
    private static final String LIVE_KEY_TEXT = "skey_fake_live_5y4zomdqo";
    private static final String CODE = "134567890123456789";

    private final Logger ourLogs = (Logger) LoggerFactory.getLogger("com.scantill");
    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private Level previousLevel;
    private OmiseSimulator simulator;

    @BeforeEach
    void captureLogs() {
        previousLevel = ourLogs.getLevel();
        ourLogs.setLevel(Level.DEBUG);
        captured.start();
        ourLogs.addAppender(captured);
        simulator = OmiseSimulator.start(OmiseSimulator.options().confirmDelay(Duration.ofMinutes(5)));
    }

    @AfterEach
    void stopCapturing() {
        simulator.close();
        ourLogs.detachAppender(captured);
        ourLogs.setLevel(previousLevel);
    }

    @Test
    void neitherTheKeyNorAWholePaymentCodeIsEverPrinted() {
        List<String> printed = new ArrayList<>();
        SecretKey key = SecretKey.of(KEY_TEXT);
        printed.add(key.toString());
        printed.add(SecretKey.of(LIVE_KEY_TEXT).toString());
        printed.add(PaymentCode.parse(CODE).toString());
        printed.add(catchThrowable(() -> SecretKey.of(KEY_TEXT + " with spaces")).getMessage());

        try (OmiseClient client = TestClients.builderFor(simulator).responseTimeout(Duration.ofMillis(300)).build();
             OmiseClient liveKeyClient = OmiseClient.builder(SecretKey.of(LIVE_KEY_TEXT)).baseUri(simulator.baseUri())
                     .retryPolicy(TestClients.QUICK_RETRIES).build();
             OmiseClient ourKeyClient = OmiseClient.builder(key).baseUri(simulator.baseUri())
                     .retryPolicy(TestClients.QUICK_RETRIES).build()) {
            ChargeCreation created = ourKeyClient.createCharge(CreateChargeRequest.of(5_000, PaymentCode.parse(CODE), "S-1"));
            String chargeId = ((ChargeCreation.Created) created).charge().id();
            printed.add(created.toString());
            printed.add(((ChargeCreation.Created) created).charge().source().toString());
            simulator.faults().once(Route.CREATE_CHARGE, new Fault.LoseResponse());
            printed.add(client.createCharge(CreateChargeRequest.of(5_000, PaymentCode.parse(CODE), "S-2")).toString());
            simulator.faults().once(Route.RETRIEVE_CHARGE, Fault.ErrorAnswer.serverError());
            ourKeyClient.retrieveCharge(chargeId);
            printed.add(catchThrowable(() -> liveKeyClient.retrieveCharge(chargeId)).getMessage());
            printed.add(catchThrowable(() -> CreateChargeRequest.of(5, PaymentCode.parse(CODE), "S-3")).getMessage());
            printed.add(catchThrowable(() -> PaymentCode.parse(CODE + "0")).getMessage());
        }

        for (ILoggingEvent event : captured.list) {
            printed.add(event.getFormattedMessage());
            if (event.getThrowableProxy() != null) {
                printed.add(ThrowableProxyUtil.asString(event.getThrowableProxy()));
            }
        }
        assertThat(captured.list).isNotEmpty();
        assertThat(String.join("\n", printed))
                .contains("*************6789")
                .doesNotContain(KEY_TEXT)
                .doesNotContain(LIVE_KEY_TEXT)
                .doesNotContain(CODE)
                .doesNotContain("5y4zomdqo");
    }

    @Test
    void withEveryLoggerAtTraceTheWireLogAndAnyCarelessLineStillHoldNoSecret() {
        Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        Logger httpClient = (Logger) LoggerFactory.getLogger("org.apache.hc");
        Level rootBefore = root.getLevel();
        Level httpClientBefore = httpClient.getLevel();
        ListAppender<ILoggingEvent> everything = new ListAppender<>();
        everything.start();
        root.addAppender(everything);
        root.setLevel(Level.TRACE);
        httpClient.setLevel(Level.TRACE);
        ourLogs.setLevel(Level.TRACE);
        try (OmiseClient client = OmiseClient.builder(SecretKey.of(KEY_TEXT)).baseUri(simulator.baseUri())
                .retryPolicy(TestClients.QUICK_RETRIES).build()) {
            ChargeCreation created = client.createCharge(CreateChargeRequest.of(5_000, PaymentCode.parse(CODE), "S-9"));
            client.retrieveCharge(((ChargeCreation.Created) created).charge().id());
            org.slf4j.Logger careless = LoggerFactory.getLogger("com.scantill.careless");
            careless.info("sent {} with Authorization: Basic {} and key {}", CODE, "c2tleV90ZXN0XzV5NHpvbWRxb2JvYXMy", KEY_TEXT);
            careless.debug("source " + ((ChargeCreation.Created) created).charge().source().barcode());
        } finally {
            root.detachAppender(everything);
            root.setLevel(rootBefore);
            httpClient.setLevel(httpClientBefore);
        }

        String printed = everything.list.stream().map(ILoggingEvent::getFormattedMessage).reduce("", (a, b) -> a + "\n" + b);
        assertThat(printed).contains("sent **************6789 with Authorization: [redacted] and key skey_test_…")
                .contains("source **************6789")
                .doesNotContain(CODE).doesNotContain(KEY_TEXT).doesNotContain("5y4zomdqo").doesNotContain("c2tleV90")
                .doesNotContainIgnoringCase("authorization: basic");
    }
}

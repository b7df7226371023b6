package com.scantill.omise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    private static final String SECRET = Base64.getEncoder().encodeToString("the shop's webhook secret".getBytes(StandardCharsets.UTF_8));
    private static final String OTHER_SECRET = Base64.getEncoder().encodeToString("last month's secret".getBytes(StandardCharsets.UTF_8));
    private static final byte[] BODY = "{\"object\":\"event\",\"id\":\"evnt_test_1\"}".getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.parse("2026-11-26T09:00:00Z");
    private static final String TIMESTAMP = Long.toString(NOW.getEpochSecond());

    private final WebhookSignature check = WebhookSignature.withSecret(SECRET, Duration.ofMinutes(5));

    @Test
    void aDeliverySignedWithTheSecretOverTimestampDotBodyIsValid() {
        assertThat(check.verify(TIMESTAMP, sign(SECRET, TIMESTAMP, BODY), BODY, NOW)).isEqualTo(WebhookSignature.Verdict.VALID);
        assertThat(check.verify(TIMESTAMP, sign(SECRET, TIMESTAMP, BODY).toUpperCase(), BODY, NOW.plusSeconds(299)))
                .isEqualTo(WebhookSignature.Verdict.VALID);
    }

    @Test
    void whileTheSecretIsRotatedOneOfTwoSignaturesMatchingIsEnough() {
        String both = sign(OTHER_SECRET, TIMESTAMP, BODY) + ", " + sign(SECRET, TIMESTAMP, BODY);
        assertThat(check.verify(TIMESTAMP, both, BODY, NOW)).isEqualTo(WebhookSignature.Verdict.VALID);
    }

    @Test
    void aChangedBodyAnotherSecretOrAnotherTimestampDoNotMatch() {
        byte[] changed = "{\"object\":\"event\",\"id\":\"evnt_test_2\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(check.verify(TIMESTAMP, sign(SECRET, TIMESTAMP, BODY), changed, NOW)).isEqualTo(WebhookSignature.Verdict.MISMATCH);
        assertThat(check.verify(TIMESTAMP, sign(OTHER_SECRET, TIMESTAMP, BODY), BODY, NOW)).isEqualTo(WebhookSignature.Verdict.MISMATCH);
        String later = Long.toString(NOW.getEpochSecond() + 1);
        assertThat(check.verify(later, sign(SECRET, TIMESTAMP, BODY), BODY, NOW)).isEqualTo(WebhookSignature.Verdict.MISMATCH);
        assertThat(check.verify(TIMESTAMP, "not hex, zz", BODY, NOW)).isEqualTo(WebhookSignature.Verdict.MISMATCH);
    }

    @Test
    void aMissingSignatureOrTimestampIsNotFromOmise() {
        assertThat(check.verify(null, sign(SECRET, TIMESTAMP, BODY), BODY, NOW)).isEqualTo(WebhookSignature.Verdict.MISSING);
        assertThat(check.verify(TIMESTAMP, null, BODY, NOW)).isEqualTo(WebhookSignature.Verdict.MISSING);
        assertThat(check.verify("yesterday", sign(SECRET, "yesterday", BODY), BODY, NOW)).isEqualTo(WebhookSignature.Verdict.MISSING);
    }

    @Test
    void aGenuineDeliveryReplayedLaterIsRefused() {
        assertThat(check.verify(TIMESTAMP, sign(SECRET, TIMESTAMP, BODY), BODY, NOW.plus(Duration.ofMinutes(6))))
                .isEqualTo(WebhookSignature.Verdict.OUT_OF_TIME);
        assertThat(check.verify(TIMESTAMP, sign(SECRET, TIMESTAMP, BODY), BODY, NOW.minus(Duration.ofMinutes(6))))
                .isEqualTo(WebhookSignature.Verdict.OUT_OF_TIME);
    }

    @Test
    void theSecretIsNeverEchoed() {
        assertThat(check.toString()).doesNotContain(SECRET);
        assertThatThrownBy(() -> WebhookSignature.withSecret("not base64 !!", Duration.ofMinutes(5)))
                .isInstanceOf(InvalidRequestException.class).hasMessageNotContaining("not base64 !!");
    }

    private static String sign(String base64Secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(base64Secret), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

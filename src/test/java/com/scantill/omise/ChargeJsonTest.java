package com.scantill.omise;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ChargeJsonTest {

    private static String fixture() throws IOException {
        try (InputStream in = ChargeJsonTest.class.getResourceAsStream("charge-wechat-pay-upm.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Charge parse(String json) {
        return OmiseJson.read(json, Charge.class);
    }

    @Test
    void parsesTheChargeOfTheUpmRulesPageFieldByField() throws IOException {
        Charge charge = parse(fixture());

        assertThat(charge.object()).isEqualTo("charge");
        assertThat(charge.id()).isEqualTo("chrg_test_5y4zomdqoboas2g9rds");
        assertThat(charge.location()).isEqualTo("/charges/chrg_test_5y4zomdqoboas2g9rds");
        assertThat(charge.amount()).isEqualTo(150000);
        assertThat(charge.acquirerReferenceNumber()).isNull();
        assertThat(charge.net()).isEqualTo(147352);
        assertThat(charge.fee()).isEqualTo(2475);
        assertThat(charge.feeVat()).isEqualTo(173);
        assertThat(charge.interest()).isZero();
        assertThat(charge.interestVat()).isZero();
        assertThat(charge.fundingAmount()).isEqualTo(150000);
        assertThat(charge.refundedAmount()).isZero();
        assertThat(charge.transactionFees().feeFlat()).isEqualByComparingTo("0.0");
        assertThat(charge.transactionFees().feeRate()).isEqualByComparingTo(new BigDecimal("1.65"));
        assertThat(charge.transactionFees().vatRate()).isEqualByComparingTo(new BigDecimal("7.0"));
        assertThat(charge.platformFee().fixed()).isNull();
        assertThat(charge.platformFee().amount()).isNull();
        assertThat(charge.platformFee().percentage()).isNull();
        assertThat(charge.currency()).isEqualTo("THB");
        assertThat(charge.fundingCurrency()).isEqualTo("THB");
        assertThat(charge.ip()).isNull();

        ListPage<Refund> refunds = charge.refunds();
        assertThat(refunds.object()).isEqualTo("list");
        assertThat(refunds.data()).isEmpty();
        assertThat(refunds.limit()).isEqualTo(20);
        assertThat(refunds.offset()).isZero();
        assertThat(refunds.total()).isZero();
        assertThat(refunds.location()).isEqualTo("/charges/chrg_test_5y4zomdqoboas2g9rds/refunds");
        assertThat(refunds.order()).isEqualTo(ListOrder.CHRONOLOGICAL);
        assertThat(refunds.from()).isEqualTo(Instant.parse("1970-01-01T00:00:00Z"));
        assertThat(refunds.to()).isEqualTo(Instant.parse("2023-12-18T10:18:51Z"));
        assertThat(refunds.hasMore()).isFalse();

        assertThat(charge.description()).isNull();
        assertThat(charge.metadata()).isEmpty();
        assertThat(charge.tillReference()).isNull();

        Source source = charge.source();
        assertThat(source.object()).isEqualTo("source");
        assertThat(source.id()).isEqualTo("src_test_5y4zomdhmxjjsjbu7jv");
        assertThat(source.livemode()).isFalse();
        assertThat(source.location()).isEqualTo("/sources/src_test_5y4zomdhmxjjsjbu7jv");
        assertThat(source.amount()).isEqualTo(150000);
        assertThat(source.barcode()).isEqualTo("130991292552725093");
        assertThat(source.createdAt()).isEqualTo(Instant.parse("2023-12-18T10:18:51Z"));
        assertThat(source.currency()).isEqualTo("THB");
        assertThat(source.flow()).isEqualTo("offline");
        assertThat(source.storeId()).isNull();
        assertThat(source.storeName()).isNull();
        assertThat(source.terminalId()).isNull();
        assertThat(source.type()).isEqualTo("wechat_pay_upm");
        assertThat(source.chargeStatus()).isEqualTo(ChargeStatus.PENDING);
        Source.ScannableCode code = source.scannableCode();
        assertThat(code.object()).isEqualTo("barcode");
        assertThat(code.type()).isEqualTo("qr");
        Source.Document image = code.image();
        assertThat(image.object()).isEqualTo("document");
        assertThat(image.livemode()).isFalse();
        assertThat(image.id()).isEqualTo("docu_test_5y4zomfmlti0uqm24u6");
        assertThat(image.deleted()).isFalse();
        assertThat(image.filename()).isEqualTo("632640704557555841.svg");
        assertThat(image.location())
                .isEqualTo("/charges/chrg_test_5y4zomdqoboas2g9rds/documents/docu_test_5y4zomfmlti0uqm24u6");
        assertThat(image.kind()).isEqualTo("qr");
        assertThat(image.downloadUri()).isEqualTo("https://api.omise.co/charges/chrg_test_5y4zomdqoboas2g9rds"
                + "/documents/docu_test_5y4zomfmlti0uqm24u6/downloads/227EE5083E298A73");
        assertThat(image.createdAt()).isEqualTo(Instant.parse("2023-12-18T10:18:51Z"));

        assertThat(charge.transaction()).isNull();
        assertThat(charge.failureCode()).isNull();
        assertThat(charge.failureMessage()).isNull();
        assertThat(charge.status()).isEqualTo(ChargeStatus.PENDING);
        assertThat(charge.authorizeUri()).isNull();
        assertThat(charge.returnUri()).isNull();
        assertThat(charge.createdAt()).isEqualTo(Instant.parse("2023-12-18T10:18:51Z"));
        assertThat(charge.paidAt()).isNull();
        assertThat(charge.expiresAt()).isEqualTo(Instant.parse("2023-12-19T10:18:51Z"));
        assertThat(charge.expiredAt()).isNull();
        assertThat(charge.reversedAt()).isNull();
        assertThat(charge.zeroInterestInstallments()).isFalse();
        assertThat(charge.authorized()).isFalse();
        assertThat(charge.capturable()).isFalse();
        assertThat(charge.capture()).isTrue();
        assertThat(charge.disputable()).isFalse();
        assertThat(charge.livemode()).isFalse();
        assertThat(charge.refundable()).isFalse();
        assertThat(charge.partiallyRefundable()).isFalse();
        assertThat(charge.reversed()).isFalse();
        assertThat(charge.reversible()).isFalse();
        assertThat(charge.voided()).isFalse();
        assertThat(charge.paid()).isFalse();
        assertThat(charge.expired()).isFalse();
        assertThat(charge.refundableAmount()).isEqualTo(150000);
    }

    @Test
    void toleratesUnknownFieldsStatusesSourceTypesAndFailureCodes() {
        Charge charge = parse("""
                {"object":"charge","id":"chrg_test_1","amount":5000,"currency":"THB","status":"on_hold","brand_new_field":{"x":[1,2]},
                 "failure_code":"some_new_code","failure_message":"a new way to fail",
                 "source":{"type":"shiny_new_wallet","charge_status":"not_a_status","future":true}}
                """);

        assertThat(charge.status()).isEqualTo(ChargeStatus.UNKNOWN);
        assertThat(charge.status().isFinal()).isFalse();
        assertThat(charge.failureCode()).isEqualTo("some_new_code");
        assertThat(charge.failureMessage()).isEqualTo("a new way to fail");
        assertThat(charge.source().type()).isEqualTo("shiny_new_wallet");
        assertThat(charge.source().chargeStatus()).isEqualTo(ChargeStatus.UNKNOWN);
    }

    @Test
    void readsNullFeesAndFlagsAsZeroAndFalse() {
        Charge charge = parse("""
                {"object":"charge","id":"chrg_test_1","amount":5000,"currency":"THB","fee":null,"fee_vat":null,"net":null,
                 "paid":null,"metadata":null,"refunds":null,"status":"future_status"}
                """);

        assertThat(charge.fee()).isZero();
        assertThat(charge.feeVat()).isZero();
        assertThat(charge.net()).isZero();
        assertThat(charge.paid()).isFalse();
        assertThat(charge.metadata()).isEmpty();
        assertThat(charge.refunds()).isNull();
        assertThat(charge.status()).isEqualTo(ChargeStatus.UNKNOWN);
    }

    @Test
    void keepsMetadataOfAnyJsonTypeAsText() {
        Charge charge = parse("""
                {"object":"charge","id":"chrg_test_1","amount":5000,"currency":"THB","status":"pending",
                 "metadata":{"till_reference":"T1-0001","lane":3,"vip":true,"nested":{"a":1},"gone":null}}
                """);

        assertThat(charge.tillReference()).isEqualTo("T1-0001");
        assertThat(charge.metadata()).containsEntry("lane", "3").containsEntry("vip", "true")
                .containsEntry("nested", "{\"a\":1}").doesNotContainKey("gone");
    }

    @Test
    void readsAListOfChargesWithItsPaging() {
        ListPage<Charge> page = OmiseJson.GSON.fromJson("""
                {"object":"list","from":"2023-12-01T00:00:00Z","to":"2023-12-31T00:00:00+07:00","offset":20,
                 "limit":20,"total":45,"order":"reverse_chronological","location":"/charges",
                 "data":[{"object":"charge","id":"chrg_test_a","status":"successful"},null]}
                """, com.google.gson.reflect.TypeToken.getParameterized(ListPage.class, Charge.class).getType());

        assertThat(page.data()).extracting(Charge::id).containsExactly("chrg_test_a");
        assertThat(page.data().get(0).status()).isEqualTo(ChargeStatus.SUCCESSFUL);
        assertThat(page.order()).isEqualTo(ListOrder.REVERSE_CHRONOLOGICAL);
        assertThat(page.to()).isEqualTo(Instant.parse("2023-12-30T17:00:00Z"));
        assertThat(page.hasMore()).isTrue();
    }
}

package com.scantill.omise;

import com.scantill.model.PaymentCode;
import java.time.Instant;

/**
 * The payment source of a charge. {@link #barcode()} is the customer's payment code: never log it whole.
 *
 * @param provider the wallet behind a source that covers several (an Alipay+ wallet: TrueMoney, KakaoPay, …), when
 *                 Omise names it; the field's name is Omise's for other sources and *unverified* for Alipay+, so it is
 *                 read here only and a charge without it is as good
 */
public record Source(
        String object,
        String id,
        boolean livemode,
        String location,
        String type,
        String flow,
        long amount,
        String currency,
        String barcode,
        String provider,
        ChargeStatus chargeStatus,
        ScannableCode scannableCode,
        String storeId,
        String storeName,
        String terminalId,
        Instant createdAt) {

    /** As a record prints itself, but with the payment code masked to its last four digits. */
    @Override
    public String toString() {
        return "Source[id=" + id + ", type=" + type + ", flow=" + flow + ", amount=" + amount + ", currency=" + currency
                + ", barcode=" + (barcode == null ? null : PaymentCode.mask(barcode)) + ", provider=" + provider
                + ", chargeStatus=" + chargeStatus + "]";
    }

    public record ScannableCode(String object, String type, Document image) {
    }

    public record Document(
            String object,
            String id,
            boolean livemode,
            boolean deleted,
            String filename,
            String location,
            String kind,
            String downloadUri,
            Instant createdAt) {
    }
}

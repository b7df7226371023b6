package com.scantill.model;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A family of wallets Omise charges through one source type, all User-Presented Mode (B scan C): the customer shows
 * a payment code, the till charges it. A source type the till does not know (a charge made elsewhere, a type Omise
 * adds) is kept as it is, never refused.
 *
 * @param sourceType Omise's {@code source[type]}, as sent and as stored in the ledger
 */
public record PaymentMethod(String sourceType) {

    public static final PaymentMethod WECHAT_PAY = new PaymentMethod("wechat_pay_upm");
    /** Alipay CN and HK, KakaoPay, GCash, Touch 'n Go, TrueMoney and the other Alipay+ wallets. */
    public static final PaymentMethod ALIPAY_PLUS = new PaymentMethod("alipayplus_upm");

    /** The methods the till can charge, in the order they are shown. */
    public static final List<PaymentMethod> CHARGEABLE = List.of(WECHAT_PAY, ALIPAY_PLUS);

    public PaymentMethod {
        Objects.requireNonNull(sourceType, "sourceType");
        sourceType = sourceType.strip().toLowerCase(Locale.ROOT);
        if (sourceType.isEmpty()) {
            throw new IllegalArgumentException("A payment method needs Omise's source type");
        }
    }

    /** The method of a charge's source type; WeChat Pay when the charge does not say (charges made before methods). */
    public static PaymentMethod ofSourceType(String sourceType) {
        return sourceType == null || sourceType.isBlank() ? WECHAT_PAY : new PaymentMethod(sourceType);
    }

    public boolean isChargeable() {
        return CHARGEABLE.contains(this);
    }

    @Override
    public String toString() {
        return sourceType;
    }
}

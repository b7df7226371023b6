package com.scantill.simulator;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The simulated merchant's account: which User-Presented Mode sources Omise has switched on for it (both, until a
 * test or a trainee switches one off) and the payment codes each accepts.
 */
public final class MerchantAccount {

    public static final String WECHAT_PAY_UPM = "wechat_pay_upm";
    public static final String ALIPAY_PLUS_UPM = "alipayplus_upm";

    private static final Map<String, Pattern> BARCODES = Map.of(
            WECHAT_PAY_UPM, Pattern.compile("1[0-5]\\d{16}"),
            ALIPAY_PLUS_UPM, Pattern.compile("(2[5-9]|30)\\d{14,22}"));

    private final Set<String> enabled = ConcurrentHashMap.newKeySet();

    MerchantAccount() {
        enabled.addAll(BARCODES.keySet());
    }

    /** Switches a source type on or off, as Omise does for a merchant on request. */
    public void setEnabled(String sourceType, boolean on) {
        if (!BARCODES.containsKey(sourceType)) {
            throw new IllegalArgumentException("The simulator has no source type " + sourceType);
        }
        if (on) {
            enabled.add(sourceType);
        } else {
            enabled.remove(sourceType);
        }
    }

    boolean isKnown(String sourceType) {
        return BARCODES.containsKey(sourceType);
    }

    boolean isEnabled(String sourceType) {
        return enabled.contains(sourceType);
    }

    boolean accepts(String sourceType, String barcode) {
        return Optional.ofNullable(BARCODES.get(sourceType)).map(pattern -> pattern.matcher(barcode).matches()).orElse(false);
    }
}

package com.scantill.simulator;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The scripted customer. The documented payment codes below fail in each way the WeChat Pay UPM page lists, or
 * are never confirmed, and so does any code of {@link #SCRIPTED_PREFIX} (WeChat Pay) or
 * {@link #ALIPAY_SCRIPTED_PREFIX} (Alipay+), seven digits and the same last digit; any other valid payment code is
 * paid after {@link #confirmDelay()}. Tests may script any payment code with {@link #script}.
 */
public final class CustomerScript {

    /** Payment codes with a fixed outcome, documented in the README. */
    public static final Map<String, String> FAILING_CODES = Map.of(
            "130000000000000001", "payment_expired",
            "130000000000000002", "payment_rejected",
            "130000000000000003", "invalid_account",
            "130000000000000004", "insufficient_fund",
            "130000000000000005", "failed_processing");
    public static final String NEVER_CONFIRMS_CODE = "130000000000000009";
    /** The start of every scripted payment code: {@code 1300000000}, any seven digits, then the outcome digit. */
    public static final String SCRIPTED_PREFIX = "1300000000";
    /** The same for Alipay+ codes: {@code 2800000000}, any seven digits, then the outcome digit. */
    public static final String ALIPAY_SCRIPTED_PREFIX = "2800000000";
    /**
     * The wallet the simulator names for an Alipay+ code, by its first two digits: the simulator's own choice, so
     * that training shows every wallet; Omise's codes do not say.
     */
    private static final Map<String, String> WALLETS = Map.of(
            "25", "Alipay", "26", "Alipay", "27", "AlipayHK", "28", "TrueMoney", "29", "KakaoPay", "30", "GCash");

    private static final Map<String, String> FAILURE_MESSAGES = Map.of(
            "payment_expired", "payment expired",
            "payment_rejected", "payment rejected by issuer",
            "invalid_account", "valid account for payment method not found",
            "insufficient_fund", "insufficient funds in the account or the payment method has reached its limit",
            "failed_processing", "general payment processing failure");

    private final Map<String, CustomerBehaviour> scripted = new ConcurrentHashMap<>();
    private volatile Duration confirmDelay;

    CustomerScript(Duration confirmDelay) {
        this.confirmDelay = confirmDelay;
    }

    public Duration confirmDelay() {
        return confirmDelay;
    }

    /** How long unscripted customers take to confirm. */
    public void setConfirmDelay(Duration delay) {
        this.confirmDelay = Objects.requireNonNull(delay);
    }

    /** Makes the customer behind {@code paymentCode} behave as given, for every charge made from it. */
    public void script(String paymentCode, CustomerBehaviour behaviour) {
        scripted.put(paymentCode, behaviour);
    }

    /** The message Omise gives for a failure code of this payment method. */
    public static String failureMessage(String failureCode) {
        return FAILURE_MESSAGES.getOrDefault(failureCode, failureCode.replace('_', ' '));
    }

    /** The wallet an Alipay+ charge's source names. */
    String walletOf(String paymentCode) {
        return WALLETS.getOrDefault(paymentCode.substring(0, 2), "Alipay+");
    }

    CustomerBehaviour behaviourFor(String paymentCode) {
        CustomerBehaviour behaviour = scripted.get(paymentCode);
        if (behaviour != null) {
            return behaviour;
        }
        String outcome = outcomeCode(paymentCode);
        if (NEVER_CONFIRMS_CODE.equals(outcome)) {
            return new CustomerBehaviour.NeverConfirms();
        }
        String failureCode = FAILING_CODES.get(outcome);
        if (failureCode != null) {
            return new CustomerBehaviour.Fails(confirmDelay, failureCode, failureMessage(failureCode));
        }
        return new CustomerBehaviour.Pays(confirmDelay);
    }

    /**
     * Payment codes are single use, so a trainee needs fresh ones: any code of {@value #SCRIPTED_PREFIX} or
     * {@value #ALIPAY_SCRIPTED_PREFIX}, seven digits of their choice and an outcome digit behaves as the documented code with that outcome digit.
     */
    private static String outcomeCode(String paymentCode) {
        if (paymentCode.length() == 18 && (paymentCode.startsWith(SCRIPTED_PREFIX) || paymentCode.startsWith(ALIPAY_SCRIPTED_PREFIX))) {
            return "13000000000000000" + paymentCode.charAt(17);
        }
        return paymentCode;
    }
}

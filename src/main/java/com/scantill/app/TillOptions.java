package com.scantill.app;

import com.scantill.model.PaymentMethod;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How the till behaves for its people. Keys in {@code settings.properties}: {@code checkout.pendingLimitSeconds}
 * (60), {@code till.idleSignOutMinutes} (10), {@code operators.pinHashIterations} (600000, OWASP's advice; lower
 * only for tests), {@code training.customerConfirmSeconds} (10: how long the simulated customer takes to pay when
 * the trainee does not press Approve or Decline first), {@code shop.timeZone} ({@code Asia/Bangkok}: every time the
 * till shows, and where a business day begins and ends), {@code ui.language} ({@code th} or {@code en}: the till's
 * language while nobody is signed in; each operator may choose their own on the sign-in screen),
 * {@code payment.methods} ({@code wechat_pay_upm}: the Omise source types switched on for the shop's account, separated
 * by commas; {@code alipayplus_upm} adds the Alipay+ wallets), {@code till.kiosk} ({@code false}; {@code true} for a
 * dedicated till: full screen, always in front, closed only by a manager's Ctrl+Q on the till screen).
 */
public record TillOptions(Duration pendingLimit, Duration idleSignOut, int pinHashIterations, Duration trainingCustomerDelay,
                          ZoneId shopZone, String language, Set<PaymentMethod> paymentMethods, boolean kiosk) {

    public static final ZoneId DEFAULT_SHOP_ZONE = ZoneId.of("Asia/Bangkok");

    static final String PENDING_LIMIT = "checkout.pendingLimitSeconds";
    static final String IDLE_SIGN_OUT = "till.idleSignOutMinutes";
    static final String PIN_ITERATIONS = "operators.pinHashIterations";
    static final String TRAINING_DELAY = "training.customerConfirmSeconds";
    static final String SHOP_ZONE = "shop.timeZone";
    static final String LANGUAGE = "ui.language";
    static final String PAYMENT_METHODS = "payment.methods";
    /** A dedicated till: full screen, always in front, closed only by a manager's sign-out to the desktop. */
    static final String KIOSK = "till.kiosk";
    /** The till is for shops in Thailand: Thai, and English one key away. */
    static final String DEFAULT_LANGUAGE = "th";

    public TillOptions {
        Objects.requireNonNull(shopZone, "shopZone");
        if (!"th".equals(language) && !"en".equals(language)) {
            throw new InvalidSettingException(InvalidSettingException.Problem.LANGUAGE, language,
                    LANGUAGE + " is th or en, not " + language);
        }
        if (pendingLimit.isNegative() || pendingLimit.isZero()) {
            throw new InvalidSettingException(InvalidSettingException.Problem.PENDING_LIMIT, Long.toString(pendingLimit.toSeconds()),
                    "the pending limit must be positive");
        }
        if (idleSignOut.isNegative() || idleSignOut.isZero()) {
            throw new InvalidSettingException(InvalidSettingException.Problem.IDLE_SIGN_OUT, Long.toString(idleSignOut.toMinutes()),
                    "the idle sign-out must be positive");
        }
        if (trainingCustomerDelay.isNegative()) {
            throw new IllegalArgumentException(TRAINING_DELAY + " must not be negative");
        }
        paymentMethods = Set.copyOf(paymentMethods);
        if (paymentMethods.isEmpty() || !paymentMethods.stream().allMatch(PaymentMethod::isChargeable)) {
            throw new InvalidSettingException(InvalidSettingException.Problem.PAYMENT_METHODS, names(paymentMethods),
                    PAYMENT_METHODS + " names one or more of " + names(PaymentMethod.CHARGEABLE) + ", not " + names(paymentMethods));
        }
        if (pinHashIterations < 1_000) {
            throw new InvalidSettingException(InvalidSettingException.Problem.PIN_HASH_ITERATIONS, Integer.toString(pinHashIterations),
                    PIN_ITERATIONS + " must be at least 1000");
        }
    }

    public static TillOptions defaults() {
        return new TillOptions(Duration.ofSeconds(60), Duration.ofMinutes(10), 600_000, Duration.ofSeconds(10), DEFAULT_SHOP_ZONE,
                DEFAULT_LANGUAGE, Set.of(PaymentMethod.WECHAT_PAY), false);
    }

    static TillOptions from(Properties file) {
        TillOptions defaults = defaults();
        return new TillOptions(
                seconds(file.getProperty(PENDING_LIMIT), defaults.pendingLimit()),
                file.getProperty(IDLE_SIGN_OUT) == null ? defaults.idleSignOut()
                        : Duration.ofSeconds(Math.round(Double.parseDouble(file.getProperty(IDLE_SIGN_OUT).strip()) * 60)),
                file.getProperty(PIN_ITERATIONS) == null ? defaults.pinHashIterations()
                        : Integer.parseInt(file.getProperty(PIN_ITERATIONS).strip()),
                seconds(file.getProperty(TRAINING_DELAY), defaults.trainingCustomerDelay()),
                zone(file.getProperty(SHOP_ZONE), defaults.shopZone()),
                file.getProperty(LANGUAGE) == null || file.getProperty(LANGUAGE).isBlank() ? defaults.language()
                        : file.getProperty(LANGUAGE).strip().toLowerCase(Locale.ROOT),
                file.getProperty(PAYMENT_METHODS) == null ? defaults.paymentMethods() : methods(file.getProperty(PAYMENT_METHODS)),
                Boolean.parseBoolean(file.getProperty(KIOSK, "false").strip()));
    }

    private static Set<PaymentMethod> methods(String text) {
        Set<PaymentMethod> methods = new LinkedHashSet<>();
        for (String name : text.split(",")) {
            if (!name.isBlank()) {
                methods.add(new PaymentMethod(name));
            }
        }
        return methods;
    }

    private static String names(Collection<PaymentMethod> methods) {
        return methods.stream().map(PaymentMethod::sourceType).sorted().collect(Collectors.joining(","));
    }

    /** The same options with another shop time zone. */
    public TillOptions withShopZone(ZoneId zone) {
        return new TillOptions(pendingLimit, idleSignOut, pinHashIterations, trainingCustomerDelay, zone, language, paymentMethods, kiosk);
    }

    void writeTo(Properties file) {
        file.setProperty(PENDING_LIMIT, Long.toString(pendingLimit.toSeconds()));
        file.setProperty(IDLE_SIGN_OUT, Long.toString(Math.max(1, idleSignOut.toMinutes())));
        file.setProperty(PIN_ITERATIONS, Integer.toString(pinHashIterations));
        file.setProperty(TRAINING_DELAY, Double.toString(trainingCustomerDelay.toMillis() / 1000.0));
        file.setProperty(SHOP_ZONE, shopZone.getId());
        file.setProperty(LANGUAGE, language);
        // In the order the till shows them, so that the file reads the same after every save.
        file.setProperty(PAYMENT_METHODS, PaymentMethod.CHARGEABLE.stream().filter(paymentMethods::contains)
                .map(PaymentMethod::sourceType).collect(Collectors.joining(",")));
        file.setProperty(KIOSK, Boolean.toString(kiosk));
    }

    private static ZoneId zone(String text, ZoneId fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return ZoneId.of(text.strip());
        } catch (DateTimeException e) {
            throw new InvalidSettingException(InvalidSettingException.Problem.SHOP_ZONE, text.strip(),
                    SHOP_ZONE + " is not a time zone: " + text.strip() + " (for example Asia/Bangkok)", e);
        }
    }

    private static Duration seconds(String text, Duration fallback) {
        return text == null || text.isBlank() ? fallback : Duration.ofMillis(Math.round(Double.parseDouble(text.strip()) * 1000));
    }
}

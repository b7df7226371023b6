package com.scantill.testing;

import com.scantill.model.PaymentCode;
import java.util.concurrent.ThreadLocalRandom;

/** Valid payment codes that the simulator's customer pays, unlike its documented failing codes. */
public final class PaymentCodes {

    private PaymentCodes() {
    }

    public static String randomDigits() {
        StringBuilder digits = new StringBuilder("134");
        while (digits.length() < 18) {
            digits.append(ThreadLocalRandom.current().nextInt(10));
        }
        return digits.toString();
    }

    public static PaymentCode random() {
        return PaymentCode.parse(randomDigits());
    }
}

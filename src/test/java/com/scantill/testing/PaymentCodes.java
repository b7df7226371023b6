package com.scantill.testing;

import com.scantill.model.PaymentCode;
import com.scantill.simulator.CustomerScript;
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

    /** A fresh code whose customer never confirms: the simulator's scripted prefix, seven digits, and outcome 9. */
    public static PaymentCode neverConfirmed() {
        StringBuilder digits = new StringBuilder(CustomerScript.SCRIPTED_PREFIX);
        while (digits.length() < 17) {
            digits.append(ThreadLocalRandom.current().nextInt(10));
        }
        return PaymentCode.parse(digits.append('9').toString());
    }
}

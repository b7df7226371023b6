package com.scantill.scanner;

import com.scantill.model.PaymentCode;
import java.time.Instant;

/** A payment code of a format the till knows (so its method is known), read by a scanner. */
public record Scan(PaymentCode paymentCode, Instant at, String scanner) {
}

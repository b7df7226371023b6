package com.scantill.scanner;

import com.scantill.model.PaymentCode;
import java.time.Instant;

/** A valid WeChat Pay payment code read by a scanner. */
public record Scan(PaymentCode paymentCode, Instant at, String scanner) {
}

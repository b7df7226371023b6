package com.scantill.scanner;

import java.time.Instant;

/** Something a scanner read that is not a payment code; {@code message} holds only a masked echo of it. */
public record RejectedScan(String message, Instant at, String scanner) {
}

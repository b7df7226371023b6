package com.scantill.simulator;

/** Omise's fee for WeChat Pay UPM: 1.65 % of the amount, plus 7 % VAT on the fee, each rounded half up to a satang. */
record Fees(long fee, long feeVat, long net) {

    static final String FEE_RATE_TEXT = "1.65";
    static final String VAT_RATE_TEXT = "7.0";

    static Fees of(long amount) {
        long fee = (amount * 165 + 5_000) / 10_000;
        long feeVat = (fee * 7 + 50) / 100;
        return new Fees(fee, feeVat, amount - fee - feeVat);
    }
}

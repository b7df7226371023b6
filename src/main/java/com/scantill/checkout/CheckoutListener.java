package com.scantill.checkout;

/** Told of every change the engine decides, on one of the engine's threads: a UI hands it to its own thread. */
@FunctionalInterface
public interface CheckoutListener {

    void saleChanged(SaleState state);

    /** Omise began refusing the till's secret key, or accepts it again. */
    default void accessChanged(OmiseAccess access) {
    }
}

package com.scantill.checkout;

import com.scantill.model.Sale;

/**
 * A sale as the engine has decided it, for a screen to show.
 *
 * @param expiryOffered the charge has been pending past the limit: the cashier may ask a supervisor to expire it
 */
public record SaleState(Sale sale, boolean expiryOffered) {

    public String tillReference() {
        return sale.tillReference();
    }
}

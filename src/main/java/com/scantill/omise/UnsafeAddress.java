package com.scantill.omise;

/** Why an address is refused as the API's: the secret key must never travel in clear, or to a disguised host. */
public enum UnsafeAddress {
    /** Not https, and not plain http to this computer. */
    NOT_HTTPS,
    /** With a user, a query, or no host. */
    NOT_PLAIN
}

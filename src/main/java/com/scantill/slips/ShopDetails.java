package com.scantill.slips;

import java.util.List;

/**
 * The shop as its slips name it (settings {@code shop.name}, {@code shop.branch}, {@code shop.address},
 * {@code shop.taxId}, {@code slip.header}, {@code slip.footer}); empty parts are left off the slip.
 */
public record ShopDetails(String name, String branch, String address, String taxId, List<String> header, List<String> footer) {

    public ShopDetails {
        name = name == null ? "" : name.strip();
        branch = branch == null ? "" : branch.strip();
        address = address == null ? "" : address.strip();
        taxId = taxId == null ? "" : taxId.strip();
        header = List.copyOf(header);
        footer = List.copyOf(footer);
    }

    public static ShopDetails unnamed() {
        return new ShopDetails("", "", "", "", List.of(), List.of());
    }
}

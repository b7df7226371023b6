package com.scantill.ledger;

import java.nio.file.Path;

/** Opens a ledger from a second process, as a second copy of the application would. */
public final class LedgerOpener {

    private LedgerOpener() {
    }

    public static void main(String[] args) {
        try (Ledger ledger = Ledger.open(Path.of(args[0]))) {
            System.out.println("opened");
        } catch (LedgerInUseException e) {
            System.out.println("in use: " + e.getMessage());
        }
    }
}

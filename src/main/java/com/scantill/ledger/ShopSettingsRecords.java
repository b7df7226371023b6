package com.scantill.ledger;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.Optional;

/** The shop's shared settings in the store, the newest saved by any till. Only a store on PostgreSQL has them. */
public final class ShopSettingsRecords {

    /** The settings as properties text, when and on which till they were saved. */
    public record Saved(String settings, Instant changedAt, String changedBy) {
    }

    private static final String SHOP = "shop";

    private final Ledger ledger;

    ShopSettingsRecords(Ledger ledger) {
        this.ledger = ledger;
    }

    public Optional<Saved> read() {
        return ledger.query("SELECT settings, changed_at, changed_by FROM store_shop_settings WHERE shop = ?",
                row -> new Saved(row.getString(1), Ledger.getTime(row, 2), row.getString(3)), SHOP).stream().findFirst();
    }

    /** Keeps {@code saved} unless the store holds settings saved later; whether it was kept. */
    public boolean offer(Saved saved) {
        boolean[] kept = new boolean[1];
        ledger.inTransaction(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO store_shop_settings (shop, settings, changed_at, "
                    + "changed_by) VALUES (?, ?, ?, ?) ON CONFLICT (shop) DO UPDATE SET settings = EXCLUDED.settings, "
                    + "changed_at = EXCLUDED.changed_at, changed_by = EXCLUDED.changed_by "
                    + "WHERE store_shop_settings.changed_at < EXCLUDED.changed_at")) {
                upsert.setString(1, SHOP);
                upsert.setString(2, saved.settings());
                Ledger.setTime(upsert, 3, saved.changedAt());
                upsert.setString(4, Ledger.truncated(saved.changedBy(), 32));
                kept[0] = upsert.executeUpdate() == 1;
            }
        });
        return kept[0];
    }
}

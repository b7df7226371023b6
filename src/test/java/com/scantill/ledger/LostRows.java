package com.scantill.ledger;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Takes a sale out of a closed ledger file, as a power cut would that came before its commits reached the disk. */
public final class LostRows {

    private LostRows() {
    }

    public static void forgetSale(Path dataFolder, String tillReference) {
        String url = "jdbc:h2:file:" + dataFolder.resolve(Ledger.FOLDER).resolve(Ledger.DATABASE).toAbsolutePath();
        try (Connection connection = DriverManager.getConnection(url, "scantill", "")) {
            for (String table : new String[] {"sale_event", "sale_refund", "payment_code_use", "sale"}) {
                try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table + " WHERE till_reference = ?")) {
                    delete.setString(1, tillReference);
                    delete.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not take sale " + tillReference + " out of the ledger", e);
        }
    }
}

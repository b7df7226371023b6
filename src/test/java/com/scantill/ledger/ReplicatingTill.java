package com.scantill.ledger;

import com.scantill.testing.TestPostgres;
import java.nio.file.Path;
import java.time.Clock;

/** A till in a process of its own copying its ledger to the store, batch after batch, until the test kills it. */
public final class ReplicatingTill {

    private ReplicatingTill() {
    }

    /** Arguments: the till's data folder, the store's JDBC address, the till's id, the batch size. */
    public static void main(String[] args) {
        try (Ledger till = Ledger.open(Path.of(args[0]));
             Ledger store = Ledger.openStore(TestPostgres.pool(args[1]), Path.of(args[0]).resolve("store-keys"))) {
            StoreReplication replication = new StoreReplication(till, store, args[2], Clock.systemUTC());
            int batch = Integer.parseInt(args[3]);
            int sent;
            while ((sent = replication.sendNext(batch)) > 0) {
                System.out.println("BATCH " + sent);
                System.out.flush();
            }
            System.out.println("DONE");
        }
    }
}

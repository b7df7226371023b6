package com.scantill.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.scantill.model.EventKind;
import com.scantill.model.PaymentMethod;
import com.scantill.model.Sale;
import com.scantill.model.SaleEvent;
import com.scantill.model.SaleStatus;
import com.scantill.testing.TestPostgres;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The ledger as a shop's store on a real PostgreSQL (embedded, its binaries through Maven): the same migrations and the
 * same SQL as a till's H2 file, and what differs (durability, backups) said plainly.
 */
class StoreLedgerTest extends LedgerContract {

    @Override
    Ledger openLedger() {
        return Ledger.openStore(TestPostgres.freshDatabase(), dataFolder);
    }

    @Test
    void salesOfSeveralTillsAreKeptApartByTillAndReportedTogether() {
        try (Ledger store = openLedger()) {
            Instant from = NOW.minusSeconds(60);
            for (String till : new String[] {"till-2", "till-1", "till-3"}) {
                Sale sale = Sale.created(till + "-A", till, "cashier-1", 10_000, "THB", PaymentMethod.ALIPAY_PLUS, "**************4567", NOW)
                        .toBuilder().wallet("TrueMoney").build();
                write(store, sale);
                Sale paid = sale.toBuilder().status(SaleStatus.SUCCESSFUL).chargeId("chrg_test_" + till).fees(165, 12, 9_823).build();
                store.sales().update(paid, SaleEvent.of(EventKind.STATUS_SEEN, paid, null, null, null, NOW));
            }

            assertThat(store.reports().tillIds()).containsExactly("till-1", "till-2", "till-3");
            assertThat(store.reports().sales(from, NOW.plusSeconds(60), "till-2")).singleElement()
                    .extracting(Sale::tillReference, Sale::method, Sale::wallet).containsExactly("till-2-A", PaymentMethod.ALIPAY_PLUS, "TrueMoney");
            assertThat(store.reports().sums(from, NOW.plusSeconds(60), null).byMethod()).singleElement()
                    .isEqualTo(new ReportRecords.MethodSum("alipayplus_upm", 3, 3, 30_000, 495, 36, 29_469));
        }
    }

    @Test
    void eachCommitIsDurableAlreadyAndABackupIsThePgDumpOfTheShop() {
        try (Ledger store = openLedger()) {
            write(store, sale("till-1-F"));
            store.forceToDisk();

            assertThatThrownBy(() -> store.backupTo(dataFolder.resolve("backup.zip")))
                    .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("pg_dump");
            assertThat(store.sales().sale("till-1-F")).isPresent();
        }
    }
}

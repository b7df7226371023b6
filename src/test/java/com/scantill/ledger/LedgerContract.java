package com.scantill.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.scantill.model.EventKind;
import com.scantill.model.PaymentMethod;
import com.scantill.model.Sale;
import com.scantill.model.SaleEvent;
import com.scantill.model.SaleStatus;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What every ledger keeps, whichever database it is in: a till's H2 file ({@link LedgerTest}) or a shop's store. */
abstract class LedgerContract {

    @TempDir
    Path dataFolder;

    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MICROS);

    /** A new, empty ledger of the kind under test. */
    abstract Ledger openLedger();

    static Sale sale(String reference) {
        return Sale.created(reference, "till-1", "cashier-1", 150_000, "THB", PaymentMethod.WECHAT_PAY, "**************5093", NOW);
    }

    static void write(Ledger ledger, Sale sale) {
        ledger.sales().insert(sale, SaleEvent.of(EventKind.SALE_CREATED, sale, "cashier-1", sale.amount(), null, NOW));
    }

    @Test
    void keepsASaleAndEveryChangeWithTheEventThatExplainsIt() {
        try (Ledger ledger = openLedger()) {
            Sale created = sale("till-1-A");
            write(ledger, created);
            Sale paid = created.toBuilder().status(SaleStatus.SUCCESSFUL).chargeId("chrg_test_1").fees(2475, 173, 147_352)
                    .paidAt(NOW.plusSeconds(5)).finishedAt(NOW.plusSeconds(5)).build();
            Sale written = ledger.sales().update(paid, SaleEvent.of(EventKind.STATUS_SEEN, paid, null, null, "PENDING -> SUCCESSFUL",
                    NOW.plusSeconds(5)));

            assertThat(written.version()).isEqualTo(paid.version() + 1);
            assertThat(ledger.sales().sale("till-1-A")).contains(written);
            assertThat(ledger.sales().events("till-1-A")).extracting(SaleEvent::kind)
                    .containsExactly(EventKind.SALE_CREATED, EventKind.STATUS_SEEN);
            assertThat(ledger.sales().events("till-1-A").get(1).statusAfter()).isEqualTo(SaleStatus.SUCCESSFUL);
            assertThat(ledger.sales().unfinishedSales()).isEmpty();
        }
    }

    @Test
    void refusesARefundTotalAboveTheAmountAndAChargeUsedTwice() {
        try (Ledger ledger = openLedger()) {
            Sale first = sale("till-1-C");
            write(ledger, first);
            Sale over = first.toBuilder().refundedAmount(first.amount() + 1).build();
            assertThatThrownBy(() -> ledger.sales().update(over, SaleEvent.of(EventKind.REFUNDED, over, "s", 1L, null, NOW)))
                    .isInstanceOf(LedgerException.class);

            Sale charged = first.toBuilder().chargeId("chrg_test_same").build();
            ledger.sales().update(charged, SaleEvent.of(EventKind.CHARGE_CREATED, charged, null, null, null, NOW));
            Sale second = sale("till-1-D");
            write(ledger, second);
            Sale sameCharge = second.toBuilder().chargeId("chrg_test_same").build();
            assertThatThrownBy(() -> ledger.sales().update(sameCharge, SaleEvent.of(EventKind.CHARGE_CREATED, sameCharge, null, null, null, NOW)))
                    .isInstanceOf(LedgerException.class);

            assertThat(ledger.sales().events("till-1-D")).extracting(SaleEvent::kind).containsExactly(EventKind.SALE_CREATED);
        }
    }

    @Test
    void aCopyOfASaleOlderThanTheLedgersIsNeverWrittenOverIt() {
        try (Ledger ledger = openLedger()) {
            Sale read = sale("till-1-E");
            write(ledger, read);
            Sale readAgain = ledger.sales().sale("till-1-E").orElseThrow();
            Sale abandoned = readAgain.toBuilder().abandoned(true).build();
            ledger.sales().update(abandoned, SaleEvent.of(EventKind.ABANDONED, abandoned, "cashier-1", null, null, NOW));

            Sale fromTheOlderCopy = read.toBuilder().status(SaleStatus.EXPIRED).build();
            assertThatThrownBy(() -> ledger.sales().update(fromTheOlderCopy, SaleEvent.of(EventKind.STATUS_SEEN, fromTheOlderCopy,
                    null, null, null, NOW)))
                    .isInstanceOf(StaleSaleException.class)
                    .hasMessageContaining("till-1-E");

            Sale kept = ledger.sales().sale("till-1-E").orElseThrow();
            assertThat(kept.abandoned()).isTrue();
            assertThat(kept.status()).isEqualTo(SaleStatus.CREATED);
            assertThat(kept.version()).isEqualTo(1);
            assertThat(ledger.sales().events("till-1-E")).extracting(SaleEvent::kind)
                    .containsExactly(EventKind.SALE_CREATED, EventKind.ABANDONED);
        }
    }
}

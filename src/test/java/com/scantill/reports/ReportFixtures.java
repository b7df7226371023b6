package com.scantill.reports;

import com.scantill.model.PaymentMethod;
import com.scantill.model.Sale;
import com.scantill.model.SaleStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reports made up in memory, for layout tests. */
public final class ReportFixtures {

    private ReportFixtures() {
    }

    /** A day of {@code count} paid sales a minute apart, of ฿100.00, ฿100.01, … */
    public static DailyReport dayOf(int count) {
        List<Sale> sales = new ArrayList<>();
        Instant start = Instant.parse("2026-11-25T01:00:00Z");
        long gross = 0;
        for (int i = 0; i < count; i++) {
            Sale sale = Sale.created(String.format("till-1-%04d", i), "till-1", "somchai", 10_000 + i, "THB", PaymentMethod.WECHAT_PAY,
                    "**************" + String.format("%04d", i), start.plusSeconds(60L * i));
            sales.add(sale.toBuilder().status(SaleStatus.SUCCESSFUL).chargeId(String.format("chrg_test_%019d", i)).build());
            gross += sale.amount();
        }
        DailyReport.Count none = new DailyReport.Count(0, 0);
        DailyReport.Totals totals = new DailyReport.Totals(new DailyReport.Count(count, gross), none, none, none, none,
                gross, 0, 0, 0, none, 0);
        return new DailyReport(LocalDate.of(2026, 11, 25), DailyReports.BANGKOK, "till-1", Instant.now(), "Malee", totals,
                Map.of(), List.of(), List.of(), List.of(), sales, List.of(), List.of(), null, List.of());
    }
}

package com.scantill.ui;

import static org.awaitility.Awaitility.await;

import com.scantill.checkout.CheckoutListener;
import com.scantill.model.SaleStatus;
import com.scantill.slips.FakeNetworkPrinter;
import com.scantill.testing.PaymentCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * From the moment the engine decides a sale is paid to the moment the customer's slip's last byte (the cut) is at a
 * network printer on this computer: the slip drawn in Thai on 80 mm paper, the printer asked how it is, the slip sent.
 * Asserts nothing. Run with {@code ./mvnw test -Dtest=SlipBenchmark -DexcludedTestGroups=none}; {@code -Dbench.sales=N}.
 */
@Tag("benchmark")
class SlipBenchmark {

    private static final int SALES = Integer.getInteger("bench.sales", 40);

    @TempDir
    Path dataFolder;

    @Test
    void paidToSlipAtThePrinter() throws Exception {
        try (FakeNetworkPrinter printer = new FakeNetworkPrinter();
             TrainingTill till = new TrainingTill(dataFolder, 0, "printer.connection=network\nprinter.address=" + printer.address()
                     + "\nui.language=th\nshop.name=ร้านกาแฟบ้านสวน\nshop.address=123/4 ถนนสุขุมวิท กรุงเทพฯ 10110\n")) {
            Map<String, Long> paidAtNanos = new ConcurrentHashMap<>();
            CheckoutListener paid = state -> {
                if (state.sale().status() == SaleStatus.SUCCESSFUL) {
                    paidAtNanos.putIfAbsent(state.tillReference(), System.nanoTime());
                }
            };
            till.runtime.engine().addListener(paid);
            List<Long> micros = new ArrayList<>();
            for (int i = 0; i < SALES; i++) {
                int before = printer.cutAtNanos().size();
                till.sell("150", PaymentCodes.randomDigits());
                till.fx.runUntil(() -> till.panelTitle().startsWith("ชำระแล้ว") || till.panelTitle().startsWith("PAID"));
                await().atMost(Duration.ofSeconds(10)).until(() -> printer.cutAtNanos().size() == before + 1);
                String reference = till.runtime.ledger().sales().recentSales(1).get(0).tillReference();
                micros.add((printer.cutAtNanos().get(before) - paidAtNanos.get(reference)) / 1_000);
                till.model.sale().newSale();
            }
            long first = micros.get(0);
            List<Long> sorted = micros.subList(1, micros.size()).stream().sorted().toList();
            String table = String.format(Locale.ROOT, "| PAID to the slip's cut at a network printer (%d sales, the first apart) | p50 | p99 | max "
                            + "| first |%n|---|---|---|---|---|%n| 80 mm, Thai, on this computer | %.1f ms | %.1f ms | %.1f ms | %.1f ms |%n",
                    SALES, sorted.get(sorted.size() / 2) / 1e3, sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1) / 1e3,
                    sorted.get(sorted.size() - 1) / 1e3, first / 1e3);
            System.out.println(table);
            Files.writeString(Path.of("target", "benchmark-slip.md"), table);
        }
    }
}

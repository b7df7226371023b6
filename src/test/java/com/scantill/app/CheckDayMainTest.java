package com.scantill.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.scantill.ledger.Ledger;
import com.scantill.model.EventKind;
import com.scantill.model.PaymentMethod;
import com.scantill.model.Sale;
import com.scantill.model.SaleEvent;
import com.scantill.model.SaleStatus;
import com.scantill.testing.TestPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The end-of-day check from the command line, on a training till's data folder or over the shop's store. */
class CheckDayMainTest {

    @TempDir
    Path dataFolder;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @AfterEach
    void forgetTheFolder() {
        System.clearProperty("scantill.home");
    }

    private int run(String... args) throws Exception {
        return runWith("", args);
    }

    private int runWith(String settings, String... args) throws Exception {
        Files.writeString(dataFolder.resolve(SettingsStore.FILE_NAME), "operators.pinHashIterations=1000\n" + settings);
        System.setProperty("scantill.home", dataFolder.toString());
        return CheckDayMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void aDayWithNothingDifferingExitsZeroAndSaysSoInTheTillsLanguage() throws Exception {
        assertThat(run("--day", "2026-11-25")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).matches(
                "25 พ.ย. 2569, ทุกเครื่อง: ตรวจสอบกับ Omise เมื่อ \\d\\d:\\d\\d น. — ตรงกัน 0 รายการ ไม่ตรงกัน 0 รายการ \\(ถาม Omise 1 ครั้ง\\)\\R");
    }

    @Test
    void itSpeaksEnglishWhenAsked() throws Exception {
        assertThat(run("--day", "2026-11-25", "--language", "en")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).matches(
                "2026-11-25, all tills: Checked against Omise at \\d\\d:\\d\\d — 0 agree, 0 differ \\(1 requests to Omise\\)\\R");
    }

    @Test
    void overTheStoreItChecksEveryTillCopiedThereAndKeepsTheRunInTheStore() throws Exception {
        String url = TestPostgres.freshDatabaseUrl();
        Instant noon = LocalDate.of(2026, 11, 25).atTime(12, 0).atZone(ZoneId.of("Asia/Bangkok")).toInstant();
        try (Ledger store = Ledger.openStore(TestPostgres.pool(url), dataFolder.resolve("store"))) {
            Sale sale = Sale.created("till-7-A", "till-7", "cashier-1", 10_000, "THB", PaymentMethod.WECHAT_PAY,
                    "**************0001", noon).toBuilder().status(SaleStatus.SUCCESSFUL).chargeId("chrg_test_elsewhere").build();
            store.sales().insert(sale, SaleEvent.of(EventKind.SALE_CREATED, sale, "cashier-1", sale.amount(), null, noon));
        }

        int exit = runWith("store.jdbcUrl=" + url + "\n", "--day", "2026-11-25", "--store", "--language", "en");

        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("2026-11-25, all tills: ").contains("0 agree, 1 differ")
                .contains("till-7-A");
        try (Ledger store = Ledger.openStore(TestPostgres.pool(url), dataFolder.resolve("store"))) {
            assertThat(store.reconciliations().latest(LocalDate.of(2026, 11, 25), null)).isPresent();
        }
    }

    @Test
    void theStoreAskedForWithoutAnAddressExitsTwoAndSaysWhatIsMissing() throws Exception {
        assertThat(run("--store")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("store.jdbcUrl");
    }

    @Test
    void anArgumentItDoesNotKnowExitsTwoWithAClearMessage() throws Exception {
        assertThat(run("--yesterday")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown argument --yesterday; use --day YYYY-MM-DD, --till ID, --store and --language th|en");
    }
}

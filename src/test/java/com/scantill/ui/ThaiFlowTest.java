package com.scantill.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.scantill.model.Sale;
import com.scantill.reports.PdfText;
import com.scantill.simulator.CustomerScript;
import com.scantill.words.Language;
import com.scantill.words.Words;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import javafx.scene.control.DatePicker;
import javafx.scene.control.ListCell;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The till in Thai, through the real application by keys: chosen on the sign-in screen, at once, remembered for the
 * operator, and spoken through a paid sale, a failed one, an expiry, a refund and the manager's report.
 */
class ThaiFlowTest {

    @TempDir
    Path dataFolder;

    private TillDriver till;

    @BeforeEach
    void prepare() throws Exception {
        till = new TillDriver(dataFolder);
        till.createOperators();
    }

    @AfterEach
    void close() throws Exception {
        till.close();
    }

    @Test
    void aTillWithoutALanguageSetSpeaksThaiAndEnglishIsOneKeyAway() throws Exception {
        till.set("ui.language=");
        till.launch();
        till.awaitText("#signInButton", text -> text.equals("เข้าใช้ (Enter)"));
        assertThat(till.text("#modeBanner")).isEqualTo("โหมดฝึกใช้งาน — ไม่ใช่เงินจริง");

        till.press(KeyCode.F1);

        till.awaitText("#signInButton", text -> text.equals("Sign in (Enter)"));
        till.awaitText("#modeBanner", text -> text.equals("TRAINING — no real money"));
    }

    @Test
    void aCashierChoosesThaiOnTheSignInScreenAndTheTillSpeaksThaiToThemFromThenOn() throws Exception {
        till.launch();
        till.awaitText("#signInButton", text -> text.equals("Sign in (Enter)"));

        till.press(KeyCode.F1);

        till.awaitText("#signInButton", text -> text.equals("เข้าใช้ (Enter)"));
        assertThat(till.text("#operatorStatus")).isEqualTo("ยังไม่มีผู้ลงชื่อเข้าใช้");
        till.signIn("somchai", "4321");
        till.awaitText("#operatorStatus", text -> text.equals("Somchai (แคชเชียร์)"));
        till.awaitText("#panelTitle", text -> text.equals("พร้อมรับชำระ"));
        assertThat(till.text("#amountMessage")).isEqualTo("ใส่ยอดเงิน ฿20.00 ถึง ฿150,000.00");

        till.sell("45", "134567890123400001");
        till.awaitText("#panelTitle", text -> text.equals("ชำระแล้ว ฿45.00"));

        till.press(KeyCode.F2);
        till.sell("30", "130000000000000004");
        till.awaitText("#panelTitle", text -> text.equals("ชำระไม่สำเร็จ ฿30.00"));
        assertThat(till.text("#panelDetail")).isEqualTo("เงินใน WeChat Pay ของลูกค้าไม่พอ ขอให้ชำระด้วยวิธีอื่น");

        till.press(KeyCode.F2);
        till.sell("99", CustomerScript.SCRIPTED_PREFIX + "12345679");
        till.awaitText("#panelDetail", text -> text.startsWith("ลูกค้ายังไม่ยืนยัน"));
        till.press(KeyCode.F4);
        till.awaitText("#pinReason", text -> text.startsWith("ยกเลิกรายการขาย "));
        till.approveAsSupervisor("wanida", "864213");
        till.awaitText("#panelTitle", text -> text.equals("ยกเลิกแล้ว — ไม่ได้ชำระ ฿99.00"));
        till.awaitText("#message", text -> text.equals("ยกเลิกรายการแล้ว อนุมัติโดย Wanida"));

        Sale paid = till.runtime.ledger().sales().recentSales(5).stream().filter(sale -> sale.amount() == 4_500).findFirst()
                .orElseThrow();
        till.focus("#transactionList");
        till.press(KeyCode.HOME);
        till.press(KeyCode.DOWN);
        till.press(KeyCode.DOWN);
        till.awaitText("#refundAmount", text -> text.equals("45.00"));
        till.typeInto("#refundAmount", "10");
        till.press(KeyCode.F6);
        till.awaitText("#pinReason", text -> text.equals("คืนเงิน ฿10.00 ของรายการขาย " + paid.tillReference()));
        till.approveAsSupervisor("wanida", "864213");
        till.awaitText("#message", text -> text.equals("คืนเงิน ฿10.00 แล้ว อนุมัติโดย Wanida"));

        till.press(KeyCode.F12);
        till.awaitText("#signInButton", text -> text.equals("Sign in (Enter)"));
        till.signIn("somchai", "4321");
        till.awaitText("#operatorStatus", text -> text.equals("Somchai (แคชเชียร์)"));
        assertThat(till.runtime.ledger().operators().find("somchai").orElseThrow().language()).isEqualTo("th");
    }

    @Test
    void theManagersReportIsInThaiOnTheScreenAndInThePdfAndADayIsTypedInTheBuddhistEra() throws Exception {
        till.set("ui.language=");
        till.launch();
        till.signIn("malee", "135790");
        till.awaitText("#operatorStatus", text -> text.equals("Malee (ผู้จัดการ)"));
        till.sell("150", "134567890123400002");
        till.awaitText("#panelTitle", text -> text.equals("ชำระแล้ว ฿150.00"));

        till.press(KeyCode.F10);

        await().atMost(Duration.ofSeconds(10)).until(() -> till.robot.lookup("#reportTotals").queryListView().getItems()
                .contains("ชำระสำเร็จ: 1 · ฿150.00"));
        assertThat(till.robot.lookup("#reportTotals").queryListView().getItems())
                .contains("WeChat Pay: ชำระแล้ว 1 จาก 1 · ฿150.00 · ค่าธรรมเนียม ฿2.48 · VAT ฿0.17");
        LocalDate today = LocalDate.now(TestWords.BANGKOK);
        Words thai = Words.of(Language.TH, TestWords.BANGKOK);
        assertThat(till.robot.lookup("#reportDay").queryAs(DatePicker.class).getEditor().getText()).isEqualTo(thai.date(today));
        assertThat(till.robot.lookup("#reportTransactions .list-cell").queryAllAs(ListCell.class)).extracting(ListCell::getText)
                .anyMatch(line -> line != null && line.contains("฿150.00  ชำระแล้ว  WeChat Pay  chrg_"));
        assertThat(till.text("#reportCheckSummary")).isEqualTo("ยังไม่ได้ตรวจสอบกับ Omise");

        till.press(KeyCode.F7);

        till.awaitText("#reportMessage", text -> text.startsWith("บันทึก ") && text.endsWith(".pdf แล้ว"));
        Path pdf = till.trainingFolder().resolve("reports").resolve("daily-" + today + "-all.pdf");
        assertThat(PdfText.of(Files.readAllBytes(pdf))).contains("รายงานประจำวัน").contains(thai.date(today) + " (Asia/Bangkok), ทุกเครื่อง")
                .containsPattern("ชำระสำเร็จ\\s+1 รายการ · ฿150.00").contains("ชำระแล้ว");

        LocalDate yesterday = today.minusDays(1);
        till.typeInto("#reportDay", yesterday.getDayOfMonth() + "/" + yesterday.getMonthValue() + "/" + (yesterday.getYear() + 543));
        till.press(KeyCode.ENTER);

        await().atMost(Duration.ofSeconds(10)).until(() -> till.robot.lookup("#reportTransactions").queryListView().getItems().isEmpty());
        DatePicker day = till.robot.lookup("#reportDay").queryAs(DatePicker.class);
        assertThat(day.getValue()).isEqualTo(yesterday);
        assertThat(day.getEditor().getText()).isEqualTo(thai.date(yesterday));

        till.press(KeyCode.F11);
        till.awaitText("#reportMessage", text -> text.startsWith("ยังไม่ได้ตั้งค่าเครื่องพิมพ์ใบเสร็จ"));
        assertThat(day.isShowing()).as("the report's key opens no calendar that would take the Esc").isFalse();
        till.press(KeyCode.ESCAPE);
        till.awaitFocus("#amountField");
    }
}

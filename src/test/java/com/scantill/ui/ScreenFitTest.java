package com.scantill.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.scantill.model.ApprovalRequest;
import com.scantill.model.Sale;
import com.scantill.scanner.ScannerState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every screen at the sizes tills have, with the longest statuses a till shows: no button shows half its label or
 * lies outside the window, the mode and the till id always show whole, and any other text cut short carries its
 * whole text in a tooltip. A refunded sale still shows the last digits of its payment code.
 */
class ScreenFitTest {

    private static final String LONG_SCANNER_PORT = "/dev/serial/by-id/usb-Honeywell_Imaging___Mobility_"
            + "1900GSR-2_18092B4356-if00";

    @TempDir
    Path dataFolder;

    private TillDriver till;

    @BeforeEach
    void prepare() throws Exception {
        till = new TillDriver(dataFolder);
    }

    @AfterEach
    void close() throws Exception {
        till.close();
    }

    @ParameterizedTest(name = "{0}×{1} {2}")
    @CsvSource({"1024, 768, en", "1024, 768, th", "1366, 768, en", "1920, 1080, en"})
    void nothingImportantIsCutOffOnAnyScreen(int width, int height, String language) throws Exception {
        boolean thai = language.equals("th");
        till.createOperators();
        till.launch();
        till.resize(width, height);
        till.runtime.scans().stateChanged(new ScannerState(LONG_SCANNER_PORT, ScannerState.Status.DISCONNECTED,
                ScannerState.Situation.UNPLUGGED));
        till.awaitText("#signInId", text -> true);
        if (thai) {
            till.press(KeyCode.F1);
            till.awaitText("#signInButton", text -> text.equals("เข้าใช้ (Enter)"));
        }
        assertFits("sign-in");

        till.signIn("malee", "135790");
        till.awaitText("#operatorStatus", text -> text.equals(thai ? "Malee (ผู้จัดการ)" : "Malee (manager)"));
        till.sell("150000", "134567890123456789");
        till.awaitText("#panelTitle", text -> text.equals(thai ? "ชำระแล้ว ฿150,000.00" : "PAID ฿150,000.00"));
        Sale paid = till.runtime.ledger().sales().recentSales(1).get(0);
        var approval = till.runtime.operators().approve("wanida", "864213".toCharArray(),
                new ApprovalRequest(ApprovalRequest.Action.REFUND, paid.tillReference(), 15_000_000));
        till.runtime.engine().refund(paid.tillReference(), 15_000_000, "malee", approval).join();
        till.focus("#transactionList");
        till.press(KeyCode.HOME);
        till.awaitText("#details", text -> text.contains(thai ? "คืนเงินแล้ว ฿150,000.00" : "Refunded ฿150,000.00"));
        assertFits("till");
        assertThat(cellTexts()).as("the refunded row still shows the code's last digits")
                .anyMatch(text -> text.contains("6789") && text.contains(thai ? "คืนแล้ว" : "refunded"));

        till.press(KeyCode.F6);
        assertFits("till with the supervisor's approval");
        till.press(KeyCode.ESCAPE);

        for (KeyCode screen : List.of(KeyCode.F8, KeyCode.F9, KeyCode.F10)) {
            till.press(screen);
            Thread.sleep(500);
            assertFits(screen.getName());
            till.press(KeyCode.ESCAPE);
            till.awaitFocus("#amountField");
        }

        // The sales screen, from the daily report: each of its tabs, by Ctrl+1 to Ctrl+4.
        till.press(KeyCode.F10);
        till.press(KeyCode.F2);
        till.awaitText("#salesFilteredSum", text -> !text.isEmpty());
        for (KeyCode tab : List.of(KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4)) {
            till.robot.press(KeyCode.CONTROL).type(tab).release(KeyCode.CONTROL);
            Thread.sleep(300);
            assertFits("sales, tab " + tab.getName());
        }
        till.press(KeyCode.ESCAPE);
        till.awaitFocus("#amountField");
    }

    private List<String> cellTexts() {
        List<String> shown = new ArrayList<>();
        till.robot.interact(() -> till.robot.lookup("#transactionList").lookup(".list-cell").queryAll().stream()
                .map(node -> (ListCell<?>) node).filter(cell -> cell.getGraphic() instanceof WrappedText)
                .forEach(cell -> shown.add(((WrappedText) cell.getGraphic()).getText())));
        return shown;
    }

    private void assertFits(String screen) throws InterruptedException {
        Thread.sleep(300);
        AtomicReference<List<String>> problems = new AtomicReference<>();
        till.robot.interact(() -> {
            Scene scene = till.scene();
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            List<String> found = new ArrayList<>();
            check(scene.getRoot(), scene, found);
            problems.set(found);
        });
        assertThat(problems.get()).as("cut off on the %s screen at %s", screen, till.scene().getWidth() + "×" + till.scene().getHeight())
                .isEmpty();
    }

    private static void check(Node node, Scene scene, List<String> problems) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled labeled && labeled.getText() != null && !labeled.getText().isEmpty()) {
            String whole = labeled.isMnemonicParsing() ? labeled.getText().replaceFirst("_", "") : labeled.getText();
            String shown = displayed(labeled);
            boolean cut = shown != null && !shown.equals(whole);
            String name = labeled.getId() != null ? "#" + labeled.getId() : labeled.getClass().getSimpleName() + " '" + whole + "'";
            boolean mustBeWhole = node instanceof ButtonBase || "modeBanner".equals(labeled.getId()) || "tillStatus".equals(labeled.getId());
            if (cut && (mustBeWhole || labeled.getTooltip() == null || !whole.equals(labeled.getTooltip().getText()))) {
                problems.add(name + " shows '" + shown + "'");
            }
            if (whole.charAt(0) == '\u2063' || whole.startsWith("view.")) {
                problems.add(name + " shows its key, not its words");
            }
            Bounds bounds = labeled.localToScene(labeled.getBoundsInLocal());
            if (node instanceof ButtonBase && (bounds.getMaxX() > scene.getWidth() + 1 || bounds.getMaxY() > scene.getHeight() + 1)) {
                problems.add(name + " lies outside the window at " + bounds);
            }
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                check(child, scene, problems);
            }
        }
    }

    private static String displayed(Labeled labeled) {
        Node text = labeled.lookup(".text");
        return text instanceof Text shown ? shown.getText() : null;
    }
}

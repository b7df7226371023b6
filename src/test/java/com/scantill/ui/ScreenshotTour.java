package com.scantill.ui;

import com.scantill.model.Sale;
import com.scantill.model.SaleStatus;
import com.scantill.omise.CreateRefundRequest;
import com.scantill.simulator.CustomerScript;
import com.scantill.simulator.Fault;
import com.scantill.simulator.Route;
import com.scantill.words.Language;
import com.scantill.words.Words;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Takes the README's screenshots of the cashier screen in each state, driven by keys, in English and in Thai: at
 * 1366×768 into {@code assets/} ({@code assets/th/}), and at 1024×768 into {@code assets/1024x768/}
 * ({@code assets/th/1024x768/}). Not a test: run it with
 * {@code ./mvnw test -Dtest=ScreenshotTour -DexcludedTestGroups=none}.
 */
@Tag("benchmark")
class ScreenshotTour {

    @TempDir
    Path dataFolder;

    @ParameterizedTest
    @CsvSource({"1366, 768, EN, assets", "1024, 768, EN, assets/1024x768", "1366, 768, TH, assets/th",
        "1024, 768, TH, assets/th/1024x768"})
    void takeTheScreenshots(int width, int height, Language language, String folder) throws Exception {
        Words words = Words.of(language, ZoneId.of("Asia/Bangkok"));
        Path assets = Path.of(folder);
        Files.createDirectories(assets);
        try (TillDriver till = new TillDriver(dataFolder.resolve(width + "x" + height))) {
            till.createOperators();
            till.set("payment.methods=wechat_pay_upm,alipayplus_upm");
            till.launch();
            till.resize(width, height);
            till.awaitText("#apiStatus", text -> text.equals("Omise reachable"));
            till.awaitText("#signInId", text -> true);
            if (language == Language.TH) {
                till.press(KeyCode.F1);
                till.awaitText("#signInButton", text -> text.equals(words.get("view.signIn.submit")));
            }
            shoot(till, assets.resolve("01-sign-in.png"));

            till.signIn("somchai", "4321");
            till.awaitFocus("#amountField");
            till.type("1500");
            till.awaitText("#amountMessage", text -> text.equals(words.get("amount.scan")));
            shoot(till, assets.resolve("02-amount-entered.png"));

            till.scan(CustomerScript.NEVER_CONFIRMS_CODE);
            till.awaitText("#elapsed", text -> text.equals("0:00") || text.equals("0:01"));
            shoot(till, assets.resolve("03-waiting-for-customer.png"));
            till.awaitText("#panelDetail", text -> text.equals(words.get("panel.detail.waitingTooLong")));
            till.press(KeyCode.F4);
            till.awaitText("#pinReason", text -> !text.isEmpty());
            till.awaitFocus("#pinOperator");
            till.type("wanida");
            till.press(KeyCode.ENTER);
            till.awaitFocus("#pinField");
            shoot(till, assets.resolve("04-supervisor-pin.png"));
            till.type("864213");
            till.press(KeyCode.ENTER);
            till.awaitText("#panelTitle", text -> text.startsWith(prefix(words, "panel.title.EXPIRED")));
            shoot(till, assets.resolve("05-expired.png"));

            till.sell("1500", "134567890123456789");
            till.awaitText("#panelTitle", text -> text.startsWith(prefix(words, "panel.title.SUCCESSFUL")));
            shoot(till, assets.resolve("06-paid.png"));

            till.sell("420", "130000000000000004");
            till.awaitText("#panelTitle", text -> text.startsWith(prefix(words, "panel.title.FAILED")));
            shoot(till, assets.resolve("07-failed-insufficient-funds.png"));

            till.simulator().faults().once(Route.CREATE_CHARGE, new Fault.LoseResponse());
            till.simulator().faults().once(Route.LIST_CHARGES, new Fault.Latency(Duration.ofMillis(1_500)));
            till.sell("60", "134567890123456700");
            till.awaitText("#panelTitle", text -> text.startsWith(prefix(words, "panel.title.UNKNOWN")));
            shoot(till, assets.resolve("08-checking-unknown-outcome.png"));
            till.awaitText("#panelTitle", text -> text.startsWith(prefix(words, "panel.title.SUCCESSFUL")));

            till.sell("75", "130000000012345679");
            till.awaitText("#panelDetail", text -> text.equals(words.get("panel.detail.waitingTooLong")));
            till.simulator().faults().once(Route.EXPIRE_CHARGE, new Fault.Latency(Duration.ofMillis(1_000)));
            till.press(KeyCode.F4);
            till.approveAsSupervisor("wanida", "864213");
            Thread.sleep(300);
            Sale pending = till.runtime.ledger().sales().recentSales(1).get(0);
            till.runtime.connection().client().markAsPaid(pending.chargeId());
            till.awaitText("#refundWarning", text -> text.startsWith(words.get("refundOwed").split(":")[0]));
            shoot(till, assets.resolve("09-refund-owed.png"));

            till.typeInto("#amountField", "950");
            till.awaitText("#amountMessage", text -> text.equals(words.get("amount.scan")));
            till.scan("134567890123456789");
            till.awaitText("#message", text -> text.startsWith(words.get("codeUsed.final").split("\\(")[0]));
            shoot(till, assets.resolve("10-code-already-used.png"));

            till.scan("2812345678901234567");
            till.awaitText("#panelTitle", text -> text.startsWith(prefix(words, "panel.title.SUCCESSFUL")));
            till.awaitText("#panelMethod", text -> text.endsWith("TrueMoney"));
            shoot(till, assets.resolve("12-alipay-plus-paid.png"));

            Sale paid = till.runtime.ledger().sales().recentSales(10).stream()
                    .filter(sale -> sale.status() == SaleStatus.SUCCESSFUL && sale.amount() == 150_000).findFirst().orElseThrow();
            till.runtime.connection().client().createRefund(paid.chargeId(), new CreateRefundRequest(50_000, "dashboard"));
            till.press(KeyCode.F12);
            till.awaitText("#signInId", text -> true);
            if (language == Language.TH) {
                till.press(KeyCode.F1);
                till.awaitText("#signInButton", text -> text.equals(words.get("view.signIn.submit")));
            }
            till.signIn("malee", "135790");
            till.awaitFocus("#amountField");
            till.press(KeyCode.F10);
            till.awaitText("#reportMessage", text -> true);
            till.press(KeyCode.F9);
            till.awaitText("#reportCheckSummary", text -> !text.equals(words.get("check.none")));
            shoot(till, assets.resolve("11-report-checked-against-omise.png"));

            till.press(KeyCode.F2);
            till.awaitText("#salesFilteredSum", text -> !text.isEmpty());
            shoot(till, assets.resolve("13-sales-table.png"));
            till.robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT2).release(KeyCode.CONTROL);
            Thread.sleep(500);
            shoot(till, assets.resolve("14-sales-charts.png"));
            till.robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT4).release(KeyCode.CONTROL);
            till.awaitFocus("#salesSearch");
            till.type("6789");
            till.press(KeyCode.ENTER);
            till.awaitText("#salesMessage", text -> !text.isEmpty() && !text.contains("…"));
            till.press(KeyCode.TAB);
            till.press(KeyCode.HOME);
            till.awaitText("#foundDetails", text -> text.contains("6789"));
            shoot(till, assets.resolve("15-sales-find.png"));
        }
    }

    /** What a panel title of {@code key} starts with, before its amount. */
    private static String prefix(Words words, String key) {
        return words.get(key, "").strip();
    }

    private static void shoot(TillDriver till, Path file) throws Exception {
        Thread.sleep(250);
        AtomicReference<WritableImage> image = new AtomicReference<>();
        till.robot.interact(() -> image.set(till.scene().getRoot().snapshot(null, null)));
        int width = (int) image.get().getWidth();
        int height = (int) image.get().getHeight();
        int[] pixels = new int[width * height];
        image.get().getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), pixels, 0, width);
        BufferedImage picture = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        picture.setRGB(0, 0, width, height, pixels, 0, width);
        ImageIO.write(picture, "png", file.toFile());
    }
}

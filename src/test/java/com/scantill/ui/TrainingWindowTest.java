package com.scantill.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.scantill.ledger.Ledger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** The whole application started headless with no key: it must say training and reach its simulator. */
class TrainingWindowTest {

    @TempDir
    Path dataFolder;

    private Application application;
    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void useATemporaryDataFolder() throws Exception {
        System.setProperty("scantill.home", dataFolder.toString());
        FxToolkit.registerPrimaryStage();
    }

    private void launch() throws Exception {
        application = FxToolkit.setupApplication(ScanTillApplication.class);
        ((ScanTillApplication) application).ready().get(60, TimeUnit.SECONDS);
    }

    @AfterEach
    void close() throws Exception {
        if (application != null) {
            FxToolkit.cleanupApplication(application);
        }
        FxToolkit.cleanupStages();
        System.clearProperty("scantill.home");
    }

    @Test
    void aSecondCopyOnTheSameDataFolderSaysSoInsteadOfStarting() throws Exception {
        try (Ledger firstCopy = Ledger.open(dataFolder.resolve("training"))) {
            launch();

            assertThat(robot.lookup("#startupProblem").queryAs(Label.class).getText())
                    .startsWith("ScanTill is already running with the data folder " + dataFolder.resolve("training"))
                    .doesNotContain("Exception").contains("ScanTill เปิดใช้โฟลเดอร์ข้อมูลนี้อยู่แล้ว");
            assertThat(firstCopy.sales().recentSales(1)).isEmpty();
        }
    }

    @Test
    void opensInThaiInTrainingModeOnTheSetupScreenAndReachesTheEmbeddedSimulator() throws Exception {
        launch();

        assertThat(robot.lookup("#modeBanner").queryAs(Label.class).getText()).isEqualTo("โหมดฝึกใช้งาน — ไม่ใช่เงินจริง");
        await().atMost(Duration.ofSeconds(10)).until(() ->
                robot.lookup("#apiStatus").queryAs(Label.class).getText().equals("เชื่อมต่อ Omise ได้"));
        assertThat(robot.lookup("#scannerStatus").queryAs(Label.class).getText()).isEqualTo("เครื่องสแกน: แบบคีย์บอร์ด พร้อมใช้งาน");
        assertThat(robot.lookup("#tillStatus").queryAs(Label.class).getText()).isEqualTo("เครื่อง till-1");
        await().atMost(Duration.ofSeconds(10)).until(() -> robot.lookup("#setupId").tryQuery().isPresent());
    }

    @Test
    void settingsThatAreWrongAreExplainedInsteadOfACrash() throws Exception {
        Files.writeString(dataFolder.resolve("settings.properties"), "scanner.driver=serial\n");

        launch();

        assertThat(robot.lookup("#startupProblem").queryAs(Label.class).getText())
                .startsWith("ScanTill cannot start: The scanner settings in " + dataFolder.resolve("settings.properties"))
                .contains("scanner.serial.port").contains("เปิด ScanTill ไม่ได้: ");
    }
}

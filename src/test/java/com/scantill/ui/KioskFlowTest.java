package com.scantill.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import javafx.event.Event;
import javafx.geometry.Rectangle2D;
import javafx.scene.input.KeyCode;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A dedicated till (till.kiosk=true): full screen and in front, closed by nobody but a manager, by keys. */
class KioskFlowTest {

    @TempDir
    Path dataFolder;

    private TillDriver till;

    @BeforeEach
    void open() throws Exception {
        till = new TillDriver(dataFolder);
        till.set("till.kiosk=true");
    }

    @AfterEach
    void close() throws Exception {
        till.close();
    }

    @Test
    void fullScreenInFrontItsCloseRefusedAndOnlyAManagerSignsOutToTheDesktop() throws Exception {
        till.launchSignedIn("somchai", "4321");
        Stage stage = (Stage) till.scene().getWindow();
        assertThat(stage.isFullScreen()).isTrue();
        assertThat(stage.isAlwaysOnTop()).isTrue();
        Rectangle2D screen = Screen.getPrimary().getBounds();
        assertThat(stage.getWidth()).as("the screen's width, with or without a window manager").isEqualTo(screen.getWidth());
        assertThat(stage.getHeight()).isEqualTo(screen.getHeight());

        till.robot.interact(() -> Event.fireEvent(stage, new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        till.robot.press(KeyCode.CONTROL).type(KeyCode.Q).release(KeyCode.CONTROL);
        till.robot.sleep(300);
        assertThat(stage.isShowing()).as("the window's close and a cashier's Ctrl+Q are refused").isTrue();

        till.press(KeyCode.F12);
        till.awaitFocus("#signInId");
        till.robot.press(KeyCode.CONTROL).type(KeyCode.Q).release(KeyCode.CONTROL);
        till.robot.sleep(300);
        assertThat(stage.isShowing()).as("nobody signed in closes a dedicated till").isTrue();

        till.signIn("malee", "135790");
        till.awaitText("#operatorStatus", text -> text.startsWith("Malee"));
        till.robot.press(KeyCode.CONTROL).type(KeyCode.Q).release(KeyCode.CONTROL);
        await().atMost(Duration.ofSeconds(5)).until(() -> !stage.isShowing());
    }
}

package com.scantill.ui;

import com.scantill.scanner.ScanDispatcher;
import com.scantill.scanner.WedgeDecoder;
import com.scantill.scanner.WedgeSettings;
import javafx.animation.PauseTransition;
import javafx.event.Event;
import javafx.event.EventHandler;
import javafx.event.EventTarget;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * A keyboard-wedge scanner on a scene: a filter that holds back every typed character until the
 * {@link WedgeDecoder} knows whether a scanner or a person sent it. Scans go to the dispatcher and never reach the
 * focused field; a person's keystrokes are typed into it after a pause shorter than anyone notices.
 */
public final class KeyboardWedge {

    public static final String SCANNER_NAME = "keyboard scanner";

    private final ScanDispatcher dispatcher;
    private final WedgeDecoder decoder;
    private final PauseTransition idle;
    private final EventHandler<KeyEvent> filter = this::filter;
    private Scene scene;
    private boolean replaying;
    private KeyCode swallowUntilReleased;

    public KeyboardWedge(WedgeSettings settings, ScanDispatcher dispatcher) {
        this.dispatcher = dispatcher;
        this.decoder = new WedgeDecoder(settings, new WedgeDecoder.Output() {
            @Override
            public void scan(String text) {
                KeyboardWedge.this.dispatcher.read(text, SCANNER_NAME);
            }

            @Override
            public void release(String text) {
                replay(text);
            }
        });
        this.idle = new PauseTransition(javafx.util.Duration.millis(settings.maxGap().toMillis() + 1.0));
        idle.setOnFinished(event -> decoder.idle(System.nanoTime()));
    }

    /** Starts listening to the scene's keys. */
    public void attach(Scene newScene) {
        detach();
        scene = newScene;
        scene.addEventFilter(KeyEvent.ANY, filter);
    }

    public void detach() {
        if (scene != null) {
            scene.removeEventFilter(KeyEvent.ANY, filter);
            idle.stop();
            decoder.otherKey();
            scene = null;
        }
    }

    private void filter(KeyEvent event) {
        if (replaying) {
            return;
        }
        long now = System.nanoTime();
        if (event.getEventType() == KeyEvent.KEY_TYPED) {
            typed(event, now);
        } else if (event.getEventType() == KeyEvent.KEY_PRESSED) {
            pressed(event, now);
        } else if (event.getEventType() == KeyEvent.KEY_RELEASED && (event.getCode() == swallowUntilReleased
                || decoder.isHolding() && producesCharacter(event.getCode()))) {
            if (event.getCode() == swallowUntilReleased) {
                swallowUntilReleased = null;
            }
            event.consume();
        }
    }

    private void typed(KeyEvent event, long now) {
        String character = event.getCharacter();
        if (character.length() != 1 || event.isControlDown() || event.isAltDown() || event.isMetaDown()) {
            return;
        }
        char c = character.charAt(0);
        if (c == '\r' || c == '\n' || c == '\t') {
            // The typed twin of an Enter or Tab that ended a scan.
            if (swallowUntilReleased != null) {
                event.consume();
            }
            return;
        }
        if (c < 0x20 || c == 0x7f) {
            return;
        }
        event.consume();
        decoder.character(c, now);
        idle.playFromStart();
    }

    private void pressed(KeyEvent event, long now) {
        KeyCode code = event.getCode();
        boolean modified = event.isControlDown() || event.isAltDown() || event.isMetaDown() || event.isShiftDown();
        if ((code == KeyCode.ENTER || code == KeyCode.TAB) && !modified) {
            if (decoder.isHolding()) {
                WedgeSettings.Terminator key = code == KeyCode.ENTER ? WedgeSettings.Terminator.ENTER : WedgeSettings.Terminator.TAB;
                if (decoder.terminator(key, now)) {
                    idle.stop();
                    swallowUntilReleased = code;
                    event.consume();
                }
            }
            return;
        }
        if (producesCharacter(code) && !event.isControlDown() && !event.isAltDown() && !event.isMetaDown()) {
            if (decoder.isHolding()) {
                event.consume();
            }
            return;
        }
        if (!code.isModifierKey()) {
            idle.stop();
            decoder.otherKey();
        }
    }

    private static boolean producesCharacter(KeyCode code) {
        return code.isDigitKey() || code.isLetterKey() || code == KeyCode.UNDEFINED
                || code.isKeypadKey() || code == KeyCode.MINUS || code == KeyCode.SUBTRACT;
    }

    /** Types what a person typed into whatever has the focus, as if it had never been held back. */
    private void replay(String text) {
        EventTarget target = scene.getFocusOwner() != null ? scene.getFocusOwner() : scene.getRoot();
        replaying = true;
        try {
            for (char c : text.toCharArray()) {
                Event.fireEvent(target, new KeyEvent(KeyEvent.KEY_TYPED, String.valueOf(c), "", KeyCode.UNDEFINED,
                        false, false, false, false));
            }
        } finally {
            replaying = false;
        }
    }
}

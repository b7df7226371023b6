package com.scantill.ui;

import com.scantill.scanner.RejectedScan;
import com.scantill.scanner.ScanDispatcher;
import com.scantill.scanner.WedgeDecoder;
import com.scantill.scanner.WedgeSettings;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.event.EventHandler;
import javafx.event.EventTarget;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * A keyboard-wedge scanner on a scene: a filter that holds back every typed character until the
 * {@link WedgeDecoder} knows whether a scanner or a person sent it. Scans go to the dispatcher and never reach the
 * focused field; a person's keystrokes are typed into it once it is clear they are not part of a scan; what cannot
 * be told apart is refused with a message.
 */
public final class KeyboardWedge {

    public static final String SCANNER_NAME = "keyboard scanner";

    /** Keys that scanners and keyboard layouts send inside a burst without meaning anything by them. */
    private static final Set<KeyCode> IGNORED = EnumSet.of(KeyCode.NUM_LOCK, KeyCode.CAPS, KeyCode.SCROLL_LOCK,
            KeyCode.SHIFT, KeyCode.CONTROL, KeyCode.ALT, KeyCode.ALT_GRAPH, KeyCode.META, KeyCode.WINDOWS,
            KeyCode.COMMAND, KeyCode.SHORTCUT, KeyCode.KANA_LOCK, KeyCode.UNDEFINED);

    private final ScanDispatcher dispatcher;
    private final WedgeDecoder decoder;
    private final LongSupplier nanoClock;
    private final PauseTransition idle;
    private final EventHandler<KeyEvent> filter = this::filter;
    private Scene scene;
    private boolean replaying;
    private KeyCode swallowUntilReleased;

    public KeyboardWedge(WedgeSettings settings, ScanDispatcher dispatcher) {
        this(settings, dispatcher, System::nanoTime);
    }

    /** With the clock that times each keystroke, for tests that decide exactly. */
    KeyboardWedge(WedgeSettings settings, ScanDispatcher dispatcher, LongSupplier nanoClock) {
        this.dispatcher = dispatcher;
        this.nanoClock = nanoClock;
        this.decoder = new WedgeDecoder(settings, new WedgeDecoder.Output() {
            @Override
            public void scan(String text) {
                KeyboardWedge.this.dispatcher.read(text, SCANNER_NAME);
            }

            @Override
            public void release(String text) {
                replay(text);
            }

            @Override
            public void refuse(WedgeDecoder.Refusal why, int characters, int keys) {
                KeyboardWedge.this.dispatcher.reject(RejectedScan.Reason.CUT_SHORT, null, 0, SCANNER_NAME);
            }
        });
        this.idle = new PauseTransition(javafx.util.Duration.millis(settings.maxPause().toMillis() + 1.0));
        // Behind whatever keys a stalled FX thread still has queued, so that they count before the pause does.
        idle.setOnFinished(event -> Platform.runLater(() -> {
            decoder.idle(nanoClock.getAsLong());
            if (decoder.isHolding()) {
                // The timer ran early for the keys' own times: wait once more.
                idle.playFromStart();
            }
        }));
    }

    /** Whether a paused scan or typing mixed with a scan, the cashier does the same: check the amount, scan again. */


    /**
     * Starts listening to the scene's keys. Attach it before any other key filter of the scene, so that a key
     * pressed while characters are held reaches the others after them.
     */
    public void attach(Scene newScene) {
        detach();
        scene = newScene;
        scene.addEventFilter(KeyEvent.KEY_PRESSED, filter);
        scene.addEventFilter(KeyEvent.KEY_TYPED, filter);
        scene.addEventFilter(KeyEvent.KEY_RELEASED, filter);
    }

    public void detach() {
        if (scene != null) {
            scene.removeEventFilter(KeyEvent.KEY_PRESSED, filter);
            scene.removeEventFilter(KeyEvent.KEY_TYPED, filter);
            scene.removeEventFilter(KeyEvent.KEY_RELEASED, filter);
            idle.stop();
            decoder.flush();
            scene = null;
        }
    }

    private void filter(KeyEvent event) {
        if (replaying || IGNORED.contains(event.getCode()) && event.getEventType() != KeyEvent.KEY_TYPED) {
            return;
        }
        long now = nanoClock.getAsLong();
        if (event.getEventType() == KeyEvent.KEY_TYPED) {
            typed(event, now);
        } else if (event.getEventType() == KeyEvent.KEY_PRESSED) {
            pressed(event, now);
        } else if (event.getCode() == swallowUntilReleased || decoder.isHolding() && producesCharacter(event)) {
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
        if (c < 0x20 || c == 0x7f) {
            // The typed twin of Enter, Tab or Backspace: it goes where its key went.
            if (swallowUntilReleased != null) {
                event.consume();
            }
            return;
        }
        event.consume();
        decoder.character(c, now);
        idle.playFromStart();
    }

    private void pressed(KeyEvent event, long now) {
        if (producesCharacter(event)) {
            if (decoder.isHolding()) {
                event.consume();
            }
            return;
        }
        boolean modified = event.isControlDown() || event.isAltDown() || event.isMetaDown() || event.isShiftDown();
        WedgeDecoder.Key key = modified ? WedgeDecoder.Key.OTHER : switch (event.getCode()) {
            case ENTER -> WedgeDecoder.Key.ENTER;
            case TAB -> WedgeDecoder.Key.TAB;
            default -> WedgeDecoder.Key.OTHER;
        };
        KeyEvent pressed = event.copyFor(event.getSource(), event.getTarget());
        if (decoder.key(key, now, () -> replayKey(pressed)) != WedgeDecoder.KeyFate.GOES_ON) {
            swallowUntilReleased = event.getCode();
            event.consume();
            idle.playFromStart();
        }
    }

    private static boolean producesCharacter(KeyEvent event) {
        KeyCode code = event.getCode();
        return (code.isDigitKey() || code.isLetterKey() || code.isKeypadKey() || code == KeyCode.MINUS
                || code == KeyCode.SUBTRACT || code == KeyCode.DECIMAL || code == KeyCode.PERIOD)
                && !event.isControlDown() && !event.isAltDown() && !event.isMetaDown();
    }

    /** A key that waited with a person's characters goes on, after them, to whatever has the focus now. */
    private void replayKey(KeyEvent pressed) {
        toFocus(target -> {
            Event.fireEvent(target, pressed.copyFor(target, target));
            Event.fireEvent(target, new KeyEvent(KeyEvent.KEY_RELEASED, "", "", pressed.getCode(), pressed.isShiftDown(),
                    pressed.isControlDown(), pressed.isAltDown(), pressed.isMetaDown()));
        });
    }

    /** Types what a person typed into whatever has the focus, as if it had never been held back. */
    private void replay(String text) {
        toFocus(target -> {
            for (char c : text.toCharArray()) {
                Event.fireEvent(target, new KeyEvent(KeyEvent.KEY_TYPED, String.valueOf(c), "", KeyCode.UNDEFINED,
                        false, false, false, false));
            }
        });
    }

    /** Fires events at the focused node (or the root), past this wedge's own filter. */
    private void toFocus(Consumer<EventTarget> firing) {
        if (scene == null) {
            return;
        }
        EventTarget target = scene.getFocusOwner() != null ? scene.getFocusOwner() : scene.getRoot();
        replaying = true;
        try {
            firing.accept(target);
        } finally {
            replaying = false;
        }
    }
}

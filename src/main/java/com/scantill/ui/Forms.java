package com.scantill.ui;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * Enter on a form, the same on every screen and dialog: on a focused button it presses that button; in a field with
 * an empty field after it, it moves there; otherwise it does the form's default action. Done on the form itself
 * rather than through the scene's default button, which only one of the till's many forms can own at a time.
 */
final class Forms {

    private Forms() {
    }

    static void enterDoes(Node form, List<? extends TextInputControl> fields, Runnable defaultAction) {
        form.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() != KeyCode.ENTER || event.isShortcutDown() || event.isAltDown() || !form.isVisible()) {
                return;
            }
            event.consume();
            Node focused = form.getScene() == null ? null : form.getScene().getFocusOwner();
            if (focused instanceof ButtonBase button) {
                if (!button.isDisabled()) {
                    button.fire();
                }
                return;
            }
            int at = fields.indexOf(focused);
            if (at >= 0) {
                for (TextInputControl later : fields.subList(at + 1, fields.size())) {
                    if (later.getText() == null || later.getText().isEmpty()) {
                        later.requestFocus();
                        return;
                    }
                }
            }
            defaultAction.run();
        });
    }
}

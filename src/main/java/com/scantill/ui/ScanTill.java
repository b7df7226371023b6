package com.scantill.ui;

import javafx.application.Application;

/**
 * Starts the till. A class of its own, not the {@link Application}, so that the till also starts from a plain
 * class path (the Java launcher insists on JavaFX modules only when the main class is an Application).
 */
public final class ScanTill {

    private ScanTill() {
    }

    public static void main(String[] args) {
        Application.launch(ScanTillApplication.class, args);
    }
}

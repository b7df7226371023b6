package com.scantill.app;

/** Whose money moves: none in training, Omise test money in test mode, real money live. */
public enum TillMode {
    TRAINING("TRAINING — no real money"),
    TEST("TEST MODE — Omise test key"),
    LIVE("LIVE");

    private final String banner;

    TillMode(String banner) {
        this.banner = banner;
    }

    public String banner() {
        return banner;
    }
}

package com.scantill.app;

/** Whose money moves: none in training, Omise test money in test mode, real money live. */
public enum TillMode {
    TRAINING,
    TEST,
    LIVE
}

package com.scantill.ui;

/** Where a screen can send the operator. */
interface Navigation {

    void showTill();

    void showOperators();

    void showSettings();

    void showReport();

    void signOut(String why);

    /** On the sign-in screen: the other language, at once and for whoever signs in next. */
    void toggleLanguage();
}

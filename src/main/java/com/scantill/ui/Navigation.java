package com.scantill.ui;

/** Where a screen can send the operator. */
interface Navigation {

    void showTill();

    void showOperators();

    void showSettings();

    void showReport();

    /** The manager's view of the sales: any period, a table, charts, each day's fees, and a search. */
    void showSales();

    void signOut(String why);

    /** On the sign-in screen: the other language, at once and for whoever signs in next. */
    void toggleLanguage();
}

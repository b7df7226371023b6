package com.scantill.words;

import java.util.Locale;

/** The languages the till speaks: Thai first, English one key away. */
public enum Language {
    TH(Locale.forLanguageTag("th-TH"), "ไทย"),
    EN(Locale.ENGLISH, "EN");

    private final Locale locale;
    private final String label;

    Language(Locale locale, String label) {
        this.locale = locale;
        this.label = label;
    }

    public Locale locale() {
        return locale;
    }

    /** The language's own name for itself, as its key on the screen shows it. */
    public String label() {
        return label;
    }

    /** As settings write it: {@code th} or {@code en}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The language a setting names; Thai for anything else. */
    public static Language of(String code) {
        return code != null && code.strip().equalsIgnoreCase("en") ? EN : TH;
    }

    public Language other() {
        return this == TH ? EN : TH;
    }
}

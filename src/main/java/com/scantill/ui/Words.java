package com.scantill.ui;

import java.text.MessageFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.chrono.ThaiBuddhistDate;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * Every word a person reads on the till, in one language, from the bundles {@code messages_th} and {@code messages_en}
 * beside this class; with the dates and times that language writes (Thai dates in the Buddhist era, English ones in
 * ISO), always 24-hour and in the shop's time zone.
 */
final class Words {

    static final String BUNDLE = "com.scantill.ui.i18n.messages";
    private static final Map<Language, ResourceBundle> BUNDLES = new EnumMap<>(Language.class);
    private static final DateTimeFormatter THAI_DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Language.TH.locale());

    private final Language language;
    private final ResourceBundle bundle;
    private final ZoneId zone;

    private Words(Language language, ZoneId zone) {
        this.language = language;
        this.bundle = bundle(language);
        this.zone = zone;
    }

    static Words of(Language language, ZoneId zone) {
        return new Words(language, zone);
    }

    static synchronized ResourceBundle bundle(Language language) {
        return BUNDLES.computeIfAbsent(language, chosen -> ResourceBundle.getBundle(BUNDLE, chosen.locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
    }

    /** The bundle itself, for FXML's {@code %view.…} texts. */
    ResourceBundle bundle() {
        return bundle;
    }

    Language language() {
        return language;
    }

    ZoneId zone() {
        return zone;
    }

    /** The text under {@code key}, its placeholders {@code {0}}, {@code {1}}… filled with {@code values} as they are. */
    String get(String key, Object... values) {
        String pattern = bundle.getString(key);
        Object[] texts = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            // Values arrive as written (money, references, counts); the pattern must not reformat them.
            texts[i] = values[i] == null ? "" : values[i].toString();
        }
        return new MessageFormat(pattern, language.locale()).format(texts);
    }

    /** A day as this language writes it: {@code 26 พ.ย. 2569}, or {@code 2026-11-26}. */
    String date(LocalDate day) {
        return language == Language.TH ? THAI_DATE.format(ThaiBuddhistDate.from(day)) : day.toString();
    }

    /** A moment's time of day in the shop, 24-hour: {@code 14:05}. */
    String time(Instant at) {
        return DateTimeFormatter.ofPattern("HH:mm").withZone(zone).format(at);
    }

    /** A moment's time of day in the shop to the second: {@code 14:05:09}. */
    String timeWithSeconds(Instant at) {
        return DateTimeFormatter.ofPattern("HH:mm:ss").withZone(zone).format(at);
    }
}

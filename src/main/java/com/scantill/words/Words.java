package com.scantill.words;

import java.text.MessageFormat;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.chrono.ThaiBuddhistChronology;
import java.time.chrono.ThaiBuddhistDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * Every word a person reads on the till, in one language, from the bundles {@code messages_th} and {@code messages_en}
 * beside this class; with the dates and times that language writes (Thai dates in the Buddhist era, English ones in
 * ISO), always 24-hour and in the shop's time zone.
 */
public final class Words {

    static final String BUNDLE = "com.scantill.words.messages";
    private static final Map<Language, ResourceBundle> BUNDLES = new EnumMap<>(Language.class);
    private static final DateTimeFormatter THAI_DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Language.TH.locale());
    private static final DateTimeFormatter THAI_DATE_READ = thaiDate("d MMM uuuu");
    private static final DateTimeFormatter THAI_DATE_TYPED = thaiDate("d/M/uuuu");

    private final Language language;
    private final ResourceBundle bundle;
    private final ZoneId zone;

    private Words(Language language, ZoneId zone) {
        this.language = language;
        this.bundle = bundle(language);
        this.zone = zone;
    }

    public static Words of(Language language, ZoneId zone) {
        return new Words(language, zone);
    }

    public static synchronized ResourceBundle bundle(Language language) {
        return BUNDLES.computeIfAbsent(language, chosen -> ResourceBundle.getBundle(BUNDLE, chosen.locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
    }

    /** A strict Buddhist-era form: a day that does not exist is refused, not moved to one that does. */
    private static DateTimeFormatter thaiDate(String pattern) {
        return DateTimeFormatter.ofPattern(pattern, Language.TH.locale()).withChronology(ThaiBuddhistChronology.INSTANCE)
                .withResolverStyle(ResolverStyle.STRICT);
    }

    /** The bundle itself, for FXML's {@code %view.…} texts. */
    public ResourceBundle bundle() {
        return bundle;
    }

    public Language language() {
        return language;
    }

    public ZoneId zone() {
        return zone;
    }

    /** The text under {@code key}, its placeholders {@code {0}}, {@code {1}}… filled with {@code values} as they are. */
    public String get(String key, Object... values) {
        String pattern = bundle.getString(key);
        Object[] texts = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            // Values arrive as written (money, references, counts); the pattern must not reformat them.
            texts[i] = values[i] == null ? "" : values[i].toString();
        }
        return new MessageFormat(pattern, language.locale()).format(texts);
    }

    /**
     * A payment method's name by Omise's source type ({@code WeChat Pay}, {@code Alipay+}), and a wallet's after it
     * when the charge named one: {@code Alipay+ · TrueMoney}. A source type without words is shown as it is.
     */
    public String method(String sourceType, String wallet) {
        String key = "method." + sourceType;
        String method = bundle.containsKey(key) ? bundle.getString(key) : sourceType;
        return wallet == null || wallet.isBlank() || wallet.equalsIgnoreCase(method) ? method : get("method.withWallet", method, wallet);
    }

    /** The name the customer knows the payment by: the wallet's when the charge named one, else the method's. */
    public String wallet(String sourceType, String wallet) {
        return wallet == null || wallet.isBlank() ? method(sourceType, null) : wallet;
    }

    /** A count with its thousands grouped by commas, as Thai and English both write it: {@code 1,829}. */
    public String number(long count) {
        return String.format(Locale.ROOT, "%,d", count);
    }

    /** A day as this language writes it: {@code 26 พ.ย. 2569}, or {@code 2026-11-26}. */
    public String date(LocalDate day) {
        return language == Language.TH ? THAI_DATE.format(ThaiBuddhistDate.from(day)) : day.toString();
    }

    /**
     * The day a person typed: ISO ({@code 2026-11-26}) in either language; in Thai also as this class writes it
     * ({@code 26 พ.ย. 2569}) or as Thais write it by hand ({@code 26/11/2569}), both in the Buddhist era.
     */
    public Optional<LocalDate> parseDate(String text) {
        String typed = text == null ? "" : text.strip();
        List<DateTimeFormatter> forms = new ArrayList<>(List.of(DateTimeFormatter.ISO_LOCAL_DATE));
        if (language == Language.TH) {
            forms.add(THAI_DATE_READ);
            forms.add(THAI_DATE_TYPED);
        }
        for (DateTimeFormatter form : forms) {
            try {
                return Optional.of(LocalDate.from(form.parse(typed)));
            } catch (DateTimeException notThisForm) {
                // The next form may read it.
            }
        }
        return Optional.empty();
    }

    /** A moment's time of day in the shop, 24-hour: {@code 14:05}. */
    public String time(Instant at) {
        return DateTimeFormatter.ofPattern("HH:mm").withZone(zone).format(at);
    }

    /** A moment's time of day in the shop to the second: {@code 14:05:09}. */
    public String timeWithSeconds(Instant at) {
        return DateTimeFormatter.ofPattern("HH:mm:ss").withZone(zone).format(at);
    }
}

package com.scantill.ui;

import com.scantill.operators.Operator;
import com.scantill.words.Language;
import com.scantill.words.Words;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The language the till speaks now: the till's own (its settings) while nobody is signed in, the one chosen with the
 * sign-in screen's key, and an operator's own once they sign in. A change shows at once, without a restart.
 */
final class LanguageModel {

    private final Language tillLanguage;
    private final Map<Language, Words> words = new EnumMap<>(Language.class);
    private final ReadOnlyObjectWrapper<Words> current;
    private boolean chosenOnSignIn;

    LanguageModel(Language tillLanguage, ZoneId zone) {
        this.tillLanguage = tillLanguage;
        for (Language language : Language.values()) {
            words.put(language, Words.of(language, zone));
        }
        this.current = new ReadOnlyObjectWrapper<>(words.get(tillLanguage));
    }

    Words words() {
        return current.get();
    }

    ReadOnlyObjectProperty<Words> wordsProperty() {
        return current.getReadOnlyProperty();
    }

    Language language() {
        return current.get().language();
    }

    /** The sign-in screen's key: the other language, at once, and for the operator who signs in next. */
    void toggleOnSignIn() {
        use(language().other());
        chosenOnSignIn = true;
    }

    /**
     * An operator signed in: the language they chose on the sign-in screen just now, to be remembered for them; else
     * theirs from before, if they have one.
     */
    Optional<Language> signedIn(Operator who) {
        if (chosenOnSignIn) {
            chosenOnSignIn = false;
            return Optional.of(language());
        }
        if (who.language() != null) {
            use(Language.of(who.language()));
        }
        return Optional.empty();
    }

    /** Nobody is signed in: the till's own language again. */
    void signedOut() {
        chosenOnSignIn = false;
        use(tillLanguage);
    }

    private void use(Language language) {
        current.set(words.get(language));
    }
}

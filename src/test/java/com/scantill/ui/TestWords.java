package com.scantill.ui;

import com.scantill.words.Language;
import com.scantill.words.Words;
import java.time.ZoneId;

/** The till's words as tests read them: English, in Bangkok's time. */
final class TestWords {

    static final ZoneId BANGKOK = ZoneId.of("Asia/Bangkok");
    static final CashierMessages ENGLISH = new CashierMessages(() -> Words.of(Language.EN, BANGKOK));

    private TestWords() {
    }
}

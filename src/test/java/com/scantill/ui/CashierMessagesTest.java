package com.scantill.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.scantill.model.EventKind;
import com.scantill.model.Sale;
import com.scantill.model.SaleEvent;
import com.scantill.model.SaleStatus;
import com.scantill.words.Language;
import com.scantill.words.Words;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A sale told in each language. */
class CashierMessagesTest {

    private static final ZoneId BANGKOK = ZoneId.of("Asia/Bangkok");

    @Test
    void aSalesWordsFollowTheLanguageOfTheMomentAndMoneyIsWrittenTheSameInBoth() {
        Language[] now = {Language.TH};
        CashierMessages words = new CashierMessages(() -> Words.of(now[0], BANGKOK));
        Sale paid = Sale.created("till-1-A", "till-1", "somchai", 150_000, "THB", "**************5093",
                Instant.parse("2026-11-26T10:05:09Z")).toBuilder().status(SaleStatus.SUCCESSFUL).chargeId("chrg_test_1").build();

        assertThat(words.panelTitle(paid)).isEqualTo("ชำระแล้ว ฿1,500.00");
        assertThat(words.listLine(paid)).isEqualTo("17:05  …5093  ฿1,500.00  ชำระแล้ว");
        SaleEvent created = SaleEvent.of(EventKind.SALE_CREATED, paid, "somchai", 150_000L, null, paid.createdAt());
        assertThat(words.details(paid, List.of(), List.of(created))).contains("ชำระแล้ว")
                .endsWith("ประวัติ:\n  17:05:09 สร้างรายการขาย โดย somchai");
        now[0] = Language.EN;
        assertThat(words.details(paid, List.of(), List.of(created))).endsWith("History:\n  17:05:09 sale created by somchai");
        assertThat(words.panelTitle(paid)).isEqualTo("PAID ฿1,500.00");
        assertThat(words.amount(1_999L)).isEqualTo("The least WeChat Pay takes is ฿20.00.");
    }
}

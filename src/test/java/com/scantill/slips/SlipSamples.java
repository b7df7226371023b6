package com.scantill.slips;

import com.scantill.model.PaymentMethod;
import com.scantill.model.RefundRecord;
import com.scantill.model.RefundStatus;
import com.scantill.model.Sale;
import com.scantill.model.SaleStatus;
import com.scantill.words.Language;
import com.scantill.words.Words;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Draws the README's sample slips, as the printer gets them, into {@code assets/slips/}: a payment and a refund's
 * merchant copy, in Thai and English, on 58 and 80 mm paper. Not a test: run it with
 * {@code ./mvnw test -Dtest=SlipSamples -DexcludedTestGroups=none}.
 */
@Tag("benchmark")
class SlipSamples {

    private static final ShopDetails SHOP = new ShopDetails("ร้านกาแฟบ้านสวน", "สาขาสุขุมวิท 24",
            "123/4 ถนนสุขุมวิท แขวงคลองตัน เขตคลองเตย กรุงเทพฯ 10110", "0105556012345", List.of(),
            List.of("ขอบคุณที่ใช้บริการ · Thank you"));

    @ParameterizedTest
    @CsvSource({"TH, MM80", "TH, MM58", "EN, MM80", "EN, MM58"})
    void drawTheSamples(Language language, PrinterSettings.Paper paper) throws Exception {
        Words words = Words.of(language, ZoneId.of("Asia/Bangkok"));
        Sale sale = Sale.created("till-1-261126170509-a7k", "till-1", "somchai", 150_000, "THB", PaymentMethod.WECHAT_PAY, "**************5093",
                Instant.parse("2026-11-26T10:05:09Z")).toBuilder().status(SaleStatus.SUCCESSFUL)
                .chargeId("chrg_test_5zfp0w0rwbw3idjwx2").refundedAmount(50_000).build();
        RefundRecord refund = new RefundRecord("till-1-261126170509-a7k-r1", sale.tillReference(), 50_000, RefundStatus.DONE,
                "rfnd_test_5zfq1b2c3d4e5f6g7h", "somchai", "wanida", null, Instant.parse("2026-11-26T11:00:00Z"),
                Instant.parse("2026-11-26T11:00:02Z"));
        Slips slips = new Slips(SHOP, "till-1", paper);
        String prefix = language.code() + "-" + paper.name().substring(2).toLowerCase(Locale.ROOT) + "mm-";
        Path folder = Files.createDirectories(Path.of("assets", "slips"));
        ImageIO.write(slips.sale(sale, Slips.Copy.CUSTOMER, false, "Somchai", words).image(), "png",
                folder.resolve(prefix + "payment.png").toFile());
        ImageIO.write(slips.refund(sale, refund, Slips.Copy.MERCHANT, false, "Somchai", "Wanida", words).image(), "png",
                folder.resolve(prefix + "refund-merchant.png").toFile());
        Sale alipay = Sale.created("till-1-261126171210-b3m", "till-1", "somchai", 95_000, "THB", PaymentMethod.ALIPAY_PLUS,
                "***************4567", Instant.parse("2026-11-26T10:12:10Z")).toBuilder().status(SaleStatus.SUCCESSFUL)
                .wallet("TrueMoney").chargeId("chrg_test_5zfr8k2m4n6p8q0s1t").build();
        ImageIO.write(slips.sale(alipay, Slips.Copy.CUSTOMER, false, "Somchai", words).image(), "png",
                folder.resolve(prefix + "payment-alipay-plus.png").toFile());
    }
}

package com.scantill.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The end-of-day check from the command line, on a training till's data folder. */
class CheckDayMainTest {

    @TempDir
    Path dataFolder;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @AfterEach
    void forgetTheFolder() {
        System.clearProperty("scantill.home");
    }

    private int run(String... args) throws Exception {
        Files.writeString(dataFolder.resolve(SettingsStore.FILE_NAME), "operators.pinHashIterations=1000\n");
        System.setProperty("scantill.home", dataFolder.toString());
        return CheckDayMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void aDayWithNothingDifferingExitsZeroAndSaysSoInTheTillsLanguage() throws Exception {
        assertThat(run("--day", "2026-11-25")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).matches(
                "25 พ.ย. 2569, ทุกเครื่อง: ตรวจสอบกับ Omise เมื่อ \\d\\d:\\d\\d น. — ตรงกัน 0 รายการ ไม่ตรงกัน 0 รายการ \\(ถาม Omise 1 ครั้ง\\)\\R");
    }

    @Test
    void itSpeaksEnglishWhenAsked() throws Exception {
        assertThat(run("--day", "2026-11-25", "--language", "en")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).matches(
                "2026-11-25, all tills: Checked against Omise at \\d\\d:\\d\\d — 0 agree, 0 differ \\(1 requests to Omise\\)\\R");
    }

    @Test
    void anArgumentItDoesNotKnowExitsTwoWithAClearMessage() throws Exception {
        assertThat(run("--yesterday")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown argument --yesterday; use --day YYYY-MM-DD, --till ID and --language th|en");
    }
}

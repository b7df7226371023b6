package com.scantill.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.scantill.app.InvalidSettingException;
import com.scantill.app.Settings;
import com.scantill.app.SettingsStore;
import com.scantill.app.SlipSettings;
import com.scantill.model.PaymentMethod;
import com.scantill.slips.PrinterSettings;
import com.scantill.words.Language;
import com.scantill.words.Words;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The manager's settings screen saves what it was given and keeps everything it does not show. */
class SettingsModelTest {

    @TempDir
    Path dataFolder;

    @Test
    void savingWithoutChangesKeepsEverySettingAsItWas() throws Exception {
        Files.writeString(dataFolder.resolve(SettingsStore.FILE_NAME), """
                omise.secretKey=skey_test_5y4zomdqoboas2g9rdsettings
                omise.apiUrl=https://api.example.test
                till.id=front-2
                shop.timeZone=Asia/Ho_Chi_Minh
                checkout.pendingLimitSeconds=45
                till.idleSignOutMinutes=7
                training.customerConfirmSeconds=4.5
                operators.pinHashIterations=210000
                scanner.driver=serial
                scanner.keyboard.maxGapMillis=35
                scanner.keyboard.maxPauseMillis=220
                scanner.keyboard.minLength=12
                scanner.keyboard.terminator=SUFFIX
                scanner.keyboard.suffix=#
                scanner.keyboard.prefix=]Q
                scanner.serial.port=/dev/ttyACM0
                scanner.serial.baud=115200
                scanner.serial.dataBits=7
                scanner.serial.parity=EVEN
                scanner.serial.stopBits=TWO
                scanner.serial.lineEnding=CRLF
                payment.methods=alipayplus_upm, wechat_pay_upm
                """);
        SettingsStore store = new SettingsStore(dataFolder, Map.of());
        Settings before = store.load();
        SettingsModel model = new SettingsModel(store, null, null, SynchronousBackground.INSTANCE, TestWords.ENGLISH);

        model.activate();
        model.save();

        assertThat(model.messageProperty().get()).startsWith("Saved.");
        assertThat(model.notice().tone()).isEqualTo(Notice.Tone.DONE);
        Settings after = store.load();
        assertThat(after.scanner()).isEqualTo(before.scanner());
        assertThat(after.scanner().serial().parity().name()).isEqualTo("EVEN");
        assertThat(after.scanner().serial().dataBits()).isEqualTo(7);
        assertThat(after.options()).isEqualTo(before.options());
        assertThat(after.options().paymentMethods()).containsExactlyInAnyOrder(PaymentMethod.WECHAT_PAY, PaymentMethod.ALIPAY_PLUS);
        assertThat(after.apiUrl()).isEqualTo(before.apiUrl());
        assertThat(after.tillId()).isEqualTo(before.tillId());
        assertThat(store.secretKeyHint()).contains("skey_test_…");
    }

    @Test
    void aValueThatIsNotANumberIsAProblemAndNothingIsSaved() throws Exception {
        SettingsStore store = new SettingsStore(dataFolder, Map.of());
        SettingsModel model = new SettingsModel(store, null, null, SynchronousBackground.INSTANCE, TestWords.ENGLISH);
        model.activate();

        model.pendingLimitSecondsProperty().set("soon");
        model.save();

        assertThat(model.notice().tone()).isEqualTo(Notice.Tone.PROBLEM);
        assertThat(model.messageProperty().get()).isEqualTo(
                "Not saved: the seconds before expiry is offered (\"soon\") must be a whole number above 0, such as 60.");
        assertThat(Files.exists(store.settingsFile())).isFalse();
    }

    @Test
    void whatIsWrongWithASettingIsSaidInTheManagersLanguage() throws Exception {
        SettingsStore store = new SettingsStore(dataFolder, Map.of());
        SettingsModel model = new SettingsModel(store, null, null, SynchronousBackground.INSTANCE,
                new CashierMessages(() -> Words.of(Language.TH, TestWords.BANGKOK)));
        model.activate();

        model.tillIdProperty().set("เครื่องหน้า");
        model.save();

        assertThat(model.messageProperty().get())
                .isEqualTo("ยังไม่ได้บันทึก: รหัสเครื่อง \"เครื่องหน้า\" ใช้ไม่ได้ ใช้ตัวอักษรอังกฤษ ตัวเลข - หรือ _ ได้ 1 ถึง 32 ตัว");

        model.tillIdProperty().set("front-1");
        model.newKeyProperty().set("pk_test_123");
        model.save();

        assertThat(model.messageProperty().get()).startsWith("ยังไม่ได้บันทึก: นี่ไม่ใช่รหัสลับของ Omise").doesNotContain("pk_test_123");
        assertThat(Files.exists(store.settingsFile())).isFalse();
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "http://example.com       | till-1                            | https",
        "https://api.omise.co     | front till                        | till id",
        "https://api.omise.co     | a23456789012345678901234567890123 | till id",
        "https://user@api.omise.co | till-1                           | plain address"})
    void settingsTheNextStartCouldNotUseAreNeverWritten(String apiUrl, String tillId, String said) throws Exception {
        Files.writeString(dataFolder.resolve(SettingsStore.FILE_NAME), "till.id=front-1\n");
        String before = Files.readString(dataFolder.resolve(SettingsStore.FILE_NAME));
        SettingsStore store = new SettingsStore(dataFolder, Map.of());
        SettingsModel model = new SettingsModel(store, null, null, SynchronousBackground.INSTANCE, TestWords.ENGLISH);
        model.activate();

        model.apiUrlProperty().set(apiUrl);
        model.tillIdProperty().set(tillId);
        model.save();

        assertThat(model.notice().tone()).isEqualTo(Notice.Tone.PROBLEM);
        assertThat(model.messageProperty().get()).startsWith("Not saved").contains(said);
        assertThat(Files.readString(dataFolder.resolve(SettingsStore.FILE_NAME))).isEqualTo(before);
        assertThat(store.load().tillId()).isEqualTo("front-1");
        try (var files = Files.list(dataFolder)) {
            assertThat(files.map(path -> path.getFileName().toString())).containsExactly(SettingsStore.FILE_NAME);
        }
    }

    @Test
    void theManagerSwitchesPaymentMethodsOnAndOffButNeverAllOff() throws Exception {
        SettingsStore store = new SettingsStore(dataFolder, Map.of());
        SettingsModel model = new SettingsModel(store, null, null, SynchronousBackground.INSTANCE, TestWords.ENGLISH);
        model.activate();
        assertThat(model.methods().keySet()).containsExactly(PaymentMethod.WECHAT_PAY, PaymentMethod.ALIPAY_PLUS);
        assertThat(model.methods().get(PaymentMethod.WECHAT_PAY).get()).as("WeChat Pay alone by default").isTrue();
        assertThat(model.methods().get(PaymentMethod.ALIPAY_PLUS).get()).isFalse();

        model.methods().get(PaymentMethod.ALIPAY_PLUS).set(true);
        model.save();
        assertThat(Files.readString(store.settingsFile())).contains("payment.methods=wechat_pay_upm,alipayplus_upm");
        assertThat(store.load().options().paymentMethods()).containsExactlyInAnyOrder(PaymentMethod.WECHAT_PAY, PaymentMethod.ALIPAY_PLUS);

        model.methods().values().forEach(on -> on.set(false));
        model.save();
        assertThat(model.notice().tone()).isEqualTo(Notice.Tone.PROBLEM);
        assertThat(model.messageProperty().get()).isEqualTo(
                "Not saved: Switch on at least one payment method, and only those the till knows (WeChat Pay, Alipay+).");
        assertThat(store.load().options().paymentMethods()).hasSize(2);
    }

    @Test
    void aPaymentMethodTheTillDoesNotKnowInTheFileIsRefusedAtStart() throws Exception {
        Files.writeString(dataFolder.resolve(SettingsStore.FILE_NAME), "payment.methods=wechat_pay_upm,promptpay\n");

        assertThatThrownBy(() -> new SettingsStore(dataFolder, Map.of()).load())
                .hasMessageContaining("payment.methods").hasMessageContaining("promptpay")
                .cause().isInstanceOfSatisfying(InvalidSettingException.class, invalid -> assertThat(invalid.problem())
                        .isEqualTo(InvalidSettingException.Problem.PAYMENT_METHODS));
    }

    @Test
    void theReceiptPrinterIsChosenHereAndAPrinterWithoutAnAddressIsRefused() throws Exception {
        Files.writeString(dataFolder.resolve(SettingsStore.FILE_NAME), "shop.name=Baan Suan\nslip.merchantCopy=true\n");
        SettingsStore store = new SettingsStore(dataFolder, Map.of());
        SettingsModel model = new SettingsModel(store, null, null, SynchronousBackground.INSTANCE, TestWords.ENGLISH);
        model.activate();
        assertThat(model.printerConnectionProperty().get()).isEqualTo(PrinterSettings.Connection.NONE);

        model.printerConnectionProperty().set(PrinterSettings.Connection.NETWORK);
        model.save();

        assertThat(model.messageProperty().get()).isEqualTo("Not saved: the receipt printer needs its address (a network address, "
                + "a device, a port or a queue), or choose no printer.");

        model.printerAddressProperty().set("192.168.1.50:printer");
        model.save();

        assertThat(model.messageProperty().get()).as("a port that is not a number would lose the first slip")
                .startsWith("Not saved: the receipt printer needs its address");
        assertThat(store.load().slips().printer().connection()).isEqualTo(PrinterSettings.Connection.NONE);

        model.printerAddressProperty().set(" 192.168.1.50:9100 ");
        model.printerPaperProperty().set(PrinterSettings.Paper.MM58);
        model.onPaidProperty().set(SlipSettings.OnPaid.ASK);
        model.save();

        SlipSettings saved = store.load().slips();
        assertThat(saved.printer()).isEqualTo(new PrinterSettings(PrinterSettings.Connection.NETWORK, "192.168.1.50:9100",
                PrinterSettings.Paper.MM58));
        assertThat(saved.onPaid()).isEqualTo(SlipSettings.OnPaid.ASK);
        assertThat(saved.merchantCopy()).as("what the form does not show is kept").isTrue();
        assertThat(saved.shop().name()).isEqualTo("Baan Suan");
        assertThat(model.choice(PrinterSettings.Connection.QUEUE)).isEqualTo("Print queue");
    }
}

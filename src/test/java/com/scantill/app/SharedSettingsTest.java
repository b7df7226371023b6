package com.scantill.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.scantill.ledger.Ledger;
import com.scantill.slips.PrinterSettings;
import com.scantill.testing.TestPostgres;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shop's settings saved on one till reach the others through the store; what is each till's own stays. */
class SharedSettingsTest {

    @TempDir
    Path folder;

    @Test
    void aManagersSavedShopSettingsReachTheOtherTillForItsNextStartAndItsOwnSettingsStay() throws Exception {
        String url = TestPostgres.freshDatabaseUrl();
        Path one = folder.resolve("till-1");
        Path two = folder.resolve("till-2");
        // The shop's lines are written by hand, as the README says; the rest through the settings screen below.
        SettingsStore settingsOne = settingsIn(one, "till.id=till-1\nshop.name=Khun Somsri's Noodles\nshop.address=12 Soi 4, Bangkok\n");
        SettingsStore settingsTwo = settingsIn(two, "till.id=till-2\nomise.secretKey=skey_test_tilltwoownkey\n"
                + "printer.connection=network\nprinter.address=192.168.1.60\nshop.name=Old name\nshop.branch=Siam\n");

        Settings before = settingsOne.load();
        settingsOne.save(new SettingsChange(null, false, before.apiUrl(), before.tillId(), before.scanner(),
                TillOptions.from(properties("payment.methods=wechat_pay_upm,alipayplus_upm\nshop.timeZone=Asia/Bangkok\n")),
                before.slips()));

        try (Ledger tillOne = Ledger.open(one); Ledger tillTwo = Ledger.open(two);
             StoreLink linkOne = new StoreLink(new StoreSettings(url, "postgres", null), settingsOne, tillOne, "till-1", one, Clock.systemUTC());
             StoreLink linkTwo = new StoreLink(new StoreSettings(url, "postgres", null), settingsTwo, tillTwo, "till-2", two, Clock.systemUTC())) {
            linkOne.start(Duration.ofMillis(200));
            await().atMost(Duration.ofSeconds(20)).until(() -> linkOne.state().status() == StoreLink.Status.SYNCED);
            linkTwo.start(Duration.ofMillis(200));
            await().atMost(Duration.ofSeconds(20)).until(() -> linkTwo.state().restartForShopSettings());
            assertThat(linkOne.state().restartForShopSettings()).as("the till that saved them needs nothing more").isFalse();
        }

        Settings next = settingsTwo.load();
        assertThat(next.slips().shop().name()).isEqualTo("Khun Somsri's Noodles");
        assertThat(next.slips().shop().address()).isEqualTo("12 Soi 4, Bangkok");
        assertThat(next.slips().shop().branch()).as("not set on till 1, so not the shop's").isEmpty();
        assertThat(next.options().paymentMethods()).hasSize(2);
        assertThat(next.tillId()).isEqualTo("till-2");
        assertThat(next.secretKey().toString()).isEqualTo("skey_test_…");
        assertThat(settingsTwo.secretKeyHint()).isPresent();
        assertThat(next.slips().printer().address()).as("its printer is its own").isEqualTo("192.168.1.60");
        assertThat(settingsTwo.sharedSettings().changedAt()).isEqualTo(settingsOne.sharedSettings().changedAt()).isNotNull();
    }

    @Test
    void theLaterChangeWinsWhicheverTillMadeItAndAnotherSaveDoesNotBringBackWhatWasReplaced() throws Exception {
        String url = TestPostgres.freshDatabaseUrl();
        Path one = folder.resolve("till-1");
        Path two = folder.resolve("till-2");
        SettingsStore settingsOne = settingsIn(one, "till.id=till-1\nshop.name=First name\n");
        SettingsStore settingsTwo = settingsIn(two, "till.id=till-2\n");
        share(url, one, settingsOne, "till-1");
        share(url, two, settingsTwo, "till-2");
        assertThat(settingsTwo.load().slips().shop().name()).isEqualTo("First name");

        Thread.sleep(20);
        Files.writeString(two.resolve(SettingsStore.FILE_NAME), Files.readString(two.resolve(SettingsStore.FILE_NAME))
                .replace("shop.name=First name", "shop.name=Second name"));
        share(url, two, settingsTwo, "till-2");
        share(url, one, settingsOne, "till-1");
        assertThat(settingsOne.load().slips().shop().name()).isEqualTo("Second name");

        Thread.sleep(20);
        Settings before = settingsOne.load();
        settingsOne.save(new SettingsChange(null, false, before.apiUrl(), before.tillId(), before.scanner(), before.options(),
                before.slips().with(new PrinterSettings(PrinterSettings.Connection.NETWORK,
                        "192.168.1.61", PrinterSettings.Paper.MM80), before.slips().onPaid())));
        share(url, one, settingsOne, "till-1");
        share(url, two, settingsTwo, "till-2");
        assertThat(settingsTwo.load().slips().shop().name()).isEqualTo("Second name");
        assertThat(settingsOne.load().slips().shop().name()).isEqualTo("Second name");
    }

    /** A till's data folder holding a settings file of {@code lines}, and its settings. */
    private static SettingsStore settingsIn(Path dataFolder, String lines) throws Exception {
        Files.createDirectories(dataFolder);
        Files.writeString(dataFolder.resolve(SettingsStore.FILE_NAME), lines);
        return new SettingsStore(dataFolder, Map.of());
    }

    /** One round of the till's link with the store. */
    private static void share(String url, Path folder, SettingsStore settings, String tillId) {
        try (Ledger till = Ledger.open(folder);
             StoreLink link = new StoreLink(new StoreSettings(url, "postgres", null), settings, till, tillId, folder, Clock.systemUTC())) {
            link.start(Duration.ofMinutes(1));
            await().atMost(Duration.ofSeconds(20)).until(() -> link.state().status() == StoreLink.Status.SYNCED);
        }
    }

    private static Properties properties(String text) throws Exception {
        Properties properties = new Properties();
        properties.load(new StringReader(text));
        return properties;
    }
}

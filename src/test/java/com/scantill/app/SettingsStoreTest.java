package com.scantill.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.scantill.omise.InvalidRequestException;
import com.scantill.omise.ListRequest;
import com.scantill.omise.OmiseClient;
import java.io.IOException;
import com.scantill.scanner.SerialSettings;
import com.scantill.scanner.WedgeSettings;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoreTest {

    @TempDir
    Path dataFolder;

    private void writeSettings(String text) throws IOException {
        Files.writeString(dataFolder.resolve(SettingsStore.FILE_NAME), text);
    }

    @Test
    void withoutAKeyTheTillIsInTrainingModeOnTheDefaultApi() {
        Settings settings = new SettingsStore(dataFolder, Map.of()).load();

        assertThat(settings.mode()).isEqualTo(TillMode.TRAINING);
        assertThat(settings.secretKey()).isNull();
        assertThat(settings.apiUrl()).isEqualTo(OmiseClient.DEFAULT_BASE_URI);
        assertThat(settings.options().language()).as("Thai first").isEqualTo("th");
        assertThat(settings.tillId()).isEqualTo(Settings.DEFAULT_TILL_ID);
        assertThat(settings.dataFolder()).isEqualTo(dataFolder);
        assertThat(settings.modeFolder()).isEqualTo(dataFolder.resolve("training"));
    }

    @Test
    void readsTheSettingsFile() throws IOException {
        writeSettings("omise.secretKey=skey_test_fromfile\nomise.apiUrl=https://api.example.test\ntill.id=front-2\n");

        Settings settings = new SettingsStore(dataFolder, Map.of()).load();

        assertThat(settings.mode()).isEqualTo(TillMode.TEST);
        assertThat(settings.modeFolder()).isEqualTo(dataFolder.resolve("test-mode"));
        assertThat(settings.apiUrl()).isEqualTo(URI.create("https://api.example.test"));
        assertThat(settings.tillId()).isEqualTo("front-2");
        assertThat(settings.toString()).doesNotContain("fromfile");
    }

    @Test
    void theEnvironmentOverridesTheFile() throws IOException {
        writeSettings("omise.secretKey=skey_test_fromfile\nomise.apiUrl=https://api.example.test\n");

        Settings settings = new SettingsStore(dataFolder, Map.of(
                "OMISE_SECRET_KEY", "skey_fromenvironment",
                "OMISE_API_URL", "https://api.omise.co",
                "SCANTILL_TILL_ID", "lane-7")).load();

        assertThat(settings.mode()).isEqualTo(TillMode.LIVE);
        assertThat(settings.modeFolder()).isEqualTo(dataFolder);
        assertThat(settings.apiUrl()).isEqualTo(URI.create("https://api.omise.co"));
        assertThat(settings.tillId()).isEqualTo("lane-7");
    }

    @Test
    void theStoreComesFromTheFileOrTheEnvironmentAndItsPasswordIsNeverPrinted() throws IOException {
        assertThat(new SettingsStore(dataFolder, Map.of()).load().store()).as("no store unless one is named").isEmpty();
        writeSettings("store.jdbcUrl=jdbc:postgresql://store.lan:5432/scantill\nstore.user=till\nstore.password=filesecret\n");

        Settings fromFile = new SettingsStore(dataFolder, Map.of()).load();
        Settings fromEnvironment = new SettingsStore(dataFolder, Map.of("SCANTILL_STORE_URL", "jdbc:postgresql://other:5432/shop",
                "SCANTILL_STORE_PASSWORD", "envsecret")).load();

        assertThat(fromFile.store()).contains(new StoreSettings("jdbc:postgresql://store.lan:5432/scantill", "till", "filesecret"));
        assertThat(fromEnvironment.store()).contains(new StoreSettings("jdbc:postgresql://other:5432/shop", "till", "envsecret"));
        assertThat(fromFile.toString()).doesNotContain("filesecret");
        writeSettings("store.jdbcUrl=mysql://store.lan/scantill\n");
        assertThatThrownBy(() -> new SettingsStore(dataFolder, Map.of()).load()).isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("store.jdbcUrl");
    }

    @Test
    void refusesAKeyThatIsNotOneWithoutEchoingIt() throws IOException {
        writeSettings("omise.secretKey=pkey_test_publicnotsecret\n");

        assertThatThrownBy(() -> new SettingsStore(dataFolder, Map.of()).load())
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("skey_")
                .hasMessageNotContaining("publicnotsecret");
    }

    @Test
    void theDataFolderComesFromScantillHomeOrTheHomeFolder() {
        String previous = System.getProperty("scantill.home");
        System.clearProperty("scantill.home");
        try {
            assertThat(SettingsStore.dataFolder(Map.of("SCANTILL_HOME", "/srv/till"))).isEqualTo(Path.of("/srv/till"));
            assertThat(SettingsStore.dataFolder(Map.of()))
                    .isEqualTo(Path.of(System.getProperty("user.home"), ".scantill"));
        } finally {
            if (previous != null) {
                System.setProperty("scantill.home", previous);
            }
        }
    }

    @Test
    void trainingModeRunsAgainstTheEmbeddedSimulator() {
        Settings settings = new SettingsStore(dataFolder, Map.of()).load();

        try (OmiseConnection connection = OmiseConnection.open(settings)) {
            assertThat(connection.mode()).isEqualTo(TillMode.TRAINING);
            assertThat(connection.trainingSimulator()).isPresent();
            assertThat(connection.apiUrl().getHost()).isEqualTo("127.0.0.1");
            assertThat(connection.client().listCharges(ListRequest.firstPage()).total()).isZero();
        }
    }

    @Test
    void readsTheScannerSettings() throws IOException {
        writeSettings("""
                scanner.driver=serial
                scanner.serial.port=/dev/ttyACM0
                scanner.serial.baud=115200
                scanner.serial.parity=even
                scanner.serial.lineEnding=CRLF
                scanner.keyboard.maxGapMillis=35
                scanner.keyboard.terminator=SUFFIX
                scanner.keyboard.suffix=#
                scanner.keyboard.prefix=]Q
                """);

        ScannerSettings scanner = new SettingsStore(dataFolder, Map.of()).load().scanner();

        assertThat(scanner.driver()).isEqualTo(ScannerSettings.Driver.SERIAL);
        assertThat(scanner.serial()).isEqualTo(new SerialSettings("/dev/ttyACM0", 115200, 8, SerialSettings.Parity.EVEN,
                SerialSettings.StopBits.ONE, SerialSettings.LineEnding.CRLF));
        assertThat(scanner.keyboard()).isEqualTo(new WedgeSettings(Duration.ofMillis(35), Duration.ofMillis(150), 8, WedgeSettings.Terminator.SUFFIX,
                "#", "]Q"));
    }

    @Test
    void withoutScannerSettingsTheKeyboardScannerIsUsedWithRealScannersTimings() {
        ScannerSettings scanner = new SettingsStore(dataFolder, Map.of()).load().scanner();

        assertThat(scanner).isEqualTo(ScannerSettings.defaults());
        assertThat(scanner.keyboard().maxGap()).isEqualTo(Duration.ofMillis(50));
        assertThat(SerialSettings.defaults("/dev/ttyUSB0")).isEqualTo(new SerialSettings("/dev/ttyUSB0", 9600, 8,
                SerialSettings.Parity.NONE, SerialSettings.StopBits.ONE, SerialSettings.LineEnding.CR));
    }

    @Test
    void aSerialScannerWithoutAPortIsExplained() throws IOException {
        writeSettings("scanner.driver=serial\n");

        assertThatThrownBy(() -> new SettingsStore(dataFolder, Map.of()).load())
                .hasMessageContaining("scanner settings").hasMessageContaining("scanner.serial.port");
    }
}

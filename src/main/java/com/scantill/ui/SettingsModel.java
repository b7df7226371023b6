package com.scantill.ui;

import com.scantill.app.InvalidSettingException;
import com.scantill.app.ScannerSettings;
import com.scantill.app.Settings;
import com.scantill.app.SettingsChange;
import com.scantill.app.SettingsStore;
import com.scantill.app.SlipDesk;
import com.scantill.app.SlipSettings;
import com.scantill.app.TillOptions;
import com.scantill.ledger.LedgerBackups;
import com.scantill.model.PaymentMethod;
import com.scantill.scanner.SerialScanner;
import com.scantill.scanner.SerialSettings;
import com.scantill.scanner.WedgeSettings;
import com.scantill.slips.PrinterSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A manager's settings. The secret key is typed in once and never shown again: the form only ever holds a hint
 * ({@code skey_test_…}) of the one saved. Saved settings take effect when ScanTill next starts.
 */
public final class SettingsModel {

    private final SettingsStore store;
    private final LedgerBackups backups;
    private final BackgroundExecutor background;
    private final ReadOnlyStringWrapper keyHint = new ReadOnlyStringWrapper("");
    private final SlipDesk slips;
    private final StringProperty newKey = new SimpleStringProperty("");
    private final BooleanProperty removeKey = new SimpleBooleanProperty(false);
    private final StringProperty apiUrl = new SimpleStringProperty("");
    private final StringProperty tillId = new SimpleStringProperty("");
    private final ObjectProperty<ScannerSettings.Driver> driver = new SimpleObjectProperty<>(ScannerSettings.Driver.KEYBOARD);
    private final ObjectProperty<PrinterSettings.Connection> printerConnection = new SimpleObjectProperty<>(PrinterSettings.Connection.NONE);
    private final StringProperty printerAddress = new SimpleStringProperty("");
    private final ObjectProperty<PrinterSettings.Paper> printerPaper = new SimpleObjectProperty<>(PrinterSettings.Paper.MM80);
    private final ObjectProperty<SlipSettings.OnPaid> onPaid = new SimpleObjectProperty<>(SlipSettings.OnPaid.PRINT);
    private final ObjectProperty<WedgeSettings.Terminator> terminator = new SimpleObjectProperty<>(WedgeSettings.Terminator.ENTER);
    private final StringProperty suffix = new SimpleStringProperty("");
    private final StringProperty prefix = new SimpleStringProperty("");
    private final StringProperty serialPort = new SimpleStringProperty("");
    private final StringProperty baudRate = new SimpleStringProperty("9600");
    private final ObjectProperty<SerialSettings.LineEnding> lineEnding = new SimpleObjectProperty<>(SerialSettings.LineEnding.CR);
    private final StringProperty pendingLimitSeconds = new SimpleStringProperty("");
    private final StringProperty idleMinutes = new SimpleStringProperty("");
    /** Each payment method the till can charge, and whether the form switches it on. */
    private final Map<PaymentMethod, BooleanProperty> methods = PaymentMethod.CHARGEABLE.stream().collect(Collectors.toMap(
            method -> method, method -> new SimpleBooleanProperty(false), (a, b) -> a, LinkedHashMap::new));
    private final ObservableList<String> ports = FXCollections.observableArrayList();
    private final Notice message = new Notice();
    private final CashierMessages words;
    private Settings loaded;

    public SettingsModel(SettingsStore store, LedgerBackups backups, SlipDesk slips, BackgroundExecutor background,
                         CashierMessages words) {
        this.slips = slips;
        this.words = words;
        this.store = store;
        this.backups = backups;
        this.background = background;
    }

    /** Reads the settings file and the serial ports, off the FX thread. */
    public void activate() {
        message.clear();
        background.run(() -> new Loaded(store.load(), store.secretKeyHint(), SerialScanner.availablePorts().stream()
                        .map(port -> port.name() + (port.description() == null || port.description().isBlank() ? ""
                                : "  (" + port.description() + ")")).toList()),
                this::show, failure -> message.problem(failure.getMessage()));
    }

    private record Loaded(Settings settings, Optional<String> hint, List<String> ports) {
    }

    private void show(Loaded data) {
        Settings settings = data.settings();
        loaded = settings;
        keyHint.set(data.hint().orElse(words.text("settings.noKey")));
        newKey.set("");
        removeKey.set(false);
        apiUrl.set(settings.apiUrl().toString());
        tillId.set(settings.tillId());
        driver.set(settings.scanner().driver());
        printerConnection.set(settings.slips().printer().connection());
        printerAddress.set(settings.slips().printer().address());
        printerPaper.set(settings.slips().printer().paper());
        onPaid.set(settings.slips().onPaid());
        terminator.set(settings.scanner().keyboard().terminator());
        suffix.set(settings.scanner().keyboard().suffix());
        prefix.set(settings.scanner().keyboard().prefix());
        SerialSettings serial = settings.scanner().serial();
        serialPort.set(serial == null ? "" : serial.portName());
        baudRate.set(Integer.toString(serial == null ? 9600 : serial.baudRate()));
        lineEnding.set(serial == null ? SerialSettings.LineEnding.CR : serial.lineEnding());
        pendingLimitSeconds.set(Long.toString(settings.options().pendingLimit().toSeconds()));
        idleMinutes.set(Long.toString(settings.options().idleSignOut().toMinutes()));
        methods.forEach((method, on) -> on.set(settings.options().paymentMethods().contains(method)));
        ports.setAll(data.ports());
    }

    public void save() {
        SettingsChange change;
        try {
            String port = serialPort.get().strip().split("\\s+")[0];
            // What the form does not show (data bits, parity, stop bits, timings) is kept as it was loaded.
            SerialSettings before = loaded.scanner().serial() != null ? loaded.scanner().serial() : SerialSettings.defaults(port);
            SerialSettings serial = port.isEmpty() ? null : new SerialSettings(port,
                    (int) number(baudRate.get(), InvalidSettingException.Problem.BAUD_RATE),
                    before.dataBits(), before.parity(), before.stopBits(), lineEnding.get());
            WedgeSettings keyboard = loaded.scanner().keyboard();
            ScannerSettings scanner = new ScannerSettings(driver.get(), new WedgeSettings(keyboard.maxGap(),
                    keyboard.maxPause(), keyboard.minLength(), terminator.get(), suffix.get(), prefix.get()), serial);
            TillOptions options = new TillOptions(
                    Duration.ofSeconds(number(pendingLimitSeconds.get(), InvalidSettingException.Problem.PENDING_LIMIT)),
                    Duration.ofMinutes(number(idleMinutes.get(), InvalidSettingException.Problem.IDLE_SIGN_OUT)),
                    loaded.options().pinHashIterations(),
                    loaded.options().trainingCustomerDelay(), loaded.options().shopZone(), loaded.options().language(),
                    methods.entrySet().stream().filter(entry -> entry.getValue().get()).map(Map.Entry::getKey)
                            .collect(Collectors.toSet()), loaded.options().kiosk());
            SlipSettings slips = loaded.slips().with(printer(), onPaid.get());
            change = new SettingsChange(newKey.get(), removeKey.get(), address(apiUrl.get()), tillId.get().strip(), scanner, options,
                    slips);
        } catch (RuntimeException e) {
            message.problem(notSaved(e));
            return;
        }
        newKey.set("");
        message.info(words.text("settings.saving"));
        background.run(() -> {
            store.save(change);
            return store.load();
        }, saved -> {
            activate();
            message.done(words.text("settings.saved"));
        }, failure -> message.problem(notSaved(failure)));
    }

    /** Why the settings were not saved, in the manager's words when the till knows what is wrong. */
    private String notSaved(Throwable failure) {
        String why = failure instanceof InvalidSettingException invalid
                ? words.text("settings.invalid." + invalid.problem().name(), invalid.problem() == InvalidSettingException.Problem.PAYMENT_METHODS
                        ? PaymentMethod.CHARGEABLE.stream().map(words::method).collect(Collectors.joining(", ")) : invalid.value())
                : failure.getMessage();
        return words.text("settings.notSaved", why);
    }

    private static long number(String typed, InvalidSettingException.Problem problem) {
        String text = typed == null ? "" : typed.strip();
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new InvalidSettingException(problem, text, "not a whole number: " + text, e);
        }
    }

    /** The printer as the form says it, its address checked by the rules a slip is sent by. */
    private PrinterSettings printer() {
        try {
            return new PrinterSettings(printerConnection.get(), printerAddress.get(), printerPaper.get());
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(InvalidSettingException.Problem.PRINTER_ADDRESS, printerAddress.get(),
                    e.getMessage(), e);
        }
    }

    private static URI address(String typed) {
        String text = typed == null ? "" : typed.strip();
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            throw new InvalidSettingException(InvalidSettingException.Problem.API_URL_NOT_PLAIN, text, e.getMessage(), e);
        }
    }

    /** Prints a test slip on the printer the till started with (Ctrl+T): Thai, English, digits and ฿. */
    public void printTestSlip() {
        if (slips.printTest(words.current().language())) {
            message.info(words.text("settings.testSlip", slips.printer().settings().address()));
        } else {
            message.problem(words.text("slip.noPrinter"));
        }
    }

    /** Writes a backup of the ledger now, beside the daily ones. */
    public void backUpNow() {
        message.info(words.text("settings.backingUp"));
        background.run(backups::backupNow, file -> message.done(words.text("settings.backedUp", file)),
                failure -> message.problem(words.text("settings.backupFailed", failure.getMessage())));
    }

    public ReadOnlyStringProperty keyHintProperty() {
        return keyHint.getReadOnlyProperty();
    }

    public StringProperty newKeyProperty() {
        return newKey;
    }

    public BooleanProperty removeKeyProperty() {
        return removeKey;
    }

    public StringProperty apiUrlProperty() {
        return apiUrl;
    }

    public StringProperty tillIdProperty() {
        return tillId;
    }

    public ObjectProperty<PrinterSettings.Connection> printerConnectionProperty() {
        return printerConnection;
    }

    public StringProperty printerAddressProperty() {
        return printerAddress;
    }

    public ObjectProperty<PrinterSettings.Paper> printerPaperProperty() {
        return printerPaper;
    }

    public ObjectProperty<SlipSettings.OnPaid> onPaidProperty() {
        return onPaid;
    }

    /** A choice of a list in the manager's words: how the printer is reached, its paper, when it prints. */
    /** Whether the form switches each payment method on, in the order the till shows them. */
    public Map<PaymentMethod, BooleanProperty> methods() {
        return methods;
    }

    /** A payment method's name in the manager's words. */
    String methodName(PaymentMethod method) {
        return words.method(method);
    }

    String choice(Enum<?> value) {
        return value == null ? "" : words.text("settings.choice." + value.getDeclaringClass().getSimpleName() + "." + value.name());
    }

    public ObjectProperty<ScannerSettings.Driver> driverProperty() {
        return driver;
    }

    public ObjectProperty<WedgeSettings.Terminator> terminatorProperty() {
        return terminator;
    }

    public StringProperty suffixProperty() {
        return suffix;
    }

    public StringProperty prefixProperty() {
        return prefix;
    }

    public StringProperty serialPortProperty() {
        return serialPort;
    }

    public StringProperty baudRateProperty() {
        return baudRate;
    }

    public ObjectProperty<SerialSettings.LineEnding> lineEndingProperty() {
        return lineEnding;
    }

    public StringProperty pendingLimitSecondsProperty() {
        return pendingLimitSeconds;
    }

    public StringProperty idleMinutesProperty() {
        return idleMinutes;
    }

    public ObservableList<String> ports() {
        return ports;
    }

    Notice notice() {
        return message;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.textProperty();
    }
}

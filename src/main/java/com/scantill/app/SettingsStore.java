package com.scantill.app;

import com.scantill.model.OwnerOnly;
import com.scantill.omise.InvalidRequestException;
import com.scantill.omise.OmiseClient;
import com.scantill.omise.SecretKey;
import com.scantill.omise.UnsafeAddress;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Reads and writes {@code settings.properties} in the data folder. The environment overrides the file:
 * {@code OMISE_SECRET_KEY}, {@code OMISE_API_URL}, {@code SCANTILL_TILL_ID}. The file holds the secret key, so it
 * is written readable by its owner only.
 */
public final class SettingsStore {

    public static final String FILE_NAME = "settings.properties";
    static final String SECRET_KEY = "omise.secretKey";
    static final String API_URL = "omise.apiUrl";
    static final String TILL_ID = "till.id";
    /**
     * When the settings the shop's tills share were last shared by this till, and a digest of them as they were then:
     * a change since, by the settings screen or by hand, is told by the digest, and dated by the file.
     */
    static final String SHARED_CHANGED_AT = "shop.settingsChangedAt";
    static final String SHARED_DIGEST = "shop.settingsDigest";
    /**
     * The settings a shop's tills share through its store: the shop as slips name it, its zone, language, payment
     * methods and rules. Never the key, the till's id, its scanner, its printer or its link to the store.
     */
    static final List<String> SHARED_KEYS = List.of("shop.name", "shop.branch", "shop.address", "shop.taxId", "slip.header",
            "slip.footer", "slip.onPaid", "slip.merchantCopy", TillOptions.SHOP_ZONE, TillOptions.LANGUAGE,
            TillOptions.PAYMENT_METHODS, TillOptions.PENDING_LIMIT, TillOptions.IDLE_SIGN_OUT, TillOptions.PIN_ITERATIONS);

    private final Path dataFolder;
    private final Map<String, String> environment;

    public SettingsStore(Path dataFolder, Map<String, String> environment) {
        this.dataFolder = dataFolder;
        this.environment = Map.copyOf(environment);
    }

    /**
     * The data folder: the {@code scantill.home} system property, else {@code $SCANTILL_HOME}, else
     * {@code ~/.scantill}.
     */
    public static Path dataFolder(Map<String, String> environment) {
        String override = System.getProperty("scantill.home");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String home = environment.get("SCANTILL_HOME");
        if (home != null && !home.isBlank()) {
            return Path.of(home);
        }
        return Path.of(System.getProperty("user.home"), ".scantill");
    }

    public static SettingsStore forThisMachine() {
        Map<String, String> environment = System.getenv();
        return new SettingsStore(dataFolder(environment), environment);
    }

    public Path settingsFile() {
        return dataFolder.resolve(FILE_NAME);
    }

    public Settings load() {
        return settingsFrom(readFile());
    }

    private Settings settingsFrom(Properties file) {
        String key = first(environment.get("OMISE_SECRET_KEY"), file.getProperty(SECRET_KEY));
        String apiUrl = first(environment.get("OMISE_API_URL"), file.getProperty(API_URL));
        String tillId = first(environment.get("SCANTILL_TILL_ID"), file.getProperty(TILL_ID));
        return new Settings(dataFolder,
                key == null ? null : SecretKey.of(key),
                apiUrl == null ? OmiseClient.DEFAULT_BASE_URI : URI.create(apiUrl),
                tillId == null ? Settings.DEFAULT_TILL_ID : tillId,
                scannerSettings(file),
                tillOptions(file),
                slipSettings(file),
                storeSettings(file));
    }

    /** The store the environment or the file names, if any. */
    private Optional<StoreSettings> storeSettings(Properties file) {
        String url = first(environment.get("SCANTILL_STORE_URL"), file.getProperty(StoreSettings.URL));
        if (url == null) {
            return Optional.empty();
        }
        return Optional.of(new StoreSettings(url, first(environment.get("SCANTILL_STORE_USER"), file.getProperty(StoreSettings.USER)),
                first(environment.get("SCANTILL_STORE_PASSWORD"), file.getProperty(StoreSettings.PASSWORD))));
    }

    /** Where the store service listens for Omise's webhooks, and the secret they are signed with. */
    public StoreServiceSettings storeService() {
        Properties file = readFile();
        String port = first(environment.get("SCANTILL_WEBHOOK_PORT"), file.getProperty(StoreServiceSettings.PORT));
        try {
            return new StoreServiceSettings(
                    first(environment.get("SCANTILL_WEBHOOK_HOST"), file.getProperty(StoreServiceSettings.HOST)),
                    port == null ? StoreServiceSettings.DEFAULT_PORT : Integer.parseInt(port),
                    first(environment.get("SCANTILL_WEBHOOK_SECRET"), file.getProperty(StoreServiceSettings.SECRET)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(StoreServiceSettings.PORT + " is a port number, not " + port, e);
        }
    }

    /** What the settings file says of the key, as a hint ({@code skey_test_…}), never the key; empty when it has none. */
    public Optional<String> secretKeyHint() {
        String key = readFile().getProperty(SECRET_KEY);
        return key == null || key.isBlank() ? Optional.empty() : Optional.of(SecretKey.of(key).toString());
    }

    /**
     * Writes a manager's changes atomically, readable by the owner only. The key is replaced only when a new one is
     * given, and removed (back to training mode) when {@code removeKey} is set. What is saved is first checked by
     * the rules the next start reads it with, so that a saved file always starts.
     *
     * @throws IllegalArgumentException when the changed settings could not be started with; nothing is written
     */
    public void save(SettingsChange change) {
        Properties file = readFile();
        if (change.removeKey()) {
            file.remove(SECRET_KEY);
        } else if (change.newSecretKey() != null && !change.newSecretKey().isBlank()) {
            try {
                SecretKey.of(change.newSecretKey());
            } catch (InvalidRequestException e) {
                throw new InvalidSettingException(InvalidSettingException.Problem.SECRET_KEY, "", e.getMessage(), e);
            }
            file.setProperty(SECRET_KEY, change.newSecretKey().strip());
        }
        file.setProperty(API_URL, change.apiUrl().toString());
        file.setProperty(TILL_ID, change.tillId());
        change.scanner().writeTo(file);
        change.options().writeTo(file);
        change.slips().writeTo(file);
        Settings candidate = settingsFrom(file);
        Optional<UnsafeAddress> unsafe = OmiseClient.unsafeBaseUri(candidate.apiUrl());
        if (unsafe.isPresent()) {
            throw new InvalidSettingException(unsafe.get() == UnsafeAddress.NOT_HTTPS ? InvalidSettingException.Problem.API_URL_NOT_HTTPS
                    : InvalidSettingException.Problem.API_URL_NOT_PLAIN, candidate.apiUrl().toString(),
                    "The API URL is not safe to send the secret key to: " + unsafe.get());
        }
        write(file);
    }

    /**
     * The shared settings as this till has them, and since when: as last shared when they are unchanged since, else
     * as of the settings file's last change; {@code changedAt} is {@code null} when this till never shared them.
     */
    public SharedSettings sharedSettings() {
        Properties file = readFile();
        Map<String, String> values = shared(file);
        String sharedAt = file.getProperty(SHARED_CHANGED_AT);
        if (sharedAt == null) {
            return new SharedSettings(values, null);
        }
        if (digest(values).equals(file.getProperty(SHARED_DIGEST))) {
            return new SharedSettings(values, Instant.parse(sharedAt.strip()));
        }
        try {
            return new SharedSettings(values, Files.getLastModifiedTime(settingsFile()).toInstant());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the settings in " + settingsFile(), e);
        }
    }

    /**
     * Takes the shop's shared settings saved on another till: they replace this till's own, and take effect at the
     * next start, as a manager's change here would.
     *
     * @throws IllegalArgumentException when this till could not start with them; nothing is written
     */
    public void takeShared(SharedSettings shop) {
        Properties file = readFile();
        SHARED_KEYS.forEach(file::remove);
        shop.values().forEach(file::setProperty);
        settingsFrom(file);
        writeShared(file, shop);
    }

    /** Notes that this till's shared settings, as they are, were given to the shop at {@code shared.changedAt()}. */
    public void recordShared(SharedSettings shared) {
        writeShared(readFile(), shared);
    }

    private void writeShared(Properties file, SharedSettings shared) {
        file.setProperty(SHARED_CHANGED_AT, shared.changedAt().toString());
        file.setProperty(SHARED_DIGEST, digest(shared(file)));
        write(file);
    }

    private static String digest(Map<String, String> values) {
        return Integer.toHexString(new TreeMap<>(values).hashCode());
    }

    /** The shared keys {@code file} holds, and their values. */
    static Map<String, String> shared(Properties file) {
        Map<String, String> values = new TreeMap<>();
        for (String key : SHARED_KEYS) {
            String value = file.getProperty(key);
            if (value != null) {
                values.put(key, value);
            }
        }
        return values;
    }

    private void write(Properties file) {
        try {
            OwnerOnly.folder(dataFolder);
            Path temporary = Files.createTempFile(dataFolder, "settings", ".tmp");
            OwnerOnly.file(temporary);
            try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                file.store(writer, "ScanTill settings. Holds the Omise secret key: keep it private.");
            }
            Files.move(temporary, settingsFile(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            OwnerOnly.file(settingsFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the settings in " + settingsFile(), e);
        }
    }

    private Properties readFile() {
        Properties file = new Properties();
        Path path = settingsFile();
        if (Files.exists(path)) {
            try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
                file.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read the settings in " + path, e);
            }
        }
        return file;
    }

    private TillOptions tillOptions(Properties file) {
        try {
            return TillOptions.from(file);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The till settings in " + settingsFile() + " are not valid: " + e.getMessage(), e);
        }
    }

    private SlipSettings slipSettings(Properties file) {
        try {
            return SlipSettings.from(file);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The printer settings in " + settingsFile() + " are not valid: " + e.getMessage(), e);
        }
    }

    private ScannerSettings scannerSettings(Properties file) {
        try {
            return ScannerSettings.from(file);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The scanner settings in " + settingsFile() + " are not valid: " + e.getMessage(), e);
        }
    }

    private static String first(String preferred, String fallback) {
        if (preferred != null && !preferred.isBlank()) {
            return preferred.strip();
        }
        return fallback == null || fallback.isBlank() ? null : fallback.strip();
    }
}

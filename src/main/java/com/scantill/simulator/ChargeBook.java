package com.scantill.simulator;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulator's store of charges, safe for many tills at once: in memory, and, when given a file, kept there after
 * every change and read back at the next start, so that training behaves like Omise across restarts.
 */
final class ChargeBook {

    private static final Logger log = LoggerFactory.getLogger(ChargeBook.class);

    private static final char[] ID_ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz".toCharArray();

    private final SecureRandom random = new SecureRandom();
    private final AtomicLong sequence = new AtomicLong();
    private final Map<String, SimulatedCharge> byId = new ConcurrentHashMap<>();
    private final NavigableMap<Long, SimulatedCharge> inCreationOrder = new ConcurrentSkipListMap<>();
    private final Map<String, CustomerBehaviour> plans = new ConcurrentHashMap<>();
    private final Path file;

    /** A book in memory only. */
    ChargeBook() {
        this.file = null;
    }

    /** A book kept in {@code file}, read from it when it exists. */
    ChargeBook(Path file) {
        this.file = file;
        if (Files.exists(file)) {
            load();
        }
    }

    private void load() {
        try {
            JsonObject stored = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
            for (JsonElement element : stored.getAsJsonArray("charges")) {
                JsonObject entry = element.getAsJsonObject();
                SimulatedCharge charge = SimulatedCharge.fromState(entry.getAsJsonObject("charge"));
                byId.put(charge.id(), charge);
                inCreationOrder.put(charge.sequence(), charge);
                sequence.accumulateAndGet(charge.sequence(), Math::max);
                if (entry.has("customer")) {
                    plans.put(charge.id(), behaviour(entry.getAsJsonObject("customer")));
                }
            }
            log.info("Read {} simulated charges from {}", byId.size(), file);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the simulator's charges in " + file, e);
        } catch (RuntimeException e) {
            throw new IllegalStateException("The simulator's charges in " + file + " cannot be read: " + e.getMessage()
                    + ". Move the file away to start training afresh.", e);
        }
    }

    /** Writes the book to its file, whole, replacing the last copy at once; nothing when it has none. */
    synchronized void changed() {
        if (file == null) {
            return;
        }
        JsonArray charges = new JsonArray();
        for (SimulatedCharge charge : inCreationOrder.values()) {
            JsonObject entry = new JsonObject();
            entry.add("charge", charge.state());
            CustomerBehaviour plan = plans.get(charge.id());
            if (plan != null) {
                entry.add("customer", json(plan));
            }
            charges.add(entry);
        }
        JsonObject stored = new JsonObject();
        stored.add("charges", charges);
        try {
            Path next = file.resolveSibling(file.getFileName() + ".new");
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(next, stored.toString(), StandardCharsets.UTF_8);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(next, PosixFilePermissions.fromString("rw-------"));
            }
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            log.warn("Could not keep the simulator's charges in {}: {}", file, e.getMessage());
        }
    }

    void plan(String chargeId, CustomerBehaviour behaviour) {
        plans.put(chargeId, behaviour);
    }

    Optional<CustomerBehaviour> planFor(String chargeId) {
        return Optional.ofNullable(plans.get(chargeId));
    }

    private static JsonObject json(CustomerBehaviour behaviour) {
        JsonObject json = new JsonObject();
        if (behaviour instanceof CustomerBehaviour.Pays pays) {
            json.addProperty("does", "pays");
            json.addProperty("afterMillis", pays.after().toMillis());
        } else if (behaviour instanceof CustomerBehaviour.Fails fails) {
            json.addProperty("does", "fails");
            json.addProperty("afterMillis", fails.after().toMillis());
            json.addProperty("failureCode", fails.failureCode());
            json.addProperty("failureMessage", fails.failureMessage());
        } else {
            json.addProperty("does", "never");
        }
        return json;
    }

    private static CustomerBehaviour behaviour(JsonObject json) {
        return switch (json.get("does").getAsString()) {
            case "pays" -> new CustomerBehaviour.Pays(Duration.ofMillis(json.get("afterMillis").getAsLong()));
            case "fails" -> new CustomerBehaviour.Fails(Duration.ofMillis(json.get("afterMillis").getAsLong()),
                    json.get("failureCode").getAsString(), json.get("failureMessage").getAsString());
            default -> new CustomerBehaviour.NeverConfirms();
        };
    }

    SimulatedCharge create(long amount, String currency, String barcode, String sourceType, String provider,
                           String description, Map<String, String> metadata, Instant now, Duration lifetime) {
        SimulatedCharge charge = new SimulatedCharge(sequence.incrementAndGet(), newId("chrg_test_"), newId("src_test_"),
                amount, currency, barcode, sourceType, provider, description, metadata, now, lifetime);
        byId.put(charge.id(), charge);
        inCreationOrder.put(charge.sequence(), charge);
        return charge;
    }

    Optional<SimulatedCharge> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    SimulatedCharge get(String id) {
        return find(id).orElseThrow(() -> new ApiError(404, "not_found", "charge " + id + " was not found"));
    }

    /** Charges created in {@code [from, to]}, oldest first. */
    List<SimulatedCharge> createdBetween(Instant from, Instant to) {
        return inCreationOrder.values().stream()
                .filter(charge -> !charge.createdAt().isBefore(from) && !charge.createdAt().isAfter(to))
                .toList();
    }

    List<SimulatedCharge> all() {
        return List.copyOf(inCreationOrder.values());
    }

    String newId(String prefix) {
        StringBuilder id = new StringBuilder(prefix);
        for (int i = 0; i < 19; i++) {
            id.append(ID_ALPHABET[random.nextInt(ID_ALPHABET.length)]);
        }
        return id.toString();
    }
}

package com.scantill.simulator;

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

/** The simulator's in-memory store of charges, safe for many tills at once. */
final class ChargeBook {

    private static final char[] ID_ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz".toCharArray();

    private final SecureRandom random = new SecureRandom();
    private final AtomicLong sequence = new AtomicLong();
    private final Map<String, SimulatedCharge> byId = new ConcurrentHashMap<>();
    private final NavigableMap<Long, SimulatedCharge> inCreationOrder = new ConcurrentSkipListMap<>();

    SimulatedCharge create(long amount, String currency, String barcode, String description,
                           Map<String, String> metadata, Instant now, Duration lifetime) {
        SimulatedCharge charge = new SimulatedCharge(sequence.incrementAndGet(), newId("chrg_test_"), newId("src_test_"),
                amount, currency, barcode, description, metadata, now, lifetime);
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

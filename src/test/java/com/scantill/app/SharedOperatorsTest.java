package com.scantill.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.scantill.ledger.Ledger;
import com.scantill.ledger.OperatorSharing;
import com.scantill.model.Role;
import com.scantill.operators.Operator;
import com.scantill.operators.Operators;
import com.scantill.operators.PinHasher;
import com.scantill.simulator.OmiseSimulator;
import com.scantill.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A new till of a shop with a store starts with the shop's operators: no first manager of its own to make. */
class SharedOperatorsTest {

    @TempDir
    Path folder;

    @Test
    void aNewTillTakesTheShopsOperatorsAtStart() throws Exception {
        String url = TestPostgres.freshDatabaseUrl();
        try (Ledger store = Ledger.openStore(TestPostgres.pool(url), folder.resolve("store"));
             Ledger first = Ledger.open(folder.resolve("first-till"))) {
            Operators operators = new Operators(first.operators(), new PinHasher(1_000), Clock.systemUTC());
            Operator manager = operators.createFirstManager("malee", "Malee", "135790".toCharArray());
            operators.add(manager, "somchai", "Somchai", Role.CASHIER, "4321".toCharArray());
            new OperatorSharing(first, store, Clock.systemUTC()).share();
        }
        Path dataFolder = folder.resolve("new-till");
        Files.createDirectories(dataFolder);
        try (OmiseSimulator simulator = OmiseSimulator.start()) {
            Files.writeString(dataFolder.resolve(SettingsStore.FILE_NAME), "operators.pinHashIterations=1000\n"
                    + "omise.secretKey=skey_test_newtillofashop\nomise.apiUrl=" + simulator.baseUri() + "\ntill.id=till-2\n"
                    + "store.jdbcUrl=" + url + "\nstore.user=postgres\n");
            try (TillRuntime runtime = TillRuntime.open(new SettingsStore(dataFolder, Map.of()).load())) {
                assertThat(runtime.operators().needFirstManager()).isFalse();
                assertThat(runtime.operators().signIn("somchai", "4321".toCharArray()).id()).isEqualTo("somchai");
            }
        }
    }
}

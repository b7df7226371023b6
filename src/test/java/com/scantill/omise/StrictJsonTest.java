package com.scantill.omise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What Omise says of money and status is read exactly or not at all: the reference charge, with its amount or status
 * written in each of the ways a broken or hostile answer could, and a fuzz of random changes to it.
 */
class StrictJsonTest {

    private static String reference() {
        try (InputStream in = StrictJsonTest.class.getResourceAsStream("charge-wechat-pay-upm.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "\"amount\": 9223372036854775808,      | amount beyond a long",
        "\"amount\": 150000.00000000001,       | a fraction of a satang",
        "\"amount\": 1.5,                      | a fraction",
        "\"amount\": \"150000d\",              | a number as text",
        "\"amount\": \"150000\",               | a number as text",
        "\"amount\": null,                     | a null amount",
        "                                      | a missing amount",
        "\"amount\": 150000, \"amount\": 2000, | an amount given twice"})
    void anAmountThatIsNotExactlyAWholeNumberIsNeverGuessed(String amount, String what) {
        String body = reference().replaceFirst("\"amount\":\\s*\\d+,", amount == null ? "" : amount);

        assertThatThrownBy(() -> OmiseJson.read(body, Charge.class)).as(what).isInstanceOf(JsonParseException.class);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "\"status\": \"failed\", \"status\": \"successful\", | a status given twice",
        "\"status\": null,                                  | a null status",
        "                                                   | a missing status"})
    void aStatusThatIsNotSaidOnceIsNeverGuessed(String status, String what) {
        String body = reference().replaceFirst("\"status\":\\s*\"[a-z]+\",(?=\\s*\"authorize_uri\")", status == null ? "" : status);

        assertThatThrownBy(() -> OmiseJson.read(body, Charge.class)).as(what).isInstanceOf(JsonParseException.class);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"fee, 1.5", "net, 1e400", "refunded_amount, \"0\""})
    void everyAmountOfTheChargeIsReadExactly(String field, String value) {
        String body = reference().replaceFirst("\"" + field + "\":\\s*[^,]+,", "\"" + field + "\": " + value + ",");

        assertThatThrownBy(() -> OmiseJson.read(body, Charge.class)).isInstanceOf(JsonParseException.class);
    }

    @ParameterizedTest
    @CsvSource({"1.5e5", "150000.000"})
    void aWholeNumberWrittenAnotherWayIsTheSameNumber(String amount) {
        String body = reference().replaceFirst("\"amount\":\\s*\\d+,", "\"amount\": " + amount + ",");

        Charge charge = OmiseJson.read(body, Charge.class);

        assertThat(charge.amount()).isEqualTo(150_000);
    }

    /**
     * Random changes to the reference charge (a value replaced by junk, a key dropped or doubled, the text cut short):
     * reading either fails with a JSON error, which the client reports as a malformed answer, or gives a charge whose
     * amount and status are exactly what the text says. The seed is fixed; {@code -Djqwik.tries.default=100000}
     * runs a longer fuzz.
     */
    @Property(seed = "20261126")
    void aChangedChargeIsReadExactlyOrNotAtAll(@ForAll @LongRange(min = 1) long seed) {
        String body = mutated(reference(), new Random(seed));
        Charge charge;
        try {
            charge = OmiseJson.read(body, Charge.class);
        } catch (JsonParseException | IllegalStateException | NumberFormatException | ArithmeticException refused) {
            return;
        }
        JsonObject tree = JsonParser.parseString(body).getAsJsonObject();
        assertThat(new BigDecimal(tree.get("amount").getAsString()).longValueExact()).isEqualTo(charge.amount());
        assertThat(charge.status().name().toLowerCase()).isIn(tree.get("status").getAsString(), "unknown");
    }

    private static final List<String> JUNK = List.of("null", "\"\"", "\"150000d\"", "1.5", "-1", "9223372036854775808",
            "true", "{}", "[]", "\"successful\"", "0", "2000", "1e3");

    private static String mutated(String json, Random random) {
        String text = json;
        int changes = 1 + random.nextInt(3);
        for (int i = 0; i < changes; i++) {
            List<int[]> values = new java.util.ArrayList<>();
            java.util.regex.Matcher match = java.util.regex.Pattern.compile("\"[a-z_]+\":\\s*(\"[^\"]*\"|[-0-9.eE]+|true|false|null)")
                    .matcher(text);
            while (match.find()) {
                values.add(new int[] {match.start(), match.end(), match.start(1)});
            }
            if (values.isEmpty()) {
                break;
            }
            int[] at = values.get(random.nextInt(values.size()));
            switch (random.nextInt(4)) {
                case 0 -> text = text.substring(0, at[2]) + JUNK.get(random.nextInt(JUNK.size())) + text.substring(at[1]);
                case 1 -> text = text.substring(0, at[0]) + text.substring(at[1]).replaceFirst("^\\s*,", "");
                case 2 -> text = text.substring(0, at[1]) + ", " + text.substring(at[0], at[2])
                        + JUNK.get(random.nextInt(JUNK.size())) + text.substring(at[1]);
                default -> text = text.substring(0, random.nextInt(text.length()));
            }
        }
        return text;
    }
}

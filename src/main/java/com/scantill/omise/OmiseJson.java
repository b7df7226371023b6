package com.scantill.omise;

import com.google.gson.FieldNamingPolicy;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.annotations.SerializedName;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringReader;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads API objects: leniently where leniency is safe (unknown fields ignored, {@code null} flags read as false,
 * unknown enum values read as the enum's {@code UNKNOWN}, metadata values of any JSON type kept as text), and
 * strictly where a guess could move money: a key given twice, a number that is not an integer in range or is
 * written as text, or a missing amount, currency, status or id is a {@link JsonParseException}, never coerced.
 */
final class OmiseJson {

    static final Gson GSON = new GsonBuilder()
            .setFieldNamingPolicy(FieldNamingPolicy.LOWER_CASE_WITH_UNDERSCORES)
            .registerTypeAdapter(Instant.class, new InstantAdapter().nullSafe())
            .registerTypeAdapter(long.class, nullAs(0L, OmiseJson::exactLong))
            .registerTypeAdapter(int.class, nullAs(0, JsonReader::nextInt))
            .registerTypeAdapter(boolean.class, nullAs(false, JsonReader::nextBoolean))
            .registerTypeAdapter(new TypeToken<Map<String, String>>() { }.getType(), new MetadataAdapter())
            .registerTypeAdapterFactory(new UnknownTolerantEnums())
            .create();

    /** Fields Omise always sends on these objects; an answer without them is not believed. */
    private static final Map<Class<?>, List<String>> REQUIRED = Map.of(
            Charge.class, List.of("object", "id", "amount", "currency", "status"),
            Refund.class, List.of("object", "id", "amount", "charge"));

    private OmiseJson() {
    }

    /** Reads {@code body} as {@code type}, strictly where it matters (see the class comment). */
    static <T> T read(String body, Type type) {
        JsonElement tree;
        try (JsonReader reader = new JsonReader(new StringReader(body))) {
            tree = strictTree(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new JsonParseException("more than one JSON value");
            }
        } catch (IOException e) {
            throw new JsonParseException(e.getMessage(), e);
        }
        requireFields(tree, type);
        return GSON.fromJson(tree, type);
    }

    private static void requireFields(JsonElement tree, Type type) {
        List<String> required = REQUIRED.get(type);
        if (required != null && tree.isJsonObject()) {
            for (String field : required) {
                JsonElement value = tree.getAsJsonObject().get(field);
                if (value == null || value.isJsonNull()) {
                    throw new JsonParseException("the " + field + " of the " + ((Class<?>) type).getSimpleName().toLowerCase(Locale.ROOT)
                            + " is missing");
                }
            }
        }
    }

    /** The JSON tree, with a key given twice refused rather than the last one silently kept; numbers kept as written. */
    private static JsonElement strictTree(JsonReader in) throws IOException {
        switch (in.peek()) {
            case BEGIN_OBJECT -> {
                JsonObject object = new JsonObject();
                in.beginObject();
                while (in.hasNext()) {
                    String name = in.nextName();
                    if (object.has(name)) {
                        throw new JsonParseException("the key " + name + " is given twice");
                    }
                    object.add(name, strictTree(in));
                }
                in.endObject();
                return object;
            }
            case BEGIN_ARRAY -> {
                JsonArray array = new JsonArray();
                in.beginArray();
                while (in.hasNext()) {
                    array.add(strictTree(in));
                }
                in.endArray();
                return array;
            }
            case STRING -> {
                return new JsonPrimitive(in.nextString());
            }
            case NUMBER -> {
                return new JsonPrimitive(new BigDecimal(in.nextString()));
            }
            case BOOLEAN -> {
                return new JsonPrimitive(in.nextBoolean());
            }
            case NULL -> {
                in.nextNull();
                return JsonNull.INSTANCE;
            }
            default -> throw new JsonParseException("unexpected " + in.peek());
        }
    }

    /** A JSON number that is an integer within a long's range, exactly: not text, not a fraction, not clamped. */
    private static long exactLong(JsonReader in) throws IOException {
        if (in.peek() != JsonToken.NUMBER) {
            throw new JsonParseException("expected a number but found " + in.peek() + " at " + in.getPath());
        }
        String text = in.nextString();
        try {
            return new BigDecimal(text).longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw new JsonParseException("not a whole number in range: " + text + " at " + in.getPath(), e);
        }
    }

    private static final class InstantAdapter extends TypeAdapter<Instant> {
        @Override
        public void write(JsonWriter out, Instant value) throws IOException {
            out.value(value.toString());
        }

        @Override
        public Instant read(JsonReader in) throws IOException {
            String text = in.nextString();
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                throw new JsonParseException("not an ISO 8601 time: " + text, e);
            }
        }
    }

    private interface ValueReader<T> {
        T read(JsonReader in) throws IOException;
    }

    /** A primitive read as {@code fallback} where the API sends {@code null}. */
    private static <T> TypeAdapter<T> nullAs(T fallback, ValueReader<T> reader) {
        return new TypeAdapter<>() {
            @Override
            public void write(JsonWriter out, T value) throws IOException {
                out.jsonValue(String.valueOf(value));
            }

            @Override
            public T read(JsonReader in) throws IOException {
                if (in.peek() == JsonToken.NULL) {
                    in.nextNull();
                    return fallback;
                }
                return reader.read(in);
            }
        };
    }

    private static final class MetadataAdapter extends TypeAdapter<Map<String, String>> {
        @Override
        public void write(JsonWriter out, Map<String, String> value) throws IOException {
            out.beginObject();
            for (Map.Entry<String, String> entry : value.entrySet()) {
                out.name(entry.getKey()).value(entry.getValue());
            }
            out.endObject();
        }

        @Override
        public Map<String, String> read(JsonReader in) throws IOException {
            if (in.peek() != JsonToken.BEGIN_OBJECT) {
                in.skipValue();
                return Map.of();
            }
            Map<String, String> metadata = new LinkedHashMap<>();
            JsonElement object = JsonParser.parseReader(in);
            for (Map.Entry<String, JsonElement> entry : object.getAsJsonObject().entrySet()) {
                JsonElement element = entry.getValue();
                if (!element.isJsonNull()) {
                    metadata.put(entry.getKey(), element.isJsonPrimitive() ? element.getAsString() : element.toString());
                }
            }
            return metadata;
        }
    }

    /** Reads an enum constant by its {@code @SerializedName}, and anything else as its {@code UNKNOWN} constant. */
    private static final class UnknownTolerantEnums implements TypeAdapterFactory {
        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> type) {
            Class<? super T> raw = type.getRawType();
            if (!raw.isEnum()) {
                return null;
            }
            return (TypeAdapter<T>) enumAdapter((Class<? extends Enum>) raw).nullSafe();
        }

        private static <E extends Enum<E>> TypeAdapter<E> enumAdapter(Class<E> enumType) {
            Map<String, E> byName = new HashMap<>();
            Map<E, String> nameOf = new HashMap<>();
            E unknown = null;
            for (E constant : enumType.getEnumConstants()) {
                SerializedName serialized = serializedName(enumType, constant);
                if (serialized != null) {
                    byName.put(serialized.value(), constant);
                    nameOf.put(constant, serialized.value());
                }
                if (constant.name().equals("UNKNOWN")) {
                    unknown = constant;
                }
            }
            E fallback = unknown;
            return new TypeAdapter<>() {
                @Override
                public void write(JsonWriter out, E value) throws IOException {
                    out.value(nameOf.get(value));
                }

                @Override
                public E read(JsonReader in) throws IOException {
                    return byName.getOrDefault(in.nextString(), fallback);
                }
            };
        }

        private static SerializedName serializedName(Class<?> enumType, Enum<?> constant) {
            try {
                return enumType.getField(constant.name()).getAnnotation(SerializedName.class);
            } catch (NoSuchFieldException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}

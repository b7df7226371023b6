package com.scantill.omise;

import com.google.gson.FieldNamingPolicy;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.annotations.SerializedName;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Gson set up to read API objects leniently: unknown fields ignored, {@code null} numbers and flags read as
 * 0 and false, unknown enum values read as the enum's {@code UNKNOWN}, metadata values of any JSON type kept as text.
 */
final class OmiseJson {

    static final Gson GSON = new GsonBuilder()
            .setFieldNamingPolicy(FieldNamingPolicy.LOWER_CASE_WITH_UNDERSCORES)
            .registerTypeAdapter(Instant.class, new InstantAdapter().nullSafe())
            .registerTypeAdapter(long.class, nullAs(0L, JsonReader::nextLong))
            .registerTypeAdapter(int.class, nullAs(0, JsonReader::nextInt))
            .registerTypeAdapter(boolean.class, nullAs(false, JsonReader::nextBoolean))
            .registerTypeAdapter(new TypeToken<Map<String, String>>() { }.getType(), new MetadataAdapter())
            .registerTypeAdapterFactory(new UnknownTolerantEnums())
            .create();

    private OmiseJson() {
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

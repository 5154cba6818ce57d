package org.palimpsest.archive.eventstore;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.axonframework.serialization.SerializationException;
import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonDecimal128;
import org.bson.BsonDocument;
import org.bson.BsonDocumentReader;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonNull;
import org.bson.BsonReader;
import org.bson.BsonString;
import org.bson.BsonType;
import org.bson.BsonValue;
import org.bson.RawBsonDocument;
import org.bson.types.Decimal128;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;

/**
 * Converts serialized JSON to a BSON value that MongoDB can query, and back to JSON that deserializes to an equal
 * object.
 * <p>
 * Going through Jackson's {@code JsonNode} would be shorter but lossy: decimals become doubles, so a
 * {@code BigDecimal} of {@code 1.10} would come back as {@code 1.1}. Numbers are therefore mapped from their JSON
 * text: integers to int32/int64 (or decimal128 beyond a long), and a fraction to a double only when the double prints
 * back to the very same text, else to decimal128, which keeps digits and scale. Numbers that decimal128 cannot hold
 * exactly (more than 34 significant digits) are refused rather than rounded.
 * <p>
 * Field names are stored as they are, except that {@code %}, {@code .}, NUL and a leading {@code $} are
 * percent-escaped: MongoDB reserves them in field names, and escaping keeps map keys from payloads lossless.
 */
final class JsonBsonTranscoder {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private JsonBsonTranscoder() {
    }

    /** The BSON form of one JSON value (a document for a JSON object). */
    static BsonValue toBson(byte[] json) {
        try (JsonParser parser = JSON.createParser(json)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new SerializationException("Cannot store an empty serialized form as an event document");
            }
            BsonValue value = readValue(parser);
            if (parser.nextToken() != null) {
                throw new SerializationException("Serialized form holds more than one JSON value");
            }
            return value;
        } catch (IOException e) {
            throw new SerializationException("Event payloads and metadata must serialize to JSON", e);
        }
    }

    /**
     * The JSON text of a BSON value written by {@link #toBson(byte[])}. Streams from the value's reader: a stored
     * payload read as raw BSON goes to JSON without a document tree in between.
     */
    static byte[] toJson(BsonValue value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator generator = JSON.createGenerator(out)) {
            if (value.isDocument()) {
                try (BsonReader reader = value instanceof RawBsonDocument raw ? raw.asBsonReader()
                        : new BsonDocumentReader(value.asDocument())) {
                    writeDocument(reader, generator);
                }
            } else {
                try (BsonReader reader = new BsonDocumentReader(new BsonDocument("value", value))) {
                    reader.readStartDocument();
                    reader.readBsonType();
                    reader.skipName();
                    writeValue(reader, generator);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static BsonValue readValue(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        return switch (token) {
            case START_OBJECT -> readDocument(parser);
            case START_ARRAY -> readArray(parser);
            case VALUE_STRING -> new BsonString(parser.getText());
            case VALUE_NUMBER_INT -> readInteger(parser);
            case VALUE_NUMBER_FLOAT -> readFraction(parser);
            case VALUE_TRUE -> BsonBoolean.TRUE;
            case VALUE_FALSE -> BsonBoolean.FALSE;
            case VALUE_NULL -> BsonNull.VALUE;
            default -> throw new SerializationException("Unsupported JSON token " + token);
        };
    }

    private static BsonDocument readDocument(JsonParser parser) throws IOException {
        BsonDocument document = new BsonDocument();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = escapeFieldName(parser.currentName());
            parser.nextToken();
            document.put(name, readValue(parser));
        }
        return document;
    }

    private static BsonArray readArray(JsonParser parser) throws IOException {
        BsonArray array = new BsonArray();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            array.add(readValue(parser));
        }
        return array;
    }

    private static BsonValue readInteger(JsonParser parser) throws IOException {
        return switch (parser.getNumberType()) {
            case INT -> new BsonInt32(parser.getIntValue());
            case LONG -> new BsonInt64(parser.getLongValue());
            default -> exactDecimal(parser.getText());
        };
    }

    private static BsonValue readFraction(JsonParser parser) throws IOException {
        String text = parser.getText();
        double value = parser.getDoubleValue();
        // Jackson writes doubles as Double.toString does; only then is the double an exact stand-in for the text.
        if (Double.toString(value).equals(text)) {
            return new BsonDouble(value);
        }
        return exactDecimal(text);
    }

    private static BsonValue exactDecimal(String text) {
        try {
            return new BsonDecimal128(new Decimal128(new BigDecimal(text)));
        } catch (NumberFormatException e) {
            throw new SerializationException(
                    "Number " + text + " has more digits than MongoDB's decimal128 holds; it cannot be stored exactly",
                    e);
        }
    }

    private static void writeDocument(BsonReader reader, JsonGenerator generator) throws IOException {
        reader.readStartDocument();
        generator.writeStartObject();
        while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
            generator.writeFieldName(unescapeFieldName(reader.readName()));
            writeValue(reader, generator);
        }
        reader.readEndDocument();
        generator.writeEndObject();
    }

    private static void writeValue(BsonReader reader, JsonGenerator generator) throws IOException {
        switch (reader.getCurrentBsonType()) {
            case DOCUMENT -> writeDocument(reader, generator);
            case ARRAY -> {
                reader.readStartArray();
                generator.writeStartArray();
                while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
                    writeValue(reader, generator);
                }
                reader.readEndArray();
                generator.writeEndArray();
            }
            case STRING -> generator.writeString(reader.readString());
            case INT32 -> generator.writeNumber(reader.readInt32());
            case INT64 -> generator.writeNumber(reader.readInt64());
            case DOUBLE -> generator.writeNumber(reader.readDouble());
            case DECIMAL128 -> writeDecimal(reader.readDecimal128(), generator);
            case BOOLEAN -> generator.writeBoolean(reader.readBoolean());
            case NULL -> {
                reader.readNull();
                generator.writeNull();
            }
            default -> throw new SerializationException(
                    "Unexpected BSON type " + reader.getCurrentBsonType() + " in a stored payload or metadata");
        }
    }

    private static void writeDecimal(Decimal128 decimal, JsonGenerator generator) throws IOException {
        if (decimal.isNaN() || decimal.isInfinite()) {
            // never written by toBson; kept readable rather than failing on a hand-edited document
            generator.writeString(decimal.toString());
            return;
        }
        try {
            generator.writeNumber(decimal.bigDecimalValue());
        } catch (ArithmeticException negativeZero) {
            generator.writeNumber(decimal.toString());
        }
    }

    static String escapeFieldName(String name) {
        StringBuilder escaped = null;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            String replacement = switch (c) {
                case '%' -> "%25";
                case '.' -> "%2E";
                case '\0' -> "%00";
                case '$' -> i == 0 ? "%24" : null;
                default -> null;
            };
            if (replacement != null && escaped == null) {
                escaped = new StringBuilder(name.length() + 8).append(name, 0, i);
            }
            if (escaped != null) {
                escaped.append(replacement != null ? replacement : String.valueOf(c));
            }
        }
        return escaped == null ? name : escaped.toString();
    }

    static String unescapeFieldName(String name) {
        if (name.indexOf('%') < 0) {
            return name;
        }
        StringBuilder plain = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '%' && i + 2 < name.length()) {
                plain.append((char) Integer.parseInt(name, i + 1, i + 3, 16));
                i += 2;
            } else {
                plain.append(c);
            }
        }
        return plain.toString();
    }
}

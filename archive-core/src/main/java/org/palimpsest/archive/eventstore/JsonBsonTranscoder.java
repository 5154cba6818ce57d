package org.palimpsest.archive.eventstore;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SerializationException;
import org.bson.BsonArray;
import org.bson.BsonBinaryReader;
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
import org.bson.io.ByteBufferBsonInput;
import org.bson.types.Decimal128;

import java.io.IOException;
import java.math.BigDecimal;

/**
 * Converts serialized JSON to a BSON value that MongoDB can query, and back to a JSON tree that deserializes to an
 * equal object.
 * <p>
 * Parsing into Jackson's default {@code JsonNode} would be shorter but lossy: decimals become doubles, so a
 * {@code BigDecimal} of {@code 1.10} would come back as {@code 1.1}. Numbers are therefore mapped from their JSON
 * text: integers to int32/int64 (or decimal128 beyond a long), and a fraction to a double only when the double prints
 * back to the very same text, else to decimal128, which keeps digits and scale. Numbers that decimal128 cannot hold
 * exactly (more than 34 significant digits) are refused rather than rounded. The tree built on the way back holds
 * each number as Jackson reads that text: a decimal with its scale, a big integer as such.
 * <p>
 * Field names are stored as they are, except that {@code %}, {@code .}, NUL and a leading {@code $} are
 * percent-escaped: MongoDB reserves them in field names, and escaping keeps map keys from payloads lossless.
 */
final class JsonBsonTranscoder {

    private static final JsonFactory JSON = JsonFactory.builder().build();
    /** Keeps a decimal's scale: {@code 1.10} stays {@code 1.10}, as Jackson reads it from text into a BigDecimal. */
    private static final JsonNodeFactory TREE = JsonNodeFactory.withExactBigDecimals(true);

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
     * The JSON tree of a BSON value written by {@link #toBson(byte[])}, as Jackson would read it from the JSON text
     * that value was made from: a decimal keeps its digits and scale, an integer too large for a long is a big
     * integer. Streams from the value's reader, so a stored payload read as raw BSON becomes a tree without a BSON
     * document tree or JSON text in between.
     */
    static JsonNode toTree(BsonValue value) {
        if (!value.isDocument()) {
            try (BsonReader reader = new BsonDocumentReader(new BsonDocument("value", value))) {
                reader.readStartDocument();
                reader.readBsonType();
                reader.skipName();
                return readNode(reader);
            }
        }
        // RawBsonDocument.asBsonReader() is BsonDocument's: it decodes the whole document into a tree first.
        try (BsonReader reader = value instanceof RawBsonDocument raw
                ? new BsonBinaryReader(new ByteBufferBsonInput(raw.getByteBuffer()))
                : new BsonDocumentReader(value.asDocument())) {
            return readObject(reader);
        }
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

    private static ObjectNode readObject(BsonReader reader) {
        ObjectNode object = TREE.objectNode();
        reader.readStartDocument();
        while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
            String name = unescapeFieldName(reader.readName());
            object.set(name, readNode(reader));
        }
        reader.readEndDocument();
        return object;
    }

    private static JsonNode readNode(BsonReader reader) {
        return switch (reader.getCurrentBsonType()) {
            case DOCUMENT -> readObject(reader);
            case ARRAY -> {
                ArrayNode array = TREE.arrayNode();
                reader.readStartArray();
                while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
                    array.add(readNode(reader));
                }
                reader.readEndArray();
                yield array;
            }
            case STRING -> TREE.textNode(reader.readString());
            case INT32 -> TREE.numberNode(reader.readInt32());
            case INT64 -> TREE.numberNode(reader.readInt64());
            case DOUBLE -> TREE.numberNode(reader.readDouble());
            case DECIMAL128 -> decimalNode(reader.readDecimal128());
            case BOOLEAN -> TREE.booleanNode(reader.readBoolean());
            case NULL -> {
                reader.readNull();
                yield TREE.nullNode();
            }
            default -> throw new SerializationException(
                    "Unexpected BSON type " + reader.getCurrentBsonType() + " in a stored payload or metadata");
        };
    }

    /** The node JSON text of the decimal parses to: an integer when it has no scale (a big integer from toBson). */
    private static JsonNode decimalNode(Decimal128 decimal) {
        if (decimal.isNaN() || decimal.isInfinite()) {
            // never written by toBson; kept readable rather than failing on a hand-edited document
            return TREE.textNode(decimal.toString());
        }
        BigDecimal value;
        try {
            value = decimal.bigDecimalValue();
        } catch (ArithmeticException negativeZero) {
            value = new BigDecimal(decimal.toString());
        }
        return value.scale() == 0 ? TREE.numberNode(value.unscaledValue()) : DecimalNode.valueOf(value);
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

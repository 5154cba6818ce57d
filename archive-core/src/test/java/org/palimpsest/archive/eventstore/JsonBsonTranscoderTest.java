package org.palimpsest.archive.eventstore;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bson.BsonDecimal128;
import org.bson.BsonDocument;
import org.bson.BsonDocumentReader;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.RawBsonDocument;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.RawBsonDocumentCodec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonBsonTranscoderTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"a\":1,\"b\":[true,false,null],\"c\":{\"d\":\"text\"}}",
            "{\"int\":2147483647,\"long\":9223372036854775807,\"big\":92233720368547758070}",
            "{\"double\":0.1,\"decimal\":1.10,\"exponent\":1.0E10,\"negative\":-0.0}",
            "{\"a.b\":1,\"$c\":2,\"d$\":3,\"50%\":4,\"%2E\":5}",
            "\"just a string\"",
            "[1,2,3]",
            "{}"
    })
    void jsonSurvivesTheRoundTripTextually(String json) {
        assertThat(roundTrip(json)).isEqualTo(json);
    }

    /** Reads hand over payloads as raw BSON off the wire (StoredEventCodec); they must come out as the same tree. */
    @ParameterizedTest
    @ValueSource(strings = {
            "{\"a\":1,\"b\":[true,false,null,[{\"x\":1.10}]],\"c\":{\"d\":\"text\"}}",
            "{\"int\":2147483647,\"long\":9223372036854775807,\"big\":92233720368547758070}",
            "{\"double\":0.1,\"decimal\":1.10,\"exponent\":1.0E10,\"negative\":-0.0}",
            "{\"a.b\":1,\"$c\":2,\"d$\":3,\"50%\":4,\"%2E\":5,\"\uD55C\uAD6D\uC5B4\":\"\u00E9t\u00E9\"}",
            "{}"
    })
    void jsonSurvivesTheRoundTripThroughRawBson(String json) {
        BsonDocument stored = toBson(json);
        RawBsonDocument raw = new RawBsonDocumentCodec().decode(new BsonDocumentReader(stored),
                                                                DecoderContext.builder().build());

        assertThat(text(JsonBsonTranscoder.toTree(raw)))
                .isEqualTo(text(JsonBsonTranscoder.toTree(stored)))
                .isEqualTo(json);
    }

    /** What Axon's JacksonSerializer does with the tree: the same object as from the JSON text the event was. */
    @Test
    void theTreeDeserializesToWhatTheJsonTextDoes() throws Exception {
        String json = "{\"text\":\"\uD55C\uAD6D\uC5B4 \\\"quoted\\\"\",\"count\":3,\"position\":3000000000,"
                + "\"ratio\":0.1,\"price\":1.10,\"huge\":92233720368547758070,\"exponent\":1.0E10,\"flag\":true,"
                + "\"missing\":null,\"tags\":[\"a\",\"b\"],\"nested\":{\"source.uri\":\"u\",\"$ref\":2},"
                + "\"numbers\":[1,2.5,1.50]}";
        BsonValue stored = JsonBsonTranscoder.toBson(json.getBytes(StandardCharsets.UTF_8));

        Sample fromText = MAPPER.readValue(json, Sample.class);
        Sample fromTree = MAPPER.readerFor(Sample.class).readValue(JsonBsonTranscoder.toTree(stored));

        assertThat(fromTree).isEqualTo(fromText);
        assertThat(fromTree.price()).isEqualTo(new BigDecimal("1.10")).hasScaleOf(2);
        assertThat(fromTree.numbers()).containsExactly(BigDecimal.ONE, new BigDecimal("2.5"), new BigDecimal("1.50"));
        assertThat(fromTree.nested()).containsEntry("source.uri", "u").containsEntry("$ref", 2);
    }

    record Sample(String text, int count, long position, double ratio, BigDecimal price, BigInteger huge,
                  double exponent, boolean flag, @Nullable String missing, List<String> tags, Map<String, Object> nested,
                  List<BigDecimal> numbers) {
    }

    @Test
    void numbersGetTheNarrowestExactBsonType() {
        BsonDocument document = toBson("{\"i\":1,\"l\":3000000000,\"d\":0.5,\"x\":1.50,\"b\":123456789012345678901}");

        assertThat(document.get("i")).isEqualTo(new BsonInt32(1));
        assertThat(document.get("l")).isEqualTo(new BsonInt64(3_000_000_000L));
        assertThat(document.get("d")).isEqualTo(new BsonDouble(0.5));
        assertThat(document.get("x")).isInstanceOf(BsonDecimal128.class);
        assertThat(document.get("x").asDecimal128().getValue().bigDecimalValue()).isEqualTo(new BigDecimal("1.50"));
        assertThat(document.get("b")).isInstanceOf(BsonDecimal128.class);
    }

    @Test
    void reservedCharactersInFieldNamesAreEscapedAndPlainNamesKept() {
        BsonDocument document = toBson("{\"source.uri\":\"u\",\"$ref\":\"r\",\"plain\":\"p\"}");

        assertThat(document.keySet()).containsExactly("source%2Euri", "%24ref", "plain");
        assertThat(document.get("plain")).isEqualTo(new BsonString("p"));
    }

    @Test
    void refusesNumbersDecimal128CannotHoldExactly() {
        assertThatThrownBy(() -> toBson("{\"n\":1.2345678901234567890123456789012345}"))
                .hasMessageContaining("decimal128");
    }

    private static BsonDocument toBson(String json) {
        return JsonBsonTranscoder.toBson(json.getBytes(StandardCharsets.UTF_8)).asDocument();
    }

    private static String roundTrip(String json) {
        return text(JsonBsonTranscoder.toTree(JsonBsonTranscoder.toBson(json.getBytes(StandardCharsets.UTF_8))));
    }

    private static String text(JsonNode tree) {
        try {
            return MAPPER.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.palimpsest.archive.eventstore;

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
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonBsonTranscoderTest {

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

    /** Reads hand over payloads as raw BSON off the wire (StoredEventCodec); they must come out as the same JSON. */
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

        assertThat(new String(JsonBsonTranscoder.toJson(raw), StandardCharsets.UTF_8))
                .isEqualTo(new String(JsonBsonTranscoder.toJson(stored), StandardCharsets.UTF_8))
                .isEqualTo(new String(json.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
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
        BsonValue bson = JsonBsonTranscoder.toBson(json.getBytes(StandardCharsets.UTF_8));
        return new String(JsonBsonTranscoder.toJson(bson), StandardCharsets.UTF_8);
    }
}

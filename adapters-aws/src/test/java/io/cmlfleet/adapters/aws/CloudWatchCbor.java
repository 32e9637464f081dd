package io.cmlfleet.adapters.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Writes and reads CloudWatch Smithy RPC v2 CBOR bodies like the shared fixture: timestamps are CBOR tag 1 around a
 * float64 of epoch seconds.
 */
final class CloudWatchCbor {

    private static final CBORFactory FACTORY = new CBORFactory();
    private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

    /** One MetricDataResult: timestamps in epoch seconds, paired by position with values. */
    record Result(String id, List<Double> epochSeconds, List<Double> values, String statusCode) {
    }

    private CloudWatchCbor() {
    }

    static byte[] getMetricDataResponse(List<Result> results, String nextToken) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CBORGenerator cbor = FACTORY.createGenerator(out)) {
            cbor.writeStartObject();
            cbor.writeFieldName("MetricDataResults");
            cbor.writeStartArray();
            for (Result result : results) {
                cbor.writeStartObject();
                cbor.writeStringField("Id", result.id());
                cbor.writeStringField("Label", result.id());
                cbor.writeFieldName("Timestamps");
                cbor.writeStartArray();
                for (double seconds : result.epochSeconds()) {
                    cbor.writeTag(1);
                    cbor.writeNumber(seconds);
                }
                cbor.writeEndArray();
                cbor.writeFieldName("Values");
                cbor.writeStartArray();
                for (double value : result.values()) {
                    cbor.writeNumber(value);
                }
                cbor.writeEndArray();
                cbor.writeStringField("StatusCode", result.statusCode());
                cbor.writeEndObject();
            }
            cbor.writeEndArray();
            if (nextToken != null) {
                cbor.writeStringField("NextToken", nextToken);
            }
            cbor.writeFieldName("Messages");
            cbor.writeStartArray();
            cbor.writeEndArray();
            cbor.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Decodes a request body the SDK sent, to check which queries it asked for. */
    static JsonNode read(byte[] body) {
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

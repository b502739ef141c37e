package io.tsstudio.app.worker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The worker protocol's JSON mapper: one message per line; NaN and Infinity pass (tensor statistics). */
final class WorkerJson {
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private WorkerJson() {
    }

    static String line(Object message) {
        try {
            return MAPPER.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode worker message: " + e.getOriginalMessage(), e);
        }
    }

    static JsonNode parse(String line) throws JsonProcessingException {
        return MAPPER.readTree(line);
    }
}

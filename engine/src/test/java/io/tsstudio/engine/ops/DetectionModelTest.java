package io.tsstudio.engine.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tsstudio.engine.JitTuple;
import io.tsstudio.engine.Jit;
import io.tsstudio.engine.ScriptModule;
import io.tsstudio.engine.Tensor;
import io.tsstudio.engine.values.ValueJson;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * fixtures/detection: torchvision's FasterRCNN and MaskRCNN, scripted by PyTorch 1.13 (RPN with batched_nms,
 * MultiScaleRoIAlign, mask roi_align), open and run end to end with PyTorch's detections.
 */
class DetectionModelTest {
    static Path detectionFixtures() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path f = p.resolve("fixtures").resolve("detection");
            if (Files.isDirectory(f)) return f;
        }
        throw new IllegalStateException("fixtures/detection not found above " + Path.of("").toAbsolutePath());
    }

    @ParameterizedTest
    @ValueSource(strings = {"fasterrcnn", "maskrcnn"})
    void detectsWhatPyTorchDetects(String kind) throws IOException {
        JsonNode expected = new ObjectMapper().readTree(detectionFixtures().resolve("expected.json").toFile());
        JsonNode want = expected.get("cases").get(kind).get("detections");
        Path file = detectionFixtures().resolve(expected.get("cases").get(kind).get("file").asText());
        Object images = ValueJson.read("[" + expected.get("image") + "]", "List[Tensor]", "images", null);
        try (ScriptModule m = Jit.load(file)) {
            m.eval();
            Object result = m.forward(images);
            try {
                JitTuple lossesAndDetections = (JitTuple) result;
                @SuppressWarnings("unchecked")
                Map<String, Tensor> d = (Map<String, Tensor>) ((List<?>) lossesAndDetections.get(1)).get(0);
                long[] labels = d.get("labels").toLongArray();
                float[] scores = d.get("scores").toFloatArray();
                float[] boxes = d.get("boxes").toFloatArray();
                assertEquals(want.get("labels").size(), labels.length, "number of detections");
                // random weights give near-equal scores: match each expected detection to one of ours
                boolean[] used = new boolean[labels.length];
                for (int i = 0; i < want.get("labels").size(); i++) {
                    int match = -1;
                    for (int j = 0; j < labels.length && match < 0; j++) {
                        if (used[j] || labels[j] != want.get("labels").get(i).asLong()) continue;
                        if (Math.abs(scores[j] - want.get("scores").get(i).asDouble()) > 1e-4) continue;
                        boolean same = true;
                        for (int c = 0; c < 4; c++) same &= Math.abs(boxes[j * 4 + c] - want.get("boxes").get(i).get(c).asDouble()) < 1e-2;
                        if (same) match = j;
                    }
                    assertTrue(match >= 0, kind + ": PyTorch's detection " + i + " " + want.get("boxes").get(i) + " not found");
                    used[match] = true;
                }
                if (want.has("masks_shape")) {
                    Tensor masks = d.get("masks");
                    long[] shape = new long[want.get("masks_shape").size()];
                    for (int k = 0; k < shape.length; k++) shape[k] = want.get("masks_shape").get(k).asLong();
                    assertArrayEquals(shape, masks.shape());
                    double sum = 0;
                    for (double v : masks.toDoubleArray()) sum += v;
                    assertEquals(want.get("masks_sum").asDouble(), sum, 1e-2 * Math.max(1, Math.abs(sum)) * 0.01, "mask sum");
                }
            } finally {
                ValueJson.closeTensors(result);
            }
        } finally {
            ValueJson.closeTensors(images);
        }
    }
}

package io.tsstudio.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.tsstudio.engine.Torch;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 15: run says which mode it timed and with how many intra-op threads; --inference times eval + grad off. */
class RunTimingModeTest {
    private static final String X = "{\"tensor\": {\"shape\": [100, 10], \"fill\": \"ones\"}}";

    @Test
    void aTrainingModuleIsTimedAsItIsUnlessInferenceIsAsked() throws IOException {
        // R torch's traced linear is saved in training mode; its forward branches on self.training
        String file = CliTest.pytorch("r-traced-linear.pt");
        JsonNode asIs = CliTest.runJson(file, "--arg", X, "--iterations", "3").get("timing");
        assertEquals("training", asIs.get("mode").asText());
        JsonNode inference = CliTest.runJson(file, "--arg", X, "--iterations", "3", "--inference").get("timing");
        assertEquals("inference", inference.get("mode").asText());
        assertEquals(Torch.intraOpThreads(), inference.get("intra_op_threads").asInt());
        assertEquals(3, inference.get("iterations").asInt());
    }

    @Test
    void theTextSaysTheModeAndTheThreads() {
        CliRunner.Result r = CliRunner.inProcess("run", CliTest.pytorch("r-traced-linear.pt"), "--arg", X, "--iterations", "2", "--inference");
        assertEquals(0, r.status(), r.err());
        int threads = Torch.intraOpThreads();
        assertTrue(r.out().contains("timed inference: eval mode, grad off, " + threads + " intra-op thread" + (threads == 1 ? "" : "s")), r.out());
        CliRunner.Result training = CliRunner.inProcess("run", CliTest.pytorch("r-traced-linear.pt"), "--arg", X);
        assertTrue(training.out().contains("timed training mode, grad on, "), training.out());
    }
}

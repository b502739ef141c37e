package io.tsstudio.app.worker;

import io.tsstudio.engine.diff.ModuleOutputDiff;
import io.tsstudio.engine.diff.NumericDiff;
import io.tsstudio.engine.diff.Tolerance;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A numeric diff through the worker's JSON and back, as a line on the socket. */
class NumericDiffJsonTest {
    @Test
    void everyFieldSurvivesTheRoundTripIncludingShapeChangesNaNAndOneSidedModules() throws Exception {
        ModuleOutputDiff fc1 = new ModuleOutputDiff("body.fc1", 2, 0.0, false, false, true);
        ModuleOutputDiff fc2 = new ModuleOutputDiff("body.fc2", 1, 0.123456789012345, false, true, true);
        ModuleOutputDiff head = new ModuleOutputDiff("head", 1, null, true, true, true);
        ModuleOutputDiff big = new ModuleOutputDiff("big", 1, null, false, false, false);
        ModuleOutputDiff nan = new ModuleOutputDiff("nan", 3, Double.NaN, false, true, true);
        ModuleOutputDiff inf = new ModuleOutputDiff("inf", 1, Double.POSITIVE_INFINITY, false, true, true);
        NumericDiff d = new NumericDiff("forward", new Tolerance(1e-3, 1e-6), false, null,
                List.of(fc1, fc2, head, big, nan, inf), Optional.of(fc2), List.of("body.inlined"), List.of("extra", ""));

        String line = WorkerJson.line(NumericDiffJson.json(d));
        assertEquals(d, NumericDiffJson.numericDiff(WorkerJson.parse(line)));

        NumericDiff equal = new NumericDiff("decode", Tolerance.DEFAULT, true, 0.0, List.of(fc1), Optional.empty(), List.of(), List.of());
        assertEquals(equal, NumericDiffJson.numericDiff(WorkerJson.parse(WorkerJson.line(NumericDiffJson.json(equal)))));
    }

    @Test
    void aReplyThatIsNoComparisonIsAClearError() throws Exception {
        WorkerException e = assertThrows(WorkerException.class, () -> NumericDiffJson.numericDiff(WorkerJson.parse("{\"x\": 1}")));
        assertEquals("the worker sent an unreadable comparison: {\"x\":1}", e.getMessage());
    }
}

package io.tsstudio.engine.internal.torch;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class ErrorsTest {
    @Test
    void interpreterTracebackLeadsWithTheActualError() {
        String raw = "The following operation failed in the TorchScript interpreter.\n"
                + "Traceback of TorchScript, serialized code (most recent call last):\n"
                + "  File \"code/__torch__.py\", line 11, in forward\n"
                + "    h = (encoder).forward(x, )\n"
                + "RuntimeError: mat1 and mat2 shapes cannot be multiplied (1x1 and 8x16)\n";
        String m = Errors.headlineFirst(raw.strip());
        assertTrue(m.startsWith("mat1 and mat2 shapes cannot be multiplied (1x1 and 8x16)\n\n"), m);
        assertTrue(m.contains("line 11, in forward"), m);
    }

    @Test
    void otherMessagesAreKept() {
        assertEquals("Expected a value of type 'int'", Errors.headlineFirst("Expected a value of type 'int'"));
    }
}

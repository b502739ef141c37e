package io.tsstudio.engine;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class ErrorTextTest {
    @Test
    void interpreterTracebackLeadsWithTheActualError() {
        String raw = "The following operation failed in the TorchScript interpreter.\n"
                + "Traceback of TorchScript, serialized code (most recent call last):\n"
                + "  File \"code/__torch__.py\", line 11, in forward\n"
                + "    h = (encoder).forward(x, )\n"
                + "RuntimeError: mat1 and mat2 shapes cannot be multiplied (1x1 and 8x16)\n";
        String m = ErrorText.headlineFirst(raw.strip());
        assertTrue(m.startsWith("mat1 and mat2 shapes cannot be multiplied (1x1 and 8x16)\n\n"), m);
        assertTrue(m.contains("line 11, in forward"), m);
    }

    @Test
    void otherMessagesAreKept() {
        assertEquals("Expected a value of type 'int'", ErrorText.headlineFirst("Expected a value of type 'int'"));
    }
}

package io.tsstudio.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class CommandGuessTest {
    @TempDir
    Path dir;

    @Test
    void aMistypedCommandNamesTheClosestOne() {
        assertEquals("tsstudio: unknown command 'inpsect'; did you mean 'inspect'? (commands: inspect, run, profile, compile, graph, diff, export;"
                + " a file to open must exist; see tsstudio --help)", CommandGuess.unknownCommandMessage(new String[] {"inpsect", "x.pt"}));
        assertEquals("tsstudio: unknown option '--hlep'; did you mean '--help'? (see tsstudio --help)",
                CommandGuess.unknownCommandMessage(new String[] {"--hlep"}));
        String far = CommandGuess.unknownCommandMessage(new String[] {"frobnicate"});
        assertEquals("tsstudio: unknown command 'frobnicate' (commands: inspect, run, profile, compile, graph, diff, export; a file to open must exist; see tsstudio --help)", far);
    }

    @Test
    void filesAndPathsStillOpenInTheStudio() throws Exception {
        assertNull(CommandGuess.unknownCommandMessage(new String[0]));
        Path bare = Files.writeString(dir.resolve("inpsect"), "");
        assertNull(CommandGuess.unknownCommandMessage(new String[] {bare.toString()}), "an existing file, even named like a command");
        assertNull(CommandGuess.unknownCommandMessage(new String[] {"missing-model.pt"}), "looks like a file: the studio reports it");
        assertNull(CommandGuess.unknownCommandMessage(new String[] {"models/net"}), "a path");
    }

    @Test
    void distanceCountsASwapAsOneEdit() {
        assertEquals(1, CommandGuess.distance("inpsect", "inspect"));
        assertEquals(1, CommandGuess.distance("grpah", "graph"));
        assertEquals(2, CommandGuess.distance("cmopile", "compile") + 1);
    }
}

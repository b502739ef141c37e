package io.tsstudio.app.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 11 item 13: {@code --help} is never cut off. picocli lays usage out at its usage width (80 columns unless a
 * terminal says otherwise) and lists each sub-command by the first line of its description only, so that line must
 * be a whole sentence; every description line must appear whole, and no line may pass the width.
 */
class CliHelpTest {
    private static final List<String> COMMANDS = List.of("inspect", "run", "profile", "compile", "graph", "diff", "export");

    @Test
    void rootHelpListsEachCommandWithAWholeSentenceWithinTheWidth() {
        CliRunner.Result r = CliRunner.inProcess("--help");
        assertEquals(0, r.status());
        int width = new CommandLine(new TsstudioCommand()).getUsageHelpWidth();
        assertEquals(80, width, "picocli's usage width without a terminal");
        for (String line : r.out().split("\n")) assertTrue(line.length() <= width, "longer than " + width + ": " + line);
        for (String c : COMMANDS) {
            String first = firstDescriptionLine(c);
            assertTrue(first.endsWith("."), c + "'s summary in the command list is a whole sentence: " + first);
            assertTrue(flat(r.out()).contains(c + " " + first), c + " is listed with its whole summary:\n" + r.out());
        }
        assertTrue(flat(r.out()).contains("Exit status: 0 success, 2 user error (bad file, arguments, source or types), 1 internal error."));
    }

    @Test
    void eachCommandsHelpShowsItsWholeDescription() {
        for (String c : COMMANDS) {
            CliRunner.Result r = CliRunner.inProcess(c, "--help");
            assertEquals(0, r.status(), c);
            String[] description = new CommandLine(new TsstudioCommand()).getSubcommands().get(c).getCommandSpec().usageMessage().description();
            for (String d : description) {
                assertTrue(flat(r.out()).contains(flat(d)), c + " --help shows \"" + d + "\" whole:\n" + r.out());
            }
            for (String line : r.out().split("\n")) assertTrue(line.length() <= 80, c + ": longer than 80: " + line);
        }
    }

    private static String firstDescriptionLine(String command) {
        return new CommandLine(new TsstudioCommand()).getSubcommands().get(command).getCommandSpec().usageMessage().description()[0];
    }

    /** Help text with its wrapping undone: runs of whitespace as one space. */
    private static String flat(String s) {
        return s.replaceAll("\\s+", " ").trim();
    }
}

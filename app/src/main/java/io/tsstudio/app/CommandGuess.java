package io.tsstudio.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Tells a mistyped command ({@code tsstudio inpsect x.pt}) from a file to open in the studio
 * ({@code tsstudio model.pt}). An argument that is an existing file, or that looks like a path (a separator or a
 * file extension), is a file; a bare word or an option that is not one of ours is a mistake, answered with the
 * closest command and exit status 2 instead of a studio window.
 */
final class CommandGuess {
    static final List<String> COMMANDS = List.of("inspect", "run", "profile", "compile", "graph", "diff", "export", "help");
    static final List<String> OPTIONS = List.of("--help", "--version", "-h", "-V");
    private static final Pattern BARE_WORD = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");

    private CommandGuess() {
    }

    /** The message for a mistyped first argument, or null when the arguments are files for the studio. */
    static String unknownCommandMessage(String[] args) {
        if (args.length == 0) return null;
        String first = args[0];
        try {
            if (Files.exists(Path.of(first))) return null;
        } catch (java.nio.file.InvalidPathException notAPath) {
            // not a file name this system accepts; judged as a word below
        }
        if (first.startsWith("-")) {
            return "tsstudio: unknown option '" + first + "'" + suggestion(first, OPTIONS) + " (see tsstudio --help)";
        }
        if (!BARE_WORD.matcher(first).matches()) return null;
        return "tsstudio: unknown command '" + first + "'" + suggestion(first, COMMANDS)
                + " (commands: inspect, run, profile, compile, graph, diff, export; a file to open must exist; see tsstudio --help)";
    }

    private static String suggestion(String word, List<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(word.toLowerCase(java.util.Locale.ROOT), c);
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        // Further than about a third of the word is a different word, not a typo.
        return best != null && bestDistance <= Math.max(1, best.length() / 3) ? "; did you mean '" + best + "'?" : "";
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours cost 1. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}

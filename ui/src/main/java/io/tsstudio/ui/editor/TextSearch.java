package io.tsstudio.ui.editor;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Find and replace over plain text: literal or regular expression, with or without case, wrapping around. */
public final class TextSearch {
    public record Match(int start, int end) {
    }

    private final Pattern pattern;

    /** @throws IllegalArgumentException with the reason when {@code regex} is set and the query is not a valid pattern */
    public TextSearch(String query, boolean matchCase, boolean regex) {
        int flags = (matchCase ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE) | Pattern.MULTILINE;
        try {
            this.pattern = Pattern.compile(regex ? query : Pattern.quote(query), flags);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("invalid regular expression: " + e.getDescription(), e);
        }
    }

    public Optional<Match> next(String text, int from) {
        Matcher m = pattern.matcher(text);
        if (from <= text.length() && m.find(Math.max(0, from)) && m.end() > m.start()) return Optional.of(new Match(m.start(), m.end()));
        if (m.find(0) && m.end() > m.start()) return Optional.of(new Match(m.start(), m.end()));
        return Optional.empty();
    }

    public Optional<Match> previous(String text, int before) {
        Matcher m = pattern.matcher(text);
        Match last = null;
        Match lastOverall = null;
        while (m.find()) {
            if (m.end() == m.start()) continue;
            Match found = new Match(m.start(), m.end());
            if (found.start() < before) last = found;
            lastOverall = found;
        }
        return Optional.ofNullable(last != null ? last : lastOverall);
    }

    public int count(String text) {
        Matcher m = pattern.matcher(text);
        int n = 0;
        while (m.find()) if (m.end() > m.start()) n++;
        return n;
    }

    /** The text with every match replaced; {@code $1} groups work in regex mode. */
    public String replaceAll(String text, String replacement, boolean regex) {
        return pattern.matcher(text).replaceAll(regex ? replacement : Matcher.quoteReplacement(replacement));
    }

    /** The replacement for one match (expands groups in regex mode). */
    public String replacementFor(String matched, String replacement, boolean regex) {
        if (!regex) return replacement;
        return pattern.matcher(matched).replaceFirst(replacement);
    }
}

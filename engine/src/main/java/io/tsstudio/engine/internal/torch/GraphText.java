package io.tsstudio.engine.internal.torch;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads string attributes out of LibTorch's printed graph. The presets map {@code Node::s(Symbol)} (a
 * {@code const std::string&}) through a temporary copy that is gone by the time Java reads it, so string attributes
 * ({@code name} of GetAttr/CallMethod, string constants) cannot be read natively. The printed graph lists every node
 * once, in the same pre-order as a walk of the node lists, with its attributes in brackets:
 * {@code %_0 : Linear = prim::GetAttr[name="0"](%self.1)}.
 */
final class GraphText {
    private static final Pattern KIND = Pattern.compile("(?:^|\\s)= ([A-Za-z_][A-Za-z0-9_]*::[^\\[(\\s]+)");

    /** One printed node: its kind and its attributes as printed (strings still quoted). */
    record PrintedNode(String kind, Map<String, String> attributes) {
    }

    private GraphText() {
    }

    static List<PrintedNode> parse(String graphText) {
        List<PrintedNode> out = new ArrayList<>();
        for (String line : graphText.split("\n")) {
            Matcher m = KIND.matcher(line);
            if (!m.find()) continue;
            String kind = m.group(1);
            int at = m.end();
            Map<String, String> attrs = at < line.length() && line.charAt(at) == '[' ? attributes(line, at + 1) : Map.of();
            out.add(new PrintedNode(kind, attrs));
        }
        return out;
    }

    /** Splits {@code name="0", value=[1, 2]]} (starting after the bracket) into name -> printed value. */
    private static Map<String, String> attributes(String line, int from) {
        Map<String, String> attrs = new LinkedHashMap<>();
        int depth = 0;
        boolean quoted = false;
        int start = from;
        for (int i = from; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '\\') i++;
                else if (c == '"') quoted = false;
                continue;
            }
            if (c == '"') quoted = true;
            else if (c == '[' || c == '{' || c == '(') depth++;
            else if ((c == ']' || c == '}' || c == ')') && depth > 0) depth--;
            else if ((c == ',' && depth == 0) || (c == ']' && depth == 0)) {
                put(attrs, line.substring(start, i));
                start = i + 1;
                if (c == ']') break;
            }
        }
        return attrs;
    }

    private static void put(Map<String, String> attrs, String entry) {
        int eq = entry.indexOf('=');
        if (eq > 0) attrs.put(entry.substring(0, eq).trim(), entry.substring(eq + 1).trim());
    }

    /** The text of a printed, escaped string ({@code "a\"b"}), or the input unchanged if it is not quoted. */
    static String unquote(String printed) {
        if (printed.length() < 2 || printed.charAt(0) != '"' || printed.charAt(printed.length() - 1) != '"') return printed;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        String body = printed.substring(1, printed.length() - 1);
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c != '\\' || i + 1 >= body.length()) {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(b, 0, b.length);
                continue;
            }
            char e = body.charAt(++i);
            switch (e) {
                case 'a': bytes.write(7); break;
                case 'b': bytes.write('\b'); break;
                case 'f': bytes.write('\f'); break;
                case 'n': bytes.write('\n'); break;
                case 'r': bytes.write('\r'); break;
                case 't': bytes.write('\t'); break;
                case 'v': bytes.write(11); break;
                case '.': case '/': case '0': case '1': {
                    // c10's printQuotedString writes a non-printable byte as '\\' + three chars '0' + digit, with
                    // digits of the *signed* char (so UTF-8 bytes come out as "\\0)+"): undo exactly that.
                    if (i + 2 >= body.length()) break;
                    int v = (e - '0') * 64 + (body.charAt(i + 1) - '0') * 8 + (body.charAt(i + 2) - '0');
                    i += 2;
                    bytes.write(v & 0xff);
                    break;
                }
                default:
                    bytes.write(e);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}

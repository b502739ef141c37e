package io.tsstudio.ui.editor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Completion proposals for TorchScript: {@code torch.} and {@code aten::} operators with their schemas, TorchScript
 * types, keywords and builtins, and {@code self.} members of the open module. Pure: no toolkit, no engine calls
 * beyond the catalog and member suppliers it is given.
 */
public final class CompletionProvider {
    private static final int MAX_ITEMS = 200;

    private final OperatorCatalog catalog;
    private final Supplier<List<CompletionItem>> selfMembers;
    private volatile Map<String, List<String>> atenByName;

    public CompletionProvider(OperatorCatalog catalog, Supplier<List<CompletionItem>> selfMembers) {
        this.catalog = catalog;
        this.selfMembers = selfMembers;
    }

    public List<CompletionItem> complete(String text, int caret) {
        return complete(CompletionContext.at(text, caret));
    }

    public List<CompletionItem> complete(CompletionContext ctx) {
        String q = ctx.qualifier();
        String prefix = ctx.prefix();
        List<CompletionItem> items = new ArrayList<>();
        if (q.equals("torch") || q.equals("aten::") || q.equals("F")) {
            String ns = q.equals("aten::") ? "aten::" : "torch.";
            operatorsByName().forEach((name, schemas) -> {
                if (matches(name, prefix)) {
                    String detail = schemas.get(0) + (schemas.size() > 1 ? "   (+" + (schemas.size() - 1) + " overloads)" : "");
                    items.add(new CompletionItem(CompletionItem.Kind.OPERATOR, ns + name, detail, name));
                }
            });
        } else if (q.equals("self")) {
            for (CompletionItem m : selfMembers.get()) if (matches(m.insertText(), prefix)) items.add(m);
        } else if (q.isEmpty()) {
            if (prefix.isEmpty()) return List.of();
            for (String t : TorchScriptLanguage.TYPES) {
                if (matches(t, prefix)) items.add(new CompletionItem(CompletionItem.Kind.TYPE, t, "TorchScript type", t));
            }
            for (String k : TorchScriptLanguage.KEYWORDS) {
                if (matches(k, prefix)) items.add(new CompletionItem(CompletionItem.Kind.KEYWORD, k, "keyword", k));
            }
            for (String b : TorchScriptLanguage.BUILTINS) {
                if (matches(b, prefix) && !TorchScriptLanguage.TYPE_SET.contains(b)) {
                    items.add(new CompletionItem(CompletionItem.Kind.BUILTIN, b, "builtin", b));
                }
            }
            if (matches("torch", prefix)) items.add(new CompletionItem(CompletionItem.Kind.BUILTIN, "torch", "module", "torch"));
            if (matches("self", prefix)) items.add(new CompletionItem(CompletionItem.Kind.BUILTIN, "self", "the module", "self"));
        }
        items.sort(Comparator.comparing((CompletionItem i) -> !i.insertText().startsWith(prefix))
                .thenComparing(i -> i.insertText().length())
                .thenComparing(CompletionItem::insertText));
        return items.size() > MAX_ITEMS ? List.copyOf(items.subList(0, MAX_ITEMS)) : items;
    }

    /** All schemas of {@code aten::name}, for the detail pane and the hover on an operator. */
    public List<String> schemasOf(String simpleName) {
        return operatorsByName().getOrDefault(simpleName, List.of());
    }

    private Map<String, List<String>> operatorsByName() {
        Map<String, List<String>> map = atenByName;
        if (map == null) {
            map = new LinkedHashMap<>();
            for (OperatorInfo op : catalog.operators()) {
                if (!op.namespace().equals("aten") || op.simpleName().startsWith("_")) continue;
                map.computeIfAbsent(op.simpleName(), k -> new ArrayList<>()).addAll(op.schemas());
            }
            map.values().removeIf(List::isEmpty);
            atenByName = map;
        }
        return map;
    }

    private static boolean matches(String candidate, String prefix) {
        if (prefix.isEmpty()) return true;
        return candidate.toLowerCase(Locale.ROOT).startsWith(prefix.toLowerCase(Locale.ROOT));
    }
}

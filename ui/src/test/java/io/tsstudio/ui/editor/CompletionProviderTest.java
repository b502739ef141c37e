package io.tsstudio.ui.editor;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The completion logic over a fixed operator list (the registry-backed catalog is tested in the app with LibTorch). */
class CompletionProviderTest {
    private final OperatorCatalog catalog = () -> List.of(
            new OperatorInfo("aten::relu", List.of("aten::relu(Tensor self) -> Tensor")),
            new OperatorInfo("aten::relu_", List.of("aten::relu_(Tensor(a!) self) -> Tensor(a!)")),
            new OperatorInfo("aten::add", List.of("aten::add.Tensor(Tensor self, Tensor other, *, Scalar alpha=1) -> Tensor",
                    "aten::add.Scalar(Tensor self, Scalar other, Scalar alpha=1) -> Tensor")),
            new OperatorInfo("aten::_private", List.of("aten::_private() -> ()")),
            new OperatorInfo("prim::Constant", List.of("prim::Constant() -> ()")));
    private final CompletionProvider provider = new CompletionProvider(catalog,
            () -> List.of(new CompletionItem(CompletionItem.Kind.MEMBER, "fc1", "submodule Linear", "fc1")));

    @Test
    void readsTheContextBeforeTheCaret() {
        assertEquals(new CompletionContext("torch", "re", 10), CompletionContext.at("y = torch.re", 12));
        assertEquals(new CompletionContext("aten::", "", 10), CompletionContext.at("y = aten::", 10));
        assertEquals(new CompletionContext("self", "f", 9), CompletionContext.at("    self.f", 10));
        assertEquals(new CompletionContext("", "Ten", 3), CompletionContext.at("x: Ten", 6));
        assertTrue(CompletionContext.triggersAutomatically("torch.", 6));
        assertTrue(CompletionContext.triggersAutomatically("aten::", 6));
        assertFalse(CompletionContext.triggersAutomatically("x.", 2));
    }

    @Test
    void offersTorchOperatorsWithSchemas() {
        List<CompletionItem> items = provider.complete("y = torch.rel", 13);
        assertEquals("torch.relu", items.get(0).label());
        assertEquals("relu", items.get(0).insertText());
        assertTrue(items.get(0).detail().startsWith("aten::relu(Tensor self) -> Tensor"));
        assertTrue(items.stream().noneMatch(i -> i.label().contains("_private")));
        CompletionItem add = provider.complete("aten::a", 7).get(0);
        assertEquals("aten::add", add.label());
        assertTrue(add.detail().contains("+1 overloads"), add.detail());
    }

    @Test
    void offersTypesKeywordsAndSelfMembers() {
        assertTrue(provider.complete("x: Opt", 6).stream().anyMatch(i -> i.label().equals("Optional")));
        assertTrue(provider.complete("ret", 3).stream().anyMatch(i -> i.label().equals("return")));
        assertEquals("fc1", provider.complete("self.f", 6).get(0).label());
        assertTrue(provider.complete("", 0).isEmpty());
    }
}

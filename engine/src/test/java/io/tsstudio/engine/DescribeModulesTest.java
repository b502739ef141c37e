package io.tsstudio.engine;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one-walk description of a module hierarchy, and the printed code kept between reads until it changes. */
class DescribeModulesTest {
    private static ScriptModule twoLevels() {
        ScriptModule leaf = ModuleAssembly.newModule("Leaf");
        try (Tensor w = Tensors.ones(2, 3)) {
            leaf.registerParameter("weight", w, false);
        }
        leaf.define("def forward(self, x: Tensor) -> Tensor:\n    return torch.matmul(x, self.weight)\n");
        ScriptModule mid = ModuleAssembly.newModule("Mid");
        ModuleAssembly.addSubmodule(mid, "leaf", leaf);
        try (Tensor b = Tensors.zeros(3)) {
            mid.registerBuffer("bias", b);
        }
        mid.define("def forward(self, x: Tensor) -> Tensor:\n    return self.leaf.forward(x) + self.bias\n");
        ScriptModule root = ModuleAssembly.newModule("Root");
        ModuleAssembly.addSubmodule(root, "a", mid);
        ModuleAssembly.addSubmodule(root, "b", ModuleAssembly.newInstanceOf(leaf));
        root.define("def forward(self, x: Tensor) -> Tensor:\n    return self.a.forward(x)\n");
        return root;
    }

    @Test
    void everyModuleOnceInPreOrderWithItsOwnMembers() {
        try (ScriptModule root = twoLevels()) {
            List<ModuleDescription> all = new ArrayList<>();
            root.describeModules(all::add);
            assertEquals(List.of("", "a", "a.leaf", "b"), all.stream().map(ModuleDescription::path).toList());
            assertEquals(List.of(2, 1, 0, 0), all.stream().map(ModuleDescription::childCount).toList());
            assertEquals(List.of("__torch__.Root", "__torch__.Mid", "__torch__.Leaf", "__torch__.Leaf"),
                    all.stream().map(ModuleDescription::className).toList());
            ModuleDescription mid = all.get(1);
            assertEquals(List.of(), mid.parameters());
            assertEquals(List.of("a.bias"), mid.buffers().stream().map(ParameterInfo::name).toList());
            ModuleDescription leaf = all.get(2);
            assertEquals(List.of("a.leaf.weight"), leaf.parameters().stream().map(ParameterInfo::name).toList());
            assertEquals(List.of(2L, 3L), leaf.parameters().get(0).shape());
            assertEquals(List.of("forward"), leaf.methods().stream().map(MethodInfo::name).toList());
            // the attributes are what is neither a submodule nor a tensor
            assertEquals(List.of("training"), mid.attributes().stream().map(AttributeInfo::name).toList());
            assertEquals("", all.get(0).name());
            assertEquals("leaf", leaf.name());
            assertEquals("a", leaf.parentPath());
            assertEquals(null, all.get(0).parentPath());
        }
    }

    @Test
    void printedCodeIsReadOnceAndAgainAfterADefine() {
        try (ScriptModule root = twoLevels()) {
            String before = root.codeByClass().get("__torch__.Root");
            assertFalse(before.contains("def extra"));
            assertTrue(root.codeLocations().containsKey("__torch__.Root"));
            try (ScriptModule a = root.submodule("a")) {
                a.define("def extra(self) -> int:\n    return 1\n"); // through another handle, on another class
            }
            assertTrue(root.codeByClass().get("__torch__.Mid").contains("def extra"), "the cached code was dropped after the define");
            root.define("def extra(self) -> int:\n    return 2\n");
            assertTrue(root.codeByClass().get("__torch__.Root").contains("def extra"));
        }
    }
}

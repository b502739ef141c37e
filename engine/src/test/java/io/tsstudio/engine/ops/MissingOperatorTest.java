package io.tsstudio.engine.ops;

import io.tsstudio.engine.AttributeInfo;
import io.tsstudio.engine.Jit;
import io.tsstudio.engine.ParameterInfo;
import io.tsstudio.engine.SubmoduleInfo;
import io.tsstudio.engine.TorchException;
import io.tsstudio.engine.ArchiveModel;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** fixtures/missing-ops/my_ops_foo.pt calls torch.ops.my_ops.foo, which no library here registers. */
class MissingOperatorTest {
    static Path fixture() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path f = p.resolve("fixtures").resolve("missing-ops").resolve("my_ops_foo.pt");
            if (Files.isRegularFile(f)) return f;
        }
        throw new IllegalStateException("fixtures/missing-ops not found");
    }

    @Test
    void loadingNamesTheMissingOperatorAndItsLibrary() {
        MissingOperatorException e = assertThrows(MissingOperatorException.class, () -> Jit.load(fixture()));
        assertEquals(List.of(new OperatorRef("my_ops", "foo")), e.missing());
        assertTrue(e.getMessage().startsWith("my_ops_foo.pt needs operator `my_ops::foo` (from library my_ops)"), e.getMessage());
        assertTrue(e.getMessage().contains("--load-library"), e.getMessage());
    }

    @Test
    void theArchiveIsReadWithoutLibTorchsLoader() throws IOException {
        ArchiveModel m = ArchiveModel.read(fixture());
        assertEquals("__torch__.NeedsFoo", m.className());
        assertEquals(List.of(new SubmoduleInfo("head", "__torch__.Head"), new SubmoduleInfo("head.proj", "__torch__.torch.nn.modules.linear.Linear")), m.modules());
        assertEquals(List.of("head.proj.weight [3, 4] true", "head.proj.bias [3] true"),
                m.parameters().stream().map(p -> p.name() + " " + p.shape() + " " + p.requiresGrad()).toList());
        assertEquals(List.of("head.scale [3] float32"), m.buffers().stream().map(p -> p.name() + " " + p.shape() + " " + p.dtype().jsonName()).toList());
        AttributeInfo threshold = m.attributes().stream().filter(a -> a.name().equals("threshold")).findFirst().orElseThrow();
        assertEquals(0.25, threshold.value());
        assertTrue(m.codeByClass().get("__torch__.NeedsFoo").contains("return ops.my_ops.foo((head).forward(x, ))"));
        assertTrue(m.codeByClass().containsKey("__torch__.Head"));
    }

    @Test
    void aLibraryThatDoesNotRegisterTheOperatorLeavesItMissing() throws IOException {
        Path libm = Path.of("/lib/x86_64-linux-gnu/libm.so.6");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(libm), "a plain native library to load");
        OperatorLibraries.load(libm);
        assertTrue(OperatorLibraries.loaded().contains(libm.toAbsolutePath().normalize()));
        assertEquals(List.of(new OperatorRef("my_ops", "foo")), ArchiveOperators.unregistered(fixture()));
    }

    @Test
    void aMissingLibraryFileIsAClearError() {
        TorchException e = assertThrows(TorchException.class, () -> OperatorLibraries.load(Path.of("no/such/libmy_ops.so")));
        assertTrue(e.getMessage().startsWith("operator library not found: "), e.getMessage());
    }

    @Test
    void aFileThatIsNotALibraryIsAClearError() {
        TorchException e = assertThrows(TorchException.class, () -> OperatorLibraries.load(fixture()));
        assertTrue(e.getMessage().startsWith("cannot load operator library "), e.getMessage());
    }
}

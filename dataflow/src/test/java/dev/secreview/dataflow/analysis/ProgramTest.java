package dev.secreview.dataflow.analysis;

import dev.secreview.core.model.SourceFile;
import dev.secreview.dataflow.ir.ClassInfo;
import dev.secreview.dataflow.ir.SourceModule;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProgramTest {

    private static final Set<String> SAFE = Set.of("yaml.SafeLoader", "yaml.CSafeLoader");

    private static Program program(ClassInfo... classes) {
        SourceFile source = new SourceFile(Path.of("loaders.py"), "loaders.py", "");
        return new Program(List.of(new SourceModule(source, "loaders", List.of(), List.of(classes), Map.of())));
    }

    private static ClassInfo type(String name, String... bases) {
        return new ClassInfo(name, List.of(bases), Map.of(), Map.of(), Set.of());
    }

    @Test
    void aClassDerivesOnlyFromItsBasesAndTheirBases() {
        Program p = program(type("loaders.Fast", "yaml.CSafeLoader", "yaml.SafeLoader"),
                type("loaders.Strict", "loaders.Fast"));
        assertTrue(p.derivesOnlyFrom("loaders.Fast", SAFE));
        assertTrue(p.derivesOnlyFrom("loaders.Strict", SAFE));
    }

    @Test
    void oneOtherBaseOrAnUnknownClassIsNotEnough() {
        Program p = program(type("loaders.Mixed", "yaml.SafeLoader", "yaml.UnsafeLoader"),
                type("loaders.Bare"), type("loaders.Loop", "loaders.Loop"));
        assertFalse(p.derivesOnlyFrom("loaders.Mixed", SAFE));
        assertFalse(p.derivesOnlyFrom("loaders.Bare", SAFE));
        assertFalse(p.derivesOnlyFrom("loaders.Loop", SAFE));
        assertFalse(p.derivesOnlyFrom("yaml.SafeLoader", SAFE));
        assertFalse(p.derivesOnlyFrom("loaders.Missing", SAFE));
    }
}

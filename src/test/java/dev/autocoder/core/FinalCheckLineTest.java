package dev.autocoder.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.autocoder.project.ProjectLayout;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the final check's line says about the reactor's modules that build on this one. */
class FinalCheckLineTest {

    private static final Path BASE = Path.of("/work/shop");

    private static ProjectLayout.BuildModel build(List<String> dependents, List<String> built) {
        return new ProjectLayout.BuildModel("<project/>", BASE.resolve("pricing/target"), "a:b:1", List.of(),
                dependents, built.stream().map(name -> new ProjectLayout.DependentBuild(name, "com.acme:" + name,
                        BASE.resolve(name), BASE.resolve(name + "/target"), "<project/>")).toList());
    }

    @Test
    void aModuleNoOtherBuildsOnAddsNothing() {
        assertEquals("", Autocoder.dependentsLine(build(List.of(), List.of())));
    }

    @Test
    void theLineNamesTheDependentsItBuiltAndThoseItLeftOut() {
        assertEquals(", and the compile and tests of the module(s) that depend on this one (storefront, web)",
                Autocoder.dependentsLine(build(List.of("storefront", "web"), List.of("storefront", "web"))));
        assertEquals(", and the compile and tests of the module(s) that depend on this one (storefront); the"
                + " other module(s) that depend on this one (admin) are not part of it: their compile and tests run when"
                + " your build builds them",
                Autocoder.dependentsLine(build(List.of("storefront", "admin"), List.of("storefront"))));
        assertEquals("; the module(s) that depend on this one (admin) are not part of it: their compile and tests"
                + " run when your build builds them", Autocoder.dependentsLine(build(List.of("admin"), List.of())));
    }
}

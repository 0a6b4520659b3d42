package dev.secreview.core.rule;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RewriteTest {

    private static final List<Rewrite> YAML = List.of(
            new Rewrite("\\bLoader\\s*=\\s*yaml\\.(?:Unsafe|Full)?Loader\\b", "Loader=yaml.SafeLoader"),
            new Rewrite("\\Ayaml\\.load\\((?=[^,]*\\)\\z)", "yaml.safe_load("));

    @Test
    void theFirstRewriteThatMatchesOnceGivesTheEdit() {
        String code = "yaml.load(stream, Loader=yaml.Loader)";

        Rewrite.Edit edit = Rewrite.firstIn(YAML, code).orElseThrow();

        assertEquals(new Rewrite.Edit(18, 36, "Loader=yaml.SafeLoader"), edit);
        assertEquals("yaml.load(stream, Loader=yaml.SafeLoader)", edit.applyTo(code));
        assertEquals("yaml.safe_load(stream)", Rewrite.firstIn(YAML, "yaml.load(stream)").orElseThrow()
                .applyTo("yaml.load(stream)"));
    }

    @Test
    void groupsAreReplacedLikeReplaceFirst() {
        Rewrite debug = new Rewrite("\\bdebug(\\s*)=(\\s*)True\\b", "debug$1=$2False");

        assertEquals("app.run(debug = False)", Rewrite.firstIn(List.of(debug), "app.run(debug = True)").orElseThrow()
                .applyTo("app.run(debug = True)"));
    }

    @Test
    void noMatchOrAnAmbiguousOneIsNoFix() {
        assertEquals(Optional.empty(), Rewrite.firstIn(YAML, "yaml.load(stream, yaml.Loader)"));
        assertEquals(Optional.empty(), Rewrite.firstIn(YAML, "f(Loader=yaml.Loader, other=g(Loader=yaml.Loader))"));
    }

    @Test
    void aBadPatternFailsWhenTheRuleIsDeclared() {
        assertThrows(RuntimeException.class, () -> new Rewrite("yaml.load(", "x"));
    }
}

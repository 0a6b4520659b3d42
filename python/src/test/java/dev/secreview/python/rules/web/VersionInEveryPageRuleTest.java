package dev.secreview.python.rules.web;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Finding;
import dev.secreview.core.model.Severity;
import dev.secreview.python.rules.RuleCheck;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A Django context processor is a function of an app's context_processors module; elsewhere it is a plain function. */
class VersionInEveryPageRuleTest {

    private static final String PROCESSORS = """
            from django.conf import settings

            from shop import __version__


            def site(request):
                return {"site_name": settings.SITE_NAME, "shop_version": __version__}


            def debug_info(request):
                if settings.DEBUG:
                    return {"shop_version": __version__}
                return {}
            """;

    @Test
    void aDjangoContextProcessorShowsTheVersionOnEveryPage() {
        Finding found = RuleCheck.only(new VersionInEveryPageRule(), "shop/context_processors.py", PROCESSORS);
        assertEquals(7, found.line());
        assertEquals(Severity.LOW, found.severity());
        assertEquals(Confidence.MEDIUM, found.confidence());
        assertEquals("shop/context_processors.py", found.path());
        assertTrue(found.message().startsWith("`site` hands every template the running version (`__version__`)"),
                found.message());
    }

    @Test
    void theSameFunctionsInAnotherModuleAreNotContextProcessors() {
        assertEquals(List.of(), RuleCheck.findings(new VersionInEveryPageRule(), "shop/views.py", PROCESSORS));
    }
}

package dev.secreview.python;

import dev.secreview.conformance.FrontEndUnderTest;
import dev.secreview.python.api.PythonRule;
import dev.secreview.python.taint.PythonModels;

/** The Python front end, as the conformance tests of every front end see it. */
final class PythonUnderTest {

    static final FrontEndUnderTest FRONT_END = new FrontEndUnderTest("py", "python", ".py", "#",
            "dev/secreview/python/rules", PythonRule.class.getName(), PythonFrontEnd.class,
            PythonFrontEnd.installedRules().stream().map(PythonRule::metadata).toList(),
            PythonFrontEnd.installedRules().stream().map(rule -> rule.getClass().getName()).toList(),
            id -> new PythonFrontEnd(PythonFrontEnd.installedRules().stream().filter(rule -> rule.metadata().id().equals(id)).toList()),
            PythonFrontEnd::new, PythonModels.get(), 20);

    private PythonUnderTest() {
    }
}

package dev.secreview.python;

import dev.secreview.conformance.FrontEndUnderTest;
import dev.secreview.conformance.PatternRuleConformance;

/** Every Python pattern rule: registered, documented, and its fixture's markers met. */
class PatternRulesTest extends PatternRuleConformance {

    @Override
    protected FrontEndUnderTest frontEnd() {
        return PythonUnderTest.FRONT_END;
    }
}

package dev.secreview.java;

import dev.secreview.conformance.FrontEndUnderTest;
import dev.secreview.conformance.PatternRuleConformance;

/** Every Java pattern rule: registered, documented, and its fixture's markers met. */
class PatternRulesTest extends PatternRuleConformance {

    @Override
    protected FrontEndUnderTest frontEnd() {
        return JavaUnderTest.FRONT_END;
    }
}

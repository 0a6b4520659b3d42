package dev.secreview.templates;

import dev.secreview.conformance.FrontEndUnderTest;
import dev.secreview.conformance.PatternRuleConformance;

/** Every template rule: registered, documented, and its fixture's markers met. */
class PatternRulesTest extends PatternRuleConformance {

    @Override
    protected FrontEndUnderTest frontEnd() {
        return TemplatesUnderTest.FRONT_END;
    }
}

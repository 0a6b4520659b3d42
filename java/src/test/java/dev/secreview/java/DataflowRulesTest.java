package dev.secreview.java;

import dev.secreview.conformance.DataflowRuleConformance;
import dev.secreview.conformance.FrontEndUnderTest;

/** Every Java dataflow rule: documented, and its fixture application's markers met through the whole pipeline. */
class DataflowRulesTest extends DataflowRuleConformance {

    @Override
    protected FrontEndUnderTest frontEnd() {
        return JavaUnderTest.FRONT_END;
    }
}

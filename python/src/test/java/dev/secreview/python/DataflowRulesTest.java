package dev.secreview.python;

import dev.secreview.conformance.DataflowRuleConformance;
import dev.secreview.conformance.FrontEndUnderTest;

/** Every Python dataflow rule: documented, and its fixture application's markers met through the whole pipeline. */
class DataflowRulesTest extends DataflowRuleConformance {

    @Override
    protected FrontEndUnderTest frontEnd() {
        return PythonUnderTest.FRONT_END;
    }
}

package dev.secreview.java;

import dev.secreview.conformance.FrontEndUnderTest;
import dev.secreview.java.api.JavaRule;
import dev.secreview.java.taint.JavaModels;

/** The Java front end, as the conformance tests of every front end see it. */
final class JavaUnderTest {

    static final FrontEndUnderTest FRONT_END = new FrontEndUnderTest("java", "java", ".java", "//",
            "dev/secreview/java/rules", JavaRule.class.getName(), JavaFrontEnd.class,
            JavaFrontEnd.installedRules().stream().map(JavaRule::metadata).toList(),
            JavaFrontEnd.installedRules().stream().map(rule -> rule.getClass().getName()).toList(),
            id -> new JavaFrontEnd(JavaFrontEnd.installedRules().stream().filter(rule -> rule.metadata().id().equals(id)).toList()),
            JavaFrontEnd::new, JavaModels.get(), 10);

    private JavaUnderTest() {
    }
}

package dev.secreview.conformance;

import dev.secreview.core.engine.LanguageFrontEnd;
import dev.secreview.core.rule.RuleMetadata;
import dev.secreview.dataflow.model.TaintModels;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What the conformance tests need to know of one language front end.
 *
 * @param language        the language its rules' metadata name ({@code py}, {@code java})
 * @param module          its module's folder, for messages ({@code python}, {@code java})
 * @param extension       its source files' extension, with the dot
 * @param comment         the comment its fixtures' markers start with ({@code #}, {@code //})
 * @param rulesPackage    the folder of its pattern rule classes ({@code dev/secreview/python/rules})
 * @param ruleService     the service its pattern rules are registered under
 * @param anchor          a class of the front end, to find its compiled classes
 * @param patternRules    its installed pattern rules, in order
 * @param ruleClasses     the class names of its installed pattern rules
 * @param withOnlyRule    a front end running only the pattern rule of this id
 * @param frontEnd        a front end with every rule
 * @param models          its models, whose kinds declare its dataflow rules
 * @param dataflowRules   how many dataflow rules it has (a change must update the docs and fixtures)
 */
public record FrontEndUnderTest(String language, String module, String extension, String comment, String rulesPackage,
                                String ruleService, Class<?> anchor, List<RuleMetadata> patternRules,
                                List<String> ruleClasses, Function<String, LanguageFrontEnd> withOnlyRule,
                                Supplier<LanguageFrontEnd> frontEnd, TaintModels models, int dataflowRules) {
}

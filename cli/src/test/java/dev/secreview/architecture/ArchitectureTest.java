package dev.secreview.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The module graph of docs/ARCHITECTURE.md, held on the compiled code of every module but the optional
 * {@code spark} (which nothing depends on): which module's code may use which, that a language front end uses
 * only {@code core} and {@code dataflow} and that no shared module but the audit (of Python and Java) names one, the layers
 * inside {@code dataflow} and the Python front end, and the one door of each language ({@code PythonFacade},
 * {@code JavaFacade}) through which the audit reaches its front end. A package {@code dev.secreview.X} that is not one of the shared modules
 * below is a language front end ({@code python} today): adding a language changes nothing here. A change that
 * breaks the picture fails here, not in review.
 */
@AnalyzeClasses(packages = "dev.secreview", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** Each shared module, by package, with the shared modules its main code may use (besides itself). */
    static final Map<String, Set<String>> SHARED = shared();

    private static Map<String, Set<String>> shared() {
        Map<String, Set<String>> uses = new LinkedHashMap<>();
        uses.put("core", Set.of());
        uses.put("dataflow", Set.of("core"));
        uses.put("report", Set.of("core"));
        uses.put("change", Set.of("core"));
        uses.put("project", Set.of("core", "report", "change"));
        uses.put("eval", Set.of("core", "report"));
        uses.put("conformance", Set.of("core", "dataflow", "eval"));
        uses.put("audit", Set.of("core", "report", "dataflow"));
        uses.put("llm", Set.of("core", "report", "audit"));
        uses.put("server", Set.of("core", "report", "audit"));
        uses.put("cli", Set.of("core", "report", "change", "project", "eval", "audit", "llm", "server"));
        return uses;
    }

    /** The one shared module that names languages: the audit of a written review reads Python and Java code. */
    private static final Map<String, Set<String>> LANGUAGE_USERS = Map.of("audit", Set.of("python", "java"));

    private static String[] packages(java.util.Collection<String> modules) {
        return modules.stream().map(module -> "dev.secreview." + module + "..").toArray(String[]::new);
    }

    /** A class of a language front end: of the project, in no shared module. */
    private static final DescribedPredicate<JavaClass> LANGUAGE_FRONT_END = resideInAPackage("dev.secreview..")
            .and(DescribedPredicate.not(resideInAnyPackage(packages(SHARED.keySet()))))
            .as("a language front end");

    @ArchTest
    static final ArchRule sharedModulesUseOnlyTheModulesTheArchitectureGivesThem = CompositeArchRule.of(moduleRules());

    private static List<ArchRule> moduleRules() {
        List<ArchRule> rules = new ArrayList<>();
        SHARED.forEach((module, allowed) -> {
            List<String> forbidden = new ArrayList<>();
            for (String other : SHARED.keySet()) {
                if (!other.equals(module) && !allowed.contains(other)) forbidden.add(other);
            }
            if (forbidden.isEmpty()) return;
            rules.add(noClasses().that().resideInAPackage("dev.secreview." + module + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(packages(forbidden))
                    .as(module + " uses only " + (allowed.isEmpty() ? "itself" : String.join(", ", allowed))
                            + " of the shared modules"));
        });
        return rules;
    }

    /** A language front end is built on the core and the shared dataflow, and nothing else of the project. */
    @ArchTest
    static final ArchRule languageFrontEndsUseOnlyCoreAndDataflow = noClasses().that(LANGUAGE_FRONT_END)
            .should().dependOnClassesThat().resideInAnyPackage(packages(SHARED.keySet().stream()
                    .filter(module -> !module.equals("core") && !module.equals("dataflow")).toList()))
            .as("a language front end uses only core and dataflow");

    /** A new language is a module beside {@code python}: nothing shared names one (but the Python audit, Python). */
    @ArchTest
    static final ArchRule sharedModulesNameNoLanguage = CompositeArchRule.of(SHARED.keySet().stream()
            .map(module -> noClasses().that().resideInAPackage("dev.secreview." + module + "..")
                    .should().dependOnClassesThat(LANGUAGE_USERS.containsKey(module)
                            ? LANGUAGE_FRONT_END.and(DescribedPredicate.not(
                                    resideInAnyPackage(packages(LANGUAGE_USERS.get(module)))))
                            : LANGUAGE_FRONT_END)
                    .as(module + " names no language front end"
                            + (LANGUAGE_USERS.containsKey(module) ? " but " + String.join(" and ", new TreeSet<>(LANGUAGE_USERS.get(module))) : "")))
            .map(ArchRule.class::cast).toList());

    @ArchTest
    static final ArchRule dataflowLayers = CompositeArchRule.of(List.of(
            noClasses().that().resideInAPackage("dev.secreview.dataflow.ir..").should().dependOnClassesThat()
                    .resideInAnyPackage("dev.secreview.dataflow.model..", "dev.secreview.dataflow.analysis..",
                            "dev.secreview.dataflow.review..")
                    .as("the IR is plain data: it uses no models, analysis or review"),
            noClasses().that().resideInAPackage("dev.secreview.dataflow.model..").should().dependOnClassesThat()
                    .resideInAnyPackage("dev.secreview.dataflow.ir..", "dev.secreview.dataflow.analysis..",
                            "dev.secreview.dataflow.review..")
                    .as("the models are data read from files: they use no IR, analysis or review"),
            noClasses().that().resideInAPackage("dev.secreview.dataflow.analysis..").should().dependOnClassesThat()
                    .resideInAPackage("dev.secreview.dataflow.review..")
                    .as("the analysis knows nothing of findings and pattern rules")));

    /** The pattern rules read the syntax tree and the semantic model; the dataflow side is the front end's own. */
    @ArchTest
    static final ArchRule pythonPatternRulesStayOffTheDataflow = noClasses()
            .that().resideInAnyPackage("dev.secreview.python.rules..", "dev.secreview.python.api..",
                    "dev.secreview.python.semantic..", "dev.secreview.python.tree..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.secreview.dataflow..",
                    "dev.secreview.python.lowering..", "dev.secreview.python.taint..")
            .as("pattern rules, their API, the semantic model and the tree use no dataflow");

    private static final DescribedPredicate<JavaClass> PYTHON_BEHIND_THE_FACADE = resideInAPackage("dev.secreview.python..")
            .and(DescribedPredicate.not(resideInAnyPackage("dev.secreview.python.tree..", "dev.secreview.python.semantic..")))
            .and(DescribedPredicate.not(JavaClass.Predicates.belongToAnyOf(
                    dev.secreview.python.PythonFacade.class)))
            .or(JavaClass.Predicates.belongToAnyOf(dev.secreview.python.tree.PythonParser.class))
            .as("the Python front end other than its facade, syntax tree and semantic model");

    /**
     * The audit reads Python code through the front end's syntax tree and semantic model, and reaches everything
     * else of the front end (parsing, the review, the dataflow, the models) through {@code PythonFacade}.
     */
    @ArchTest
    static final ArchRule auditReachesPythonThroughItsFacade = noClasses()
            .that().resideInAPackage("dev.secreview.audit..")
            .should().dependOnClassesThat(PYTHON_BEHIND_THE_FACADE)
            .as("the audit reaches the Python front end through PythonFacade");

    /** The audit reads Java code from JavaParser's tree, and reaches the Java front end through {@code JavaFacade} only. */
    @ArchTest
    static final ArchRule auditReachesJavaThroughItsFacade = noClasses()
            .that().resideInAPackage("dev.secreview.audit..")
            .should().dependOnClassesThat(resideInAPackage("dev.secreview.java..")
                    .and(DescribedPredicate.not(JavaClass.Predicates.belongToAnyOf(dev.secreview.java.JavaFacade.class))))
            .as("the audit reaches the Java front end through JavaFacade");
}

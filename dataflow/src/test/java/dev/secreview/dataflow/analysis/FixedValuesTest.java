package dev.secreview.dataflow.analysis;

import dev.secreview.dataflow.ir.ClassInfo;
import dev.secreview.dataflow.ir.Function;
import dev.secreview.dataflow.ir.Instruction;
import dev.secreview.dataflow.ir.SourceModule;
import dev.secreview.dataflow.model.TaintModels;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.secreview.dataflow.analysis.Ir.assign;
import static dev.secreview.dataflow.analysis.Ir.branch;
import static dev.secreview.dataflow.analysis.Ir.call;
import static dev.secreview.dataflow.analysis.Ir.classInfo;
import static dev.secreview.dataflow.analysis.Ir.concat;
import static dev.secreview.dataflow.analysis.Ir.constant;
import static dev.secreview.dataflow.analysis.Ir.element;
import static dev.secreview.dataflow.analysis.Ir.function;
import static dev.secreview.dataflow.analysis.Ir.global;
import static dev.secreview.dataflow.analysis.Ir.jump;
import static dev.secreview.dataflow.analysis.Ir.list;
import static dev.secreview.dataflow.analysis.Ir.loadAttribute;
import static dev.secreview.dataflow.analysis.Ir.loadItem;
import static dev.secreview.dataflow.analysis.Ir.local;
import static dev.secreview.dataflow.analysis.Ir.method;
import static dev.secreview.dataflow.analysis.Ir.module;
import static dev.secreview.dataflow.analysis.Ir.ret;
import static dev.secreview.dataflow.analysis.Ir.storeAttribute;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Values the program fixes although no single constant is written where they are used: class
 * attributes bound in subclasses of other modules or stored once in {@code __init__}, nested constant
 * tables, lists grown from constants in a loop. Each case ends in a sink whose verdict tells.
 */
class FixedValuesTest {

    private static final TaintModels MODELS = TaintModels.parse(List.of(new TaintModels.ModelFile("test.models", """
            kind  command  78  remote
            sink  command  os.system  0
            pure  *.join
            """ + TestLanguage.MODELS)));

    private static SinkVerdict verdictAt(int line, SourceModule... modules) {
        TaintResult result = new TaintEngine(new Program(List.of(modules)), MODELS, TestLanguage.INSTANCE).run();
        return result.verdicts().get(new TaintResult.Site("db/base.py", line, 78));
    }

    /** {@code Base.count(self)}: {@code os.system("SELECT * FROM %s" + self.db_type)} on line 3. */
    private static Function count() {
        return function("db.base.Base.count", 1, "self").owner("db.base.Base")
                .block(ret(4),
                        assign(2, "$1", loadAttribute(local("self"), "db_type")),
                        assign(3, "$2", call(global("os.system"), local("$1"))))
                .build();
    }

    private static SourceModule base(ClassInfo base, Function... more) {
        Function[] functions = new Function[more.length + 1];
        functions[0] = count();
        System.arraycopy(more, 0, functions, 1, more.length);
        return module("db.base", List.of(base), Map.of(), functions);
    }

    private static final ClassInfo BASE = classInfo("db.base.Base", List.of(), Map.of());

    private static SourceModule subclass(String module, String name, Map<String, Object> attributes, String... others) {
        return module(module, List.of(classInfo(module + "." + name, List.of("db.base.Base"), attributes, others)), Map.of());
    }

    @Test
    void attributeEverySubclassOfAnotherModuleBindsToALiteralIsFixed() {
        assertEquals(SinkVerdict.SAFE, verdictAt(3, base(BASE),
                subclass("db.account", "Account", Map.of("db_type", "account")),
                subclass("db.container", "Container", Map.of("db_type", "container"))));
    }

    @Test
    void attributeNothingBindsIsUnknown() {
        assertEquals(SinkVerdict.UNKNOWN, verdictAt(3, base(BASE), subclass("db.account", "Account", Map.of())));
    }

    @Test
    void attributeASubclassBindsToSomethingElseIsUnknown() {
        assertEquals(SinkVerdict.UNKNOWN, verdictAt(3, base(BASE),
                subclass("db.account", "Account", Map.of("db_type", "account")),
                subclass("db.container", "Container", Map.of(), "db_type")));
    }

    @Test
    void attributeABaseClassOutsideTheTreeMayBindIsUnknown() {
        ClassInfo derived = classInfo("db.base.Base", List.of("sqlalchemy.Model"), Map.of());
        assertEquals(SinkVerdict.UNKNOWN, verdictAt(3, base(derived)));
    }

    private static Function init(String owner, Instruction store) {
        return function(owner + ".__init__", 10, "self").owner(owner).block(ret(12), store).build();
    }

    @Test
    void attributeStoredOnceFromALiteralIsFixed() {
        assertEquals(SinkVerdict.SAFE, verdictAt(3, base(BASE,
                init("db.base.Base", storeAttribute(11, local("self"), "db_type", constant("account"))))));
    }

    @Test
    void attributeStoredFromAParameterAnywhereIsUnknown() {
        Function retype = function("db.admin.retype", 20, "broker", "kind")
                .block(ret(22), storeAttribute(21, local("broker"), "db_type", local("kind"))).build();
        assertEquals(SinkVerdict.UNKNOWN, verdictAt(3, base(BASE),
                subclass("db.account", "Account", Map.of("db_type", "account")), module("db.admin", retype)));
    }

    @Test
    void attributesSetByComputedNameInTheHierarchyAreUnknown() {
        Function load = function("db.base.Base.load", 30, "self", "key", "value").owner("db.base.Base")
                .block(ret(32), storeAttribute(31, local("self"), Instruction.StoreAttribute.ANY, local("value"))).build();
        assertEquals(SinkVerdict.UNKNOWN, verdictAt(3, base(BASE, load),
                subclass("db.account", "Account", Map.of("db_type", "account"))));
        // On an object of a type the analysis does not know, it counts for no class.
        Function options = function("db.cli.parse", 40, "args", "key")
                .block(ret(42), storeAttribute(41, local("args"), Instruction.StoreAttribute.ANY, local("key"))).build();
        assertEquals(SinkVerdict.SAFE, verdictAt(3, base(BASE),
                subclass("db.account", "Account", Map.of("db_type", "account")), module("db.cli", options)));
    }

    @Test
    void nestedConstantTablesAreReadElementByElement() {
        // for table, columns in TEXT_COLUMNS.items(): for column, nullable in columns: os.system(...)
        Map<String, Object> constants = Map.of("db.base.TEXT_COLUMNS",
                Map.of("nodes", List.of(List.of("extra", true)), "ports", List.of(List.of("info", false))));
        Function migrate = function("db.base.migrate", 1)
                .block(ret(9),
                        assign(2, "$pairs", method(global("db.base.TEXT_COLUMNS"), "items")),
                        assign(2, "$pair", element(local("$pairs"))),
                        assign(2, "table", loadItem(local("$pair"), constant(0L))),
                        assign(2, "columns", loadItem(local("$pair"), constant(1L))),
                        assign(3, "$column", element(local("columns"))),
                        assign(3, "column", loadItem(local("$column"), constant(0L))),
                        assign(4, "$sql", concat(constant("ALTER TABLE "), local("table"), constant(" MODIFY "), local("column"))),
                        assign(5, "$1", call(global("os.system"), local("$sql"))))
                .build();
        assertEquals(SinkVerdict.SAFE, verdictAt(5, module("db.base", List.of(), constants, migrate)));
    }

    @Test
    void aListGrownFromConstantsInALoopStaysFixed() {
        Function report = function("db.base.report", 1, "rows")
                .block(jump(1), assign(2, "columns", list()))
                .block(branch(local("rows"), 2, 3))
                .block(jump(1), assign(3, "$1", method(local("columns"), "append", constant("name"))))
                .block(ret(6),
                        assign(4, "$sql", method(constant(", "), "join", local("columns"))),
                        assign(5, "$2", call(global("os.system"), local("$sql"))))
                .build();
        assertEquals(SinkVerdict.SAFE, verdictAt(5, module("db.base", report)));
    }

    @Test
    void aConstantTableReadWithAnyKeyGivesOneOfItsValues() {
        Function pick = function("db.base.pick", 1, "kind")
                .block(ret(4),
                        assign(2, "$table", loadItem(global("db.base.TABLES"), local("kind"))),
                        assign(3, "$1", call(global("os.system"), local("$table"))))
                .build();
        Map<String, Object> constants = Map.of("db.base.TABLES", List.of("nodes", "ports"));
        assertEquals(SinkVerdict.SAFE, verdictAt(3, module("db.base", List.of(), constants, pick)));
    }
}

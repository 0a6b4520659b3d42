package dev.secreview.python.semantic;

import dev.secreview.core.model.SourceFile;
import dev.secreview.python.tree.PyNode;
import dev.secreview.python.tree.PythonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PythonFileTest {

    private static PythonFile file(String code) {
        return file("m.py", code);
    }

    private static PythonFile file(String path, String code) {
        return new PythonFile(new PythonParser().parse(new SourceFile(Path.of(path), path, code)));
    }

    private static List<PyNode> nodes(PythonFile file, String type) {
        List<PyNode> found = new ArrayList<>();
        file.root().forEachDescendant(n -> {
            if (n.is(type)) found.add(n);
        });
        return found;
    }

    /** The only call whose source text is {@code text}. */
    private static PyNode call(PythonFile file, String text) {
        List<PyNode> found = nodes(file, "call").stream().filter(n -> n.text().equals(text)).toList();
        assertEquals(1, found.size(), () -> "expected one call " + text + " but found " + found);
        return found.get(0);
    }

    /** The qualified name of the function called by the only call written {@code text}. */
    private static String callee(PythonFile file, String text) {
        return file.qualifiedName(call(file, text).field("function"));
    }

    private static String callee(String code, String text) {
        return callee(file(code), text);
    }

    @Test
    void importDottedModuleBindsItsFirstName() {
        PythonFile f = file("import a.b\na.b.f(x)\na.g(y)\n");
        assertEquals("a.b.f", callee(f, "a.b.f(x)"));
        assertEquals("a.g", callee(f, "a.g(y)"));
        List<Binding> a = f.resolve("a", call(f, "a.g(y)"));
        assertEquals(1, a.size());
        assertEquals(Binding.Kind.IMPORT, a.get(0).kind());
        assertEquals("a", a.get(0).qualifiedName());
        assertTrue(f.resolve("b", call(f, "a.g(y)")).isEmpty());
    }

    @Test
    void importWithAlias() {
        assertEquals("a.b.f", callee("import a.b as c\nc.f(x)\n", "c.f(x)"));
        assertEquals("hashlib.md5", callee("import hashlib as h\nh.md5(x)\n", "h.md5(x)"));
        assertEquals("subprocess.run", callee("import os, subprocess as sp\nsp.run(x)\n", "sp.run(x)"));
    }

    @Test
    void fromImportWithAlias() {
        PythonFile f = file("from subprocess import Popen as P, call\nP(x)\ncall(y)\nPopen(z)\n");
        assertEquals("subprocess.Popen", callee(f, "P(x)"));
        assertEquals("subprocess.call", callee(f, "call(y)"));
        assertNull(callee(f, "Popen(z)"), "only the alias is bound");
    }

    @Test
    void fromDottedModuleImport() {
        assertEquals("a.b.c", callee("from a.b import c\nc(x)\n", "c(x)"));
        assertEquals("xml.etree.ElementTree.parse",
                callee("from xml.etree import ElementTree\nElementTree.parse(x)\n", "ElementTree.parse(x)"));
        assertEquals("os.path.join", callee("from os import (path,\n    sep)\npath.join(a)\n", "path.join(a)"));
    }

    @Test
    void relativeImportWithModuleName() {
        assertEquals(".utils.run", callee("from .utils import run\nrun(x)\n", "run(x)"));
        assertEquals("..pkg.mod.f", callee("from ..pkg import mod\nmod.f(x)\n", "mod.f(x)"));
    }

    @Test
    void relativeImportOfPackageMember() {
        assertEquals(".views.render", callee("from . import views\nviews.render(x)\n", "views.render(x)"));
        assertEquals("..views.render", callee("from .. import views\nviews.render(x)\n", "views.render(x)"));
    }

    @Test
    void wildcardImportBindsNothing() {
        PythonFile f = file("from os import *\nsystem(x)\n");
        assertNull(callee(f, "system(x)"));
    }

    @Test
    void importsSeesWildcardImport() {
        assertTrue(file("from pickle import *\nloads(x)\n").imports("pickle"));
    }

    @Test
    void builtinsResolveToTheirPlainName() {
        PythonFile f = file("eval(x)\nexec(y)\nopen(p)\n__import__(m)\nunknown(z)\n");
        assertEquals("eval", callee(f, "eval(x)"));
        assertEquals("exec", callee(f, "exec(y)"));
        assertEquals("open", callee(f, "open(p)"));
        assertEquals("__import__", callee(f, "__import__(m)"));
        assertNull(callee(f, "unknown(z)"));
    }

    @Test
    void shadowedBuiltinIsNotTheBuiltin() {
        assertNull(callee("def eval(s):\n    return s\neval(x)\n", "eval(x)"));
        assertNull(callee("class open:\n    pass\nopen(x)\n", "open(x)"));
        assertNull(callee("eval = lambda s: s\neval(x)\n", "eval(x)"));
        assertEquals("mylib.eval", callee("from mylib import eval\neval(x)\n", "eval(x)"));
    }

    @Test
    void localShadowOnlyAffectsItsFunction() {
        PythonFile f = file("""
                def f(eval):
                    eval(a)
                def g():
                    eval(b)
                """);
        assertNull(callee(f, "eval(a)"));
        assertEquals("eval", callee(f, "eval(b)"));
    }

    @Test
    void parameterNamedLikeAModuleIsNotTheModule() {
        PythonFile f = file("""
                import subprocess
                def f(subprocess):
                    subprocess.run(a)
                def g(x, *subprocess):
                    subprocess.run(b)
                def h(x, subprocess: object = None):
                    subprocess.run(c)
                handler = lambda subprocess: subprocess.run(d)
                subprocess.run(e)
                """);
        assertNull(callee(f, "subprocess.run(a)"));
        assertNull(callee(f, "subprocess.run(b)"));
        assertNull(callee(f, "subprocess.run(c)"));
        assertNull(callee(f, "subprocess.run(d)"));
        assertEquals("subprocess.run", callee(f, "subprocess.run(e)"));
        List<Binding> bindings = f.resolve("subprocess", call(f, "subprocess.run(a)"));
        assertEquals(List.of(Binding.Kind.PARAMETER), bindings.stream().map(Binding::kind).toList());
    }

    @Test
    void instanceCallsAreWrittenWithParentheses() {
        PythonFile f = file("""
                import requests
                s = requests.Session()
                s.get(url)
                requests.Session().post(url)
                t = requests.Session(verify=False)
                """);
        assertEquals("requests.Session().get", callee(f, "s.get(url)"));
        assertEquals("requests.Session().post", callee(f, "requests.Session().post(url)"));
        assertEquals("requests.Session", callee(f, "requests.Session(verify=False)"));
    }

    @Test
    void chainedCalls() {
        PythonFile f = file("import hashlib\ndigest = hashlib.md5(x).hexdigest()\n");
        assertEquals("hashlib.md5().hexdigest", callee(f, "hashlib.md5(x).hexdigest()"));
        assertEquals("hashlib.md5", callee(f, "hashlib.md5(x)"));
    }

    @Test
    void aliasesOfAliases() {
        PythonFile f = file("""
                import os
                run = os.system
                go = run
                go(cmd)
                (os.popen)(cmd)
                """);
        assertEquals("os.system", callee(f, "go(cmd)"));
        assertEquals("os.popen", callee(f, "(os.popen)(cmd)"));
    }

    @Test
    void nameReassignedToDifferentThingsIsUnknown() {
        PythonFile f = file("""
                import os, subprocess
                run = os.system
                run = subprocess.call
                run(cmd)
                """);
        assertNull(callee(f, "run(cmd)"));
    }

    @Test
    void nameReassignedToTheSameThingResolves() {
        assertEquals("os.system", callee("import os\nrun = os.system\nrun = os.system\nrun(cmd)\n", "run(cmd)"));
    }

    @Test
    void conditionalImportOfDifferentModulesIsUnknown() {
        PythonFile f = file("""
                try:
                    import json
                except ImportError:
                    import simplejson as json
                json.loads(x)
                """);
        assertNull(callee(f, "json.loads(x)"));
        assertEquals(2, f.resolve("json", call(f, "json.loads(x)")).size());
    }

    /** The candidate names of the last expression statement's expression. */
    private static Set<String> candidates(String code) {
        PythonFile f = file(code);
        List<PyNode> statements = nodes(f, "expression_statement");
        return f.qualifiedNames(statements.get(statements.size() - 1).namedChildren().get(0));
    }

    @Test
    void candidatesOfConditionalImportsAndAssignments() {
        assertEquals(Set.of("json.loads", "simplejson.loads"), candidates("""
                try:
                    import json
                except ImportError:
                    import simplejson as json
                json.loads
                """));
        assertEquals(Set.of("yaml.CSafeLoader", "yaml.SafeLoader"), candidates("""
                import yaml
                if hasattr(yaml, "CSafeLoader"):
                    base = yaml.CSafeLoader
                else:
                    base = yaml.SafeLoader
                base
                """));
    }

    @Test
    void candidatesOfGetattrWithAConstantName() {
        assertEquals(Set.of("yaml.CSafeLoader", "yaml.SafeLoader"),
                candidates("import yaml\nloader = getattr(yaml, 'CSafeLoader', yaml.SafeLoader)\nloader\n"));
        assertEquals(Set.of("os.system"), candidates("import os\ngetattr(os, 'system')\n"));
        assertEquals(Set.of(), candidates("import os\ngetattr(os, name)\n"));
    }

    @Test
    void candidatesAreEmptyWhenOneIsUnknown() {
        assertEquals(Set.of(), candidates("""
                import yaml
                if fast:
                    base = yaml.SafeLoader
                else:
                    base = make_loader
                base
                """));
        assertEquals(Set.of(), candidates("import yaml\nloader = getattr(yaml, 'CSafeLoader', other)\nloader\n"));
    }

    @Test
    void nameReboundByLoopOrWithIsUnknown() {
        PythonFile f = file("""
                import os
                for os in things:
                    pass
                os.system(a)
                """);
        assertNull(callee(f, "os.system(a)"));
        PythonFile g = file("import os\nwith ctx() as os:\n    os.system(b)\n");
        assertNull(callee(g, "os.system(b)"));
    }

    @Test
    void cyclicAssignmentsDoNotRecurseForever() {
        PythonFile f = file("a = b\nb = a\na(x)\nc = c.d\nc(y)\n");
        assertNull(callee(f, "a(x)"));
        assertNull(callee(f, "c(y)"));
    }

    @Test
    void classBodyIsNotVisibleFromMethods() {
        PythonFile f = file("""
                class A:
                    import subprocess as sp
                    sp.run(a)
                    def m(self):
                        sp.run(b)
                """);
        assertEquals("subprocess.run", callee(f, "sp.run(a)"));
        assertNull(callee(f, "sp.run(b)"));
    }

    @Test
    void classAttributeDoesNotShadowModuleNameInMethods() {
        PythonFile f = file("""
                import os
                class A:
                    os = None
                    def m(self):
                        os.system(b)
                """);
        assertEquals("os.system", callee(f, "os.system(b)"));
    }

    @Test
    void importsInsideFunctionsAreLocal() {
        PythonFile f = file("""
                def f():
                    import subprocess
                    subprocess.run(a)
                    def inner():
                        subprocess.run(b)
                def g():
                    subprocess.run(c)
                """);
        assertEquals("subprocess.run", callee(f, "subprocess.run(a)"));
        assertEquals("subprocess.run", callee(f, "subprocess.run(b)"), "enclosing function scopes are visible");
        assertNull(callee(f, "subprocess.run(c)"));
        assertTrue(f.imports("subprocess"));
    }

    @Test
    void decoratorsAndDefinitionNamesBelongToTheEnclosingScope() {
        PythonFile f = file("""
                import app
                @app.route(path)
                def handler(app):
                    app.run(x)
                """);
        assertEquals("app.route", callee(f, "app.route(path)"));
        assertNull(callee(f, "app.run(x)"));
        PyNode def = nodes(f, "function_definition").get(0);
        assertSame(f.root(), f.scopeOf(def.field("name")).node());
        assertSame(def, f.scopeOf(call(f, "app.run(x)")).node());
        assertEquals("handler", f.scopeOf(call(f, "app.run(x)")).functionName());
        assertSame(def, f.enclosingFunction(call(f, "app.run(x)")));
        assertNull(f.enclosingFunction(call(f, "app.route(path)")));
        assertEquals(List.of(Binding.Kind.DEFINITION),
                f.resolve("handler", call(f, "app.route(path)")).stream().map(Binding::kind).toList());
    }

    @Test
    void resolveReportsBindingKindsAndValues() {
        PythonFile f = file("""
                import os
                x = "a"
                y: str = "b"
                z += 1
                a, b = pair
                if (w := compute()):
                    pass
                def fn(p, q=3):
                    return p
                use()
                """);
        PyNode at = call(f, "use()");
        assertEquals(Binding.Kind.IMPORT, f.resolve("os", at).get(0).kind());
        Binding x = f.resolve("x", at).get(0);
        assertEquals(Binding.Kind.ASSIGNMENT, x.kind());
        assertEquals("\"a\"", x.value().text());
        assertEquals("\"b\"", f.resolve("y", at).get(0).value().text());
        assertEquals(Binding.Kind.OTHER, f.resolve("z", at).get(0).kind());
        assertEquals(Binding.Kind.OTHER, f.resolve("a", at).get(0).kind());
        assertEquals(Binding.Kind.OTHER, f.resolve("b", at).get(0).kind());
        assertEquals("compute()", f.resolve("w", at).get(0).value().text());
        assertEquals(Binding.Kind.DEFINITION, f.resolve("fn", at).get(0).kind());
        assertTrue(f.resolve("p", at).isEmpty(), "parameters are not visible outside the function");
        PyNode ret = nodes(f, "return_statement").get(0);
        Binding q = f.resolve("q", ret).get(0);
        assertEquals(Binding.Kind.PARAMETER, q.kind());
        assertEquals("3", q.value().text());
    }

    @Test
    void chainedAssignmentBindsEveryTarget() {
        PythonFile f = file("import os\na = b = os.system\na(x)\nb(y)\n");
        assertEquals("os.system", callee(f, "a(x)"));
        assertEquals("os.system", callee(f, "b(y)"));
    }

    @Test
    void operandOnTheRightOfAnAssignmentIsNotBound() {
        PythonFile f = file("""
                import os
                prefix = "ls "
                cmd = prefix + user
                ok = os or fallback
                use()
                """);
        PyNode at = call(f, "use()");
        assertEquals(1, f.resolve("prefix", at).size(), () -> f.resolve("prefix", at).toString());
        assertTrue(f.resolve("user", at).isEmpty(), () -> f.resolve("user", at).toString());
        assertEquals(1, f.resolve("os", at).size(), () -> f.resolve("os", at).toString());
    }

    @Test
    void chainedAssignmentBindsEachTargetOnce() {
        PythonFile f = file("a = b = c = 1\nuse()\n");
        PyNode at = call(f, "use()");
        assertEquals(1, f.resolve("a", at).size());
        assertEquals(1, f.resolve("b", at).size(), () -> f.resolve("b", at).toString());
        assertEquals(1, f.resolve("c", at).size(), () -> f.resolve("c", at).toString());
    }

    @Test
    void importsFindsModulesAndSubmodules() {
        PythonFile f = file("""
                import os
                from xml.etree import ElementTree
                from Crypto.Cipher import AES as C
                def f():
                    import pickle as pk
                """);
        assertTrue(f.imports("os"));
        assertTrue(f.imports("xml"));
        assertTrue(f.imports("xml.etree"));
        assertTrue(f.imports("xml.etree.ElementTree"));
        assertTrue(f.imports("Crypto.Cipher"));
        assertTrue(f.imports("Crypto.Cipher.AES"));
        assertTrue(f.imports("pickle"));
        assertFalse(f.imports("o"), "a prefix that is not a whole module name");
        assertFalse(f.imports("xml.dom"));
        assertFalse(f.imports("subprocess"));
        assertFalse(f.imports("AES"));
    }

    @Test
    void importsWithoutAnyImport() {
        PythonFile f = file("x = 1\n");
        assertFalse(f.imports("os"));
    }

    @Test
    void importsSeesDottedImportStatement() {
        PythonFile f = file("import xml.etree.ElementTree\nimport os.path\n");
        assertTrue(f.imports("xml.etree.ElementTree"));
        assertTrue(f.imports("xml.etree"));
        assertTrue(f.imports("os.path"));
    }

    @Test
    void importsSeesDottedImportWithAlias() {
        PythonFile f = file("import xml.etree.ElementTree as ET\n");
        assertTrue(f.imports("xml.etree.ElementTree"));
        assertTrue(f.imports("xml.etree"));
        assertTrue(f.imports("xml"));
    }

    @ParameterizedTest
    @CsvSource({
            "test_views.py, true",
            "pkg/test_views.py, true",
            "views_test.py, true",
            "conftest.py, true",
            "pkg/tests/views.py, true",
            "tests/views.py, true",
            "src/test/views.py, true",
            "views.py, false",
            "pkg/views.py, false",
            "testing.py, false",
            "contest.py, false",
            "latest/views.py, false",
            "pkg/attest_x.py, false",
            "pkg/test_data/views.py, false",
    })
    void isTestFile(String path, boolean expected) {
        assertEquals(expected, file(path, "x = 1\n").isTestFile(), path);
    }

    @Test
    void isTestFileForTopLevelTestDirectory() {
        assertTrue(file("test/views.py", "x = 1\n").isTestFile());
    }
}

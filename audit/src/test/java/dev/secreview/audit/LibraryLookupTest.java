package dev.secreview.audit;

import dev.secreview.core.model.SourceFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static dev.secreview.audit.Verdict.UNKNOWN_SYMBOL;
import static dev.secreview.audit.Verdict.UNSUPPORTED;
import static dev.secreview.audit.Verdict.UNVERIFIED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The APIs a claim's fix names, looked up in the stand-in library path of the tests (parsed, never imported):
 * through re-exports, relative imports, base classes in other modules, star imports and aliases.
 */
class LibraryLookupTest {

    private static final String CODE = """
            import sqlite3

            from flask import Flask, request

            app = Flask(__name__)


            @app.route("/notes/<name>")
            def note(name, token):
                db = sqlite3.connect("notes.db")
                if token == app.secret_key:
                    return str(db.execute("SELECT body FROM notes WHERE name = '" + name + "'").fetchall())
                return request.args.get("next", "/")
            """;
    private static final String CLAIM = "1. CWE-89 (SQL Injection), line 12: `name` is pasted into the query.\n   Fix: ";

    static Stream<Arguments> fixes() {
        return Stream.of(
                Arguments.of("bind it with `db.execute(\"... WHERE name = ?\", (name,))`.", null,
                        "the static review reports it: module.py:12 `return str(db.execute(\"SELECT body FROM notes WHERE name ...` "
                                + "py-sql-injection (CWE-89, high confidence)"),
                Arguments.of("compare the token with `hmac.compare_digest()`.", null,
                        "the fix's `hmac.compare_digest` is defined on line 8 of hmac.py (library)"),
                Arguments.of("compare the token with `hmac.safe_compare()`.", UNKNOWN_SYMBOL,
                        "the fix names `hmac.safe_compare`, which does not exist: hmac.py (library) defines no `safe_compare`"),
                Arguments.of("restrict access with `SomeLibraryClass.set_permission()`.", UNKNOWN_SYMBOL,
                        "the fix names `SomeLibraryClass.set_permission`, which does not exist: `SomeLibraryClass` is defined in no "
                                + "module of the tree or of the library path (library)"),
                Arguments.of("wrap the output in `Markup.striptags()`.", null,
                        "the fix's `Markup.striptags` is defined on line 5 in class `Markup` (line 4 of markupsafe/__init__.py (library))"),
                Arguments.of("clean it with `bleach.clean(name)`.", UNVERIFIED,
                        "the fix names `bleach.clean`: `bleach` is not a module of the tree or of the library path (library), so "
                                + "`bleach.clean` could not be checked"),
                Arguments.of("```python\nfrom werkzeug.security import safe_join\npath = safe_join(BASE, name)\n```", null,
                        "the fix's `werkzeug.security.safe_join` is defined on line 4 of werkzeug/security.py (library)"),
                Arguments.of("```python\nfrom werkzeug.utils import safe_join\npath = safe_join(BASE, name)\n```", UNKNOWN_SYMBOL,
                        "the fix names `werkzeug.utils.safe_join`, which does not exist: werkzeug/utils.py (library) defines no "
                                + "`safe_join`"),
                Arguments.of("read the JSON body with `flask.Request.get_json()`.", null,
                        "the fix's `flask.Request.get_json` is defined on line 17 in class `Request` (line 4 of "
                                + "werkzeug/wrappers/request.py (library))"),
                Arguments.of("read it with `flask.Request.get_safe_arg()`.", UNKNOWN_SYMBOL,
                        "the fix names `flask.Request.get_safe_arg`, which does not exist: class `Request` (line 5 of "
                                + "flask/wrappers.py (library)) and its base classes define no `get_safe_arg`"),
                Arguments.of("use `request.args.get_int()`.", null,
                        "the fix's `request.args.get_int` is defined on line 3 of flask/globals.py (library)"),
                Arguments.of("check it with `sqlite3.complete_statement(query)` first.", null,
                        "the fix's `sqlite3.complete_statement` is in _sqlite3 (a compiled module in library), whose code cannot be read"),
                Arguments.of("```python\nimport hmac as h\nif h.compare_digest(token, expected):\n    pass\n```", null,
                        "the fix's `hmac.compare_digest` is defined on line 8 of hmac.py (library)"),
                Arguments.of("build the path with `os.path.join(BASE, name)`.", null,
                        "the fix's `os.path.join` is defined on line 4 of posixpath.py (library)"));
    }

    @ParameterizedTest
    @MethodSource("fixes")
    void theApisAFixNames(String fix, Verdict failure, String evidence) {
        AuditedClaim audited = Fixtures.only(Fixtures.audit(Fixtures.source("module.py", CODE), CLAIM + fix));
        assertEquals(failure == null ? Verdict.SUPPORTED : failure, audited.verdict(), () -> audited.evidence().toString());
        assertTrue(audited.evidence().contains(evidence), () -> audited.evidence() + " lacks: " + evidence);
    }

    @Test
    void withoutALibraryPathALibraryCannotBeChecked() {
        SourceFile code = Fixtures.source("module.py", CODE);
        AuditInput input = AuditInput.of(code, List.of(), LibraryPath.none(), Set.of("remote"));
        AuditedClaim audited = Fixtures.only(Fixtures.AUDITOR.audit(input, Fixtures.PARSER.parse(CLAIM
                + "compare the token with `hmac.compare_digest()`.")));
        assertEquals(UNVERIFIED, audited.verdict());
        assertEquals("the fix names `hmac.compare_digest`: `hmac` is not a module of the tree, and there is no library path "
                + "to look for it in", audited.evidence().get(audited.evidence().size() - 1));
    }

    @Test
    void aModuleOfTheTreeIsFoundByTheEndOfItsPath() {
        SourceFile helpers = new SourceFile(Path.of("web/helpers.py"), "web/helpers.py", "def owner_of(note):\n    return None\n");
        SourceFile code = new SourceFile(Path.of("web/notes.py"), "web/notes.py", "from web import helpers\n\n\n"
                + "def show(note):\n    return helpers.owner_of(note)\n");
        AuditInput input = AuditInput.of(code, List.of(helpers), LibraryPath.none(), Set.of("remote"));
        List<AuditedClaim> audited = Fixtures.AUDITOR.audit(input, Fixtures.PARSER.parse("""
                1. CWE-639, line 5: `show` trusts `helpers.owner_of` and `helpers.owner_or_admin`.
                """)).claims();
        assertEquals(UNKNOWN_SYMBOL, audited.get(0).verdict());
        assertEquals("`helpers.owner_or_admin` does not exist: web/helpers.py (tree) defines no `owner_or_admin`",
                audited.get(0).evidence().get(audited.get(0).evidence().size() - 1));
    }

    @Test
    void thePythonOnThePathIsFoundBesideItsLibraries(@TempDir Path dir) throws IOException {
        Path prefix = dir.resolve("python");
        Path bin = Files.createDirectories(prefix.resolve("bin"));
        Path python = Files.writeString(bin.resolve("python3"), "#!/bin/sh\nexit 1\n");
        python.toFile().setExecutable(true);
        Path stdlib = Files.createDirectories(prefix.resolve("lib/python3.12"));
        Path sitePackages = Files.createDirectories(stdlib.resolve("site-packages"));
        Path linkFolder = Files.createDirectories(dir.resolve("links"));
        Files.createSymbolicLink(linkFolder.resolve("python3"), python);

        LibraryPath found = LibraryPath.ofPythonOnPath(dir.resolve("empty") + java.io.File.pathSeparator + linkFolder);

        assertEquals(List.of(stdlib.toRealPath(), sitePackages.toRealPath()), found.roots());
    }

    @Test
    void aClassNamedWithoutItsModuleIsFoundInTheLibraryNotInItsTests(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("tests"));
        Files.createDirectories(dir.resolve("tokens"));
        Files.writeString(dir.resolve("tests/test_tokens.py"), "class Signer:\n    def sign_all(self):\n        pass\n");
        Files.writeString(dir.resolve("tokens/signing.py"), "class Signer:\n    def sign(self, data):\n        return data\n");
        SourceFile code = Fixtures.source("module.py", CODE);
        AuditInput input = AuditInput.of(code, List.of(), LibraryPath.of(List.of(dir)), Set.of("remote"));

        List<AuditedClaim> audited = Fixtures.AUDITOR.audit(input, Fixtures.PARSER.parse(CLAIM + "sign it with `Signer.sign()`.\n"
                + "2. CWE-89 (SQL Injection), line 12: `name` is pasted into the query.\n   Fix: use `Signer.sign_all()`.")).claims();

        assertTrue(audited.get(0).evidence().contains("the fix's `Signer.sign` is defined on line 2 in class `Signer` (line 1 of "
                + "tokens/signing.py (" + dir.getFileName() + "))"), audited.get(0).evidence()::toString);
        assertEquals(UNKNOWN_SYMBOL, audited.get(1).verdict(), audited.get(1).evidence()::toString);
    }

    @Test
    void noPythonOnThePathNoLibraries(@TempDir Path dir) {
        assertTrue(LibraryPath.ofPythonOnPath(dir.toString()).isEmpty());
        assertTrue(LibraryPath.ofPythonOnPath(null).isEmpty());
    }

    @Test
    void aFixThatOnlyUsesTheFilesOwnVariablesNamesNoApi() {
        AuditedClaim audited = Fixtures.only(Fixtures.audit(Fixtures.source("module.py", CODE), CLAIM
                + "```python\ncursor = db.cursor()\ncursor.execute(\"SELECT body FROM notes WHERE name = ?\", (name,))\n```"));
        assertEquals(Verdict.SUPPORTED, audited.verdict());
        assertTrue(audited.evidence().stream().noneMatch(e -> e.contains("the fix")), audited.evidence()::toString);
    }

    @Test
    void anUnsupportedClaimStillHasItsFixChecked() {
        AuditedClaim audited = Fixtures.only(Fixtures.audit(Fixtures.source("module.py", CODE),
                "1. CWE-352, line 13: the route answers without a CSRF token.\n   Fix: compare a token with `hmac.compare_digest()`."));
        assertEquals(UNSUPPORTED, audited.verdict(), audited.evidence()::toString);
        assertTrue(audited.evidence().contains("the fix's `hmac.compare_digest` is defined on line 8 of hmac.py (library)"));
    }
}

package dev.secreview.audit;

import dev.secreview.core.model.SourceFile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static dev.secreview.audit.Verdict.CONTRADICTED;
import static dev.secreview.audit.Verdict.SUPPORTED;
import static dev.secreview.audit.Verdict.UNSUPPORTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fact checkers that read more than one declaration or call: how names are used, what kind of thing a
 * name is, whether a function compares, what an option's help text says a value means, and whether a kind of
 * tainted-data defect can happen at all. Each with claims it refutes and claims it confirms or leaves alone.
 */
class CodeFactsTest {

    private static final String USAGE = """
            import json
            import os

            from oslo_config import cfg

            CONF = cfg.CONF

            api_opts = [cfg.IntOpt("workers", default=4)]
            old_opts = [cfg.StrOpt("legacy")]


            def register_opts(conf):
                conf.register_opts(api_opts, group="api")


            def list_opts():
                return [("api", api_opts)]


            def _helper(data):
                return json.dumps(data)


            def _unused_helper():
                return 1


            def render(data):
                return _helper(data)
            """;
    private static final String KINDS = """
            from oslo_config import cfg

            group = cfg.OptGroup(name="api")
            opts = [cfg.IntOpt("workers")]
            PATHS = ("/a", "/b")
            """;
    private static final String OPERATIONS = """
            def by_group(groups):
                return {name: opts for name, opts in groups}


            def matches(token, expected):
                return token == expected
            """;
    private static final String MEANINGS = """
            from oslo_config import cfg

            opts = [
                cfg.IntOpt("retries", default=3, min=0,
                           help="Times a failed call is retried; 0 means it is never retried."),
                cfg.IntOpt("timeout", default=0, min=0,
                           help="Seconds to wait; 0 means no limit."),
                cfg.IntOpt("interval", default=5, min=1, max=60,
                           help="Seconds between polls."),
            ]
            """;
    private static final String QUERIES = """
            import sqlite3

            from flask import Flask, request

            app = Flask(__name__)


            @app.route("/notes/<int:note_id>")
            def show(note_id):
                db = sqlite3.connect("notes.db")
                return str(db.execute("SELECT body FROM notes WHERE id = ?", (note_id,)).fetchone())


            @app.route("/search")
            def search():
                db = sqlite3.connect("notes.db")
                return str(db.execute("SELECT id FROM notes WHERE title = '" + request.args["q"] + "'").fetchall())
            """;

    static Stream<Arguments> claims() {
        return Stream.of(
                // usage: uses, calls, registrations, framework hooks
                Arguments.of(USAGE, "1. CWE-1164: `api_opts` is defined but never registered.",
                        CONTRADICTED, "module.py:13 `conf.register_opts(api_opts, group=\"api\")` registers `api_opts`"),
                Arguments.of(USAGE, "1. CWE-1164: `old_opts` is defined but never registered.",
                        SUPPORTED, "the register calls on line 13 do not register `old_opts`, and no other call does"),
                Arguments.of(USAGE, "1. CWE-561: `list_opts` is never called anywhere, so it is dead code.",
                        CONTRADICTED, "`list_opts` is a module-level function of an options module: oslo-config-generator and "
                                + "the sample configuration call it through the oslo.config.opts entry point"),
                Arguments.of(USAGE, "1. CWE-561: the helper `_helper` is never used.",
                        CONTRADICTED, "module.py:29 `return _helper(data)` uses `_helper`"),
                Arguments.of(USAGE, "1. CWE-561: `_unused_helper` is never called.",
                        SUPPORTED, "`_unused_helper` is on line 24 only, and nothing in the file uses it"),
                Arguments.of(USAGE, "1. CWE-1164: `json` is imported but never used.",
                        CONTRADICTED, "module.py:21 `return json.dumps(data)` uses `json`"),
                Arguments.of(USAGE, "1. CWE-252: the result of `_helper()` is never used on line 29.",
                        UNSUPPORTED, "the static review reports no CWE-252 finding, nor any under its pillar CWE-703, within 2 "
                                + "lines of line 29"),
                Arguments.of(USAGE, "1. Dead import (CWE-1164): unused import `os`.",
                        SUPPORTED, "`os` is on line 2 only, and nothing in the file uses it"),
                // the kind of a name
                Arguments.of(KINDS, "1. CWE-1164: `group` is a list of options that is registered twice.",
                        CONTRADICTED, "module.py:3 `group = cfg.OptGroup(name=\"api\")` makes `group` an instance of "
                                + "oslo_config.cfg.OptGroup, not a list"),
                Arguments.of(KINDS, "1. CWE-471: `PATHS` is a mutable list any caller can extend.",
                        CONTRADICTED, "module.py:5 `PATHS = (\"/a\", \"/b\")` makes `PATHS` a tuple, not a list"),
                Arguments.of(KINDS, "1. CWE-1164: `opts` is a list of options that is registered twice.",
                        UNSUPPORTED, "the static review reports no CWE-1164 finding, nor any under its pillar CWE-710, within 2 "
                                + "lines of line 4"),
                // operations a function performs
                Arguments.of(OPERATIONS, "1. CWE-697: `by_group` compares the group names incorrectly.",
                        CONTRADICTED, "module.py:1 `def by_group(groups):` makes no comparison: it returns a dict"),
                Arguments.of(OPERATIONS, "1. CWE-208: `by_group` does not compare the names in constant time.",
                        UNSUPPORTED, "the static review reports no CWE-208 finding, nor any under its pillar CWE-664, within 2 "
                                + "lines of lines 1-2"),
                Arguments.of(OPERATIONS, "1. CWE-697: `matches` compares the values incorrectly.",
                        UNSUPPORTED, "the static review reports no CWE-697 finding, within 2 lines of lines 5-6"),
                // what a value means, by the option's own help text and bounds
                Arguments.of(MEANINGS, "1. Endless retries (CWE-835): for `retries`, 0 means unlimited retries, so a failing call loops forever.",
                        CONTRADICTED, "module.py:5 `help=\"Times a failed call is retried; 0 means it is never...` "
                                + "says 0 means it is never retried"),
                Arguments.of(MEANINGS, "1. CWE-400: `timeout` defaults to 0, which means no limit: a stuck peer holds a worker.",
                        SUPPORTED, "module.py:7 `help=\"Seconds to wait; 0 means no limit.\"),` says 0 means no limit"),
                Arguments.of(MEANINGS, "1. CWE-400: `interval` can be set to 0, so the poller spins.",
                        CONTRADICTED, "module.py:8 `IntOpt(\"interval\", ...)` is declared with min=1, so oslo.config rejects 0"),
                Arguments.of(MEANINGS, "1. CWE-400: `interval` can be set to 3600, so jobs wait an hour.",
                        CONTRADICTED, "module.py:8 `IntOpt(\"interval\", ...)` is declared with max=60, so oslo.config rejects 3600"),
                // defect classes with no possible flow
                Arguments.of(MEANINGS, "1. CWE-89: SQL injection through `retries` and `timeout`.",
                        CONTRADICTED, "no call in module.py is a sink of CWE-89 that the dataflow knows, none near lines 4-5, 6-7 could be one by its name, "
                                + "and the static review reports no CWE-89 finding in the file or along a path through it: no data can reach such a sink there"),
                Arguments.of(QUERIES, "1. CWE-89, line 11: `note_id` is injected into the SQL query of `show`.",
                        CONTRADICTED, "module.py:11 `return str(db.execute(\"SELECT body FROM notes WHERE id = ...` gets "
                                + "only constant or sanitised data at its sink of CWE-89 (the dataflow proves it)"),
                Arguments.of(QUERIES, "1. CWE-89, line 17: SQL injection in `search`.",
                        SUPPORTED, "the static review reports it: module.py:17 `return str(db.execute(\"SELECT id FROM notes WHERE title =...` "
                                + "py-sql-injection (CWE-89, high confidence)"));
    }

    @ParameterizedTest
    @MethodSource("claims")
    void factsAgainstClaims(String code, String review, Verdict expected, String evidence) {
        SourceFile file = Fixtures.source("module.py", code);
        AuditedClaim audited = Fixtures.only(Fixtures.audit(file, review));
        assertEquals(expected, audited.verdict(), () -> audited.evidence().toString());
        assertTrue(audited.evidence().contains(evidence), () -> audited.evidence() + " lacks: " + evidence);
    }
}

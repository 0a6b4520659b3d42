package dev.secreview.python;

import dev.secreview.core.engine.FileAnalysis;
import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Finding;
import dev.secreview.core.model.Severity;
import dev.secreview.core.model.SourceFile;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How the whole-tree review rebases the pattern findings of {@code analyze} on what the dataflow
 * proved: dropped on dead code and at sinks whose data is fixed or harmless, kept at low confidence
 * where the data is unknown, replaced by the taint finding where the data is tainted.
 */
class TreeReviewTest {
    private static final String PATH = "app/tasks.py";
    private final PythonFrontEnd frontEnd = new PythonFrontEnd();

    /** The findings of {@code rule} in the file before and after the tree review. */
    private record Review(List<Finding> before, List<Finding> after) {
        Optional<Finding> after(String rule, int line) {
            return after.stream().filter(f -> f.rule().id().equals(rule) && f.line() == line).findFirst();
        }

        boolean before(String rule, int line) {
            return before.stream().anyMatch(f -> f.rule().id().equals(rule) && f.line() == line);
        }
    }

    private Review review(String text) {
        return review(text, Map.of());
    }

    /** The review of {@code text} at {@link #PATH}, scanned in one tree with {@code others} (path to text). */
    private Review review(String text, Map<String, String> others) {
        return review(PATH, text, others, Set.of("remote", "local"));
    }

    private Review review(String at, String text, Map<String, String> others, Set<String> threatModels) {
        Map<String, FileAnalysis> analyses = new LinkedHashMap<>();
        Map<String, String> files = new LinkedHashMap<>(others);
        files.put(at, text);
        files.forEach((path, code) -> {
            FileAnalysis analysis = frontEnd.analyze(new SourceFile(Path.of(path), path, code));
            assertEquals(List.of(), analysis.diagnostics());
            analyses.put(path, analysis);
        });
        Map<String, FileAnalysis> reviewed = frontEnd.reviewTree(analyses, threatModels);
        return new Review(analyses.get(at).findings(), reviewed.get(at).findings());
    }

    private static int lineOf(String text, String marker) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) if (lines[i].contains(marker)) return i + 1;
        throw new AssertionError("no line with " + marker);
    }

    @Test
    void patternFindingOnAFixedValueIsDropped() {
        String text = """
                import platform
                import subprocess


                def launch():
                    if platform.system() == 'Windows':
                        cmd = 'a'
                    else:
                        cmd = 'b'
                    subprocess.run(cmd + ' x', shell=True)
                """;
        int line = lineOf(text, "subprocess.run(");
        Review review = review(text);
        // The pattern rule's own folding may already see the two literals; either way nothing is left.
        assertEquals(Optional.empty(), review.after("py-subprocess-shell", line));
        assertEquals(Optional.empty(), review.after("py-command-injection", line));
    }

    @Test
    void patternFindingOnAValueFixedByAFunctionOfAnotherModuleIsDropped() {
        String text = """
                import subprocess

                from app.platforms import pick


                def launch():
                    subprocess.run(pick() + ' x', shell=True)
                """;
        String platforms = """
                import platform


                def pick():
                    if platform.system() == 'Windows':
                        cmd = 'a'
                    else:
                        cmd = 'b'
                    return cmd
                """;
        int line = lineOf(text, "subprocess.run(");
        Review review = review(text, Map.of("app/platforms.py", platforms));
        assertTrue(review.before("py-subprocess-shell", line), "the pattern rule reports the call: " + review.before());
        assertEquals(Optional.empty(), review.after("py-subprocess-shell", line));
        assertEquals(Optional.empty(), review.after("py-command-injection", line));
    }

    /** A base class whose SQL names tables through attributes its subclasses, in other modules, bind. */
    private static final String BROKER = """
            import sqlite3


            class Broker(object):
                def __init__(self, path):
                    self.conn = sqlite3.connect(path)

                def count(self):
                    return self.conn.execute("SELECT COUNT(*) FROM %s_stat" % self.db_type).fetchone()
            """;

    private static String subclass(String body) {
        return "from app.tasks import Broker\n\n\nclass Account(Broker):\n" + body;
    }

    @Test
    void classAttributesBoundToLiteralsInSubclassesOfOtherModulesAreFixed() {
        int line = lineOf(BROKER, "self.conn.execute(");
        Review review = review(BROKER, Map.of(
                "app/account.py", subclass("    db_type = 'account'\n"),
                "app/container.py", subclass("    db_type = 'container'\n")));
        assertTrue(review.before("py-sql-string", line), "the pattern rule reports the call: " + review.before());
        assertEquals(Optional.empty(), review.after("py-sql-string", line));
    }

    @Test
    void classAttributesAssignedOnceInInitFromALiteralAreFixed() {
        int line = lineOf(BROKER, "self.conn.execute(");
        Review review = review(BROKER, Map.of("app/account.py", subclass("""
                    def __init__(self, path):
                        super().__init__(path)
                        self.db_type = 'account'
                """)));
        assertEquals(Optional.empty(), review.after("py-sql-string", line));
    }

    @Test
    void classAttributesWithAnyOtherBindingAreUnknown() {
        int line = lineOf(BROKER, "self.conn.execute(");
        List<String> others = List.of(
                "    db_type = 'account'\n\n    def rename(self, name):\n        self.db_type = name\n",
                "    db_type = 'account'\n\n    def load(self, row):\n        for k, v in row.items():\n"
                        + "            setattr(self, k, v)\n",
                "    db_type = property(lambda self: self.kind)\n",
                "    pass\n");
        for (String body : others) {
            Review review = review(BROKER, Map.of("app/account.py", subclass(body)));
            Finding kept = review.after("py-sql-string", line).orElseThrow(() -> new AssertionError("dropped with " + body));
            assertEquals(Confidence.LOW, kept.confidence());
        }
        // Stored on some object elsewhere from a parameter: that object may be a broker.
        Review review = review(BROKER, Map.of("app/account.py", subclass("    db_type = 'account'\n"),
                "app/admin.py", "def retype(broker, kind):\n    broker.db_type = kind\n"));
        assertTrue(review.after("py-sql-string", line).isPresent(), review.after()::toString);
    }

    /** A helper handed a broker by its caller: nothing says which class the broker is. */
    private static final String RECLAIMER = """
            class Reclaimer(object):
                def __init__(self, broker):
                    self.broker = broker

                def count(self, conn):
                    return conn.execute("SELECT COUNT(*) FROM %s WHERE deleted = 1" % self.broker.db_contains_type)
            """;

    @Test
    void anAttributeTheTreeBindsOnlyToLiteralsIsFixedOnAnObjectOfUnknownClass() {
        int line = lineOf(RECLAIMER, "conn.execute(");
        Review review = review(RECLAIMER, Map.of(
                "app/account.py", "class AccountBroker(object):\n    db_contains_type = 'container'\n",
                "app/container.py", "class ContainerBroker(object):\n    db_contains_type = 'object'\n"));
        assertTrue(review.before("py-sql-string", line), "the pattern rule reports the call: " + review.before());
        assertEquals(Optional.empty(), review.after("py-sql-string", line));
    }

    @Test
    void anAttributeOfUnknownClassStaysUnknownWhenTheTreeBindsItToAnythingElse() {
        int line = lineOf(RECLAIMER, "conn.execute(");
        List<String> others = List.of(
                "def retype(broker, kind):\n    broker.db_contains_type = kind\n",
                "class Other(object):\n    db_contains_type = property(lambda self: self.kind)\n");
        for (String other : others) {
            Review review = review(RECLAIMER, Map.of(
                    "app/account.py", "class AccountBroker(object):\n    db_contains_type = 'container'\n",
                    "app/other.py", other));
            Finding kept = review.after("py-sql-string", line).orElseThrow(() -> new AssertionError("dropped with " + other));
            assertEquals(Confidence.LOW, kept.confidence());
        }
        // No class binds it: whatever object the caller hands in decides.
        assertTrue(review(RECLAIMER).after("py-sql-string", line).isPresent());
    }

    @Test
    void aRequestAttributeIsNeverFixedByAClassOfTheTree() {
        String text = """
                import flask


                def lookup(conn):
                    return conn.execute("SELECT * FROM logs WHERE kind = '%s'" % flask.request.log_kind)


                def by_path(req, conn):
                    return conn.execute("SELECT * FROM logs WHERE path = '%s'" % req.path)
                """;
        Review review = review(text, Map.of("app/routes.py",
                "class Route(object):\n    path = '/'\n    log_kind = 'audit'\n"));
        assertTrue(review.after("py-sql-injection", lineOf(text, "flask.request.log_kind")).isPresent(), review.after()::toString);
        assertTrue(review.after("py-sql-string", lineOf(text, "req.path")).isPresent(), review.after()::toString);
    }

    @Test
    void aFinallyBlockIsLiveOnTheWayOutOfAnException() {
        String text = """
                import os


                def make(key_file):
                    created = False
                    try:
                        with open(key_file, "w") as f:
                            f.write("k")
                        created = True
                    except OSError:
                        raise
                    finally:
                        if not created and os.access(key_file, os.W_OK):
                            os.remove(key_file)
                """;
        int line = lineOf(text, "os.remove(");
        Review review = review(text);
        // Only the exceptional path reaches the removal with `created` still False: it is not dead code.
        assertTrue(review.before("py-toctou-path-check", line), review.before()::toString);
        assertTrue(review.after("py-toctou-path-check", line).isPresent(), review.after()::toString);
    }

    @Test
    void patternFindingOnADeadLineIsDropped() {
        String text = """
                import subprocess

                DEBUG = False


                def launch(cmd):
                    if DEBUG:
                        subprocess.run(cmd, shell=True)
                    return cmd
                """;
        int line = lineOf(text, "subprocess.run(");
        Review review = review(text);
        assertTrue(review.before("py-subprocess-shell", line), "the pattern rule reports the call: " + review.before());
        assertEquals(Optional.empty(), review.after("py-subprocess-shell", line));
    }

    @Test
    void patternFindingOnUnknownDataIsKeptAtLowConfidence() {
        String text = """
                import subprocess


                def launch(cmd):
                    subprocess.run(cmd, shell=True)
                """;
        int line = lineOf(text, "subprocess.run(");
        Review review = review(text);
        assertTrue(review.before("py-subprocess-shell", line));
        Finding kept = review.after("py-subprocess-shell", line).orElseThrow();
        assertEquals(Confidence.LOW, kept.confidence());
        assertEquals(Optional.empty(), review.after("py-command-injection", line));
    }

    @Test
    void patternFindingAtATaintedSinkGivesWayToTheTaintFinding() {
        String text = """
                import subprocess

                from flask import Flask, request

                app = Flask(__name__)


                @app.route("/run")
                def run():
                    cmd = request.args.get("cmd", "")
                    subprocess.run(cmd, shell=True)
                    return "ok"
                """;
        int line = lineOf(text, "subprocess.run(");
        Review review = review(text);
        assertTrue(review.before("py-subprocess-shell", line));
        assertEquals(Optional.empty(), review.after("py-subprocess-shell", line));
        Finding taint = review.after("py-command-injection", line).orElseThrow(
                () -> new AssertionError("no taint finding: " + review.after()));
        assertFalse(taint.flow().isEmpty());
        assertEquals(lineOf(text, "request.args"), taint.flow().get(0).range().startLine());
        assertEquals(line, taint.flow().get(taint.flow().size() - 1).range().startLine());
    }

    private static final String XXE = """
            import io
            import xml.sax
            from xml.sax.handler import feature_external_ges

            from flask import Flask, request

            app = Flask(__name__)


            @app.route("/upload", methods=["POST"])
            def upload():
                parser = xml.sax.make_parser()
                parser.setFeature(feature_external_ges, True)
                parser.parse(%s)
                return "ok"
            """;

    @Test
    void xxeConfigurationIsDroppedWhenTheParserOnlyParsesAConstant() {
        String text = XXE.formatted("\"settings.xml\"");
        int line = lineOf(text, "setFeature");
        Review review = review(text);
        assertTrue(review.before("py-xml-external-entities", line), "the pattern rule reports: " + review.before());
        assertEquals(Optional.empty(), review.after("py-xml-external-entities", line));
    }

    @Test
    void xxeConfigurationIsKeptWhenTheParserParsesRequestData() {
        String text = XXE.formatted("io.BytesIO(request.data)");
        int line = lineOf(text, "setFeature");
        Review review = review(text);
        assertTrue(review.before("py-xml-external-entities", line), "the pattern rule reports: " + review.before());
        Finding kept = review.after("py-xml-external-entities", line).orElseThrow(
                () -> new AssertionError("dropped: " + review.after()));
        assertEquals(review.before().stream().filter(f -> f.rule().id().equals("py-xml-external-entities")
                && f.line() == line).findFirst().orElseThrow().confidence(), kept.confidence());
    }

    @Test
    void defaultParserReportedOnceIsConfirmedWhenAnyOfItsCallsParsesRequestData() {
        String text = """
                from flask import Flask, request
                from lxml import etree

                app = Flask(__name__)


                def settings(blob):
                    return etree.fromstring(blob)


                @app.route("/import", methods=["POST"])
                def upload():
                    return etree.tostring(etree.fromstring(request.get_data()))
                """;
        int first = lineOf(text, "return etree.fromstring(blob)");
        Review review = review(text);
        Finding before = review.before().stream().filter(f -> f.rule().id().equals("py-xml-external-entities"))
                .findFirst().orElseThrow();
        assertEquals(first, before.line());
        assertEquals(List.of(lineOf(text, "request.get_data()")), before.related().stream().map(p -> p.line()).toList());
        assertEquals(Confidence.LOW, before.confidence());
        Finding after = review.after("py-xml-external-entities", first).orElseThrow(
                () -> new AssertionError("dropped: " + review.after()));
        assertEquals(Severity.MEDIUM, after.severity());
        assertEquals(Confidence.HIGH, after.confidence());
        assertTrue(after.message().endsWith("The dataflow analysis shows attacker-controlled data reaching the call on "
                + "line " + lineOf(text, "request.get_data()") + "."), after.message());
    }

    @Test
    void aDefaultParserAtUnknownDataClaimsNothingButAParserConfiguredToResolveEntitiesStays() {
        String text = """
                from lxml import etree

                RESOLVING = etree.XMLParser(resolve_entities=True)


                def domain_devices(xml):
                    return etree.fromstring(xml).findall("devices")


                def capabilities(xml):
                    return etree.fromstring(xml, RESOLVING)
                """;
        int defaultParse = lineOf(text, "etree.fromstring(xml).findall");
        int resolving = lineOf(text, "resolve_entities=True");
        Review review = review(text);
        assertTrue(review.before("py-xml-external-entities", defaultParse), "the pattern rule reports: " + review.before());
        assertEquals(Optional.empty(), review.after("py-xml-external-entities", defaultParse));
        Finding kept = review.after("py-xml-external-entities", resolving).orElseThrow(
                () -> new AssertionError("dropped: " + review.after()));
        assertEquals(Severity.HIGH, kept.severity());
    }

    @Test
    void aLowConfidenceFindingTheDataflowHasNoSayInIsKept() {
        String text = """
                from flask import Flask, make_response

                app = Flask(__name__)


                @app.route("/")
                def index():
                    response = make_response("hi")
                    response.set_cookie("layout", "wide", secure=False)
                    return response
                """;
        int line = lineOf(text, "set_cookie");
        Review review = review(text);
        Finding kept = review.after("py-insecure-cookie", line).orElseThrow(
                () -> new AssertionError("dropped: " + review.after()));
        assertEquals(Confidence.LOW, kept.confidence());
    }

    @Test
    void inAnOperatorToolUnknownDataIsTheOperatorsUnlessLocalInputIsAttackerData() {
        String text = """
                import subprocess


                def compile_catalog(locale, domain):
                    subprocess.call("msgfmt -o %s.mo %s.po" % (domain, locale), shell=True)
                """;
        int line = lineOf(text, "subprocess.call");
        Review trusted = review("tools/compile_catalog.py", text, Map.of(), Set.of("remote"));
        assertTrue(trusted.before("py-subprocess-shell", line), "the pattern rule reports: " + trusted.before());
        assertEquals(Optional.empty(), trusted.after("py-subprocess-shell", line));
        Review local = review("tools/compile_catalog.py", text, Map.of(), Set.of("remote", "local"));
        assertEquals(Confidence.LOW, local.after("py-subprocess-shell", line).orElseThrow().confidence());
        Review service = review("app/catalog.py", text, Map.of(), Set.of("remote"));
        assertEquals(Confidence.LOW, service.after("py-subprocess-shell", line).orElseThrow().confidence());
    }

    @Test
    void aDefaultParserFedRequestDataAtItsOwnCallSaysSo() {
        String text = """
                from flask import Flask, request
                from lxml import etree

                app = Flask(__name__)


                @app.route("/import", methods=["POST"])
                def upload():
                    return etree.tostring(etree.fromstring(request.get_data()))
                """;
        int line = lineOf(text, "request.get_data()");
        Finding after = review(text).after("py-xml-external-entities", line).orElseThrow();
        assertEquals(Confidence.HIGH, after.confidence());
        assertTrue(after.message().endsWith("The dataflow analysis shows attacker-controlled data reaching it."),
                after.message());
    }

    @Test
    void entityExpansionIsJudgedByTheXmlKindItDeclares() {
        String text = """
                from xml.dom import minidom

                from flask import Flask, request

                app = Flask(__name__)


                def targets(filename):
                    with open(filename) as config:
                        return minidom.parseString(config.read())


                @app.route("/import", methods=["POST"])
                def upload():
                    return minidom.parseString(request.get_data()).toxml()
                """;
        int local = lineOf(text, "config.read()");
        int remote = lineOf(text, "request.get_data()");
        Review review = review(text);
        assertTrue(review.before("py-xml-entity-expansion", local), "the pattern rule reports: " + review.before());
        assertEquals(Optional.empty(), review.after("py-xml-entity-expansion", local));
        Finding confirmed = review.after("py-xml-entity-expansion", remote).orElseThrow(
                () -> new AssertionError("dropped: " + review.after()));
        assertEquals(Severity.MEDIUM, confirmed.severity());
        assertEquals(Confidence.HIGH, confirmed.confidence());
    }

    @Test
    void aLookupUsedAtOnceIsConfirmedWhereTheRequestChoosesWhatItLooksUpAndDroppedElsewhere() {
        String text = """
                import re

                from flask import Flask, request

                app = Flask(__name__)
                SETTINGS = {"theme": "dark"}
                VERSION = re.compile(r"^/v(\\d+)/")


                @app.route("/search")
                def search():
                    order = request.args.get("order").lower()
                    version = VERSION.match(request.path).group(1)
                    theme = SETTINGS.get("theme").upper()
                    build = re.match(r"(\\d+)", app.name).group(1)
                    return order + version + theme + build
                """;
        Review review = review(text);
        for (String requestData : List.of("request.args.get", "VERSION.match")) {
            int line = lineOf(text, requestData);
            assertTrue(review.before("py-none-dereference", line), "the pattern rule reports: " + review.before());
            Finding confirmed = review.after("py-none-dereference", line).orElseThrow(
                    () -> new AssertionError("dropped: " + requestData + " " + review.after()));
            assertEquals(Severity.MEDIUM, confirmed.severity());
            assertEquals(Confidence.HIGH, confirmed.confidence());
        }
        for (String ownData : List.of("SETTINGS.get", "app.name")) {
            int line = lineOf(text, ownData);
            assertTrue(review.before("py-none-dereference", line), "the pattern rule reports: " + review.before());
            assertEquals(Optional.empty(), review.after("py-none-dereference", line), ownData);
        }
    }

    @Test
    void aQueryForARowTheRequestNamesIsConfirmedInAControllerMethod() {
        String text = """
                from nova.api.openstack import wsgi


                class ServersController(wsgi.Controller):
                    def show(self, req, id):
                        server = self.session.query(Server).filter_by(uuid=id).first()
                        return {"name": server.name}

                    def default(self, req):
                        server = self.session.query(Server).filter_by(uuid="default").first()
                        return {"name": server.name}
                """;
        Review review = review("nova/api/openstack/compute/servers.py", text, Map.of(), Set.of("remote"));
        int requested = lineOf(text, "uuid=id");
        int fixed = lineOf(text, "uuid=\"default\"");
        assertEquals(Confidence.HIGH, review.after("py-none-dereference", requested).orElseThrow(
                () -> new AssertionError("dropped: " + review.after())).confidence());
        assertTrue(review.before("py-none-dereference", fixed), "the pattern rule reports: " + review.before());
        assertEquals(Optional.empty(), review.after("py-none-dereference", fixed));
    }
}

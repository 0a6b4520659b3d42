package dev.secreview.dataflow.model;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RuleMetadata;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TaintModelsTest {

    private static final String KINDS = """
            # kinds of harm
            kind  command  78   remote,local
            kind  xss      79   remote   # trailing comment
            kind  path     22   remote
            """;

    private static TaintModels parse(String text) {
        return TaintModels.parse(List.of(new TaintModels.ModelFile("kinds.models", KINDS),
                new TaintModels.ModelFile("test.models", text)));
    }

    private static String errorOf(String text) {
        return assertThrows(TaintModels.ModelError.class, () -> parse(text)).getMessage();
    }

    @Test
    void allButSomeKindsLeavesThoseOutAndABoundVouchesForItsKinds() {
        TaintModels models = parse("""
                sanitizer  all,-path  int
                sanitizer  all        bool
                bounded    path
                """);
        assertEquals(~4L, models.sanitizedBy("int"));
        assertEquals(-1L, models.sanitizedBy("bool"));
        assertEquals(4L, models.boundedKinds());
        assertTrue(errorOf("sanitizer  all,xss  int").contains("after 'all' only kinds left out (-NAME)"));
        assertTrue(errorOf("sanitizer  xss,-path  int").contains("after 'all' only kinds left out (-NAME)"));
    }

    @Test
    void anOnlyLineKeepsACategorysDataToTheSinksItNamesForItsKindAlone() {
        TaintModels models = parse("""
                only  stored  xss  markupsafe.Markup,*.mark_safe
                """);
        TaintKind xss = models.kind("xss").orElseThrow();
        assertEquals(Set.of(), models.unheeded(xss, "markupsafe.Markup"));
        assertEquals(Set.of(), models.unheeded(xss, "django.utils.safestring.mark_safe"));
        assertEquals(Set.of("stored"), models.unheeded(xss, "django.http.HttpResponse"));
        // a return or a store is no callee an only line names
        assertEquals(Set.of("stored"), models.unheeded(xss, null));
        assertEquals(Set.of(), models.unheeded(models.kind("path").orElseThrow(), "open"));
    }

    @Test
    void kindsGetBitsInDeclarationOrderAndCategories() {
        TaintModels models = parse("");
        List<TaintKind> kinds = models.kinds();
        assertEquals(List.of("command", "xss", "path"), kinds.stream().map(TaintKind::name).toList());
        TaintKind command = models.kind("command").orElseThrow();
        assertEquals(78, command.cwe());
        assertEquals(0, command.bit());
        assertEquals(1L, command.mask());
        assertEquals(Set.of("remote", "local"), command.sourceCategories());
        assertEquals(4L, models.kind("path").orElseThrow().mask());
        assertTrue(models.kind("sql").isEmpty());
        assertEquals(7L, models.kindsThreatenedBy("remote"));
        assertEquals(1L, models.kindsThreatenedBy("local"));
        assertEquals(0L, models.kindsThreatenedBy("weak-random"));
    }

    @Test
    void aKindDeclaresTheDataflowRuleThatReportsIt() {
        TaintModels models = TaintModels.parse(List.of(new TaintModels.ModelFile("k.models", """
                kind  sql  89  remote  x-sql-injection high \\
                      | Attacker data is built into SQL. \\
                      | Bind the values.   # the fix
                kind  session  501  remote  strict  x-trust-boundary medium | Stored in the session. | Validate it.
                kind  xxe  611  remote
                """)));
        RuleMetadata sql = models.kind("sql").orElseThrow().rule();
        assertEquals("x-sql-injection", sql.id());
        assertEquals(89, sql.cwe());
        assertEquals(Severity.HIGH, sql.severity());
        assertEquals(Confidence.HIGH, sql.confidence());
        assertEquals("Attacker data is built into SQL.", sql.summary());
        assertEquals("Bind the values.", sql.fix());
        assertTrue(models.kind("session").orElseThrow().strict());
        assertEquals("x-trust-boundary", models.kind("session").orElseThrow().rule().id());
        assertTrue(models.kind("xxe").orElseThrow().reportedBy().isEmpty(), "a kind that only judges");
        assertEquals(List.of("x-sql-injection", "x-trust-boundary"), models.rules().stream().map(RuleMetadata::id).toList());
        assertEquals(2, models.kind("xxe").orElseThrow().bit(), "continued lines are one entry");

        String why = "a kind's rule reads: RULE-ID SEVERITY | SUMMARY | FIX";
        assertEquals("k.models:1: " + why, kindError("kind sql 89 remote x-sql high | Summary only.\n"));
        assertEquals("k.models:1: " + why, kindError("kind sql 89 remote x-sql | Summary. | Fix.\n"));
        assertEquals("k.models:1: not a severity: dire", kindError("kind sql 89 remote x-sql dire | Summary. | Fix.\n"));
        assertEquals("k.models:2: kind sql declared twice", kindError("kind sql 89 remote\nkind sql 89 \\\n remote\n"));
    }

    private static String kindError(String text) {
        return assertThrows(TaintModels.ModelError.class,
                () -> TaintModels.parse(List.of(new TaintModels.ModelFile("k.models", text)))).getMessage();
    }

    @Test
    void kindsMayStandInAnyFileAndBeUsedBeforeTheirDeclaration() {
        TaintModels models = TaintModels.parse(List.of(
                new TaintModels.ModelFile("a.models", "sink sql db.run 0\n"),
                new TaintModels.ModelFile("b.models", "kind sql 89 remote\n")));
        assertEquals(1, models.sinks("db.run").size());
        assertEquals("sql", models.sinks("db.run").get(0).kind().name());
    }

    @Test
    void sourcesWithAndWithoutLabels() {
        TaintModels models = parse("""
                source remote flask.request.args query parameters
                source local  os.environ
                """);
        TaintModels.Source args = models.source("flask.request.args").orElseThrow();
        assertEquals("remote", args.category());
        assertEquals("query parameters", args.label());
        TaintModels.Source environ = models.source("os.environ").orElseThrow();
        assertEquals("local", environ.category());
        assertEquals("os.environ", environ.label(), "without a label the name is the label");
        assertTrue(models.source("flask.request").isEmpty());
    }

    @Test
    void entriesMatchDecorators() {
        TaintModels models = parse("entry remote *.route\n");
        TaintModels.Entry entry = models.entry(List.of("functools.wraps", "app.route")).orElseThrow();
        assertEquals("remote", entry.category());
        assertTrue(models.entry(List.of("functools.wraps")).isEmpty());
        assertTrue(models.entry(List.of()).isEmpty());
    }

    @Test
    void handlersMatchMethodsOfDerivedClassesAndTypeTheirParameters() {
        TaintModels models = parse("""
                handler remote *.wsgi.Controller * req:webob.Request,*
                handler remote * __call__ environ:wsgi.environ
                handler local flask.views.MethodView get,post *
                """);
        TaintModels.Handler controller = models.handler(List.of("app.Servers", "nova.api.wsgi.Controller"), "show")
                .orElseThrow();
        assertEquals("remote", controller.category());
        assertEquals("webob.Request", controller.parameter("req"));
        assertEquals("", controller.parameter("id"), "the others are plain input");
        assertTrue(models.handler(List.of("app.Servers", "nova.api.wsgi.Controller"), "_helper").isEmpty(),
                "* means the public methods");
        assertTrue(models.handler(List.of("app.Helper", "object"), "show").isEmpty());

        TaintModels.Handler wsgi = models.handler(List.of("app.Middleware"), "__call__").orElseThrow();
        assertEquals("wsgi.environ", wsgi.parameter("environ"));
        assertNull(wsgi.parameter("start_response"));

        assertEquals("local", models.handler(List.of("app.Items", "flask.views.MethodView"), "post").orElseThrow().category());
        assertTrue(models.handler(List.of("app.Items", "flask.views.MethodView"), "dispatch").isEmpty());
        assertTrue(models.withSourceCategories(Set.of("remote"))
                .handler(List.of("app.Items", "flask.views.MethodView"), "post").isEmpty(), "threat models filter handlers");
    }

    @Test
    void inputKeysAndSparedKindsOfObjectSources() {
        TaintModels models = parse("""
                object remote wsgi.environ() WSGI environment
                keys   wsgi.environ() HTTP_*,PATH_INFO
                spares xss,path wsgi.environ()
                object remote flask.request request
                """);
        assertTrue(models.inputKey("wsgi.environ()", "HTTP_HOST"));
        assertTrue(models.inputKey("wsgi.environ()", "PATH_INFO"));
        assertFalse(models.inputKey("wsgi.environ()", "REMOTE_USER"), "set by the server");
        assertFalse(models.inputKey("wsgi.environ()", null), "a key not known is more likely the server's");
        assertTrue(models.inputKey("flask.request", null), "without a keys line every item is input");
        long spared = models.sparedBy("wsgi.environ()");
        assertEquals(models.kind("xss").orElseThrow().mask() | models.kind("path").orElseThrow().mask(), spared);
        assertEquals(0, models.sparedBy("flask.request"));
    }

    @Test
    void sinksWithConditionsAndExceptions() {
        TaintModels models = parse("""
                sink command os.system 0
                sink command subprocess.run 0,args if shell=true
                sink command yaml.load 0,stream unless 1,Loader=yaml.SafeLoader,yaml.CSafeLoader
                sink command both.call 0 if shell=true unless Loader=Safe
                sink command page.Response text,body if content_type=text/html*,application/xhtml+xml
                """);
        TaintModels.Sink system = models.sinks("os.system").get(0);
        assertEquals("command", system.kind().name());
        assertEquals(List.of(0), system.arguments().positions());
        assertNull(system.conditionKeyword());
        assertNull(system.unlessArgument());
        assertEquals(List.of(), system.unlessNames());

        TaintModels.Sink run = models.sinks("subprocess.run").get(0);
        assertEquals("shell", run.conditionKeyword());
        assertEquals(List.of(0), run.arguments().positions());
        assertEquals(List.of("args"), run.arguments().keywords());

        TaintModels.Sink load = models.sinks("yaml.load").get(0);
        assertNull(load.conditionKeyword());
        assertEquals(List.of(1), load.unlessArgument().positions());
        assertEquals(List.of("Loader"), load.unlessArgument().keywords());
        assertEquals(List.of("yaml.SafeLoader", "yaml.CSafeLoader"), load.unlessNames());

        TaintModels.Sink page = models.sinks("page.Response").get(0);
        assertEquals("content_type", page.conditionKeyword());
        assertEquals(List.of("text/html*", "application/xhtml+xml"), page.conditionValues());
        assertEquals(List.of(), run.conditionValues(), "if KW=true: a true constant, no list");

        TaintModels.Sink both = models.sinks("both.call").get(0);
        assertEquals("shell", both.conditionKeyword());
        assertEquals(List.of("Loader"), both.unlessArgument().keywords());
        assertEquals(List.of("Safe"), both.unlessNames());

        assertEquals(List.of(), models.sinks("os.popen"));
    }

    @Test
    void storesAndReturns() {
        TaintModels models = parse("""
                store  xss flask.session
                return xss *.route
                """);
        assertEquals("xss", models.stores("flask.session").get(0).kind().name());
        assertTrue(models.stores("flask.g").isEmpty());
        assertEquals(1, models.returns(List.of("app.route")).size());
        assertTrue(models.returns(List.of("app.get")).isEmpty());
    }

    @Test
    void sanitizersValidatorsRejectionsAndAllowLists() {
        TaintModels models = parse("""
                sanitizer xss          html.escape
                sanitizer command,path shlex.quote
                sanitizer all          int
                sanitizer path         html.escape
                validator all *.isdigit receiver
                validator path,xss re.fullmatch 1,string
                rejects   path ..
                rejects   xss  <
                allowlist command,xss urllib.parse.urlparse netloc,hostname
                allowlist command urllib.parse.urlparse scheme=file|data
                """);
        assertEquals(2L | 4L, models.sanitizedBy("html.escape"), "masks of every matching sanitizer combine");
        assertEquals(1L | 4L, models.sanitizedBy("shlex.quote"));
        assertEquals(-1L, models.sanitizedBy("int"));
        assertEquals(0L, models.sanitizedBy("str"));

        TaintModels.Validator isdigit = models.validators("name.isdigit").get(0);
        assertEquals(-1L, isdigit.kinds());
        assertTrue(isdigit.arguments().receiver());
        TaintModels.Validator fullmatch = models.validators("re.fullmatch").get(0);
        assertEquals(4L | 2L, fullmatch.kinds());
        assertTrue(fullmatch.arguments().selects(1, null));
        assertTrue(fullmatch.arguments().selects(-1, "string"));
        assertFalse(fullmatch.arguments().selects(0, null));

        assertEquals(4L, models.rejectedBy(".."));
        assertEquals(4L, models.rejectedBy("/.."), "a test for a longer text containing the rejected one counts");
        assertEquals(4L | 2L, models.rejectedBy("<..>"));
        assertEquals(0L, models.rejectedBy("."));

        TaintModels.AllowList allow = models.allowLists("urllib.parse.urlparse").get(0);
        assertEquals(1L | 2L, allow.kinds());
        assertEquals(Set.of("netloc", "hostname"), allow.attributes().keySet());
        assertTrue(allow.vouchedBy("netloc", Set.of("a.example", "b.example")), "any constants the code allows");
        assertFalse(allow.vouchedBy("path", Set.of("/")));
        TaintModels.AllowList scheme = models.allowLists("urllib.parse.urlparse").get(1);
        assertTrue(scheme.vouchedBy("scheme", Set.of("file")), "proven to be one of the listed values");
        assertTrue(scheme.vouchedBy("scheme", Set.of("file", "data")));
        assertFalse(scheme.vouchedBy("scheme", Set.of("file", "http")), "an http: URL still goes out");
        assertTrue(models.allowLists("urllib.parse.urlsplit").isEmpty());
    }

    @Test
    void passesWithAndWithoutElement() {
        TaintModels models = parse("""
                passes flask.make_response 0[0]
                passes copy.copy 0,x
                """);
        TaintModels.Passing response = models.passing("flask.make_response").orElseThrow();
        assertEquals(0, response.element());
        assertEquals(List.of(0), response.arguments().positions());
        TaintModels.Passing copy = models.passing("copy.copy").orElseThrow();
        assertEquals(-1, copy.element());
        assertEquals(List.of("x"), copy.arguments().keywords());
        assertTrue(models.passing("copy.deepcopy").isEmpty());
    }

    @Test
    void argumentVectors() {
        TaintModels models = parse("argv command subprocess.run 0,args\n");
        TaintModels.ArgumentVector argv = models.argumentVectors("subprocess.run").get(0);
        assertEquals("command", argv.kind().name());
        assertTrue(argv.arguments().selects(0, null));
        assertTrue(argv.arguments().selects(-1, "args"));
        assertTrue(models.argumentVectors("subprocess.call").isEmpty());
    }

    @Test
    void keyedAccessAccumulatorsPureAndQuoted() {
        TaintModels models = parse("""
                puts    configparser.ConfigParser().set 0,1 2
                gets    configparser.ConfigParser().get 0,1 fallback
                gets    cache.Cache().get 0
                appends io.StringIO().write 0
                pure    base64.b64decode
                pure    *.upper
                quoted  command,xss
                quoted  path
                """);
        TaintModels.KeyedAccess puts = models.keyedAccess("configparser.ConfigParser().set").orElseThrow();
        assertEquals(List.of(0, 1), puts.keys());
        assertEquals(2, puts.value());
        TaintModels.KeyedAccess gets = models.keyedAccess("configparser.ConfigParser().get").orElseThrow();
        assertEquals(List.of(0, 1), gets.keys());
        assertNull(gets.value());
        assertTrue(gets.fallback().selects(-1, "fallback"));
        assertNull(models.keyedAccess("cache.Cache().get").orElseThrow().fallback());
        assertTrue(models.keyedAccess("dict.get").isEmpty());

        TaintModels.Accumulator write = models.accumulator("io.StringIO().write").orElseThrow();
        assertTrue(write.arguments().selects(0, null));
        assertTrue(models.accumulator("io.StringIO().read").isEmpty());

        assertTrue(models.pure("base64.b64decode"));
        assertTrue(models.pure("name.upper"));
        assertFalse(models.pure("base64.b64encode"));

        assertEquals(1L | 2L | 4L, models.quotedLiteralKinds(), "quoted entries accumulate");
        assertEquals(0L, parse("").quotedLiteralKinds());
    }

    @Test
    void quotedAll() {
        assertEquals(-1L, parse("quoted all\n").quotedLiteralKinds());
    }

    @Test
    void commentsAndBlankLinesAreIgnored() {
        TaintModels models = parse("""

                # a comment line
                   sink   command   os.system   0   # a trailing comment
                \t
                """);
        assertEquals(1, models.sinks("os.system").size());
    }

    // --- errors: file:line: why ---

    @Test
    void unknownEntry() {
        assertEquals("test.models:2: unknown entry 'sinks'", errorOf("# first\nsinks command os.system 0\n"));
    }

    @Test
    void unknownKind() {
        assertEquals("test.models:1: unknown kind 'sql'", errorOf("sink sql db.run 0\n"));
        assertEquals("test.models:1: unknown kind 'sql'", errorOf("sanitizer xss,sql html.escape\n"));
        assertEquals("test.models:1: unknown kind 'nope'", errorOf("quoted nope\n"));
        assertEquals("test.models:1: unknown kind 'nope'", errorOf("argv nope subprocess.run 0\n"));
        assertEquals("test.models:1: unknown kind 'nope'", errorOf("store nope flask.session\n"));
        assertEquals("test.models:1: unknown kind 'nope'", errorOf("return nope *.route\n"));
    }

    @Test
    void duplicateKind() {
        assertEquals("test.models:3: kind xss declared twice", errorOf("\n\nkind xss 79 remote\n"));
    }

    @Test
    void duplicateKindInTheSameFile() {
        String message = assertThrows(TaintModels.ModelError.class, () -> TaintModels.parse(List.of(
                new TaintModels.ModelFile("k.models", "kind a 1 remote\nkind a 2 remote\n")))).getMessage();
        assertEquals("k.models:2: kind a declared twice", message);
    }

    @Test
    void kindWithBadCwe() {
        assertEquals("test.models:1: not a number: CWE-89", errorOf("kind sql CWE-89 remote\n"));
    }

    @Test
    void missingFields() {
        assertEquals("test.models:1: 'kind' needs 3 fields", errorOf("kind sql 89\n"));
        assertEquals("test.models:1: 'source' needs 2 fields", errorOf("source remote\n"));
        assertEquals("test.models:1: 'entry' needs 2 fields", errorOf("entry remote\n"));
        assertEquals("test.models:1: 'sink' needs 3 fields", errorOf("sink command os.system\n"));
        assertEquals("test.models:1: 'store' needs 2 fields", errorOf("store xss\n"));
        assertEquals("test.models:1: 'return' needs 2 fields", errorOf("return xss\n"));
        assertEquals("test.models:1: 'sanitizer' needs 2 fields", errorOf("sanitizer xss\n"));
        assertEquals("test.models:1: 'validator' needs 3 fields", errorOf("validator all *.isdigit\n"));
        assertEquals("test.models:1: 'rejects' needs 2 fields", errorOf("rejects path\n"));
        assertEquals("test.models:1: 'allowlist' needs 3 fields", errorOf("allowlist xss urllib.parse.urlparse\n"));
        assertEquals("test.models:1: 'passes' needs 2 fields", errorOf("passes flask.make_response\n"));
        assertEquals("test.models:1: 'puts' needs 3 fields", errorOf("puts a.set 0,1\n"));
        assertEquals("test.models:1: 'gets' needs 2 fields", errorOf("gets a.get\n"));
        assertEquals("test.models:1: 'appends' needs 2 fields", errorOf("appends io.StringIO().write\n"));
        assertEquals("test.models:1: 'pure' needs 1 fields", errorOf("pure\n"));
        assertEquals("test.models:1: 'quoted' needs 1 fields", errorOf("quoted\n"));
        assertEquals("test.models:1: 'argv' needs 3 fields", errorOf("argv command subprocess.run\n"));
    }

    @Test
    void methodsAndFunctionsNameTheAnalysisOperations() {
        TaintModels models = parse("""
                method    append         append,add
                method    strip-leading  lstrip
                method    replace        replace
                method    get            replace
                function  length         len
                """);
        assertEquals(Operation.APPEND, models.method("add", Operation.Target.CONTAINER).orElseThrow());
        assertEquals(Operation.STRIP_LEADING, models.method("lstrip", Operation.Target.TEXT).orElseThrow());
        assertTrue(models.method("lstrip", Operation.Target.CONTAINER).isEmpty());
        assertEquals(Operation.REPLACE, models.method("replace", Operation.Target.TEXT).orElseThrow(),
                "one name, an operation on a string and another on a container");
        assertEquals(Operation.GET, models.method("replace", Operation.Target.CONTAINER).orElseThrow());
        assertEquals(Operation.LENGTH, models.function("len").orElseThrow());
        assertTrue(models.function("append").isEmpty());
        assertTrue(models.method(null, Operation.Target.TEXT).isEmpty());

        assertEquals("test.models:1: not an operation of a method: length", errorOf("method length len\n"));
        assertEquals("test.models:1: not an operation of a function: append", errorOf("function append append\n"));
        assertEquals("test.models:1: not an operation of a method: shuffle", errorOf("method shuffle shuffle\n"));
        assertEquals("test.models:2: method add is already an operation on a container",
                errorOf("method append add\nmethod extend add\n"));
        assertEquals("test.models:2: function len is already an operation", errorOf("function length len\nfunction to-text len\n"));
        assertEquals("test.models:1: 'method' needs 2 fields", errorOf("method append\n"));
    }

    @Test
    void badNumbers() {
        assertEquals("test.models:1: not a number: x", errorOf("puts a.set 0,x 2\n"));
        assertEquals("test.models:1: not a number: v", errorOf("puts a.set 0,1 v\n"));
        assertEquals("test.models:1: not a number: k", errorOf("gets a.get k\n"));
        assertEquals("test.models:1: not a number: a", errorOf("passes f 0[a]\n"));
    }

    @Test
    void badSinkConditions() {
        String why = "a sink condition reads: if KEYWORD=true, if KEYWORD=NAME,..., unless ARGS=NAME,... or unless @PROPERTY=NAME,...";
        assertEquals("test.models:1: " + why, errorOf("sink command subprocess.run 0 if shell=false\n"));
        assertEquals("test.models:1: " + why, errorOf("sink xss aiohttp.web.Response text if content_type=\n"));
        assertEquals("test.models:1: " + why, errorOf("sink command subprocess.run 0 if\n"));
        assertEquals("test.models:1: " + why, errorOf("sink command subprocess.run 0 when shell=true\n"));
        assertEquals("test.models:1: " + why, errorOf("sink command yaml.load 0 unless Loader\n"));
        assertEquals("test.models:1: " + why, errorOf("sink command yaml.load 0 unless =yaml.SafeLoader\n"));
        assertEquals("test.models:1: " + why, errorOf("sink xss web.Response().write 0 unless @=text/plain\n"));
        assertEquals("test.models:1: not a number: x", errorOf("property content-type web.Response().set_type x\n"));
        assertEquals("test.models:1: a property's condition reads: if N=NAME,...",
                errorOf("property content-type web.Response().set_header 1 if Content-Type\n"));
    }

    @Test
    void tooManyKinds() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i <= Long.SIZE; i++) text.append("kind k").append(i).append(" 1 remote\n");
        String message = assertThrows(TaintModels.ModelError.class,
                () -> TaintModels.parse(List.of(new TaintModels.ModelFile("many.models", text.toString())))).getMessage();
        assertEquals("many.models:65: too many kinds", message);
    }

    // --- NamePattern and ArgumentSelector ---

    @Test
    void namePatternExact() {
        NamePattern p = new NamePattern("subprocess.run");
        assertTrue(p.matches("subprocess.run"));
        assertFalse(p.matches("subprocess.run_x"));
        assertFalse(p.matches("x.subprocess.run"));
        assertFalse(p.matches(null));
        assertEquals("subprocess.run", p.toString());
    }

    @Test
    void namePatternAnyReceiver() {
        NamePattern p = new NamePattern("*.execute");
        assertTrue(p.matches("cursor.execute"));
        assertTrue(p.matches("sqlite3.connect().cursor().execute"));
        assertTrue(p.matches("?.execute"));
        assertTrue(p.matches("execute"), "a bare name matches too");
        assertFalse(p.matches("executemany"));
        assertFalse(p.matches("cursor.execute_all"));
        assertFalse(p.matches("cursorexecute"));
        assertFalse(p.matches(""));
    }

    @Test
    void namePatternAnyInstance() {
        NamePattern p = new NamePattern("*().request.body");
        assertTrue(p.matches("shop.views.Echo().request.body"));
        assertFalse(p.matches("request.body"), "a bare request, which may be an HTTP client's, does not match");
        assertFalse(p.matches("resp.request.body"));
        assertFalse(p.matches("().request.body"));
    }

    @Test
    void namePatternGlobOnTheLastPart() {
        NamePattern p = new NamePattern("*session*");
        assertTrue(p.matches("mysession"));
        assertTrue(p.matches("request.session"));
        assertTrue(p.matches("session"));
        assertTrue(p.matches("flask.session_store"));
        assertFalse(p.matches("session.get"), "only the last part is matched");
        assertFalse(p.matches("sess"));

        NamePattern prefix = new NamePattern("get_*_id");
        assertTrue(prefix.matches("app.get_user_id"));
        assertTrue(prefix.matches("get__id"));
        assertFalse(prefix.matches("get_id"), "the prefix and the suffix may not overlap");
        assertFalse(prefix.matches("app.get_user_ids"));
    }

    @Test
    void argumentSelectors() {
        ArgumentSelector any = ArgumentSelector.parse("*");
        assertTrue(any.any());
        assertTrue(any.selects(5, null));
        assertTrue(any.selects(-1, "whatever"));

        ArgumentSelector receiver = ArgumentSelector.parse("receiver");
        assertTrue(receiver.receiver());
        assertFalse(receiver.selects(0, null));

        ArgumentSelector mixed = ArgumentSelector.parse("0,2,cmd");
        assertEquals(List.of(0, 2), mixed.positions());
        assertEquals(List.of("cmd"), mixed.keywords());
        assertTrue(mixed.selects(0, null));
        assertFalse(mixed.selects(1, null));
        assertTrue(mixed.selects(2, null));
        assertTrue(mixed.selects(-1, "cmd"));
        assertFalse(mixed.selects(0, "args"), "a keyword argument is selected by its name, not its position");
        assertFalse(mixed.any());
        assertFalse(mixed.receiver());
    }
}

package dev.secreview.dataflow.model;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RuleMetadata;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Sources, sinks, sanitisers and validators as data, read from models files (one per framework or
 * library), so supporting an API is a line of data, not code. The format, one entry per line,
 * {@code #} starting a comment, a {@code \} at the end of a line continuing the entry on the next:
 * <pre>
 * kind      NAME CWE SOURCE-CATEGORIES [strict] [RULE SEVERITY | SUMMARY | FIX]
 *                                            command 78 remote,local py-command-injection high | Attacker... | Pass...
 *                                            (RULE: the id of the dataflow rule that reports the kind's findings, with
 *                                            its severity, summary and fix; a kind without one only judges the
 *                                            findings of pattern rules that name it)
 * source    CATEGORY NAME [LABEL...]         remote flask.request.args query parameters
 * object    CATEGORY NAME [LABEL...]         remote flask.request HTTP request data   (every attribute read
 *                                            or method result of the object is a source; the object
 *                                            itself, passed around whole, is not)
 * entry     CATEGORY DECORATOR               remote *.route      (parameters of decorated functions)
 * keys      OBJECT KEYS                      wsgi.environ() HTTP_*,PATH_INFO   (of an object source that is a mapping,
 *                                            only the items under these keys are input (under a key not known: not,
 *                                            as most keys such code reads are the server's);
 *                                            {@code *} ends a prefix; the others are set by the server)
 * parts     OBJECT MEMBERS                   django.http.HttpRequest() GET,POST,body,get_full_path   (of an object
 *                                            source that also carries the server's own state, only these attributes
 *                                            and methods are input; what middleware attaches is not)
 * spares    KINDS OBJECT                     header wsgi.environ()   (data read from the object source, or from the
 *                                            one part of it named (flask.request.referrer), cannot do KINDS' harm,
 *                                            though its category threatens them)
 * trusted   NAME                             django.http.HttpRequest().user   (a part of an object source
 *                                            the server sets, not the client)
 * handler   CATEGORY BASE METHODS PARAMETERS remote *.wsgi.Controller * req:webob.Request,*   (methods a framework
 *                                            calls with request data: in classes derived from BASE, METHODS (a comma
 *                                            list; {@code *}: every public one; {@code resolve_*}: those starting so) get PARAMETERS as input of CATEGORY; {@code name:TYPE}
 *                                            makes the parameter an instance of TYPE, {@code *} stands for the others)
 * endpoint  CATEGORY TYPE CONTEXT           rpc oslo_messaging.Target 1   (a class of the tree whose body, or a base's
 *                                            in the tree, binds a name to a call of TYPE receives remote calls by
 *                                            method name: the parameters of its public methods after the receiver
 *                                            and the CONTEXT ones the dispatcher fills itself are input of CATEGORY)
 * dispatch  CALLEE NAME-ARG                  *.cast 1   (the call invokes, on the endpoints of the tree, the
 *                                            methods named by the constant argument NAME-ARG, their parameters
 *                                            bound to its keyword arguments by name: whatever the threat models,
 *                                            so data a source gives the call reaches what the methods do)
 * typed     TYPE PARAMETER DECORATOR         django.http.HttpRequest request *.csrf_exempt   (in functions
 *                                            so decorated, the parameter is an instance of TYPE)
 * sink      KIND CALLEE ARGS [if KW=true|KW=NAME,...] [unless ARGS=NAME,...] [unless @PROPERTY=NAME,...]
 *                                            command subprocess.run 0,args if shell=true
 *                                            xss aiohttp.web.Response text if content_type=text/html*
 *                                            deserialization yaml.load 0 unless 1,Loader=yaml.SafeLoader
 *                                            xss javax.servlet.ServletResponse().getWriter().print 0
 *                                                unless @content-type=text/plain*   (the receiver's PROPERTY, set
 *                                            earlier on every path, is a constant one of NAMES names)
 * property  PROPERTY CALLEE ARG [if N=NAME,...]  content-type javax.servlet.ServletResponse().setContentType 0
 *                                            content-type javax.servlet.http.HttpServletResponse().setHeader 1 if 0=Content-Type
 *                                            (the call sets its receiver's PROPERTY to the argument, when argument N
 *                                            is a constant NAMES names, in any case; what is then obtained from the
 *                                            receiver by a method call has it too: the writer)
 * wraps     CALLEE ARG                       java.io.PrintWriter 0   (what the call makes writes to, or reads
 *                                            from, the object it is handed as ARG: when the models name members of
 *                                            that object, the result is it (a writer around a response's stream))
 * polymorphic TYPE                           java.io.PrintWriter   (a parameter of this type is whatever the
 *                                            caller hands in: a method called on it is a sink as the caller's
 *                                            object makes it, a response's writer or a file's)
 *                                            (a NAME ending in {@code *} is a prefix; {@code ?} is a value the program
 *                                            chooses at run time from nothing that came from outside; {@code {}} is a
 *                                            dict, which the callee sends as JSON; {@code *} is any value: the
 *                                            sink is not one when that argument is given at all)
 * only      CATEGORY KIND CALLEES            stored xss django.utils.safestring.mark_safe,markupsafe.Markup   (data of
 *                                            CATEGORY threatens KIND only at the sinks of these callees, not at its
 *                                            other sinks, returns or stores: what the code declares to be markup)
 * store     KIND TARGET                      trust-boundary flask.session   (item or attribute writes)
 * keyed     KIND WORDS                       trust-boundary user,role,auth   (a store of KIND matters only
 *                                            under a key or attribute whose name contains one of WORDS)
 * return    KIND DECORATOR                   xss *.route   (what a decorated function returns)
 * sanitizer KINDS NAME                       xss html.escape   (NAME: a call, or an attribute read: *.cleaned_data; KINDS: comma list, "all", or "all" and kinds
 *                                            left out: all,-size (a conversion to a number makes text harmless, not
 *                                            a number small))
 * validator KINDS CALLEE ARGS                all *.isdigit receiver   (true result vouches for ARGS; a value
 *                                            vouched for a kind of a contained line (a path) that the block joined
 *                                            with +, / or a join-path function vouches for its pieces for that kind;
 *                                            x == SANITIZER(x) vouches for x as the sanitiser does)
 * contained KINDS RESOLVER TEST               path os.path.realpath startswith   (x = RESOLVER(...) then a
 *                                            true x.TEST(base) with a fixed base vouches for x)
 * rejects   KINDS TEXT                       path ..   (a test proving the value lacks TEXT vouches for it; \\n, \\r, \\t escaped)
 * allowlist KINDS CALLEE ATTRIBUTES          redirect urllib.parse.urlparse netloc,hostname
 *                                            (the parsed value's attribute found in constants vouches for the input;
 *                                            ssrf urllib.parse.urlparse scheme=file: only when it equals one of those)
 * passes    CALLEE ARGS[ELEMENT]             flask.make_response 0[0]   (the result carries only that input)
 * puts      CALLEE KEYS VALUE                configparser.ConfigParser().set 0,1 2   (receiver[KEYS] = VALUE)
 * gets      CALLEE KEYS [DEFAULT]            configparser.ConfigParser().get 0,1 fallback   (result = receiver[KEYS];
 *                                            when no value is stored under a constant key, the DEFAULT argument)
 * appends   CALLEE ARGS                      io.StringIO().write 0   (the receiver accumulates ARGS)
 * noreturn  CALLEE                           flask.abort   (the call never returns: code after it is unreachable)
 * pure      CALLEE                           base64.b64decode   (its result is fixed when its inputs are)
 * prefixed  KINDS                            redirect,ssrf   (data after a fixed prefix that ends a URL's
 *                                            host cannot choose where the URL points)
 * quoted    KINDS                            code   (a value proven to be one quoted string literal is safe)
 * bounded   KINDS                            size   (a value a comparison proves below a bound is safe: the
 *                                            true branch of x < limit, the false one of x > limit)
 * embedded  KIND MARKERS                     xml <   (data threatens KIND only once it is placed in text whose
 *                                            constant parts hold one of MARKERS ({@code \n}, {@code \r} and
 *                                            {@code \t} escaped): a document parsed whole is not injected into, one
 *                                            built around the data with markup is)
 * argv      KIND CALLEE ARGS                 command subprocess.run 0,args   (an argument vector: its program,
 *                                            or the command after a shell's -c, is the sink)
 * method    OPERATION METHODS                append append,add   (a method that does one of the analysis'
 *                                            {@link Operation}s to a container or a constant string it tracks)
 * function  OPERATION FUNCTIONS              length len   (a function that does one of them to its argument)
 * </pre>
 * The last two are how a language tells the analysis what its own built-in methods and functions do.
 */
public final class TaintModels {

    public record Source(String category, NamePattern name, String label) {
    }

    public record Entry(String category, NamePattern decorator) {
    }

    public record TypedParameter(String type, String parameter, NamePattern decorator) {
    }

    /**
     * Classes a framework calls by method name: those binding an attribute to a call of {@code marker}; the
     * parameters after the receiver and the {@code context} ones are input of {@code category}.
     */
    public record Endpoint(String category, NamePattern marker, int context) {
    }

    /** A call that invokes the endpoints' method named by its constant argument {@code nameArgument}. */
    public record Dispatch(NamePattern callee, int nameArgument) {
    }

    /**
     * {@code parameters}: by name, the type the parameter is an instance of, or "" for plain input;
     * the name {@code *} stands for every parameter not named.
     */
    public record Handler(String category, NamePattern base, List<String> methods, Map<String, String> parameters) {
        public Handler {
            methods = List.copyOf(methods);
            parameters = Map.copyOf(parameters);
        }

        /** {@code *} stands for every public method, {@code resolve_*} for those that start so. */
        boolean handles(String method) {
            return methods.contains("*") ? !method.startsWith("_") : NamePattern.listed(methods, method);
        }

        /** Null when the parameter is not input; "" when it is plain input; else the type it is an instance of. */
        public String parameter(String name) {
            String type = parameters.get(name);
            return type != null ? type : parameters.get("*");
        }
    }

    /**
     * {@code conditionKeyword}: the sink applies only when that keyword is passed a true constant, or, when
     * {@code conditionValues} lists any, a constant one of them names ({@code content_type=text/html}).
     * {@code unlessArgument}/{@code unlessNames}: it does not apply when that argument names one of them
     * ({@code yaml.load(data, Loader=yaml.SafeLoader)}) or a class of the tree derived only from them.
     * {@code unlessProperty}/{@code unlessPropertyValues}: it does not apply when the receiver's property is
     * known to be a constant they name (a response whose content type is {@code text/plain}).
     */
    public record Sink(TaintKind kind, NamePattern callee, ArgumentSelector arguments, String conditionKeyword,
                       List<String> conditionValues, ArgumentSelector unlessArgument, List<String> unlessNames,
                       String unlessProperty, List<String> unlessPropertyValues) {
    }

    /** A call whose result stands for the object it is handed as {@code argument} ({@code wraps} lines). */
    public record Wrapper(NamePattern callee, int argument) {
    }

    /**
     * A call that sets {@code property} of its receiver to its {@code argument}; with a {@code condition} (an argument's
     * position), only when that argument is a constant one of {@code conditionValues} names, whatever its case.
     */
    public record PropertySetter(String property, NamePattern callee, int argument, int condition,
                                 List<String> conditionValues) {
    }

    public record Store(TaintKind kind, NamePattern target) {
    }

    /** Data of {@code category} threatens {@code kind} only at the sinks of {@code callees} ({@code only} lines). */
    public record CategorySinks(String category, TaintKind kind, List<NamePattern> callees) {
        public CategorySinks {
            callees = List.copyOf(callees);
        }
    }

    public record ReturnSink(TaintKind kind, NamePattern decorator) {
    }

    public record Sanitizer(long kinds, NamePattern callee) {
    }

    public record Validator(long kinds, NamePattern callee, ArgumentSelector arguments) {
    }

    public record Rejection(long kinds, String text) {
    }

    public record Containment(long kinds, NamePattern resolver, String test) {
    }

    /**
     * {@code attributes} maps each part of the parsed value to the constants it must be proven equal to for
     * the value to be vouched for; an empty set: to any constants (an allow-list the code keeps itself).
     */
    /**
     * A kind whose harm needs the data placed in text built around it ({@code embedded} lines). Data from a source
     * carries the {@code pending} bit instead of the kind's; placing it in text that holds a marker sets the kind's
     * bit and {@code placed} (which tells a caller that a callee placed its parameter so). Sanitising the kind
     * clears both the kind's bit and {@code pending}.
     */
    public record Embedding(TaintKind kind, List<String> markers, long pending, long placed) {
        boolean markedIn(String text) {
            for (String marker : markers) if (text.contains(marker)) return true;
            return false;
        }
    }

    public record AllowList(long kinds, NamePattern parser, Map<String, Set<String>> attributes) {
        public AllowList {
            attributes = Map.copyOf(attributes);
        }

        /** Whether proving {@code attribute} equal to one of {@code constants} vouches for the parsed value. */
        public boolean vouchedBy(String attribute, Set<Object> constants) {
            Set<String> required = attributes.get(attribute);
            if (required == null) return false;
            return required.isEmpty() || constants.stream().allMatch(c -> required.contains(String.valueOf(c)));
        }
    }

    /** {@code element} is the index inside a tuple argument, or -1 for the whole argument. */
    public record Passing(NamePattern callee, ArgumentSelector arguments, int element) {
    }

    public record ArgumentVector(TaintKind kind, NamePattern callee, ArgumentSelector arguments) {
    }

    /**
     * A method that stores into ({@code value} set) or reads from (value null) its receiver as a
     * mapping keyed by the {@code keys} arguments: configuration parsers, caches, registries.
     */
    public record KeyedAccess(NamePattern callee, List<Integer> keys, Integer value, ArgumentSelector fallback) {
    }

    public record Accumulator(NamePattern callee, ArgumentSelector arguments) {
    }

    private final Map<String, TaintKind> kinds;
    private final List<Source> sources;
    private final List<Source> objectSources;
    private final List<Entry> entries;
    private final List<Handler> handlers;
    /** Every endpoint line, which the dispatches reach whatever the threat models; those of the chosen ones. */
    private final List<Endpoint> endpoints;
    private final List<Endpoint> endpointSources;
    private final List<Dispatch> dispatches;
    private final List<Sink> sinks;
    private final List<Store> stores;
    private final Map<String, List<String>> storeKeyWords;
    private final List<ReturnSink> returns;
    private final List<CategorySinks> categorySinks;
    private final List<Sanitizer> sanitizers;
    private final List<Validator> validators;
    private final List<Rejection> rejections;
    private final List<Containment> containments;
    private final List<AllowList> allowLists;
    private final List<Passing> passings;
    private final List<ArgumentVector> argumentVectors;
    private final long quotedLiteralKinds;
    private final long boundedKinds;
    private final long prefixedKinds;
    private final List<KeyedAccess> keyedAccesses;
    private final List<Accumulator> accumulators;
    private final List<PropertySetter> propertySetters;
    private final List<Wrapper> wrappers;
    private final Set<String> polymorphic;
    private final List<NamePattern> pure;
    private final List<TypedParameter> typedParameters;
    private final List<NamePattern> trusted;
    private final Map<String, List<String>> inputKeys;
    private final Map<String, List<String>> inputParts;
    private final Map<String, Long> sparedKinds;
    private final List<NamePattern> noReturn;
    private final Map<String, List<Operation>> methodOperations;
    private final Map<String, Operation> functionOperations;
    private final List<Embedding> embeddings;
    private final Builder builder;
    /** The kinds of lookup by name whose answers are remembered. */
    private enum Lookup { SOURCE, SOURCE_ATTRIBUTE, MEMBER, TRUSTED, OBJECT, SINK, STORE, SANITIZER, VALIDATOR, KEYED,
        NORETURN, PURE, ACCUMULATOR, PASSING, ARGV, PROPERTY, SINK_METHOD, WRAPPER }

    /** Lookups by name, remembered per kind of lookup: the analysis asks the same names over and over. */
    private final Map<Lookup, Map<String, Object>> lookups = lookupTables();

    private TaintModels(Builder b) {
        this(b, b.sources, b.objectSources, b.entries, b.handlers, b.endpoints);
    }

    private TaintModels(Builder b, List<Source> sources, List<Source> objectSources, List<Entry> entries,
                        List<Handler> handlers, List<Endpoint> endpointSources) {
        this.builder = b;
        this.kinds = Map.copyOf(b.kinds);
        this.sources = List.copyOf(sources);
        this.objectSources = List.copyOf(objectSources);
        this.entries = List.copyOf(entries);
        this.handlers = List.copyOf(handlers);
        this.endpoints = List.copyOf(b.endpoints);
        this.endpointSources = List.copyOf(endpointSources);
        this.dispatches = List.copyOf(b.dispatches);
        this.sinks = List.copyOf(b.sinks);
        this.stores = List.copyOf(b.stores);
        this.storeKeyWords = Map.copyOf(b.storeKeyWords);
        this.returns = List.copyOf(b.returns);
        this.categorySinks = List.copyOf(b.categorySinks);
        this.sanitizers = List.copyOf(b.sanitizers);
        this.validators = List.copyOf(b.validators);
        this.rejections = List.copyOf(b.rejections);
        this.containments = List.copyOf(b.containments);
        this.allowLists = List.copyOf(b.allowLists);
        this.passings = List.copyOf(b.passings);
        this.argumentVectors = List.copyOf(b.argumentVectors);
        this.quotedLiteralKinds = b.quotedLiteralKinds;
        this.boundedKinds = b.boundedKinds;
        this.prefixedKinds = b.prefixedKinds;
        this.keyedAccesses = List.copyOf(b.keyedAccesses);
        this.accumulators = List.copyOf(b.accumulators);
        this.propertySetters = List.copyOf(b.propertySetters);
        this.wrappers = List.copyOf(b.wrappers);
        this.polymorphic = Set.copyOf(b.polymorphic);
        this.pure = List.copyOf(b.pure);
        this.typedParameters = List.copyOf(b.typedParameters);
        this.trusted = List.copyOf(b.trusted);
        this.inputKeys = Map.copyOf(b.inputKeys);
        this.inputParts = Map.copyOf(b.inputParts);
        this.sparedKinds = Map.copyOf(b.sparedKinds);
        this.noReturn = List.copyOf(b.noReturn);
        this.methodOperations = Map.copyOf(b.methodOperations);
        this.functionOperations = Map.copyOf(b.functionOperations);
        this.embeddings = List.copyOf(b.embeddings);
    }

    /** A problem in a models file, with the file and line it stands on. */
    public static final class ModelError extends IllegalArgumentException {
        public ModelError(String file, int line, String why) {
            super(file + ":" + line + ": " + why);
        }
    }

    /** One models file's text and the name to report problems against. */
    public record ModelFile(String name, String text) {
    }

    /** Reads models files; {@code kind} entries may stand in any of them. */
    public static TaintModels parse(List<ModelFile> files) {
        Map<String, TaintKind> kinds = kinds(files);
        Builder builder = new Builder(kinds, embeddings(files, kinds));
        for (ModelFile file : files) {
            forEachEntry(file, (line, words, text) -> builder.add(file, line, words));
        }
        return builder.build();
    }

    /** The dataflow rules the kinds of the files declare: what listing the rules needs, without the rest of the models. */
    public static List<RuleMetadata> rules(List<ModelFile> files) {
        return kinds(files).values().stream().flatMap(kind -> kind.reportedBy().stream()).toList();
    }

    /**
     * The {@code embedded} lines, read before the rest so that every mask names their pending bits: two bits each,
     * from the top of the mask down, above the kinds' own.
     */
    private static List<Embedding> embeddings(List<ModelFile> files, Map<String, TaintKind> kinds) {
        List<Embedding> embeddings = new ArrayList<>();
        for (ModelFile file : files) {
            forEachEntry(file, (line, words, text) -> {
                if (!words[0].equals("embedded")) return;
                require(file, line, words, 3);
                TaintKind kind = kinds.get(words[1]);
                if (kind == null) throw new ModelError(file.name(), line, "unknown kind '" + words[1] + "'");
                if (embeddings.stream().anyMatch(e -> e.kind().equals(kind))) {
                    throw new ModelError(file.name(), line, "kind " + words[1] + " embedded twice");
                }
                int pendingBit = Long.SIZE - 1 - 2 * embeddings.size();
                if (pendingBit - 1 < kinds.size()) throw new ModelError(file.name(), line, "too many kinds");
                List<String> markers = new ArrayList<>();
                for (int i = 2; i < words.length; i++) {
                    markers.add(unescaped(words[i]));
                }
                embeddings.add(new Embedding(kind, List.copyOf(markers), 1L << pendingBit, 1L << (pendingBit - 1)));
            });
        }
        return embeddings;
    }

    /** A text of a models line with the control characters a line cannot hold written as {@code \\n}, {@code \\r}, {@code \\t}. */
    private static String unescaped(String text) {
        return text.replace("\\n", "\n").replace("\\r", "\r").replace("\\t", "\t");
    }

    /** The kinds the files declare, in the order of their declarations (which is the order of their bits). */
    private static Map<String, TaintKind> kinds(List<ModelFile> files) {
        Map<String, TaintKind> kinds = new LinkedHashMap<>();
        for (ModelFile file : files) {
            forEachEntry(file, (line, words, text) -> {
                if (!words[0].equals("kind")) return;
                String[] parts = text.split("\\|", -1);
                words = parts[0].strip().split("\\s+");
                require(file, line, words, 4);
                if (kinds.containsKey(words[1])) throw new ModelError(file.name(), line, "kind " + words[1] + " declared twice");
                if (kinds.size() == Long.SIZE) throw new ModelError(file.name(), line, "too many kinds");
                boolean strict = words.length > 4 && words[4].equals("strict");
                int cwe = integer(file, line, words[2]);
                RuleMetadata rule = rule(file, line, words, strict ? 5 : 4, parts, cwe);
                kinds.put(words[1], new TaintKind(words[1], cwe, Set.of(words[3].split(",")), kinds.size(), strict, rule));
            });
        }
        return kinds;
    }

    /** The dataflow rule a kind line declares after its categories ({@code ID SEVERITY | SUMMARY | FIX}), or null. */
    private static RuleMetadata rule(ModelFile file, int line, String[] words, int at, String[] parts, int cwe) {
        if (words.length == at && parts.length == 1) return null;
        if (words.length != at + 2 || parts.length != 3) {
            throw new ModelError(file.name(), line, "a kind's rule reads: RULE-ID SEVERITY | SUMMARY | FIX");
        }
        Severity severity;
        try {
            severity = Severity.valueOf(words[at + 1].toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ModelError(file.name(), line, "not a severity: " + words[at + 1]);
        }
        try {
            return new RuleMetadata(words[at], cwe, severity, Confidence.HIGH, parts[1].strip(), parts[2].strip(), List.of());
        } catch (IllegalArgumentException e) {
            throw new ModelError(file.name(), line, e.getMessage());
        }
    }

    private static final class Builder {
        final Map<String, TaintKind> kinds;
        final List<Source> sources = new ArrayList<>();
        final List<Source> objectSources = new ArrayList<>();
        final List<Entry> entries = new ArrayList<>();
        final List<Handler> handlers = new ArrayList<>();
        final List<Endpoint> endpoints = new ArrayList<>();
        final List<Dispatch> dispatches = new ArrayList<>();
        final List<Sink> sinks = new ArrayList<>();
        final List<Store> stores = new ArrayList<>();
        final Map<String, List<String>> storeKeyWords = new HashMap<>();
        final List<ReturnSink> returns = new ArrayList<>();
        final List<CategorySinks> categorySinks = new ArrayList<>();
        final List<Sanitizer> sanitizers = new ArrayList<>();
        final List<Validator> validators = new ArrayList<>();
        final List<Rejection> rejections = new ArrayList<>();
        final List<Containment> containments = new ArrayList<>();
        final List<AllowList> allowLists = new ArrayList<>();
        final List<Passing> passings = new ArrayList<>();
        final List<ArgumentVector> argumentVectors = new ArrayList<>();
        long quotedLiteralKinds;
        long boundedKinds;
        long prefixedKinds;
        final List<KeyedAccess> keyedAccesses = new ArrayList<>();
        final List<Accumulator> accumulators = new ArrayList<>();
        final List<PropertySetter> propertySetters = new ArrayList<>();
        final List<Wrapper> wrappers = new ArrayList<>();
        final Set<String> polymorphic = new java.util.HashSet<>();
        final List<TypedParameter> typedParameters = new ArrayList<>();
        final List<NamePattern> trusted = new ArrayList<>();
        final Map<String, List<String>> inputKeys = new HashMap<>();
        final Map<String, List<String>> inputParts = new HashMap<>();
        final Map<String, Long> sparedKinds = new HashMap<>();
        final List<NamePattern> pure = new ArrayList<>();
        final List<NamePattern> noReturn = new ArrayList<>();
        final Map<String, List<Operation>> methodOperations = new HashMap<>();
        final Map<String, Operation> functionOperations = new HashMap<>();

        final List<Embedding> embeddings;

        Builder(Map<String, TaintKind> kinds, List<Embedding> embeddings) {
            this.kinds = kinds;
            this.embeddings = embeddings;
        }

        void add(ModelFile file, int line, String[] words) {
            switch (words[0]) {
                case "kind", "embedded" -> { }
                case "source", "object" -> {
                    require(file, line, words, 3);
                    String label = words.length > 3 ? String.join(" ", List.of(words).subList(3, words.length)) : words[2];
                    (words[0].equals("source") ? sources : objectSources)
                            .add(new Source(words[1], new NamePattern(words[2]), label));
                }
                case "entry" -> {
                    require(file, line, words, 3);
                    entries.add(new Entry(words[1], new NamePattern(words[2])));
                }
                case "sink" -> {
                    require(file, line, words, 4);
                    String condition = null;
                    List<String> conditionValues = List.of();
                    ArgumentSelector unless = null;
                    List<String> unlessNames = List.of();
                    String unlessProperty = null;
                    List<String> unlessPropertyValues = List.of();
                    for (int at = 4; at < words.length; at += 2) {
                        String clause = at + 1 < words.length ? words[at + 1] : "";
                        int equals = clause.indexOf('=');
                        if (words[at].equals("if") && clause.endsWith("=true")) {
                            condition = clause.substring(0, equals);
                        } else if (words[at].equals("if") && equals > 0 && equals + 1 < clause.length()
                                && !clause.endsWith("=false")) {
                            condition = clause.substring(0, equals);
                            conditionValues = List.of(clause.substring(equals + 1).split(","));
                        } else if (words[at].equals("unless") && clause.startsWith("@") && equals > 1) {
                            unlessProperty = clause.substring(1, equals);
                            unlessPropertyValues = List.of(clause.substring(equals + 1).split(","));
                        } else if (words[at].equals("unless") && equals > 0 && !clause.startsWith("@")) {
                            unless = ArgumentSelector.parse(clause.substring(0, equals));
                            unlessNames = List.of(clause.substring(equals + 1).split(","));
                        } else {
                            throw new ModelError(file.name(), line, "a sink condition reads: if KEYWORD=true, if KEYWORD=NAME,..., unless ARGS=NAME,... or unless @PROPERTY=NAME,...");
                        }
                    }
                    sinks.add(new Sink(kind(file, line, words[1]), new NamePattern(words[2]),
                            ArgumentSelector.parse(words[3]), condition, conditionValues, unless, unlessNames, unlessProperty,
                            unlessPropertyValues));
                }
                case "store" -> {
                    require(file, line, words, 3);
                    stores.add(new Store(kind(file, line, words[1]), new NamePattern(words[2])));
                }
                case "keyed" -> {
                    require(file, line, words, 3);
                    storeKeyWords.put(kind(file, line, words[1]).name(), List.of(words[2].toLowerCase(Locale.ROOT).split(",")));
                }
                case "only" -> {
                    require(file, line, words, 4);
                    categorySinks.add(new CategorySinks(words[1], kind(file, line, words[2]),
                            java.util.Arrays.stream(words[3].split(",")).map(NamePattern::new).toList()));
                }
                case "return" -> {
                    require(file, line, words, 3);
                    returns.add(new ReturnSink(kind(file, line, words[1]), new NamePattern(words[2])));
                }
                case "sanitizer" -> {
                    require(file, line, words, 3);
                    sanitizers.add(new Sanitizer(mask(file, line, words[1]), new NamePattern(words[2])));
                }
                case "validator" -> {
                    require(file, line, words, 4);
                    validators.add(new Validator(mask(file, line, words[1]), new NamePattern(words[2]),
                            ArgumentSelector.parse(words[3])));
                }
                case "contained" -> {
                    require(file, line, words, 4);
                    containments.add(new Containment(mask(file, line, words[1]), new NamePattern(words[2]), words[3]));
                }
                case "rejects" -> {
                    require(file, line, words, 3);
                    rejections.add(new Rejection(mask(file, line, words[1]), unescaped(words[2])));
                }
                case "allowlist" -> {
                    require(file, line, words, 4);
                    Map<String, Set<String>> parts = new LinkedHashMap<>();
                    for (String part : words[3].split(",")) {
                        String[] named = part.split("=", 2);
                        parts.put(named[0], named.length == 1 ? Set.of() : Set.of(named[1].split("\\|")));
                    }
                    allowLists.add(new AllowList(mask(file, line, words[1]), new NamePattern(words[2]), parts));
                }
                case "passes" -> {
                    require(file, line, words, 3);
                    String selector = words[2];
                    int element = -1;
                    int bracket = selector.indexOf('[');
                    if (bracket > 0 && selector.endsWith("]")) {
                        element = integer(file, line, selector.substring(bracket + 1, selector.length() - 1));
                        selector = selector.substring(0, bracket);
                    }
                    passings.add(new Passing(new NamePattern(words[1]), ArgumentSelector.parse(selector), element));
                }
                case "puts", "gets" -> {
                    boolean puts = words[0].equals("puts");
                    require(file, line, words, puts ? 4 : 3);
                    List<Integer> keys = new ArrayList<>();
                    for (String key : words[2].split(",")) keys.add(integer(file, line, key));
                    ArgumentSelector fallback = !puts && words.length > 3 ? ArgumentSelector.parse(words[3]) : null;
                    keyedAccesses.add(new KeyedAccess(new NamePattern(words[1]), List.copyOf(keys),
                            puts ? integer(file, line, words[3]) : null, fallback));
                }
                case "appends" -> {
                    require(file, line, words, 3);
                    accumulators.add(new Accumulator(new NamePattern(words[1]), ArgumentSelector.parse(words[2])));
                }
                case "noreturn" -> {
                    require(file, line, words, 2);
                    noReturn.add(new NamePattern(words[1]));
                }
                case "spares" -> {
                    require(file, line, words, 3);
                    sparedKinds.merge(words[2], mask(file, line, words[1]), (a, b) -> a | b);
                }
                case "keys" -> {
                    require(file, line, words, 3);
                    inputKeys.put(words[1], List.of(words[2].split(",")));
                }
                case "parts" -> {
                    require(file, line, words, 3);
                    inputParts.put(words[1], List.of(words[2].split(",")));
                }
                case "trusted" -> {
                    require(file, line, words, 2);
                    trusted.add(new NamePattern(words[1]));
                }
                case "handler" -> {
                    require(file, line, words, 5);
                    Map<String, String> parameters = new LinkedHashMap<>();
                    for (String parameter : words[4].split(",")) {
                        String[] typed = parameter.split(":", 2);
                        parameters.put(typed[0], typed.length == 2 ? typed[1] : "");
                    }
                    handlers.add(new Handler(words[1], new NamePattern(words[2]), List.of(words[3].split(",")), parameters));
                }
                case "endpoint" -> {
                    require(file, line, words, 4);
                    endpoints.add(new Endpoint(words[1], new NamePattern(words[2]), integer(file, line, words[3])));
                }
                case "dispatch" -> {
                    require(file, line, words, 3);
                    dispatches.add(new Dispatch(new NamePattern(words[1]), integer(file, line, words[2])));
                }
                case "typed" -> {
                    require(file, line, words, 4);
                    typedParameters.add(new TypedParameter(words[1], words[2], new NamePattern(words[3])));
                }
                case "property" -> {
                    require(file, line, words, 4);
                    int condition = -1;
                    List<String> conditionValues = List.of();
                    if (words.length > 4) {
                        int equals = words.length == 6 && words[4].equals("if") ? words[5].indexOf('=') : -1;
                        if (equals <= 0 || equals + 1 == words[5].length()) {
                            throw new ModelError(file.name(), line, "a property's condition reads: if N=NAME,...");
                        }
                        condition = integer(file, line, words[5].substring(0, equals));
                        conditionValues = List.of(words[5].substring(equals + 1).toLowerCase(Locale.ROOT).split(","));
                    }
                    propertySetters.add(new PropertySetter(words[1], new NamePattern(words[2]), integer(file, line, words[3]),
                            condition, conditionValues));
                }
                case "wraps" -> {
                    require(file, line, words, 3);
                    wrappers.add(new Wrapper(new NamePattern(words[1]), integer(file, line, words[2])));
                }
                case "polymorphic" -> {
                    require(file, line, words, 2);
                    polymorphic.add(words[1]);
                }
                case "pure" -> {
                    require(file, line, words, 2);
                    pure.add(new NamePattern(words[1]));
                }
                case "prefixed" -> {
                    require(file, line, words, 2);
                    prefixedKinds |= mask(file, line, words[1]);
                }
                case "quoted" -> {
                    require(file, line, words, 2);
                    quotedLiteralKinds |= mask(file, line, words[1]);
                }
                case "bounded" -> {
                    require(file, line, words, 2);
                    boundedKinds |= mask(file, line, words[1]);
                }
                case "argv" -> {
                    require(file, line, words, 4);
                    argumentVectors.add(new ArgumentVector(kind(file, line, words[1]), new NamePattern(words[2]),
                            ArgumentSelector.parse(words[3])));
                }
                case "method", "function" -> {
                    require(file, line, words, 3);
                    boolean method = words[0].equals("method");
                    Operation operation = Operation.named(words[1])
                            .filter(o -> (o.target() == Operation.Target.FUNCTION) != method)
                            .orElseThrow(() -> new ModelError(file.name(), line, "not an operation of a " + words[0]
                                    + ": " + words[1]));
                    for (String name : words[2].split(",")) {
                        if (method) {
                            List<Operation> known = methodOperations.computeIfAbsent(name, n -> new ArrayList<>());
                            if (known.stream().anyMatch(o -> o.target() == operation.target())) {
                                throw new ModelError(file.name(), line, "method " + name + " is already an operation on a "
                                        + operation.target().name().toLowerCase(Locale.ROOT));
                            }
                            known.add(operation);
                        } else if (functionOperations.putIfAbsent(name, operation) != null) {
                            throw new ModelError(file.name(), line, "function " + name + " is already an operation");
                        }
                    }
                }
                default -> throw new ModelError(file.name(), line, "unknown entry '" + words[0] + "'");
            }
        }

        TaintKind kind(ModelFile file, int line, String name) {
            TaintKind kind = kinds.get(name);
            if (kind == null) throw new ModelError(file.name(), line, "unknown kind '" + name + "'");
            return kind;
        }

        long mask(ModelFile file, int line, String list) {
            String[] names = list.split(",");
            boolean all = names[0].equals("all");
            long mask = all ? -1L : 0;
            for (int i = all ? 1 : 0; i < names.length; i++) {
                if (all != names[i].startsWith("-")) {
                    throw new ModelError(file.name(), line, "after 'all' only kinds left out (-NAME), else only kinds: " + list);
                }
                TaintKind named = kind(file, line, all ? names[i].substring(1) : names[i]);
                long kind = named.mask();
                for (Embedding embedding : embeddings) if (embedding.kind().equals(named)) kind |= embedding.pending();
                mask = all ? mask & ~kind : mask | kind;
            }
            return mask;
        }

        TaintModels build() {
            return new TaintModels(this);
        }
    }

    private interface EntryHandler {
        /** {@code line}: where the entry starts; {@code text}: the whole entry, its lines joined. */
        void handle(int line, String[] words, String text);
    }

    private static void forEachEntry(ModelFile file, EntryHandler handler) {
        String[] lines = file.text().split("\n", -1);
        StringBuilder entry = new StringBuilder();
        int start = 0;
        for (int i = 0; i < lines.length; i++) {
            String text = lines[i];
            int comment = text.indexOf('#');
            if (comment >= 0) text = text.substring(0, comment);
            text = text.strip();
            if (entry.isEmpty()) start = i + 1;
            boolean continued = text.endsWith("\\") && i + 1 < lines.length;
            if (continued) text = text.substring(0, text.length() - 1).strip();
            if (!text.isEmpty()) entry.append(entry.isEmpty() ? "" : " ").append(text);
            if (continued) continue;
            if (!entry.isEmpty()) handler.handle(start, words(entry.toString()), entry.toString());
            entry.setLength(0);
        }
    }

    /** The entry's words: split at runs of spaces and tabs by hand, a regular expression per entry being slower to start. */
    private static String[] words(String entry) {
        List<String> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= entry.length(); i++) {
            boolean blank = i == entry.length() || Character.isWhitespace(entry.charAt(i));
            if (blank && start >= 0) {
                words.add(entry.substring(start, i));
                start = -1;
            } else if (!blank && start < 0) {
                start = i;
            }
        }
        return words.toArray(new String[0]);
    }

    private static void require(ModelFile file, int line, String[] words, int count) {
        if (words.length < count) {
            throw new ModelError(file.name(), line, "'" + words[0] + "' needs " + (count - 1) + " fields");
        }
    }

    private static int integer(ModelFile file, int line, String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new ModelError(file.name(), line, "not a number: " + text);
        }
    }

    /**
     * These models with only the sources and entry points of {@code categories}: the threat models
     * of a scan. Data from other sources is then as unknown as any other.
     */
    public TaintModels withSourceCategories(java.util.Set<String> categories) {
        return new TaintModels(builder,
                sources.stream().filter(s -> categories.contains(s.category())).toList(),
                objectSources.stream().filter(s -> categories.contains(s.category())).toList(),
                entries.stream().filter(e -> categories.contains(e.category())).toList(),
                handlers.stream().filter(h -> categories.contains(h.category())).toList(),
                endpoints.stream().filter(e -> categories.contains(e.category())).toList());
    }

    public List<TaintKind> kinds() {
        return kinds.values().stream().sorted(java.util.Comparator.comparingInt(TaintKind::bit)).toList();
    }

    /** The dataflow rules the kinds declare, in the order of the kinds. */
    public List<RuleMetadata> rules() {
        return kinds().stream().flatMap(kind -> kind.reportedBy().stream()).toList();
    }

    public Optional<TaintKind> kind(String name) {
        return Optional.ofNullable(kinds.get(name));
    }

    /** One table per kind of lookup, made up front: only their entries are added while the analysis runs. */
    private static Map<Lookup, Map<String, Object>> lookupTables() {
        Map<Lookup, Map<String, Object>> tables = new java.util.EnumMap<>(Lookup.class);
        for (Lookup lookup : Lookup.values()) tables.put(lookup, new java.util.concurrent.ConcurrentHashMap<>());
        return tables;
    }

    @SuppressWarnings("unchecked")
    private <T> T remembered(Lookup table, String name, java.util.function.Supplier<T> lookup) {
        if (name == null) return lookup.get();
        Map<String, Object> answers = lookups.get(table);
        Object known = answers.get(name);
        if (known == null) {
            known = lookup.get();
            answers.put(name, known);
        }
        return (T) known;
    }

    /** The strict kinds, as a mask: unknown calls do not carry them. */
    public long strictKinds() {
        long mask = 0;
        for (TaintKind kind : kinds.values()) if (kind.strict()) mask |= kind.mask();
        return mask;
    }

    /** The kinds that data of a source category threatens, as a mask. */
    public long kindsThreatenedBy(String category) {
        long mask = 0;
        for (TaintKind kind : kinds.values()) {
            if (kind.sourceCategories().contains(category)) mask |= kind.mask();
        }
        for (Embedding embedding : embeddings) {
            if ((mask & embedding.kind().mask()) != 0) mask = mask & ~embedding.kind().mask() | embedding.pending();
        }
        return mask;
    }

    /** The bits that say a parameter was placed in marked text ({@code embedded}): a parameter starts without them. */
    public long placedBits() {
        long bits = 0;
        for (Embedding embedding : embeddings) bits |= embedding.placed();
        return bits;
    }

    /** The kinds of data placed in text whose constant parts are {@code text}: pending kinds whose markers it holds are now threatened. */
    public long placedIn(long kinds, String text) {
        for (Embedding embedding : embeddings) {
            if ((kinds & embedding.pending()) != 0 && embedding.markedIn(text)) {
                kinds |= embedding.kind().mask() | embedding.placed();
            }
        }
        return kinds;
    }

    /**
     * The kinds a caller's data has after a callee did to its parameter what {@code inCallee} records: the
     * harms both still carry, and the embedded kinds whose pending data the callee placed in marked text.
     */
    public long throughCallee(long given, long inCallee) {
        long kinds = given & inCallee;
        for (Embedding embedding : embeddings) {
            if ((inCallee & embedding.placed()) != 0 && (kinds & embedding.pending()) != 0) {
                kinds |= embedding.kind().mask() | embedding.placed();
            }
        }
        return kinds;
    }

    public Optional<Source> source(String name) {
        return remembered(Lookup.SOURCE, name, () -> sources.stream().filter(s -> s.name().matches(name)).findFirst());
    }

    /** Whether some source or object source of the models is named by this attribute ({@code path} of {@code *().path}). */
    public boolean namesSourceAttribute(String attribute) {
        Boolean result = remembered(Lookup.SOURCE_ATTRIBUTE, attribute, () -> java.util.stream.Stream
                .concat(sources.stream(), objectSources.stream())
                .map(s -> s.name().text())
                .anyMatch(text -> text.endsWith("." + attribute) || text.contains("." + attribute + ".")));
        return result;
    }

    /**
     * Whether a source, object source or sink of the models is {@code name} or a member of it
     * ({@code http.server.BaseHTTPRequestHandler().path} for {@code http.server.BaseHTTPRequestHandler()}).
     */
    public boolean namesMemberOf(String name) {
        Boolean result = remembered(Lookup.MEMBER, name, () -> java.util.stream.Stream.concat(
                        java.util.stream.Stream.concat(sources.stream(), objectSources.stream()).map(s -> s.name().text()),
                        sinks.stream().map(s -> s.callee().text()))
                .anyMatch(text -> text.equals(name) || text.startsWith(name + ".")));
        return result;
    }

    /** Whether a part of an object source is set by the server, not the client. */
    public boolean trusted(String name) {
        Boolean result = remembered(Lookup.TRUSTED, name, () -> trusted.stream().anyMatch(t -> t.matches(name)));
        return result;
    }

    /**
     * Whether the item of object source {@code object} under {@code key} (null: a key not known) is input:
     * always, unless the models list the keys that are ({@code HTTP_*} of a WSGI environment).
     */
    public boolean inputKey(String object, String key) {
        List<String> keys = inputKeys.get(object);
        if (keys == null) return true;
        return NamePattern.listed(keys, key);
    }

    /**
     * Whether {@code member}, an attribute or method of the object source {@code source} (null: an item of it),
     * is input: always, unless the models list the members that are (a Django request's {@code GET}, {@code body},
     * ...; what middleware hangs on it, such as {@code request.event}, is the server's own).
     */
    public boolean inputPart(Source source, String member) {
        List<String> parts = inputParts.get(source.name().text());
        return parts == null || member == null || parts.contains(member);
    }

    /** The kinds data read from the named object source, or the named part of one, cannot harm, as a mask. */
    public long sparedBy(String object) {
        return object == null ? 0 : sparedKinds.getOrDefault(object, 0L);
    }

    /** The object source whose attributes and method results the named value's are. */
    public Optional<Source> objectSource(String name) {
        return remembered(Lookup.OBJECT, name, () -> {
            if (name == null) return Optional.empty();
            return objectSources.stream().filter(s -> s.name().matches(name)).findFirst();
        });
    }

    /** The type the models give a parameter of a function with these decorators (a view's request). */
    public Optional<String> parameterType(List<String> decorators, String parameter) {
        if (decorators.isEmpty()) return Optional.empty();
        return typedParameters.stream()
                .filter(t -> t.parameter().equals(parameter) && decorators.stream().anyMatch(t.decorator()::matches))
                .map(TypedParameter::type)
                .findFirst();
    }

    /**
     * The handler a framework calls {@code method} of a class with these {@code ancestors} (the class
     * itself first) as; {@code *} for the method matches public methods only.
     */
    public Optional<Handler> handler(List<String> ancestors, String method) {
        return handlers.stream()
                .filter(h -> h.handles(method))
                .filter(h -> ancestors.stream().anyMatch(h.base()::matches))
                .findFirst();
    }

    /** The endpoint line whose marker {@code calledName} (what a class body calls) is, among every line or those of the threat models. */
    public Optional<Endpoint> endpoint(String calledName, boolean asSource) {
        return (asSource ? endpointSources : endpoints).stream().filter(e -> e.marker().matches(calledName)).findFirst();
    }

    /** Whether the models have endpoint lines at all; without them no class of any tree is an endpoint. */
    public boolean hasEndpoints() {
        return !endpoints.isEmpty();
    }

    /** The dispatch line a call of {@code callee} matches. */
    public Optional<Dispatch> dispatch(String callee) {
        if (callee == null || dispatches.isEmpty()) return Optional.empty();
        return dispatches.stream().filter(d -> d.callee().matches(callee)).findFirst();
    }

    public Optional<Entry> entry(List<String> decorators) {
        return entries.stream().filter(e -> decorators.stream().anyMatch(e.decorator()::matches)).findFirst();
    }

    public List<Sink> sinks(String callee) {
        return remembered(Lookup.SINK, callee, () -> sinks.stream().filter(s -> s.callee().matches(callee)).toList());
    }

    /** The properties a call sets on its receiver. */
    public List<PropertySetter> propertySetters(String callee) {
        return remembered(Lookup.PROPERTY, callee, () -> propertySetters.stream().filter(p -> p.callee().matches(callee)).toList());
    }

    /** Which argument's object a call's result stands for ({@code wraps} lines). */
    public List<Wrapper> wrappers(String callee) {
        return remembered(Lookup.WRAPPER, callee, () -> wrappers.stream().filter(w -> w.callee().matches(callee)).toList());
    }

    /** Whether some sink is a method so named: calls of others on a polymorphic parameter need no judging. */
    public boolean sinkMethod(String method) {
        Boolean result = remembered(Lookup.SINK_METHOD, method, () -> sinks.stream().map(sink -> sink.callee().text())
                .anyMatch(text -> {
                    String last = text.substring(text.lastIndexOf('.') + 1);
                    return last.equals(method) || last.contains("*");
                }));
        return result;
    }

    /** Whether a parameter declared of {@code type} is the caller's object to judge ({@code polymorphic} lines). */
    public boolean polymorphic(String type) {
        return polymorphic.contains(type);
    }

    public List<Store> stores(String target) {
        return remembered(Lookup.STORE, target, () -> stores.stream().filter(s -> s.target().matches(target)).toList());
    }

    /**
     * Whether a value stored under {@code key} (an item key or attribute name; null when it is not a
     * constant) can do {@code kind}'s harm: always, unless the kind is {@code keyed}; then only under a key
     * that names one of its words (a user's theme in the session is the user's own business, a role is not).
     */
    public boolean storeKeyMatters(TaintKind kind, String key) {
        List<String> words = storeKeyWords.get(kind.name());
        if (words == null) return true;
        if (key == null) return false;
        String name = key.toLowerCase(Locale.ROOT);
        return words.stream().anyMatch(name::contains);
    }

    /**
     * The source categories whose data {@code kind}'s sink at {@code callee} does not heed ({@code callee} null: a
     * return or a store, which no {@code only} line names): those an {@code only} line keeps to other sinks.
     */
    public Set<String> unheeded(TaintKind kind, String callee) {
        Set<String> unheeded = new java.util.HashSet<>();
        for (CategorySinks only : categorySinks) {
            if (only.kind().equals(kind) && (callee == null || only.callees().stream().noneMatch(c -> c.matches(callee)))) {
                unheeded.add(only.category());
            }
        }
        return unheeded;
    }

    public List<ReturnSink> returns(List<String> decorators) {
        return returns.stream().filter(r -> decorators.stream().anyMatch(r.decorator()::matches)).toList();
    }

    /** The kinds a call's result is safe for, as a mask (0 when the callee sanitises nothing). */
    public long sanitizedBy(String callee) {
        Long result = remembered(Lookup.SANITIZER, callee, () -> {
            long mask = 0;
            for (Sanitizer sanitizer : sanitizers) {
                if (sanitizer.callee().matches(callee)) mask |= sanitizer.kinds();
            }
            return mask;
        });
        return result;
    }

    public List<Validator> validators(String callee) {
        return remembered(Lookup.VALIDATOR, callee, () -> validators.stream().filter(v -> v.callee().matches(callee)).toList());
    }

    /** The kinds a value is proven safe for once it is known not to contain {@code tested}. */
    public long rejectedBy(String tested) {
        long mask = 0;
        for (Rejection rejection : rejections) {
            if (tested.contains(rejection.text())) mask |= rejection.kinds();
        }
        return mask;
    }

    public Optional<KeyedAccess> keyedAccess(String callee) {
        return remembered(Lookup.KEYED, callee, () -> keyedAccesses.stream().filter(k -> k.callee().matches(callee)).findFirst());
    }

    /** Whether a call of the callee never returns (it raises or exits). */
    public boolean noReturn(String callee) {
        Boolean result = remembered(Lookup.NORETURN, callee, () -> {
            for (NamePattern p : noReturn) if (p.matches(callee)) return true;
            return false;
        });
        return result;
    }

    /** Whether the callee computes its result from its inputs alone (no I/O, no state). */
    public boolean pure(String callee) {
        Boolean result = remembered(Lookup.PURE, callee, () -> {
            for (NamePattern p : pure) if (p.matches(callee)) return true;
            return false;
        });
        return result;
    }

    public Optional<Accumulator> accumulator(String callee) {
        return remembered(Lookup.ACCUMULATOR, callee, () -> accumulators.stream().filter(a -> a.callee().matches(callee)).findFirst());
    }

    /** The kinds data placed after a fixed URL prefix (scheme and host) is safe for. */
    public long prefixedKinds() {
        return prefixedKinds;
    }

    /** The kinds a value is safe for once proven to be a single quoted string literal. */
    public long quotedLiteralKinds() {
        return quotedLiteralKinds;
    }

    /** The kinds a value is safe for once a comparison proves it below a bound. */
    public long boundedKinds() {
        return boundedKinds;
    }

    public List<Containment> containments(String resolver) {
        return containments.stream().filter(c -> c.resolver().matches(resolver)).toList();
    }

    /** The kinds some {@code contained} line names: those whose values are paths under a base. */
    public long containedKinds() {
        long kinds = 0;
        for (Containment containment : containments) kinds |= containment.kinds();
        return kinds;
    }

    public List<AllowList> allowLists(String parser) {
        return allowLists.stream().filter(a -> a.parser().matches(parser)).toList();
    }

    public Optional<Passing> passing(String callee) {
        return remembered(Lookup.PASSING, callee, () -> passings.stream().filter(p -> p.callee().matches(callee)).findFirst());
    }

    /**
     * The operation a method of this name does to a receiver of {@code target}'s sort (a container, a constant
     * string), when the models name one.
     */
    public Optional<Operation> method(String name, Operation.Target target) {
        if (name == null) return Optional.empty();
        for (Operation operation : methodOperations.getOrDefault(name, List.of())) {
            if (operation.target() == target) return Optional.of(operation);
        }
        return Optional.empty();
    }

    /** The operation a function of this (qualified) name does to its argument, when the models name one. */
    public Optional<Operation> function(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(functionOperations.get(name));
    }

    public List<ArgumentVector> argumentVectors(String callee) {
        return remembered(Lookup.ARGV, callee, () -> argumentVectors.stream().filter(a -> a.callee().matches(callee)).toList());
    }
}

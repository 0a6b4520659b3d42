package dev.secreview.java.lowering;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LiteralStringValueExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import dev.secreview.core.engine.FileDeadline;
import dev.secreview.core.model.SourceFile;
import dev.secreview.core.model.TextRange;
import dev.secreview.dataflow.ir.ClassInfo;
import dev.secreview.dataflow.ir.Function;
import dev.secreview.dataflow.ir.SourceModule;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lowers one Java file to the dataflow IR: each class (nested, local and anonymous ones too) is a {@link ClassInfo}
 * with its bases, the declared types of its fields and the constants its {@code static final} fields hold; each
 * method and constructor (named by {@link #INITIALIZER}) is a {@link Function} whose first parameter, for an
 * instance method, is the receiver {@code this}; instance field initialisers run at the start of every constructor.
 * The module is named after the file's package and its first type ({@code org.example.web.LoginServlet}).
 */
public final class JavaLowering {
    /** The name of a class's constructors in the IR (overloads share it; the first one declared is the one called). */
    public static final String INITIALIZER = "<init>";

    private final SourceFile source;
    final TypeNames names;
    private final List<Function> functions = new ArrayList<>();
    private final List<ClassInfo> classes = new ArrayList<>();
    private final Map<String, Object> constants = new LinkedHashMap<>();
    private int anonymous;
    private int lambdas;

    private JavaLowering(SourceFile source, CompilationUnit unit) {
        this.source = source;
        this.names = new TypeNames(unit);
    }

    public static SourceModule lower(SourceFile source, CompilationUnit unit) {
        JavaLowering lowering = new JavaLowering(source, unit);
        for (TypeDeclaration<?> type : unit.getTypes()) {
            lowering.lowerType(type, lowering.names.type(type.getNameAsString()), null);
        }
        String first = unit.getTypes().isEmpty() ? stem(source.displayPath()) : unit.getType(0).getNameAsString();
        String pkg = lowering.names.packageName();
        return new SourceModule(source, pkg.isEmpty() ? first : pkg + "." + first, lowering.functions, lowering.classes,
                lowering.constants);
    }

    private static String stem(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.endsWith(".java") ? name.substring(0, name.length() - 5) : name;
    }

    /** What the lowering of a method body needs of the class it is in. */
    static final class ClassScope {
        final String name;
        final ClassScope outer;
        /** Field name → declared type (qualified), and whether it is static. */
        final Map<String, String> fieldTypes = new HashMap<>();
        final Set<String> staticFields = new HashSet<>();
        final Set<String> instanceMethods = new HashSet<>();
        final Set<String> staticMethods = new HashSet<>();
        /**
         * The IR names of overloaded methods and constructors by name and number of parameters: the overload with the
         * most parameters keeps the plain name (a call from elsewhere, which cannot choose, binds its arguments to a
         * prefix of them and loses none), the others are {@code name$N}.
         */
        final Map<String, Map<Integer, String>> overloads = new HashMap<>();
        final List<String> bases = new ArrayList<>();

        ClassScope(String name, ClassScope outer) {
            this.name = name;
            this.outer = outer;
        }

        /** The IR name of the method {@code name} called with {@code arity} arguments from the class itself. */
        String overload(String name, int arity) {
            Map<Integer, String> byArity = overloads.get(name);
            if (byArity == null) return name;
            return byArity.getOrDefault(arity, name);
        }

        boolean hasField(String field) {
            return fieldTypes.containsKey(field);
        }
    }

    /** Lowers a class body declared as {@code type}; returns its scope. */
    ClassScope lowerType(TypeDeclaration<?> type, String qualified, ClassScope outer) {
        List<String> bases = new ArrayList<>();
        if (type instanceof ClassOrInterfaceDeclaration c) {
            for (ClassOrInterfaceType t : c.getExtendedTypes()) bases.add(names.type(t));
            for (ClassOrInterfaceType t : c.getImplementedTypes()) bases.add(names.type(t));
        } else if (type instanceof EnumDeclaration e) {
            for (ClassOrInterfaceType t : e.getImplementedTypes()) bases.add(names.type(t));
        } else if (type instanceof RecordDeclaration r) {
            for (ClassOrInterfaceType t : r.getImplementedTypes()) bases.add(names.type(t));
        }
        return lowerBody(type.getMembers(), qualified, bases, outer, type);
    }

    /** Lowers the members of a class (or an anonymous class body) named {@code qualified}. */
    ClassScope lowerBody(NodeList<BodyDeclaration<?>> members, String qualified, List<String> bases, ClassScope outer,
                         Node declaration) {
        ClassScope scope = new ClassScope(qualified, outer);
        scope.bases.addAll(bases);
        Map<String, String> attributeTypes = new HashMap<>();
        Map<String, Object> attributeValues = new HashMap<>();
        Set<String> other = new HashSet<>();
        // A field not bound to a constant holds what the methods store in it (its initialiser is the constructors').
        Set<String> fields = new HashSet<>();
        List<VariableDeclarator> instanceInitializers = new ArrayList<>();
        for (BodyDeclaration<?> member : members) {
            if (member instanceof FieldDeclaration field) {
                for (VariableDeclarator v : field.getVariables()) {
                    String fieldName = v.getNameAsString();
                    String declaredType = names.type(v.getType());
                    scope.fieldTypes.put(fieldName, declaredType);
                    if (field.isStatic()) scope.staticFields.add(fieldName);
                    if (JavaTypes.isObjectType(declaredType)) attributeTypes.put(fieldName, declaredType);
                    Object constant = field.isStatic() && field.isFinal() && v.getInitializer().isPresent()
                            ? constantOf(v.getInitializer().get()) : null;
                    if (constant != null) {
                        attributeValues.put(fieldName, constant);
                        constants.put(qualified + "." + fieldName, constant);
                    } else {
                        fields.add(fieldName);
                        if (!field.isStatic() && v.getInitializer().isPresent()) instanceInitializers.add(v);
                    }
                }
            } else if (member instanceof MethodDeclaration method) {
                (method.isStatic() ? scope.staticMethods : scope.instanceMethods).add(method.getNameAsString());
                other.add(method.getNameAsString());
            }
        }
        if (declaration instanceof RecordDeclaration record) {
            for (Parameter p : record.getParameters()) {
                String t = names.type(p.getType());
                scope.fieldTypes.put(p.getNameAsString(), t);
                scope.instanceMethods.add(p.getNameAsString());
                other.add(p.getNameAsString());
            }
        }
        Map<String, List<CallableDeclaration<?>>> byName = new HashMap<>();
        for (BodyDeclaration<?> member : members) {
            if (member instanceof MethodDeclaration m && m.getBody().isPresent()) {
                byName.computeIfAbsent(m.getNameAsString(), k -> new ArrayList<>()).add(m);
            } else if (member instanceof ConstructorDeclaration c) {
                byName.computeIfAbsent(INITIALIZER, k -> new ArrayList<>()).add(c);
            }
        }
        Map<CallableDeclaration<?>, String> irNames = new java.util.IdentityHashMap<>();
        byName.forEach((name, overloaded) -> {
            if (overloaded.size() < 2) return;
            CallableDeclaration<?> widest = overloaded.get(0);
            for (CallableDeclaration<?> d : overloaded) if (d.getParameters().size() > widest.getParameters().size()) widest = d;
            Map<Integer, String> byArity = new HashMap<>();
            for (CallableDeclaration<?> d : overloaded) {
                int arity = d.getParameters().size();
                String irName = d == widest ? name : name + "$" + arity;
                if (d != widest && (byArity.containsKey(arity) || arity == widest.getParameters().size())) {
                    irName = name + "$" + arity + "$" + overloaded.indexOf(d);   // same arity: analysed, called by no one
                } else {
                    byArity.put(arity, irName);
                }
                irNames.put(d, irName);
            }
            byArity.put(widest.getParameters().size(), name);
            scope.overloads.put(name, byArity);
        });
        classes.add(new ClassInfo(qualified, bases, attributeTypes, attributeValues, other, fields));
        boolean hasConstructor = false;
        for (BodyDeclaration<?> member : members) {
            FileDeadline.check();
            if (member instanceof MethodDeclaration method && method.getBody().isPresent()) {
                addFunction(scope, irNames.getOrDefault(method, method.getNameAsString()), method, method.getParameters(), method.getBody().get(),
                        method.isStatic(), method.getAnnotations(), List.of());
            } else if (member instanceof ConstructorDeclaration constructor) {
                hasConstructor = true;
                addFunction(scope, irNames.getOrDefault(constructor, INITIALIZER), constructor, constructor.getParameters(), constructor.getBody(), false,
                        constructor.getAnnotations(), instanceInitializers);
            } else if (member instanceof TypeDeclaration<?> nested) {
                lowerType(nested, qualified + "." + nested.getNameAsString(), scope);
            }
        }
        if (!hasConstructor && !instanceInitializers.isEmpty()) {
            addFunction(scope, INITIALIZER, declaration, new NodeList<>(), new BlockStmt(), false, new NodeList<>(),
                    instanceInitializers);
        }
        for (BodyDeclaration<?> member : members) {
            if (member instanceof InitializerDeclaration init && !init.isStatic()) {
                addFunction(scope, "<instance-init>", init, new NodeList<>(), init.getBody(), false, new NodeList<>(), List.of());
            } else if (member instanceof InitializerDeclaration init) {
                addFunction(scope, "<clinit>", init, new NodeList<>(), init.getBody(), true, new NodeList<>(), List.of());
            }
        }
        return scope;
    }

    /** An anonymous class body: a class of its own, named after the class it appears in. */
    String anonymousClass(NodeList<BodyDeclaration<?>> body, String base, ClassScope outer, Node node) {
        String name = outer.name + ".anonymous" + (++anonymous);
        lowerBody(body, name, base == null ? List.of() : List.of(base), outer, node);
        return name;
    }

    /**
     * A lambda's body as a function of its own, named after the class it appears in: its receiver {@code this} (in an
     * instance method), then the enclosing method's locals it reads ({@code captured}, of these declared types), then
     * its own parameters. Returns its name.
     */
    String lambda(ClassScope scope, boolean isStatic, List<String> captured, Map<String, String> enclosingTypes,
                  com.github.javaparser.ast.expr.LambdaExpr lambda) {
        String name = scope.name + ".lambda$" + (++lambdas);
        List<String> params = new ArrayList<>();
        Map<String, String> types = new HashMap<>();
        Map<String, String> localTypes = new HashMap<>();
        if (!isStatic) params.add("this");
        for (String local : captured) {
            params.add(local);
            String t = enclosingTypes.getOrDefault(local, "var");
            localTypes.put(local, t);
            if (JavaTypes.isObjectType(t)) types.put(local, t);
        }
        for (Parameter p : lambda.getParameters()) {
            String t = p.getType().isUnknownType() ? "var" : names.type(p.getType());
            params.add(p.getNameAsString());
            localTypes.put(p.getNameAsString(), t);
            if (JavaTypes.isObjectType(t)) types.put(p.getNameAsString(), t);
        }
        MethodLowering body = new MethodLowering(this, scope, isStatic, localTypes);
        body.lambdaBody(lambda);
        functions.add(new Function(name, params, body.build(range(lambda, true)), List.of(), isStatic ? null : scope.name,
                types, range(lambda)));
        return name;
    }

    /** A local class or record: named after the class whose method declares it. */
    void localClass(TypeDeclaration<?> type, ClassScope outer) {
        lowerType(type, outer.name + "." + type.getNameAsString(), outer);
    }

    private void addFunction(ClassScope scope, String name, Node node, NodeList<Parameter> parameters, BlockStmt body,
                             boolean isStatic, NodeList<AnnotationExpr> annotations, List<VariableDeclarator> prologue) {
        List<String> params = new ArrayList<>();
        Map<String, String> types = new HashMap<>();
        Map<String, String> localTypes = new HashMap<>();
        if (!isStatic) params.add("this");
        for (Parameter p : parameters) {
            String t = names.type(p.getType());
            if (p.isVarArgs()) t = t + "[]";
            params.add(p.getNameAsString());
            localTypes.put(p.getNameAsString(), t);
            if (JavaTypes.isObjectType(t) && !p.isVarArgs()) types.put(p.getNameAsString(), t);
        }
        List<String> decorators = new ArrayList<>();
        for (AnnotationExpr a : annotations) decorators.add(names.type(a.getNameAsString()));
        TextRange range = range(node);
        MethodLowering method = new MethodLowering(this, scope, isStatic, localTypes);
        List<Statement> statements = new ArrayList<>();
        method.prologue(prologue);
        statements.addAll(body.getStatements());
        method.statements(statements);
        functions.add(new Function(scope.name + "." + name, params, method.build(range(node, true)), decorators,
                isStatic ? null : scope.name, types, range));
    }

    SourceFile source() {
        return source;
    }

    /** The value of a constant initialiser: a literal, or literals joined by {@code +}; else null. */
    static Object constantOf(Expression e) {
        if (e.isStringLiteralExpr()) return e.asStringLiteralExpr().asString();
        if (e.isTextBlockLiteralExpr()) return e.asTextBlockLiteralExpr().asString();
        if (e.isIntegerLiteralExpr() || e.isLongLiteralExpr()) return Literals.integer((LiteralStringValueExpr) e);
        if (e.isBooleanLiteralExpr()) return e.asBooleanLiteralExpr().getValue();
        if (e.isCharLiteralExpr()) return String.valueOf(e.asCharLiteralExpr().asChar());
        if (e.isDoubleLiteralExpr()) return e.asDoubleLiteralExpr().asDouble();
        if (e.isEnclosedExpr()) return constantOf(e.asEnclosedExpr().getInner());
        if (e.isBinaryExpr() && e.asBinaryExpr().getOperator() == com.github.javaparser.ast.expr.BinaryExpr.Operator.PLUS) {
            Object left = constantOf(e.asBinaryExpr().getLeft());
            Object right = constantOf(e.asBinaryExpr().getRight());
            if (left instanceof String || right instanceof String) {
                return left == null || right == null ? null : String.valueOf(left) + right;
            }
        }
        return null;
    }

    static TextRange range(Node node) {
        return range(node, false);
    }

    /** The node's range, or with {@code end} the one-line range of its last line (where falling off the end returns). */
    static TextRange range(Node node, boolean end) {
        return node.getRange().map(r -> end ? new TextRange(r.end.line, Math.max(1, r.end.column), r.end.line, r.end.column + 1)
                : new TextRange(r.begin.line, Math.max(1, r.begin.column), r.end.line, r.end.column + 1))
                .orElse(new TextRange(1, 1, 1, 1));
    }

}

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.symbolsolver.JavaSymbolSolver;
import com.github.javaparser.symbolsolver.resolution.typesolvers.CombinedTypeSolver;
import com.github.javaparser.symbolsolver.resolution.typesolvers.JavaParserTypeSolver;
import com.github.javaparser.symbolsolver.resolution.typesolvers.ReflectionTypeSolver;

import java.nio.file.*;
import java.util.*;
import java.util.stream.*;

/** Parsing alone against parsing with the symbol solver and resolving every method call's declaring type (see run.sh). */
public class SymbolSolving {
    public static void main(String[] args) throws Exception {
        Path tree = Path.of(args[0]);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(tree)) {
            files = walk.filter(p -> p.toString().endsWith(".java") && !p.toString().contains("/test/")).sorted().toList();
        }
        List<String> texts = new ArrayList<>();
        for (Path f : files) texts.add(Files.readString(f));
        CombinedTypeSolver solver = new CombinedTypeSolver(new ReflectionTypeSolver());
        for (int i = 1; i < args.length; i++) solver.add(new JavaParserTypeSolver(Path.of(args[i])));
        for (int round = 0; round < 2; round++) {
            long t0 = System.nanoTime();
            long calls = 0;
            for (String text : texts) {
                ParserConfiguration config = new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_21);
                Optional<CompilationUnit> unit = new JavaParser(config).parse(text).getResult();
                if (unit.isPresent()) calls += unit.get().findAll(MethodCallExpr.class).size();
            }
            long t1 = System.nanoTime();
            long resolved = 0, failed = 0;
            for (String text : texts) {
                ParserConfiguration config = new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_21)
                        .setSymbolResolver(new JavaSymbolSolver(solver));
                Optional<CompilationUnit> unit = new JavaParser(config).parse(text).getResult();
                if (unit.isEmpty()) continue;
                for (MethodCallExpr call : unit.get().findAll(MethodCallExpr.class)) {
                    try {
                        call.resolve().declaringType().getQualifiedName();
                        resolved++;
                    } catch (Throwable e) {
                        failed++;
                    }
                }
            }
            long t2 = System.nanoTime();
            System.out.printf("round %d: %d files, %d calls; parse %.1f s; parse+resolve %.1f s (%.1fx); resolved %d (%.1f%%), failed %d%n",
                    round, texts.size(), calls, (t1 - t0) / 1e9, (t2 - t1) / 1e9, (double) (t2 - t1) / (t1 - t0), resolved,
                    100.0 * resolved / (resolved + failed), failed);
        }
    }
}

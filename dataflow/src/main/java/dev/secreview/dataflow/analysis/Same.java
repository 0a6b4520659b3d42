package dev.secreview.dataflow.analysis;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether two answers are the same for everything the analysis can make of them: stricter than {@code equals},
 * which leaves a fact's path out ({@link Fact}), so that two answers found the same here give the same findings,
 * the same paths and the same summaries wherever they are used. Maps are compared in their order of iteration too.
 */
final class Same {
    private Same() {
    }

    static boolean summaries(Optional<Summary> a, Optional<Summary> b) {
        if (a.isEmpty() || b.isEmpty()) return a.isEmpty() && b.isEmpty();
        return summary(a.get(), b.get());
    }

    static boolean values(Optional<Value> a, Optional<Value> b) {
        if (a.isEmpty() || b.isEmpty()) return a.isEmpty() && b.isEmpty();
        return value(a.get(), b.get());
    }

    static boolean summary(Summary a, Summary b) {
        if (a == b) return true;
        if (!value(a.returned(), b.returned()) || !a.typedStores().equals(b.typedStores())
                || !valueMaps(a.attributeStores(), b.attributeStores())) {
            return false;
        }
        List<SinkHit> x = a.parameterSinks();
        List<SinkHit> y = b.parameterSinks();
        if (x.size() != y.size()) return false;
        for (int i = 0; i < x.size(); i++) {
            if (!x.get(i).kind().equals(y.get(i).kind()) || !fact(x.get(i).fact(), y.get(i).fact())
                    || !x.get(i).unheeded().equals(y.get(i).unheeded())) {
                return false;
            }
        }
        List<ReceiverCall> p = a.receiverCalls();
        List<ReceiverCall> q = b.receiverCalls();
        if (p.size() != q.size()) return false;
        for (int i = 0; i < p.size(); i++) {
            ReceiverCall c = p.get(i), d = q.get(i);
            if (c.receiver() != d.receiver() || !c.method().equals(d.method()) || !c.path().equals(d.path())
                    || !c.range().equals(d.range()) || c.arguments().size() != d.arguments().size()) {
                return false;
            }
            for (int j = 0; j < c.arguments().size(); j++) if (!taint(c.arguments().get(j), d.arguments().get(j))) return false;
        }
        return true;
    }

    static boolean value(Value a, Value b) {
        if (a == b) return true;
        if (a == null || b == null) return false;
        return a.fixed() == b.fixed() && Objects.equals(a.constant(), b.constant()) && Objects.equals(a.name(), b.name())
                && taint(a.taint(), b.taint()) && values(a.items(), b.items()) && valueMaps(a.entries(), b.entries())
                && valueMaps(a.attributes(), b.attributes());
    }

    private static boolean taint(Taint a, Taint b) {
        if (a == b) return true;
        List<Fact> x = a.facts();
        List<Fact> y = b.facts();
        if (x.size() != y.size()) return false;
        for (int i = 0; i < x.size(); i++) if (!fact(x.get(i), y.get(i))) return false;
        return true;
    }

    static boolean fact(Fact a, Fact b) {
        return a == b || a.kinds() == b.kinds() && a.origin().equals(b.origin()) && Step.sameSteps(a.trace(), b.trace());
    }

    private static boolean values(List<Value> a, List<Value> b) {
        if (a == b) return true;
        if (a == null || b == null || a.size() != b.size()) return false;
        for (int i = 0; i < a.size(); i++) if (!value(a.get(i), b.get(i))) return false;
        return true;
    }

    private static <K> boolean valueMaps(Map<K, Value> a, Map<K, Value> b) {
        if (a == b) return true;
        if (a == null || b == null || a.size() != b.size()) return false;
        Iterator<Map.Entry<K, Value>> x = a.entrySet().iterator();
        Iterator<Map.Entry<K, Value>> y = b.entrySet().iterator();
        while (x.hasNext()) {
            Map.Entry<K, Value> p = x.next();
            Map.Entry<K, Value> q = y.next();
            if (!Objects.equals(p.getKey(), q.getKey()) || !value(p.getValue(), q.getValue())) return false;
        }
        return true;
    }
}

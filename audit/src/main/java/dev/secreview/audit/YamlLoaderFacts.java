package dev.secreview.audit;

import dev.secreview.python.semantic.Call;
import dev.secreview.python.tree.PyNode;

import java.util.Optional;
import java.util.regex.Pattern;

/** A claim that {@code yaml.load} is unsafe, against a call that passes a safe loader. */
final class YamlLoaderFacts extends CallFacts {

    private static final Pattern YAML_LOAD = Pattern.compile("\\byaml\\.load(?:_all)?(?!\\w)");
    private static final Pattern SAFE_LOADER = Pattern.compile("\\b(?:C?SafeLoader|BaseLoader)$");

    @Override
    boolean claims(Claim claim, String assertion) {
        return YAML_LOAD.matcher(assertion).find()
                || claim.identifiers().stream().anyMatch(n -> YAML_LOAD.matcher(n).matches())
                || claim.codeFragments().stream().anyMatch(f -> YAML_LOAD.matcher(f).find());
    }

    @Override
    boolean concerns(Call call, PythonCode code) {
        return call.calls("yaml.load", "yaml.load_all");
    }

    @Override
    Optional<String> refutation(Call call, PythonCode code) {
        PyNode loader = call.argument(1, "Loader");
        if (loader == null || !SAFE_LOADER.matcher(loader.text()).find()) return Optional.empty();
        return Optional.of(Evidence.at(call.node(), "uses " + loader.text() + ", which builds only plain data"));
    }

    /** Whether the default loader is unsafe depends on the PyYAML version: not confirmed. */
    @Override
    Optional<String> confirmation(Call call, PythonCode code) {
        return Optional.empty();
    }
}

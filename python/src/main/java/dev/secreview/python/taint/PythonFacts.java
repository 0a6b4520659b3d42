package dev.secreview.python.taint;

import dev.secreview.core.engine.FileFacts;
import dev.secreview.core.engine.TemplateRender;
import dev.secreview.core.engine.Views;
import dev.secreview.core.model.SourceFile;
import dev.secreview.dataflow.ir.ClassInfo;
import dev.secreview.dataflow.ir.Function;
import dev.secreview.dataflow.ir.SourceModule;
import dev.secreview.python.semantic.SerializerFields;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the whole-tree phase keeps of one Python file: its IR, the templates it renders, the template engine's
 * settings it installs, whether it limits attempts (a rate limiter, a throttle, a count of failed logins), and what it
 * says of model serializers and the fields a client may write through them. In the disk cache the IR is kept as bytes beside
 * the file, and read from them only when the dataflow runs: a tree whose dataflow result the cache holds (only test
 * files changed) never reads it.
 */
public final class PythonFacts implements FileFacts {
    private final SourceFile source;
    private final List<TemplateRender> renders;
    private final Set<Views.EngineSetting> engineSettings;
    private final boolean limitsAttempts;
    private final SerializerFields.Facts serializerFields;
    private transient volatile SourceModule module;
    private transient byte[] stored;

    public PythonFacts(SourceModule module, List<TemplateRender> renders, Set<Views.EngineSetting> engineSettings,
                       boolean limitsAttempts, SerializerFields.Facts serializerFields) {
        this.source = module.source();
        this.limitsAttempts = limitsAttempts;
        this.serializerFields = serializerFields;
        this.module = module;
        this.renders = List.copyOf(renders);
        this.engineSettings = Set.copyOf(engineSettings);
    }

    /** The templates the file's views render, for the template front end. */
    @Override
    public List<TemplateRender> renders() {
        return renders;
    }

    /** The settings of the template engine the file installs. */
    @Override
    public Set<Views.EngineSetting> engineSettings() {
        return engineSettings;
    }

    /** Whether the file names a rate limiter, a throttle or a count of failed attempts. */
    public boolean limitsAttempts() {
        return limitsAttempts;
    }

    /** The models, model serializers and serializer-filling views the file declares. */
    public SerializerFields.Facts serializerFields() {
        return serializerFields;
    }

    /** The file the IR was made from. */
    public SourceFile source() {
        return source;
    }

    public SourceModule module() {
        SourceModule known = module;
        if (known != null) return known;
        synchronized (this) {
            if (module == null) {
                try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(stored))) {
                    Ir ir = (Ir) in.readObject();
                    module = new SourceModule(source, ir.name(), ir.functions(), ir.classes(), ir.constants(), ir.instances());
                    stored = null;
                } catch (IOException | ClassNotFoundException e) {
                    throw new IllegalStateException("the cached IR of " + source.displayPath() + " cannot be read", e);
                }
            }
            return module;
        }
    }

    /** The module without its file, which is written once, beside it. */
    private record Ir(String name, List<Function> functions, List<ClassInfo> classes, Map<String, Object> constants,
                      Map<String, String> instances)
            implements Serializable {
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
        SourceModule written = module();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream ir = new ObjectOutputStream(bytes)) {
            ir.writeObject(new Ir(written.name(), written.functions(), written.classes(), written.constants(),
                    written.instances()));
        }
        out.defaultWriteObject();
        out.writeObject(bytes.toByteArray());
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        if (!(in.readObject() instanceof byte[] bytes)) throw new InvalidObjectException("no IR");
        stored = bytes;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PythonFacts facts && module().equals(facts.module());
    }

    @Override
    public int hashCode() {
        return module().hashCode();
    }

    @Override
    public String toString() {
        return "PythonFacts[" + source.displayPath() + "]";
    }
}

package dev.secreview.templates;

import dev.secreview.core.engine.FileFacts;
import dev.secreview.core.model.SourceFile;
import dev.secreview.templates.parse.Template;

import java.util.List;
import java.util.Map;

/**
 * What the whole-tree phase keeps of one reviewed template: its file, to review it again with what the views pass
 * to it, the templates it includes or extends, which are rendered with its context, and the names it binds to other
 * values (a loop's variable is an item of what it loops over, in an included template too).
 */
record TemplateFacts(SourceFile source, List<Template.Reference> references, Map<String, String> aliases)
        implements FileFacts {

    TemplateFacts {
        references = List.copyOf(references);
        aliases = Map.copyOf(aliases);
    }
}

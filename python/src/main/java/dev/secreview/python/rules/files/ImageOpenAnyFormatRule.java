package dev.secreview.python.rules.files;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RuleInfo;
import dev.secreview.python.api.CallRule;
import dev.secreview.python.api.RuleContext;
import dev.secreview.python.semantic.Call;
import dev.secreview.python.semantic.Snippets;
import dev.secreview.python.tree.PyNode;

@RuleInfo(
        id = "py-image-open-any-format",
        cwe = 434,
        severity = Severity.MEDIUM,
        confidence = Confidence.MEDIUM,
        summary = "An image that is not the program's own is opened with Pillow without formats=, so any of its "
                + "decoders, including rarely used ones and EPS (handed to Ghostscript), parses attacker bytes.",
        fix = "Name the formats the feature needs: Image.open(fp, formats=[\"PNG\", \"JPEG\", \"GIF\", \"WEBP\"]); "
                + "check the size with Image.MAX_IMAGE_PIXELS before loading.",
        altNames = {})
public final class ImageOpenAnyFormatRule implements CallRule {

    @Override
    public void visitCall(Call call, RuleContext context) {
        if (!"PIL.Image.open".equals(call.callee()) || call.unpacksArguments()) return;
        PyNode image = call.argument(0, "fp");
        if (image == null || call.argument(2, "formats") != null || context.values().isConstant(image)) return;
        context.report(call.node(), "`" + Snippets.shortened(call.node().text(), 60) + "` lets Pillow pick the decoder from "
                + "the bytes of `" + Snippets.shortened(image.text(), 40) + "`: an upload can reach any of about forty "
                + "format plugins, including rarely exercised ones and EPS, which Pillow hands to Ghostscript.");
    }
}

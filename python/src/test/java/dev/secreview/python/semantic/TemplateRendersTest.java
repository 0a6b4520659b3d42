package dev.secreview.python.semantic;

import dev.secreview.core.engine.TemplateRender;
import dev.secreview.core.engine.TemplateRender.Origin;
import dev.secreview.core.engine.Views.EngineSetting;
import dev.secreview.core.model.SourceFile;
import dev.secreview.python.tree.PythonParser;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The templates a file renders, and where each value it passes comes from. */
class TemplateRendersTest {

    private static List<TemplateRender> renders(String code) {
        PythonFile file = new PythonFile(new PythonParser().parse(new SourceFile(Path.of("views.py"), "views.py", code)));
        return TemplateRenders.found(file, new Values(file)).renders();
    }

    /** The one render's values, as name → origin. */
    private static Map<String, Origin> origins(String code) {
        List<TemplateRender> found = renders(code);
        assertEquals(1, found.size(), found.toString());
        Map<String, Origin> origins = new TreeMap<>();
        found.get(0).values().forEach((name, passed) -> origins.put(name, passed.origin()));
        return origins;
    }

    @Test
    void flaskKeywordsAndAnUnpackedContext() {
        Map<String, Origin> origins = origins("""
                from flask import render_template, request, url_for
                from markupsafe import escape, Markup
                TITLE = "Search"

                def search():
                    q = request.args.get("q", "")
                    extra = {"page": int(request.args.get("page", 1)), "note": Markup("<b>{}</b>").format(q)}
                    return render_template("search.html", query=q, title=TITLE, shown=escape(q), home=url_for("i"),
                                           hits=store.find(q), label=f"Results for {q}", **extra)
                """);
        assertEquals(Map.of("query", Origin.REQUEST, "title", Origin.FIXED, "shown", Origin.ESCAPED,
                "home", Origin.FIXED, "hits", Origin.UNKNOWN, "label", Origin.REQUEST, "page", Origin.FIXED,
                "note", Origin.ESCAPED), origins);
        assertEquals("search.html", renders("""
                from flask import render_template
                def v():
                    return render_template("search.html")
                """).get(0).template());
    }

    @Test
    void aListIsWhatTheFileAddsToItToo() {
        Map<String, Origin> origins = origins("""
                from flask import render_template, request

                def page():
                    tabs = []
                    tabs.append("overview")
                    sections = []
                    for view in load_views():
                        sections.append(view.render())
                    asked = []
                    asked.append(request.args["tab"])
                    return render_template("page.html", tabs=tabs, sections=sections, asked=asked)
                """);
        assertEquals(Map.of("tabs", Origin.FIXED, "sections", Origin.UNKNOWN, "asked", Origin.REQUEST), origins);
    }

    @Test
    void aFlaskRoutesUrlParametersAreTheRequestsOtherParametersAreNot() {
        Map<String, Origin> origins = origins("""
                from flask import Flask, render_template
                app = Flask(__name__)

                @app.route("/users/<int:user_id>/<name>")
                def profile(user_id, name, theme="light"):
                    return render_template("profile.html", name=name, theme=theme, uid=user_id)
                """);
        assertEquals(Map.of("name", Origin.REQUEST, "theme", Origin.UNKNOWN, "uid", Origin.REQUEST), origins);
    }

    @Test
    void djangoContextsBuiltInTheView() {
        Map<String, Origin> origins = origins("""
                from django.conf import settings
                from django.shortcuts import render
                from django.utils.html import format_html
                from urllib.parse import urlencode

                def detail(request, pk):
                    context = {"post": Post.objects.get(pk=pk), "site": settings.SITE_NAME}
                    context["q"] = request.GET.get("q", "")
                    context.update(byline=format_html("<i>{}</i>", request.user.username))
                    context["share"] = "https://example.org/share?" + urlencode({"u": request.GET["u"]})
                    return render(request, "blog/detail.html", context)
                """);
        assertEquals(Map.of("post", Origin.UNKNOWN, "site", Origin.FIXED, "q", Origin.REQUEST, "byline",
                Origin.ESCAPED, "share", Origin.ESCAPED), origins);
    }

    @Test
    void classBasedViewsGiveTheirTemplateNameAndContextData() {
        List<TemplateRender> found = renders("""
                from django.views.generic import TemplateView

                class About(TemplateView):
                    template_name = "pages/about.html"
                    extra_context = {"motto": "<em>Hi</em>"}

                    def get_context_data(self, **kwargs):
                        context = super().get_context_data(**kwargs)
                        context["ref"] = self.request.GET.get("ref")
                        context["slug"] = self.kwargs["slug"]
                        return context
                """);
        assertEquals(1, found.size());
        assertEquals("pages/about.html", found.get(0).template());
        assertEquals(4, found.get(0).line());
        Map<String, Origin> origins = new TreeMap<>();
        found.get(0).values().forEach((name, passed) -> origins.put(name, passed.origin()));
        assertEquals(Map.of("motto", Origin.FIXED, "ref", Origin.REQUEST, "slug", Origin.REQUEST), origins);
    }

    @Test
    void otherRendersAndWhatIsNotOne() {
        List<TemplateRender> found = renders("""
                from django.template.loader import render_to_string
                from django.template.response import TemplateResponse

                def a(request):
                    html = render_to_string("mail/body.html", {"name": request.POST["name"]})
                    page = env.get_template("page.html").render(title="x")
                    names = ["x.html", "y.html"]
                    render(request, which(), {})
                    return TemplateResponse(request, ["list.html", "base_list.html"], {})
                """);
        assertEquals(List.of("mail/body.html", "page.html", "list.html", "base_list.html"),
                found.stream().map(TemplateRender::template).toList());
        assertEquals(Origin.REQUEST, found.get(0).values().get("name").origin());
        assertEquals(5, found.get(0).values().get("name").line());
        assertEquals("request.POST[\"name\"]", found.get(0).values().get("name").expression());
    }

    @Test
    void flaskBabelInstallsEscapingGettext() {
        for (String code : List.of("""
                from flask import Flask
                from flask_babel import Babel
                app = Flask(__name__)
                babel = Babel(app)
                """, """
                from flask_babel import Babel
                babel = Babel()
                def create_app(app):
                    babel.init_app(app)
                """, """
                env.install_gettext_callables(gettext, ngettext, newstyle=True)
                """)) {
            assertEquals(Set.of(EngineSetting.ESCAPING_GETTEXT), settings(code), code);
        }
        assertEquals(Set.of(), settings("env.install_gettext_callables(gettext, ngettext)\n"));
        assertEquals(Set.of(), settings("from babel import Babel\nBabel()\n"));
    }

    private static Set<EngineSetting> settings(String code) {
        PythonFile file = new PythonFile(new PythonParser().parse(new SourceFile(Path.of("app.py"), "app.py", code)));
        return TemplateRenders.found(file, new Values(file)).settings();
    }
}

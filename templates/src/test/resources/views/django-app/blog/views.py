from django.conf import settings
from django.shortcuts import render
from django.template.response import TemplateResponse
from django.utils.html import format_html
from django.views.generic import TemplateView

from .models import Post


def post_detail(request, pk):
    post = Post.objects.get(pk=pk)
    context = {"post": post, "site_name": settings.SITE_NAME}
    context["highlight"] = request.GET.get("highlight", "")
    context["byline"] = format_html("<i>{}</i>", post.author)
    return render(request, "blog/post_detail.html", context)


def preview(request):
    return TemplateResponse(request, "blog/preview.html", {"body": request.POST["body"], "title": "Preview"})


class AboutView(TemplateView):
    template_name = "blog/about.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["tagline"] = "<em>Notes from the field</em>"
        context["ref"] = self.request.GET.get("ref", "")
        return context

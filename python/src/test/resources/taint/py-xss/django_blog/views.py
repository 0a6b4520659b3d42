"""The blog's class-based views: HTTP methods get the request and the URL's values."""
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.views import View
from django.views.generic import TemplateView

from django_blog.fragments import search_banner, tag_badge, tag_badge_escaped
from django_blog.posts import posts_tagged, posts_tagged_safely


class TagView(View):
    def get(self, request, tag):
        posts = posts_tagged(tag)
        # expect: py-xss
        return HttpResponse(tag_badge(tag) + "<p>%d posts</p>" % len(list(posts)))


class SafeTagView(View):
    def get(self, request, tag):
        posts = posts_tagged_safely(tag)
        # ok: py-xss
        return HttpResponse(tag_badge_escaped(tag) + "<p>%d posts</p>" % len(list(posts)))


class SearchView(TemplateView):
    template_name = "blog/search.html"

    def get(self, request):
        term = request.GET.get("q", "")
        # ok: py-xss
        return HttpResponse(search_banner(term))

    def post(self, request):
        term = request.POST.get("q", "")
        # ok: py-xss
        return JsonResponse({"query": term})

    def put(self, request):
        # expect: py-xss
        return HttpResponse("<p>%s</p>" % request.headers.get("X-Query", ""))

    def patch(self, request):
        """Back to the page itself: the request's own path chooses no other site."""
        # ok: py-open-redirect
        return redirect(request.path)

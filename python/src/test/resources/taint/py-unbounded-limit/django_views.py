"""Django list views that take their page size from the query string."""
from django.core.paginator import Paginator
from django.http import JsonResponse

from .models import Article

MAX_PAGE_SIZE = 100


def articles(request):
    size = int(request.GET.get("size", 20))
    # expect: py-unbounded-limit
    paginator = Paginator(Article.objects.order_by("id"), size)
    page = paginator.get_page(request.GET.get("page"))
    return JsonResponse({"titles": [a.title for a in page]})


def articles_bounded(request):
    size = min(int(request.GET.get("size", 20)), MAX_PAGE_SIZE)
    # ok: py-unbounded-limit
    paginator = Paginator(Article.objects.order_by("id"), size)
    page = paginator.get_page(request.GET.get("page"))
    return JsonResponse({"titles": [a.title for a in page]})

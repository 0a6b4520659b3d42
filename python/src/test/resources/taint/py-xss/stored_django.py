"""Django code that marks text built from rows another user wrote as safe HTML (stored XSS)."""
from django.db import connection
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

from shop.models import Banner, Comment, Product


def comment_body(request, pk):
    comment = Comment.objects.get(pk=pk)
    # expect: py-xss
    return render(request, "shop/comment.html", {"body": mark_safe("<blockquote>" + comment.body + "</blockquote>")})


def product_title(product_slug):
    product = get_object_or_404(Product, slug=product_slug)
    # expect: py-xss
    return mark_safe("<h1>%s</h1>" % product.title)


def latest_comments():
    items = ["<li>%s</li>" % c.body for c in Comment.objects.filter(approved=True).order_by("-created")[:10]]
    # expect: py-xss
    return mark_safe("<ul>" + "".join(items) + "</ul>")


def banner(request):
    template = Banner.objects.values_list("html_template", flat=True).first()
    # expect: py-xss
    return format_html(template, name=request.user.get_full_name())


def product_title_escaped(product_slug):
    product = get_object_or_404(Product, slug=product_slug)
    # ok: py-xss
    return mark_safe("<h1>%s</h1>" % escape(product.title))


def product_title_formatted(product_slug):
    product = get_object_or_404(Product, slug=product_slug)
    # ok: py-xss
    return mark_safe(format_html("<h1>{}</h1>", product.title))


def review_count(product_slug):
    count = Comment.objects.filter(product__slug=product_slug).count()
    # ok: py-xss
    return mark_safe('<span class="badge">%d reviews</span>' % count)


def product_page(request, slug):
    product = get_object_or_404(Product, slug=slug)
    # ok: py-xss
    return render(request, "shop/product.html", {"product": product})


def product_image(request, slug):
    product = Product.objects.get(slug=slug)
    # Stored data is a threat to markup only: a stored path or query is the server's own.
    # ok: py-path-traversal
    with open(product.image_path, "rb") as image:
        data = image.read()
    with connection.cursor() as cursor:
        # ok: py-sql-injection
        cursor.execute("UPDATE shop_product SET views = views + 1 WHERE slug = '%s'" % product.slug)
    # A response also serves stored files and images: a row's value there is content, not a page.
    # ok: py-xss
    return HttpResponse(data, content_type=product.image_type)


def as_markup(text):
    # expect: py-xss
    return mark_safe(text)


def as_response(text):
    # ok: py-xss
    return HttpResponse(text)


def comment_fragments(request, pk):
    comment = Comment.objects.get(pk=pk)
    as_response(comment.body)
    return as_markup(comment.body)

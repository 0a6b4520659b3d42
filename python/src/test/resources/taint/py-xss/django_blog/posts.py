"""The blog's raw queries."""
from django_blog.models import Post


def posts_tagged(tag):
    # expect: py-sql-injection
    return Post.objects.raw("SELECT * FROM blog_post WHERE tags LIKE '%%%s%%'" % tag)


def posts_tagged_safely(tag):
    # ok: py-sql-injection
    return Post.objects.raw("SELECT * FROM blog_post WHERE tags LIKE %s", ["%" + tag + "%"])

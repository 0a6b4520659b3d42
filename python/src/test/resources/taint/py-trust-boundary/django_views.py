"""Django views: what the client sends versus what the server knows about it."""
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse


@login_required
def remember_theme(request):
    # ok: py-trust-boundary
    request.session["theme"] = request.GET.get("theme", "light")
    # expect: py-trust-boundary
    request.session["is_admin"] = request.GET.get("admin", "")
    # ok: py-trust-boundary
    request.session["owner"] = request.user.username
    return HttpResponse("ok")


@login_required
def choose_login_method(request):
    # Which login form the user picked is the user's own business, like a theme.
    # ok: py-trust-boundary
    request.session["auth_type"] = request.POST.get("auth_type", "credentials")
    # expect: py-trust-boundary
    request.session["authenticated_via"] = request.POST.get("idp", "")
    return HttpResponse("ok")

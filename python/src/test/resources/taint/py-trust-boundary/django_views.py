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

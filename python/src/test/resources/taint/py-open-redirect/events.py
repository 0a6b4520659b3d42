"""Django views of an application whose middleware puts the current event on the request."""
from django.core.signing import Signer
from django.http import HttpResponseRedirect
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from inventory.models import Chassis


@require_POST
def reset_cfp(request):
    # ok: py-open-redirect
    return redirect(request.event.cfp.urls.editor)


@require_POST
def follow(request):
    # expect: py-open-redirect
    return redirect(request.POST["next"])


def signed_redirect(request):
    # The URL was signed by this server when it built the link.
    url = Signer(salt="safe-redirect").unsign(request.GET.get("url", ""))
    # ok: py-open-redirect
    return HttpResponseRedirect(url)


@require_POST
def rename_chassis(request, pk):
    chassis = Chassis(pk=pk, name=request.POST["name"])
    chassis.save()
    # ok: py-open-redirect
    return redirect(chassis.get_absolute_url())

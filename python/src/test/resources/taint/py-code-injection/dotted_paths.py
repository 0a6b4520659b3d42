"""Views that import what a request names by dotted path (Django's import_string, Werkzeug's, pydoc.locate)."""
import pydoc

from django.http import JsonResponse
from django.utils.module_loading import import_string
from werkzeug.utils import import_string as wz_import_string

EXPORTERS = {"csv": "reports.exporters.CsvExporter", "json": "reports.exporters.JsonExporter"}


def export(request):
    # expect: py-code-injection
    exporter = import_string(request.GET["exporter"])
    return JsonResponse({"rows": exporter().rows()})


def export_chosen(request):
    # The request picks a key; the dotted path is the program's own.
    # ok: py-code-injection
    exporter = import_string(EXPORTERS.get(request.GET["format"], EXPORTERS["csv"]))
    return JsonResponse({"rows": exporter().rows()})


def hook(request):
    # expect: py-code-injection
    handler = wz_import_string(request.POST["hook"])
    return JsonResponse({"result": handler()})


def locate(request):
    # expect: py-code-injection
    target = pydoc.locate(request.GET.get("target"))
    return JsonResponse({"name": repr(target)})

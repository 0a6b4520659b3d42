"""Django views: a decorator tells that `request` is the HTTP request."""
import pickle

from django.http import HttpResponse
from django.views.decorators.csrf import csrf_exempt


@csrf_exempt
def restore(request):
    # expect: py-tainted-deserialization
    state = pickle.loads(request.body)
    return HttpResponse(str(len(state)))


def replay(request):
    # An undecorated function whose parameter is merely named `request` (an HTTP client's request,
    # say): its body is not known to come from a client.
    # ok: py-tainted-deserialization
    return pickle.loads(request.body)

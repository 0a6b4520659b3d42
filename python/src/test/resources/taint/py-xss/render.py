from django.http import HttpResponse


def greeting(nick):
    return "<p>Welcome back, %s!</p>" % nick


def html_response(body):
    # expect: py-xss
    return HttpResponse("<div class='comment'>" + body + "</div>")

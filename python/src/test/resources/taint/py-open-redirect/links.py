from flask import redirect


def next_url(args):
    return args.get("next") or "/"


def bounce(location):
    # expect: py-open-redirect
    return redirect("https://" + location)

"""Stand-in for markupsafe."""


class Markup(str):
    def striptags(self):
        return str(self)


def escape(s):
    return Markup(s)

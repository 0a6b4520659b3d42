class Scaffold:
    def __init__(self, import_name):
        self.import_name = import_name

    def route(self, rule, **options):
        return lambda f: f

    def before_request(self, f):
        return f

from .scaffold import Scaffold


class Flask(Scaffold):
    def __init__(self, import_name):
        super().__init__(import_name)
        self.secret_key = None
        self.config = {}

    def run(self, host=None, port=None, debug=None):
        pass

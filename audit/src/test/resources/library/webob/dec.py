class wsgify:
    def __init__(self, func=None, RequestClass=None):
        self.func = func

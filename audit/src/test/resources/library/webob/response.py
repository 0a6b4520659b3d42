class Response:
    def __init__(self, body=None, status=None, headerlist=None, content_type=None):
        self.body = body

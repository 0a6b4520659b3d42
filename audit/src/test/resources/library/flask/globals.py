from werkzeug.local import LocalProxy

request = LocalProxy("request")
session = LocalProxy("session")

import requests


def api_url(region):
    return "https://" + region + ".api.example.com/v1/user"


def fetch_json(endpoint):
    # expect: py-ssrf
    return requests.get(endpoint, timeout=5).json()

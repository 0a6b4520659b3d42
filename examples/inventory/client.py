"""Client for the inventory service of the parent region."""
import requests

from inventory import conf


class ParentRegionClient(object):

    def __init__(self, token):
        self.base_url = conf.CONF.inventory.remote_url
        self.token = token

    def hosts(self):
        response = requests.get(self.base_url + "/hosts",
                                headers={"X-Auth-Token": self.token},
                                verify=False)
        response.raise_for_status()
        return response.json()

    def health(self):
        response = requests.get(self.base_url + "/health", timeout=5)
        return response.status_code == 200

"""Pecan controllers of the catalog: exposed methods get the query's parameters and the path's segments."""
import pecan
from pecan import expose, redirect, rest
from wsmeext import pecan as wsme_pecan

from pecan_catalog import db
from pecan_catalog.links import after_login, after_login_on_site


class ItemsController(rest.RestController):

    @wsme_pecan.wsexpose([str], str)
    def get_all(self, category):
        return [name for _, name in db.items_in(category)]

    @expose("json")
    def get_one(self, category):
        return {"items": db.items_in_safely(category)}

    @expose("json")
    def post(self):
        body = pecan.request.json
        return {"items": db.items_in(body["category"])}


class RootController(object):
    items = ItemsController()

    @expose()
    def login(self, user=None, password=None):
        # expect: py-open-redirect
        redirect(after_login(pecan.request.GET.get("next")))

    @expose()
    def login_on_site(self, user=None, password=None):
        # ok: py-open-redirect
        redirect(after_login_on_site(pecan.request.GET.get("next")))

    @expose()
    def logout(self, came_from="/"):
        # expect: py-open-redirect
        redirect(came_from)

    def home(self):
        """Not exposed: Pecan does not route to it."""
        # ok: py-open-redirect
        redirect(self.home_page)

"""A Falcon reports API: responders get the request, the response and the route's fields."""
import falcon

from falcon_reports.reports import report_file, report_file_by_id, reports_since, reports_since_safely


class ReportCollection:
    def on_get(self, req, resp):
        rows = reports_since(req.get_param("since", default="2024-01-01"))
        resp.media = [{"id": r[0], "name": r[1]} for r in rows]

    def on_post(self, req, resp):
        rows = reports_since_safely(req.media.get("since"))
        resp.media = {"count": len(rows)}


class ReportFile:
    def on_get(self, req, resp, name):
        resp.content_type = "application/pdf"
        resp.stream = report_file(name)

    def on_get_by_id(self, req, resp, report_id):
        resp.content_type = "application/pdf"
        resp.stream = report_file_by_id(int(report_id))


app = falcon.App()
app.add_route("/reports", ReportCollection())
app.add_route("/reports/{name}", ReportFile())
app.add_route("/reports/by-id/{report_id}", ReportFile(), suffix="by_id")

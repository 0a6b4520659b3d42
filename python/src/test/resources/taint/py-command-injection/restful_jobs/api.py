"""The jobs API: a Flask-RESTful resource and a MethodView, each HTTP method getting the route's values."""
from flask import Flask, request
from flask.views import MethodView
from flask_restful import Api, Resource

from restful_jobs.runner import job_log, job_log_safely, run_known_tool, run_tool

app = Flask(__name__)
api = Api(app)


class Job(Resource):
    def post(self, tool):
        return {"output": run_tool(tool, request.json["target"]).decode()}

    def put(self, tool):
        return {"output": run_known_tool(tool, request.json["target"]).decode()}


class JobLog(MethodView):
    def get(self, job_name):
        return {"log": job_log(job_name)}

    def head(self, job_name):
        return {"log": job_log_safely(job_name)}

    def rotate(self, job_name):
        """Not an HTTP method: the scheduler calls it with its own job names."""
        return job_log(job_name)


api.add_resource(Job, "/jobs/<tool>")
app.add_url_rule("/jobs/<job_name>/log", view_func=JobLog.as_view("job_log"))

"""A Flask calculator service that evaluates user formulas."""
import ast
import json

from flask import Flask, request

from formulas import wrap_formula, evaluate

app = Flask(__name__)


@app.route("/calc")
def calc():
    expr = request.args.get("expr", "0")
    # expect: py-code-injection
    result = eval(expr)
    return {"result": result}


@app.route("/calc/literal")
def calc_literal():
    expr = request.args.get("expr", "0")
    # ok: py-code-injection
    result = eval(repr(ast.literal_eval(expr)))
    return {"result": result}


@app.route("/calc/json")
def calc_json():
    # ok: py-code-injection
    values = json.loads(request.get_data())
    return {"sum": sum(values)}


@app.route("/hook", methods=["POST"])
def hook():
    body = request.get_json()
    # expect: py-code-injection
    exec("handler_%s()" % body["event"])
    return "ok"


@app.route("/lambda")
def make_lambda():
    source = wrap_formula(request.args["f"])
    # expect: py-code-injection
    fn = eval(source)
    return str(fn(2))


@app.route("/lambda/helper")
def lambda_helper():
    return str(evaluate(request.args["f"]))


@app.route("/script")
def script():
    lines = ["x = 1", request.form["line"]]
    # expect: py-code-injection
    exec("\n".join(lines))
    return "ok"


@app.route("/scale")
def scale():
    factor = request.args.get("factor", "1")
    if factor.isdigit():
        # ok: py-code-injection
        return str(eval("10 * " + factor))
    return "bad"


@app.route("/scale/int")
def scale_int():
    factor = int(request.args.get("factor", "1"))
    # ok: py-code-injection
    return str(eval(f"10 * {factor}"))


@app.route("/op")
def op():
    name = request.args.get("op", "")
    if name in ("abs", "round"):
        # ok: py-code-injection
        return str(eval(name + "(-2.5)"))
    return "bad"


@app.route("/debug")
def debug():
    code = request.args.get("code", "")
    if 7 * 3 > 100:
        # ok: py-code-injection
        exec(code)
    code = "pass"
    # ok: py-code-injection
    exec(code)
    return "ok"

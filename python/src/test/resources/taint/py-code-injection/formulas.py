def wrap_formula(body):
    return "lambda x: " + body


def evaluate(formula):
    # expect: py-code-injection
    fn = eval(f"lambda x: {formula}")
    return fn(2)

"""Checks REST requests against GitHub's published API description, as PyPI's
githubkit-schemas-2022-11-28 carries it: the endpoint (method and path template), the query
parameters the endpoint has, and the JSON body against the endpoint's request model (fields it
does not have are reported too).

Input (the file named on the command line): [{"method", "path", "query": {...}, "body": <JSON or null>}].
Output: {"checked": N, "routes": M, "violations": [{"request", "problem"}]}.

With --serve, it reads one request per line on standard input and answers each with one line,
the JSON list of its problems: the fake GitHub asks it about every request it receives.
"""

import ast
import json
import pathlib
import re
import sys
import typing

import githubkit_schemas.v2022_11_28 as schemas
from githubkit_schemas.v2022_11_28 import models
from pydantic import BaseModel, TypeAdapter, ValidationError

ENDPOINT = re.compile(r"^(GET|POST|PUT|PATCH|DELETE|HEAD) (/\S*)$")
# Path parameters that may hold slashes: git refs (heads/a/b) and file paths.
GREEDY = {"ref", "path", "file_path"}


def routes():
    """Every endpoint of the REST description: (method, regex, template, query names, body model)."""
    found = []
    for source in sorted((pathlib.Path(schemas.__file__).parent / "rest").glob("*.py")):
        tree = ast.parse(source.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.FunctionDef):
                continue
            doc = ast.get_docstring(node)
            if not doc:
                continue
            endpoint = next((ENDPOINT.match(line.strip()) for line in doc.splitlines() if ENDPOINT.match(line.strip())), None)
            if not endpoint:
                continue
            method, template = endpoint.groups()
            query, model = set(), None
            for inner in ast.walk(node):
                if isinstance(inner, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "params" for t in inner.targets):
                    if isinstance(inner.value, ast.Dict):
                        query |= {k.value for k in inner.value.keys if isinstance(k, ast.Constant)}
                if isinstance(inner, ast.Call) and isinstance(inner.func, ast.Name) and inner.func.id == "type_validate_python":
                    if inner.args:
                        # A model name, or a type expression (Union[Model, list[str], ...]).
                        model = ast.unparse(inner.args[0])
            pattern = re.sub(r"\{(\w+)\}", lambda m: "(.+)" if m.group(1) in GREEDY else "([^/]+)", re.escape(template).replace(r"\{", "{").replace(r"\}", "}"))
            literal = len(re.sub(r"\{\w+\}", "", template))
            found.append((method, re.compile("^" + pattern + "$"), template, query, model, literal))
    # The most specific template first: /issues/comments before /issues/{issue_number}.
    found.sort(key=lambda route: -route[5])
    return found


def model_fields(model):
    """The names a model accepts (aliases and field names)."""
    names = set()
    for name, field in model.model_fields.items():
        names.add(name)
        if field.alias:
            names.add(field.alias)
    return names


def nested_models(annotation):
    """BaseModel classes inside a field's annotation (lists, unions, Missing[...])."""
    found = []
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    for argument in typing.get_args(annotation):
        found += nested_models(argument)
    return found


def unknown_fields(value, model, where):
    """Fields of `value` its model does not have, recursively through nested models."""
    problems = []
    if not isinstance(value, dict):
        return problems
    known = model_fields(model)
    for key, item in value.items():
        if key not in known:
            problems.append(f"{where}{key}: not a field of {model.__name__}")
            continue
        field = next((f for n, f in model.model_fields.items() if n == key or f.alias == key), None)
        for nested in nested_models(field.annotation) if field else []:
            items = item if isinstance(item, list) else [item]
            for index, element in enumerate(items):
                problems += unknown_fields(element, nested, f"{where}{key}[{index}]." if isinstance(item, list) else f"{where}{key}.")
            break
    return problems


def check(request, table):
    method, path = request["method"], request["path"]
    if path == "/graphql":
        return []
    candidates = [route for route in table if route[0] == method and route[1].match(path)]
    if not candidates:
        return [f"no endpoint {method} {path} in GitHub's REST description"]
    _, _, template, query, model, _ = candidates[0]
    problems = [f"query parameter '{name}' is not one of {template}'s ({', '.join(sorted(query)) or 'none'})"
                for name in sorted(request.get("query") or {}) if name not in query]
    body = request.get("body")
    if model is None:
        if body not in (None, {}, ""):
            problems.append(f"{template} takes no body")
        return problems
    body_type = eval(model, {}, NAMESPACE)  # noqa: S307 - an expression from the published package, not input
    try:
        TypeAdapter(body_type).validate_python(body)
    except ValidationError as error:
        problems += [f"body: {'.'.join(map(str, e['loc']))}: {e['msg']}" for e in error.errors()]
        return problems
    # Fields the model does not have: with several alternatives, the body must fit one exactly.
    alternatives = [body_type] if isinstance(body_type, type) and issubclass(body_type, BaseModel) else \
        [t for t in typing.get_args(body_type) if isinstance(t, type) and issubclass(t, BaseModel)]
    if isinstance(body, dict) and alternatives:
        found = [unknown_fields(body, alternative, "") for alternative in alternatives]
        if all(found):
            problems += [f"body: {p}" for p in min(found, key=len)]
    return problems


class Namespace(dict):
    """The names a body type expression uses: typing's, and the models (loaded lazily by githubkit)."""

    def __missing__(self, name):
        return getattr(models, name)


NAMESPACE = Namespace({"Union": typing.Union, "Optional": typing.Optional, "Literal": typing.Literal,
                       "Annotated": typing.Annotated, "Any": typing.Any, "list": list, "dict": dict, "str": str, "int": int})


def serve():
    table = routes()
    print(json.dumps({"ready": len(table)}), flush=True)
    for line in sys.stdin:
        if not line.strip():
            continue
        try:
            problems = check(json.loads(line), table)
        except Exception as error:  # a bug here must not hang the fake: it is reported as a problem
            problems = [f"the contract check failed: {error!r}"]
        print(json.dumps(problems), flush=True)


def main():
    if sys.argv[1:] == ["--serve"]:
        serve()
        return
    requests = json.loads(pathlib.Path(sys.argv[1]).read_text(encoding="utf-8"))
    table = routes()
    violations = []
    for request in requests:
        for problem in check(request, table):
            violations.append({"request": f"{request['method']} {request['path']}", "problem": problem})
    json.dump({"checked": len(requests), "routes": len(table), "violations": violations}, sys.stdout)


if __name__ == "__main__":
    main()

"""Checks requests against GitHub's published API descriptions.

REST, as PyPI's githubkit-schemas-2022-11-28 carries GitHub's OpenAPI description: the endpoint
(method and path template), the query parameters the endpoint has, and the JSON body against the
endpoint's request model (fields it does not have are reported too).

GraphQL (`POST /graphql`), against GitHub's public schema (the SDL file named by --graphql-schema;
scripts/test takes it from a pinned PyPI source distribution): the document is parsed and
validated by graphql-core (GraphQL.js's rules: fields, arguments, types, fragments, variables
declared and used), the variables are coerced to their declared types, a field, argument or enum
value GitHub serves only under a preview must come with that preview's Accept header, and none
may be one GitHub has deprecated (it is removed on a date).

Input (the file named on the command line): [{"method", "path", "query": {...}, "headers": {...},
"body": <JSON or null>}].
Output: {"checked": N, "routes": M, "violations": [{"request", "problem"}]}.

With --serve, it reads one request per line on standard input and answers each with one line,
the JSON list of its problems: the fake GitHub asks it about every request it receives. Its first
line is {"ready": routes} or {"error": why it cannot check}.
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

import graphql
from graphql.execution.values import get_variable_values

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


def preview_of(definition):
    """The preview (toggledBy) a schema element is marked with, or None."""
    node = getattr(definition, "ast_node", None)
    for directive in getattr(node, "directives", None) or []:
        if directive.name.value == "preview":
            for argument in directive.arguments:
                if argument.name.value == "toggledBy":
                    return argument.value.value
    return None


class SchemaMarks(graphql.Visitor):
    """Fields, arguments and enum values of the document that GitHub serves only under a preview
    (`previews`: what, preview) or has deprecated (`deprecated`: what, reason): a deprecated
    element is removed on GitHub's schedule, so a client that uses one breaks on a date."""

    def __init__(self, schema, type_info):
        super().__init__()
        self.schema = schema
        self.type_info = type_info
        self.previews = []
        self.deprecated = []

    def mark(self, what, definition):
        if definition is None:
            return
        if preview := preview_of(definition):
            self.previews.append((what, preview))
        if getattr(definition, "deprecation_reason", None):
            self.deprecated.append((what, " ".join(definition.deprecation_reason.split())))

    def enter_field(self, node, *_):
        parent = self.type_info.get_parent_type()
        self.mark(f"field {parent.name if parent else '?'}.{node.name.value}", self.type_info.get_field_def())

    def enter_argument(self, node, *_):
        self.mark(f"argument {node.name.value}", self.type_info.get_argument())

    def enter_object_field(self, node, *_):
        parent = graphql.get_named_type(self.type_info.get_parent_input_type())
        if isinstance(parent, graphql.GraphQLInputObjectType):
            self.mark(f"input field {parent.name}.{node.name.value}", parent.fields.get(node.name.value))

    def enter_named_type(self, node, *_):
        # A type condition (`... on T`) or a variable's type: the type itself may be a preview.
        self.mark(f"type {node.name.value}", self.schema.get_type(node.name.value))

    def enter_enum_value(self, node, *_):
        enum = graphql.get_named_type(self.type_info.get_input_type())
        if isinstance(enum, graphql.GraphQLEnumType):
            self.mark(f"enum value {enum.name}.{node.value}", enum.values.get(node.value))


def mark_value(marks, input_type, value, where):
    """What a variable's value uses of the schema: its enum values and input fields, through
    lists and input objects (the document's own literals are visited with it)."""
    named = graphql.get_nullable_type(input_type)
    if isinstance(named, graphql.GraphQLList):
        for index, item in enumerate(value if isinstance(value, list) else [value]):
            mark_value(marks, named.of_type, item, f"{where}[{index}]")
    elif isinstance(named, graphql.GraphQLEnumType) and isinstance(value, str):
        marks.mark(f"enum value {named.name}.{value} (in {where})", named.values.get(value))
    elif isinstance(named, graphql.GraphQLInputObjectType) and isinstance(value, dict):
        marks.mark(f"input type {named.name} (in {where})", named)
        for key, item in value.items():
            field = named.fields.get(key)
            if field is not None:
                marks.mark(f"input field {named.name}.{key} (in {where})", field)
                mark_value(marks, field.type, item, f"{where}.{key}")


def check_graphql(request, schema):
    """What is wrong with a GraphQL request under GitHub's public schema."""
    body = request.get("body")
    if not isinstance(body, dict) or not isinstance(body.get("query"), str):
        return ["a GraphQL request is a JSON object with a query string"]
    extra = sorted(set(body) - {"query", "variables", "operationName"})
    if extra:
        return [f"GraphQL request fields {', '.join(extra)} are not query, variables or operationName"]
    try:
        document = graphql.parse(body["query"])
    except graphql.GraphQLError as error:
        return [f"GraphQL syntax: {error.message}"]
    errors = graphql.validate(schema, document)
    if errors:
        return [f"GraphQL: {error.message}" for error in errors]
    operation = graphql.get_operation_ast(document, body.get("operationName"))
    if operation is None:
        if body.get("operationName"):
            return [f"GraphQL: the document has no operation named {body['operationName']!r}"]
        return ["GraphQL: the document must name the operation to run (it holds several)"]
    variables = body.get("variables")
    if variables is None:
        variables = {}
    if not isinstance(variables, dict):
        return ["GraphQL variables must be a JSON object (or absent)"]
    coerced = get_variable_values(schema, operation.variable_definitions or [], variables)
    problems = [f"GraphQL variables: {error.message}" for error in coerced] if isinstance(coerced, list) else []
    undeclared = sorted(set(variables) - {d.variable.name.value for d in operation.variable_definitions or []})
    problems += [f"GraphQL variables: ${name} is sent but not declared by the operation" for name in undeclared]
    accept = (request.get("headers") or {}).get("accept", "")
    type_info = graphql.TypeInfo(schema)
    marks = SchemaMarks(schema, type_info)
    graphql.visit(document, graphql.TypeInfoVisitor(type_info, marks))
    for definition in operation.variable_definitions or []:
        name = definition.variable.name.value
        if name in variables:
            mark_value(marks, graphql.type_from_ast(schema, definition.type), variables[name], f"${name}")
    for what, preview in marks.previews:
        if f"application/vnd.github.{preview}+json" not in accept:
            problems.append(f"GraphQL: {what} is a preview GitHub serves only with 'Accept: application/vnd.github.{preview}+json'")
    problems += [f"GraphQL: {what} is deprecated by GitHub: {reason}" for what, reason in marks.deprecated]
    return problems


def check(request, table, schema=None):
    method, path = request["method"], request["path"]
    if path == "/graphql" and method == "POST":
        if schema is None:
            return ["no GraphQL schema was given to check the request against (--graphql-schema)"]
        return check_graphql(request, schema)
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


def load_schema(arguments):
    """GitHub's GraphQL schema from the file after --graphql-schema, or None without the option."""
    if "--graphql-schema" not in arguments:
        return None
    path = pathlib.Path(arguments[arguments.index("--graphql-schema") + 1])
    schema = graphql.build_schema(path.read_text(encoding="utf-8"))
    # GitHub's schema breaks one rule of the newest spec draft that graphql-core 3.3 enforces: a
    # deprecated field implementing an interface field that is not deprecated (six fields of
    # TeamDiscussion and TeamDiscussionComment). That is about the schema, not the documents
    # checked against it; any other problem stops.
    problems = [error.message for error in graphql.validate_schema(schema) if not error.message.endswith("must not be deprecated.")]
    if problems:
        raise ValueError(f"{path}: not a valid GraphQL schema: {problems[0]}")
    schema._validation_errors = []  # graphql-core's record that the schema was validated
    return schema


def serve(arguments):
    try:
        table, schema = routes(), load_schema(arguments)
    except Exception as error:  # the one answer the fake gets: why nothing can be checked
        print(json.dumps({"error": f"{type(error).__name__}: {error}"}), flush=True)
        return
    print(json.dumps({"ready": len(table)}), flush=True)
    for line in sys.stdin:
        if not line.strip():
            continue
        try:
            problems = check(json.loads(line), table, schema)
        except Exception as error:  # a bug here must not hang the fake: it is reported as a problem
            problems = [f"the contract check failed: {error!r}"]
        print(json.dumps(problems), flush=True)


def main():
    arguments = sys.argv[1:]
    if "--serve" in arguments:
        serve(arguments)
        return
    requests = json.loads(pathlib.Path(arguments[0]).read_text(encoding="utf-8"))
    table, schema = routes(), load_schema(arguments)
    violations = []
    for request in requests:
        for problem in check(request, table, schema):
            violations.append({"request": f"{request['method']} {request['path']}", "problem": problem})
    json.dump({"checked": len(requests), "routes": len(table), "violations": violations}, sys.stdout)


if __name__ == "__main__":
    main()

"""Differential oracle for CODEOWNERS matching: the PyPI codeowners package (a port of hmarr/codeowners).

Reads a JSON file {"files": [{"text": CODEOWNERS text, "paths": [path, ...]}, ...]} and prints,
per file, the line number of the rule that decides each path's owners (last match wins), or null.
A pattern the package refuses answers "error" for every path of its file.
"""
import json
import sys

from codeowners import CodeOwners


def main() -> None:
    with open(sys.argv[1], encoding="utf-8") as handle:
        request = json.load(handle)
    answer = []
    for item in request["files"]:
        try:
            owners = CodeOwners(item["text"])
        except ValueError:
            answer.append(["error" for _ in item["paths"]])
            continue
        answer.append([owners.matching_line(path)[1] for path in item["paths"]])
    json.dump(answer, sys.stdout)


if __name__ == "__main__":
    main()

"""Differential oracle for GitHub heading anchors: the PyPI github-slugger package.

Reads a JSON file {"documents": [[heading, ...], ...]} and prints [[slug, ...], ...]: each
document's headings slugged in order through one GithubSlugger, so duplicates get -1, -2...
"""
import json
import sys

from github_slugger import GithubSlugger


def main() -> None:
    with open(sys.argv[1], encoding="utf-8") as handle:
        request = json.load(handle)
    answer = []
    for document in request["documents"]:
        slugger = GithubSlugger()
        answer.append([slugger.slug(heading) for heading in document])
    json.dump(answer, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Writes arxiv_categories.csv from arXiv's own taxonomy (arxiv-base: arxiv/taxonomy/definitions.py).

Usage: python3 make_categories.py DEFINITIONS_PY > arxiv_categories.csv

Python 3, no dependencies: definitions.py imports pydantic classes from arxiv.taxonomy.category; a stand-in module
that keeps the keyword arguments is enough to read the tables. Rerunnable and deterministic (rows sorted by code).

oai_dc_subject is the text arXiv's OAI-PMH oai_dc records give a category in <dc:subject>: "<archive name> -
<category name>" for a subject class (cs.LG: "Computer Science - Machine Learning"), the category's own name for
a category that is a whole archive (hep-th: "High Energy Physics - Theory", quant-ph: "Quantum Physics").
"""
import csv
import sys
import types


class _Kw:
    def __init__(self, **kw):
        self.__dict__.update(kw)


def main(path):
    stub = types.ModuleType("arxiv.taxonomy.category")
    stub.Group = stub.Archive = stub.Category = _Kw
    for name in ("arxiv", "arxiv.taxonomy"):
        sys.modules[name] = types.ModuleType(name)
    sys.modules["arxiv.taxonomy.category"] = stub
    scope = {}
    with open(path, encoding="utf-8") as f:
        exec(compile(f.read(), path, "exec"), scope)  # noqa: S102 - arXiv's own data file, read once by hand
    archives, categories = scope["ARCHIVES"], scope["CATEGORIES"]
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["category", "name", "archive", "archive_name", "active", "oai_dc_subject"])
    for code in sorted(categories):
        cat = categories[code]
        archive = archives[cat.in_archive]
        subject = cat.full_name if "." not in code else f"{archive.full_name} - {cat.full_name}"
        out.writerow([code, cat.full_name, cat.in_archive, archive.full_name,
                      "true" if cat.is_active else "false", subject])


if __name__ == "__main__":
    main(sys.argv[1])

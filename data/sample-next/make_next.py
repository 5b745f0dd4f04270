#!/usr/bin/env python3
"""Writes data/sample-next/changes-2026-06-03.jsonl: next week's copies of a few records of data/sample.

The Kaggle snapshot is republished weekly: some papers gain versions, a few have their metadata edited. Reading
data/sample together with this file is such a newer snapshot (the ingest keeps the newer copy of each id: more
versions, then the later update_date). Every record here is a real record of data/sample with one documented,
deterministic change; nothing else is invented. Run from the repository root: python3 data/sample-next/make_next.py
"""
import gzip
import json
import re
from datetime import datetime, timezone

SAMPLE = "data/sample"
OUT = "data/sample-next/changes-2026-06-03.jsonl"
UPDATED = "2026-06-03"
LLM = re.compile(r"\bLLMs?\b")
BLACK_HOLE = re.compile(r"\bblack holes?\b", re.I)


def read(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def created(y, m, d, hh):
    # arXiv's own form: RFC 1123 with an unpadded day, "Mon, 1 Jun 2026 09:00:00 GMT".
    return datetime(y, m, d, hh, 0, 0, tzinfo=timezone.utc).strftime("%a, {} %b %Y %H:%M:%S GMT").format(d)


def with_version(record, when):
    r = json.loads(json.dumps(record))
    n = max(int(v["version"][1:]) for v in r["versions"]) + 1
    r["versions"].append({"version": "v%d" % n, "created": when})
    r["update_date"] = UPDATED
    return r


def edited(record, **fields):
    r = json.loads(json.dumps(record))
    r.update(fields)
    r["update_date"] = UPDATED
    return r


def main():
    may25 = sorted(read(SAMPLE + "/recent/recent-2025-05.jsonl.gz"), key=lambda r: r["id"])
    may26 = sorted(read(SAMPLE + "/recent/recent-2026-05.jsonl.gz"), key=lambda r: r["id"])
    head = read(SAMPLE + "/kaggle/sharath_head200_dump2025.jsonl")
    llm25 = [r for r in may25 if LLM.search(r["title"])]
    llm26 = [r for r in may26 if LLM.search(r["title"])]
    out = []
    # Four May 2026 LLM papers get a v2 in June 2026: the llm topic lists every version, so a new month.
    for i, r in enumerate(llm26[:4]):
        out.append(with_version(r, created(2026, 6, 1 + i, 9)))
    # Three May 2025 LLM papers get a new version in May 2026.
    for i, r in enumerate(llm25[:3]):
        out.append(with_version(r, created(2026, 5, 20 + i, 14)))
    # An old black-hole paper (a topic listed by its newest version) gets one more version in June 2026: it moves months.
    r = next(r for r in head if BLACK_HOLE.search(r["title"] + " " + r["abstract"])
             and r["categories"].split()[0].split(".")[0] in ("gr-qc", "astro-ph", "hep-th"))
    out.append(with_version(r, created(2026, 6, 2, 16)))
    # A title corrected (a May 2025 LLM paper): its listing rows change, its versions do not.
    r = llm25[3]
    out.append(edited(r, title=r["title"].rstrip(".") + " (revised title)"))
    # An old paper gets a cross-list added: only the category counts of its months change.
    r = next(r for r in head if r["categories"] == "math.CO")
    out.append(edited(r, categories=r["categories"] + " cs.DM"))
    # An old paper gets its journal reference and DOI: nothing any listing or count shows.
    # (One of April 2007 with a single version: a month no other change here touches.)
    r = next(r for r in head if r["journal-ref"] is None and r["doi"] is None and len(r["versions"]) == 1
             and " Apr 2007 " in r["versions"][0]["created"])
    out.append(edited(r, **{"journal-ref": "Example Journal 1 (2008) 1-10", "doi": "10.0000/example.%s" % r["id"]}))
    with open(OUT, "w", encoding="utf-8") as f:
        for r in out:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print("wrote %d records to %s" % (len(out), OUT))


if __name__ == "__main__":
    main()

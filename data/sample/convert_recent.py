#!/usr/bin/env python3
"""Converts chosen days of the daily cs listings (shared/data/recent/YYYY-MM-DD.jsonl.gz) to the Kaggle
arxiv-metadata-oai-snapshot format, one record per id.

Rerunnable and deterministic (same input, same bytes): python3 data/sample/convert_recent.py
    --recent ../shared/data/recent --month 2025-05 --month 2026-02 --out-dir data/sample/recent

Rules (see data/sample/MANIFEST.md):
- an id becomes one record, from the FIRST of all listing days on which it was listed (all files are scanned,
  not only the chosen ones); the record is written if that first day is a chosen day;
- abstract <- summary, comments <- comment, authors <- names joined with ", ",
  authors_parsed <- each name split at its last space into [last, first, ""];
- categories <- the listed categories space-joined, non-arXiv codes (ACM "I.2.7", MSC "68T50", ...) dropped;
- update_date <- the listing day; one version "v1" created at the listing day 00:00:00 GMT (the announcement day,
  not the submission time); submitter, journal-ref, doi, report-no and license null;
- text keeps its whitespace exactly as in the source.
"""
import argparse
import datetime as dt
import glob
import gzip
import json
import os
import re
import sys

ARXIV_CATEGORY = re.compile(r"^[a-z]+(-[a-z]+)?(\.[A-Za-z]+(-[a-z]+)?)?$")
DAY_FILE = re.compile(r"^(\d{4}-\d{2}-\d{2})\.jsonl\.gz$")


def rfc1123_midnight(day):
    d = dt.date.fromisoformat(day)
    return "%s, %d %s %d 00:00:00 GMT" % (d.strftime("%a"), d.day, d.strftime("%b"), d.year)


def authors_parsed(name):
    name = name.strip()
    if " " not in name:
        return [name, "", ""]
    first, last = name.rsplit(" ", 1)
    return [last, first, ""]


def to_kaggle(rec, day, counts):
    cats = []
    for c in rec.get("categories") or []:
        if ARXIV_CATEGORY.match(c):
            cats.append(c)
        else:
            counts["non_arxiv_codes_dropped"] += 1
    authors = rec.get("authors") or []
    return {
        "id": rec["id"],
        "submitter": None,
        "authors": ", ".join(authors),
        "title": rec.get("title"),
        "comments": rec.get("comment"),
        "journal-ref": None,
        "doi": None,
        "report-no": None,
        "categories": " ".join(cats),
        "license": None,
        "abstract": rec.get("summary"),
        "versions": [{"version": "v1", "created": rfc1123_midnight(day)}],
        "update_date": day,
        "authors_parsed": [authors_parsed(a) for a in authors],
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--recent", required=True, help="folder of YYYY-MM-DD.jsonl.gz daily listings")
    ap.add_argument("--month", action="append", default=[], help="YYYY-MM to convert (repeatable)")
    ap.add_argument("--day", action="append", default=[], help="YYYY-MM-DD to convert (repeatable)")
    ap.add_argument("--all", action="store_true", help="every month of the listings, one file a month")
    ap.add_argument("--out-dir", required=True, help="writes recent-<month or day>.jsonl.gz here")
    args = ap.parse_args()
    if not args.month and not args.day and not args.all:
        ap.error("give --month, --day or --all")

    days = sorted(m.group(1) for m in (DAY_FILE.match(os.path.basename(p))
                                       for p in glob.glob(os.path.join(args.recent, "*.jsonl.gz"))) if m)
    if not days:
        sys.exit("no YYYY-MM-DD.jsonl.gz files in " + args.recent)

    first_listing = {}  # id -> (day, record) of the first day it was listed, first line of that day
    lines = 0
    for day in days:
        with gzip.open(os.path.join(args.recent, day + ".jsonl.gz"), "rt", encoding="utf-8") as f:
            for line in f:
                lines += 1
                rec = json.loads(line)
                if rec["id"] not in first_listing:
                    first_listing[rec["id"]] = (day, rec)

    months = sorted({d[:7] for d in days}) if args.all else args.month
    groups = [(m, lambda d, m=m: d.startswith(m + "-")) for m in months] + \
             [(d, lambda x, d=d: x == d) for d in args.day]
    os.makedirs(args.out_dir, exist_ok=True)
    print("read %d lines of %d daily files: %d distinct ids" % (lines, len(days), len(first_listing)))
    for name, chosen in groups:
        counts = {"records": 0, "non_arxiv_codes_dropped": 0}
        out_path = os.path.join(args.out_dir, "recent-%s.jsonl.gz" % name)
        with open(out_path, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as gz:
            for rid, (day, rec) in first_listing.items():  # dict order: by first day, then line order
                if chosen(day):
                    out = to_kaggle(rec, day, counts)
                    gz.write((json.dumps(out, separators=(",", ":")) + "\n").encode("utf-8"))
                    counts["records"] += 1
        print("%s: %d records, %d non-arXiv category codes dropped -> %s"
              % (name, counts["records"], counts["non_arxiv_codes_dropped"], out_path))


if __name__ == "__main__":
    main()

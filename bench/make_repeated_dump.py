#!/usr/bin/env python3
"""Writes a bigger Kaggle-format dump by repeating the real records of data/sample under fresh unique ids.

Only the id changes: every copy keeps the record's text, categories and versions. Ids are new-style
YYMM.NNNNN, unique across the output. Used by bench/ingest.sh; the output is never committed.
"""
import argparse
import glob
import gzip
import json
import os


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--records", type=int, required=True, help="number of lines to write")
    ap.add_argument("--sample", default=os.path.join(os.path.dirname(__file__), "..", "data", "sample", "kaggle"))
    ap.add_argument("--out", required=True, help="output file (.jsonl, or .jsonl.gz to compress)")
    args = ap.parse_args()

    records = []
    seen = set()
    for path in sorted(glob.glob(os.path.join(args.sample, "*.jsonl"))):
        with open(path, encoding="utf-8") as f:
            for line in f:
                rec = json.loads(line)
                if rec["id"] not in seen:  # one copy of each real paper; duplicates are not the point here
                    seen.add(rec["id"])
                    records.append(rec)

    opener = gzip.open if args.out.endswith(".gz") else open
    with opener(args.out, "wt", encoding="utf-8") as out:
        for n in range(args.records):
            rec = dict(records[n % len(records)])
            block, number = divmod(n, 99999)
            year, month = divmod(block, 12)
            rec["id"] = "%02d%02d.%05d" % (90 + year % 10, month + 1, number + 1)
            out.write(json.dumps(rec, ensure_ascii=False, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main()

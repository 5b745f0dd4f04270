#!/usr/bin/env python3
"""Compares make-big-dump's expected accounting (its --manifest) with a run's run-summary.json.

Prints one JSON line: expected, actual, and whether each figure matches. Exit 0 either way: the report says.
    accounting.py MANIFEST RUN_SUMMARY
"""
import json
import sys

# make-big-dump's bad-line kinds and the quarantine reason arxiv-digest gives each.
REASON = {
    "truncated_json": "malformed_json",
    "missing_id": "missing_id",
    "empty_versions": "no_versions",
    "bad_date": "bad_version_date",
    "invalid_utf8": "invalid_utf8",
}


def main():
    manifest = json.load(open(sys.argv[1]))
    summary = json.load(open(sys.argv[2]))
    expected = {
        "records_read": manifest["lines"],
        "papers": manifest["distinct_ids"],
        "duplicates_dropped": manifest["duplicates"],
        "versions": manifest["versions"],
        "quarantined_by_reason": {REASON[k]: v for k, v in sorted(manifest["bad"].items()) if v},
    }
    actual = {
        "records_read": summary.get("records_read"),
        "papers": summary.get("papers"),
        "duplicates_dropped": summary.get("duplicates_dropped"),
        "versions": summary.get("versions"),
        "quarantined_by_reason": {k: v for k, v in sorted((summary.get("quarantined_by_reason") or {}).items()) if v},
    }
    matches = {k: expected[k] == actual[k] for k in expected}
    print(json.dumps({"kind": "accounting", "papers_requested": manifest["distinct_ids"], "expected": expected,
                      "actual": actual, "matches": matches, "all_match": all(matches.values())}))


if __name__ == "__main__":
    main()

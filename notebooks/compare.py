#!/usr/bin/env python3
"""Compares the text outputs of executed notebooks with the committed ones (issue 26): every code cell's stream
text, text/plain and text/html must be the same; images may differ in bytes and are not compared.

    notebooks/compare.py COMMITTED_DIR EXECUTED_DIR      exit 1 and the first differences when they differ
"""
import json
import sys
from pathlib import Path

TEXT = ("text/plain", "text/html")


def texts(path):
    nb = json.loads(Path(path).read_text(encoding="utf-8"))
    out = []
    for i, cell in enumerate(c for c in nb["cells"] if c["cell_type"] == "code"):
        for o in cell.get("outputs", []):
            if o["output_type"] == "stream":
                out.append((i, o["name"], "".join(o["text"])))
            elif "data" in o:
                for kind in TEXT:
                    if kind in o["data"]:
                        out.append((i, kind, "".join(o["data"][kind])))
            elif o["output_type"] == "error":
                out.append((i, "error", o.get("ename", "") + ": " + o.get("evalue", "")))
    return out


def main():
    committed, executed = Path(sys.argv[1]), Path(sys.argv[2])
    bad = 0
    for nb in sorted(committed.glob("*.ipynb")):
        a, b = texts(nb), texts(executed / nb.name)
        if not a:
            print(f"notebooks: {nb.name} is committed without outputs")
            bad += 1
        elif a != b:
            bad += 1
            print(f"notebooks: {nb.name}: text outputs differ from the committed ones")
            for x, y in zip(a, b):
                if x != y:
                    print("  committed:", repr(x)[:300])
                    print("  executed: ", repr(y)[:300])
                    break
            if len(a) != len(b):
                print(f"  {len(a)} committed outputs, {len(b)} executed")
        else:
            print(f"notebooks: {nb.name}: {len(a)} text outputs as committed")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()

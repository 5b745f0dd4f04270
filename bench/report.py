#!/usr/bin/env python3
"""Turns bench/run's results.jsonl into the figures of issue 8 and writes them into bench/RESULTS.md.

The generated part sits between the BEGIN/END markers of RESULTS.md; the rest of the file (the log of changes and
their effect) is kept as it is.
    report.py RESULTS_JSONL REPO [--print-only]
"""
import json
import os
import platform
import statistics
import subprocess
import sys
from datetime import datetime, timezone

BEGIN = "<!-- BEGIN bench/run: generated, do not edit by hand -->"
END = "<!-- END bench/run -->"


def sh(*cmd, cwd=None):
    try:
        return subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "?"


def machine(repo):
    cpu = "?"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem_gib = "?"
    try:
        for line in open("/proc/meminfo"):
            if line.startswith("MemTotal"):
                mem_gib = f"{int(line.split()[1]) / 1024 / 1024:.1f}"
    except OSError:
        pass
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()
    commit = sh("git", "rev-parse", "--short", "HEAD", cwd=repo)
    dirty = sh("git", "status", "--porcelain", "--untracked-files=no", cwd=repo)
    return {
        "cores": os.cpu_count(), "cpu": cpu, "memory_gib": mem_gib, "jvm": java[0] if java else "?",
        "os": platform.platform(), "commit": commit + (" (with uncommitted changes)" if dirty and dirty != "?" else ""),
        "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
    }


def fmt(x, digits=1):
    return "–" if x is None else f"{x:,.{digits}f}"


def verdict(ok):
    return "met" if ok else "**not met**"


def main():
    rows = [json.loads(line) for line in open(sys.argv[1]) if line.strip()]
    repo = sys.argv[2]
    print_only = "--print-only" in sys.argv
    m = machine(repo)
    anchors = {}
    runs = {}
    accounting = None
    for r in rows:
        if r["kind"] == "anchor":
            anchors[(r["engine"], r["papers_requested"])] = r
        elif r["kind"] == "run":
            runs[(r["label"], r["papers_requested"])] = r
        elif r["kind"] == "accounting":
            accounting = r
    sizes = sorted({n for (label, n) in runs if label == "run"})
    out = [BEGIN, "", f"Machine: {m['cores']} cores ({m['cpu']}), {m['memory_gib']} GiB, {m['jvm']}, {m['os']}.",
           f"Date {m['date']}, commit {m['commit']}. `local[2]`, `spark.driver.memory` (heap) 4g, one cold JVM per "
           "command. DuckDB `duckdb_jdbc` 1.4.4.0, 2 threads: the median of 3 runs of its query in one process; "
           "the bare Spark anchor runs the same query 3 times in one JVM (first = cold); the DuckDB pipeline anchor "
           "(issue 22) does the datasets' work of ingest and the llm keyword listing (`DuckDbPipeline`), the median "
           "of 3 in one process, 2 threads.", ""]
    out += ["| papers | input MB | DuckDB s | bare Spark s (cold / warm) | `run` wall s | run / DuckDB | "
            "ingest+keyword s | throughput vs DuckDB | DuckDB pipeline s | ingest+classify s | vs pipeline | "
            "papers/s | MB/s | peak RSS MB | s per 1k papers |",
            "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    per_paper = {}
    checks = []
    for n in sizes:
        run = runs[("run", n)]
        duck = anchors.get(("duckdb", n))
        spark = anchors.get(("spark", n))
        duck_s = statistics.median(duck["seconds"]) if duck else None
        pipe = anchors.get(("duckdb-pipeline", n))
        pipe_s = statistics.median(pipe["seconds"]) if pipe else None
        stages = run["stage_seconds"] or {}
        ingest_kw = sum(v for k, v in stages.items() if k.startswith("ingest.")) + stages.get("classify.assign", 0)
        ingest_classify = sum(v for k, v in stages.items() if k.startswith(("ingest.", "classify.")))
        vs_pipe = ingest_classify / pipe_s if pipe_s and ingest_classify else None
        mb = run["input_bytes"] / 1e6
        wall = run["wall_seconds"]
        papers = run["papers"] or n
        per_paper[n] = wall / papers
        ratio = wall / duck_s if duck_s else None
        throughput = duck_s / ingest_kw if duck_s and ingest_kw else None
        out.append(f"| {n:,} | {mb:,.0f} | {fmt(duck_s, 2)} | "
                   f"{fmt(spark['seconds'][0]) if spark else '–'} / {fmt(min(spark['seconds'][1:]) if spark and len(spark['seconds']) > 1 else None)} | "
                   f"{fmt(wall)} | {fmt(ratio)}× | {fmt(ingest_kw)} | {fmt(throughput, 2)}× | {fmt(pipe_s, 2)} | "
                   f"{fmt(ingest_classify)} | {fmt(vs_pipe)}× | {papers / wall:,.0f} | "
                   f"{mb / wall:,.1f} | {run['peak_rss_mb']:,.0f} | {1000 * per_paper[n]:.3f} |")
        if ratio is not None:
            checks.append((f"whole `run` at {n:,} papers ≤ 20× DuckDB", f"{ratio:.1f}×", ratio <= 20))
        if throughput is not None:
            checks.append((f"ingest + keyword classification at {n:,} papers ≥ 0.5× DuckDB's throughput",
                           f"{throughput:.2f}×", throughput >= 0.5))
        if vs_pipe is not None and n in (300000, 2900000):
            checks.append((f"ingest + classify at {n:,} papers ≤ 2× the DuckDB pipeline (issue 22)",
                           f"{vs_pipe:.1f}×", vs_pipe <= 2))
        wall_target = {300000: 110, 2900000: 400}.get(n)
        if wall_target:
            checks.append((f"whole `run` at {n:,} papers ≤ {wall_target} s (issue 22)", f"{wall:.1f} s",
                           wall <= wall_target))
    out.append("")
    out += ["Seconds per stage (from each run's `run-summary.json`):", ""]
    stage_names = []
    for n in sizes:
        for k in runs[("run", n)]["stage_seconds"] or {}:
            if k not in stage_names:
                stage_names.append(k)
    out += ["| stage | " + " | ".join(f"{n:,}" for n in sizes) + " |", "|---|" + "---|" * len(sizes)]
    for k in stage_names:
        out.append(f"| `{k}` | " + " | ".join(fmt((runs[("run", n)]["stage_seconds"] or {}).get(k)) for n in sizes)
                   + " |")
    out.append("")
    out += ["Backfill of one month (`run --from M --to M`, M the newest month) and a rerun with nothing changed, "
            "after the full run on the same output:", "",
            "| papers | full run s | one-month backfill s | backfill / run | rerun s | rerun / run | rerun says nothing changed | skipped as unchanged (backfill; rerun) |",
            "|---|---|---|---|---|---|---|---|"]
    for n in sizes:
        run, back, again = runs[("run", n)], runs.get(("backfill", n)), runs.get(("rerun", n))
        b = back["wall_seconds"] / run["wall_seconds"] if back else None
        a = again["wall_seconds"] / run["wall_seconds"] if again else None
        out.append(f"| {n:,} | {fmt(run['wall_seconds'])} | {fmt(back['wall_seconds']) if back else '–'} | {fmt(b, 2)} | "
                   f"{fmt(again['wall_seconds']) if again else '–'} | {fmt(a, 2)} | "
                   f"{again['nothing_changed'] if again else '–'} | "
                   f"{', '.join(back.get('skipped_stages') or []) if back else '–'}; "
                   f"{', '.join(again.get('skipped_stages') or []) if again else '–'} |")
        if b is not None:
            checks.append((f"one-month backfill at {n:,} ≤ 1/10 of the full run", f"{b:.2f}", b <= 0.1))
            if n == 2900000:
                checks.append((f"one-month backfill at {n:,} ≤ 45 s (issue 22)", f"{back['wall_seconds']:.1f} s",
                               back["wall_seconds"] <= 45))
        if a is not None:
            checks.append((f"rerun with nothing changed at {n:,} ≤ 1/5 of the full run", f"{a:.2f}", a <= 0.2))
    out.append("")
    if len(sizes) > 1:
        lo, hi = sizes[0], sizes[-1]
        lin = per_paper[hi] / per_paper[lo]
        checks.append((f"seconds per paper at {hi:,} within 1.2× of that at {lo:,}", f"{lin:.2f}×", lin <= 1.2))
    packed = [(k, r) for (k, n), r in runs.items() if k in ("run-gz", "run-bz2")]
    if packed:
        n = packed[0][1]["papers_requested"]
        plain = runs[("run", n)]
        out += [f"Compressed input ({n:,} papers; gzip -1 and bzip2 -1 of the same file):", "",
                "| input | MB on disk | `run` wall s | vs plain | ingest.parse s |", "|---|---|---|---|---|",
                f"| plain | {plain['input_bytes'] / 1e6:,.0f} | {fmt(plain['wall_seconds'])} | 1.00× | "
                f"{fmt((plain['stage_seconds'] or {}).get('ingest.parse'))} |"]
        for k, r in sorted(packed):
            out.append(f"| {k[4:]} | {r['input_bytes'] / 1e6:,.0f} | {fmt(r['wall_seconds'])} | "
                       f"{r['wall_seconds'] / plain['wall_seconds']:.2f}× | "
                       f"{fmt((r['stage_seconds'] or {}).get('ingest.parse'))} |")
        out.append("")
    if accounting:
        out += [f"Accounting (`make-big-dump --dup-rate 0.01 --bad-rate 0.001`, {accounting['papers_requested']:,} "
                "papers, `ingest`): expected from the manifest vs `run-summary.json`:", "",
                "| figure | expected | actual | equal |", "|---|---|---|---|"]
        for k, v in accounting["expected"].items():
            out.append(f"| {k} | {json.dumps(v)} | {json.dumps(accounting['actual'][k])} | {accounting['matches'][k]} |")
        out.append("")
        checks.append(("accounting equals the manifest exactly", str(accounting["all_match"]), accounting["all_match"]))
    for (label, n), r in sorted(runs.items(), key=lambda kv: (kv[0][1], kv[0][0])):
        if r["status"] != "succeeded":
            checks.append((f"{label} at {n:,} succeeded", r["status"], False))
    out += ["Targets:", "", "| target | measured | |", "|---|---|---|"]
    out += [f"| {t} | {v} | {verdict(ok)} |" for t, v, ok in checks]
    out += ["", END]
    text = "\n".join(out) + "\n"
    print(text)
    if not print_only:
        path = os.path.join(repo, "bench", "RESULTS.md")
        old = open(path).read() if os.path.exists(path) else "# Benchmark results\n\n"
        if BEGIN in old and END in old:
            new = old[: old.index(BEGIN)] + text.rstrip("\n") + old[old.index(END) + len(END):]
        else:
            new = old.rstrip("\n") + "\n\n## Full-scale benchmark (issue 8): `bench/run`\n\n" + text
        with open(path, "w") as f:
            f.write(new)


if __name__ == "__main__":
    main()

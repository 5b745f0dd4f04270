#!/usr/bin/env python3
"""Where a run's time goes, from a Spark event log (issue 22's profiling recipe).

Run the job with
  --conf spark.eventLog.enabled=true --conf spark.eventLog.dir=file:///tmp/ev --conf spark.eventLog.compress=false
then: bench/eventlog.py /tmp/ev/local-...  [--jobs]

Per arxiv-digest stage (the job description Stages sets): Spark jobs, Spark stages, tasks, the wall span from the
first job's start to the last job's end, task-seconds, and how busy the slots were (task-seconds / span / slots).
With --jobs, every job too: its stages' task counts and durations, so that a chain of one-task jobs shows.
"""
import argparse
import collections
import json
import os
import sys


def lines(path):
    """The log's lines: one file, or a rolling log's files (events_<n>_...) in order."""
    files = [path]
    if os.path.isdir(path):
        files = sorted((os.path.join(path, n) for n in os.listdir(path) if n.startswith("events_")),
                       key=lambda p: int(os.path.basename(p).split("_")[1]))
    for name in files:
        with open(name, encoding="utf-8") as f:
            yield from f


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("log", help="an uncompressed event log: a file, or the folder of a rolling log (Spark 4's "
                                "eventlog_v2_...)")
    ap.add_argument("--jobs", action="store_true", help="list every job")
    ap.add_argument("--slots", type=int, default=2)
    args = ap.parse_args()

    jobs = {}  # job id -> dict
    stage_tasks = collections.defaultdict(list)  # stage id -> [(launch, finish)]
    first = last = None
    for line in lines(args.log):
        e = json.loads(line)
        kind = e["Event"]
        if kind == "SparkListenerJobStart":
            props = e.get("Properties") or {}
            desc = props.get("spark.job.description") or "(none)"
            jobs[e["Job ID"]] = {"desc": desc, "start": e["Submission Time"], "end": None,
                                 "stages": [s["Stage ID"] for s in e["Stage Infos"]]}
        elif kind == "SparkListenerJobEnd":
            jobs[e["Job ID"]]["end"] = e["Completion Time"]
        elif kind == "SparkListenerTaskEnd":
            info = e["Task Info"]
            stage_tasks[e["Stage ID"]].append((info["Launch Time"], info["Finish Time"]))
            first = info["Launch Time"] if first is None else min(first, info["Launch Time"])
            last = info["Finish Time"] if last is None else max(last, info["Finish Time"])

    by_stage = collections.OrderedDict()
    for jid in sorted(jobs):
        j = jobs[jid]
        s = by_stage.setdefault(j["desc"], {"jobs": 0, "stages": 0, "tasks": 0, "task_ms": 0,
                                             "start": j["start"], "end": j["end"] or j["start"]})
        s["jobs"] += 1
        s["start"] = min(s["start"], j["start"])
        s["end"] = max(s["end"], j["end"] or j["start"])
        for st in j["stages"]:
            tasks = stage_tasks.get(st, [])
            if tasks:
                s["stages"] += 1
            s["tasks"] += len(tasks)
            s["task_ms"] += sum(b - a for a, b in tasks)

    print(f"{'stage':32} {'jobs':>5} {'sstages':>7} {'tasks':>6} {'span s':>7} {'task s':>7} {'busy':>5}")
    for name, s in by_stage.items():
        span = (s["end"] - s["start"]) / 1000
        busy = s["task_ms"] / 1000 / span / args.slots if span > 0 else 0
        print(f"{name[:32]:32} {s['jobs']:5} {s['stages']:7} {s['tasks']:6} {span:7.1f} "
              f"{s['task_ms'] / 1000:7.1f} {busy:5.0%}")
    if first is not None:
        total = sum(s["task_ms"] for s in by_stage.values()) / 1000
        span = (last - first) / 1000
        print(f"first task to last: {span:.1f} s, {total:.1f} task-s on {args.slots} slots "
              f"({total / span / args.slots:.0%} busy)")
    if args.jobs:
        t0 = min(j["start"] for j in jobs.values())
        for jid in sorted(jobs):
            j = jobs[jid]
            parts = []
            for st in j["stages"]:
                tasks = stage_tasks.get(st, [])
                if tasks:
                    parts.append(f"{len(tasks)}t/{(max(b for _, b in tasks) - min(a for a, _ in tasks)) / 1000:.1f}s")
            dur = ((j["end"] or j["start"]) - j["start"]) / 1000
            print(f"job {jid:4} +{(j['start'] - t0) / 1000:7.1f}s {dur:6.2f}s {j['desc'][:28]:28} {' '.join(parts)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

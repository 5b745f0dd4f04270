#!/usr/bin/env python3
"""Writes docs/trending-terms.md: the top 10 trending terms of every topic for the last six months, before and
after a change of the scorer, each term judged generic or topical (issue 25).

A term is generic when it is on docs/generic-words.txt (committed before the scorer changed; the job never reads
it), or a phrase whose words are all on it. Whether a topical term names a method, model, dataset, task or object
of its topic is read by a person: docs/trending-judgements.csv (topic, term, names: yes/no) holds those readings;
terms not in it are shown as unread. Only the standard library: CSV in, markdown out.

    python3 docs/trending_terms.py --before docs/trending-terms-before.csv \
        --after data/train/trending/extracts/trending_terms.csv \
        --stats data/train/trending/extracts/monthly_topic_stats.csv > docs/trending-terms.md
"""
import argparse
import csv
import os
import sys
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = 10


def generic_words(path):
    with open(path, encoding="utf-8") as f:
        return {w.strip() for w in f if w.strip() and not w.startswith("#")}


def is_generic(term, generic):
    return all(w in generic for w in term.split())


def meets_target(generic, naming, shown):
    """Whether a topic-month's top terms meet issue 25's target: at most 1 generic, and at least 7 of 10 naming a
    method, model, dataset, task or object (70% of a shorter list)."""
    return generic <= 1 and (naming >= 7 if shown >= TOP else naming >= 0.7 * shown)


def top_terms(path):
    """(topic, month) -> terms by rank, the first TOP; and term -> label, as pages show it (outputs written before
    terms had labels have no label column: the term is shown)."""
    out, labels = defaultdict(list), {}
    with open(path, encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            out[(r["topic"], r["month"])].append((int(r["rank"]), r["term"]))
            labels[(r["topic"], r["month"], r["term"])] = r.get("label") or r["term"]
    return {k: [t for _, t in sorted(v)[:TOP]] for k, v in out.items()}, labels


def month_papers(path):
    """(topic, month) -> papers listed on the topic's pages that month."""
    out = {}
    with open(path, encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            if r["listed_papers"]:
                out[(r["topic"], r["month"])] = int(r["listed_papers"])
    return out


def judgements(path):
    out = {}
    if os.path.exists(path):
        with open(path, encoding="utf-8", newline="") as f:
            for r in csv.DictReader(f):
                out[(r["topic"], r["term"])] = r["names"] == "yes"
    return out


def intro(w, months):
    w("Made by `docs/trending_terms.py` (commands in its docstring and in `data/train/README.md`) from a run over all "
      "of `../shared/data/recent` (59,937 cs papers of 2025-03..2026-07). The months shown are the last "
      f"{months} of that data; the scorer's thresholds were chosen on the eight months before them "
      "(2025_06..2026_01) and these were read once, after; the noun-phrase shape and the 2-grams of adjacent words "
      "were developed on these months (see the notes at the end) and tested on `docs/trending-eval.md` and "
      "`docs/trending-eval2.md`, the plain words on `docs/trending-eval4.md`, the nested phrases on "
      "`docs/trending-eval5.md`.\n\n")
    w("Marks: ~~term~~ (G) generic (on `docs/generic-words.txt`, or all its words are); **term** names a method, "
      "model, dataset, task or object of the topic (read by a person, `docs/trending-judgements.csv`); term (–) "
      "read and judged not to; a plain term is unread. Before: the rise of TF-IDF weight; after: the log-odds "
      "z-score with the corpus prior, the noun-phrase shape, 2-grams only of adjacent words, plain words never "
      "alone, a nested term shown as the longer phrase its papers write, and no term a sentence encoder reads as "
      "naming nothing (`TrendingTerms`, `TermPhrases`, `UnnamedTerms`). After-terms are written as pages show them: "
      "their label, as most of their papers write them in running text (the readings were of the lower-case "
      "key; the key and rank are the same).\n\n")


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--before", required=True, help="trending_terms.csv of the old scorer")
    p.add_argument("--after", required=True, help="trending_terms.csv of the new scorer")
    p.add_argument("--stats", required=True, help="monthly_topic_stats.csv of the same output")
    p.add_argument("--generic", default=os.path.join(HERE, "generic-words.txt"))
    p.add_argument("--judgements", default=os.path.join(HERE, "trending-judgements.csv"))
    p.add_argument("--notes", default=os.path.join(HERE, "trending-notes.md"),
                   help="a markdown section appended as it is (what the figures mean)")
    p.add_argument("--title", default="Trending terms: before and after (issue 25)")
    p.add_argument("--intro", help="a markdown file said first instead of the default introduction")
    p.add_argument("--months", type=int, default=6)
    p.add_argument("--min-papers", type=int, default=30)
    a = p.parse_args()
    generic = generic_words(a.generic)
    (before, _), (after, labels) = top_terms(a.before), top_terms(a.after)
    papers = month_papers(a.stats)
    judged = judgements(a.judgements)
    months = sorted({m for _, m in papers})[-a.months:]
    topics = sorted({t for t, _ in papers})

    def mark(topic, term, shown=None):
        """The term as judged (generic, readings: by its key), shown as its label where it has one."""
        shown = shown or term
        if is_generic(term, generic):
            return f"~~{shown}~~ (G)"
        names = judged.get((topic, term))
        return shown if names is None else (f"**{shown}**" if names else f"{shown} (–)")

    w = sys.stdout.write
    w(f"# {a.title}\n\n")
    if a.intro:
        with open(a.intro, encoding="utf-8") as f:
            w(f.read().strip() + "\n\n")
    else:
        intro(w, a.months)
    rows = []
    for topic in topics:
        w(f"## {topic}\n\n| month | papers | before (top {TOP}) | after (top {TOP}) |\n|---|---:|---|---|\n")
        for m in months:
            n = papers.get((topic, m), 0)
            b, f_ = before.get((topic, m), []), after.get((topic, m), [])
            after_text = ", ".join(mark(topic, t, labels[(topic, m, t)]) for t in f_) or "no trending terms"
            w(f"| {m} | {n} | {', '.join(mark(topic, t) for t in b)} | {after_text} |\n")
            if n >= a.min_papers:
                rows.append((topic, m, n, b, f_))
        w("\n")
    w(f"## Summary (topic-months with at least {a.min_papers} papers)\n\n")
    w("| topic | month | papers | generic before | generic after | terms before | terms after "
      "| naming before (read) | naming after (read) |\n|---|---|---:|---:|---:|---:|---:|---:|---:|\n")
    tot = defaultdict(int)
    for topic, m, n, b, f_ in rows:
        gb = sum(is_generic(t, generic) for t in b)
        ga = sum(is_generic(t, generic) for t in f_)
        read = [judged[(topic, t)] for t in f_ if (topic, t) in judged and not is_generic(t, generic)]
        naming = sum(read)
        read_b = [judged[(topic, t)] for t in b if (topic, t) in judged and not is_generic(t, generic)]
        naming_b = sum(read_b)
        tot["named_b"] += naming_b
        tot["read_b"] += len(read_b)
        tot["ok_b"] += meets_target(gb, naming_b, len(b))
        tot["gb"] += gb
        tot["ga"] += ga
        tot["tb"] += len(b)
        tot["ta"] += len(f_)
        tot["named"] += naming
        tot["read"] += len(read)
        tot["max_ga"] = max(tot["max_ga"], ga)
        tot["max_gb"] = max(tot["max_gb"], gb)
        tot["months"] += 1
        tot["ok"] += meets_target(ga, naming, len(f_))
        w(f"| {topic} | {m} | {n} | {gb} | {ga} | {len(b)} | {len(f_)} | {naming_b} of {len(read_b)} "
          f"| {naming} of {len(read)} |\n")
    w(f"\nTopic-months: {tot['months']}. Generic terms in the top {TOP}: before {tot['gb']} of {tot['tb']} "
      f"(at most {tot['max_gb']} in one topic-month), after {tot['ga']} of {tot['ta']} (at most {tot['max_ga']}). "
      f"Terms read that name a method, model, dataset, task or object: before {tot['named_b']} of "
      f"{tot['read_b']}, after {tot['named']} of {tot['read']}. Topic-months meeting both targets (at most 1 "
      f"generic; at least 7 of 10 naming, or 70% of fewer terms; an unread term counts as not naming): before "
      f"{tot['ok_b']}, after {tot['ok']} of {tot['months']}.\n")
    if os.path.exists(a.notes):
        with open(a.notes, encoding="utf-8") as f:
            w("\n" + f.read())


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Draws papers to label for a topic, as data/labels/README.md describes (issue 25): papers of the models' test
split only (Spark's pmod(xxhash64(id), 5) == 0, so no model was trained on them), with a cs or stat category, not
labelled before, in three groups, each in the order of Spark's xxhash64(id, SALT) (a fixed, reproducible draw).

Usage: draw_labels.py --recent data/train/recent --salt labels-2026-12-01 --exclude data/labels/llm.csv \
           --groups 130,140,140 > to-label.jsonl

Groups (llm): keyword hits (the sites' rule: "llm", plural too, a whole word in the title and in the abstract),
near misses (no hit, but "language model(s)", "large language", "GPT...", "ChatGPT", "LLaMA" or "transformer(s)"
in the title or abstract), random (neither). Prints one JSON line per paper: id, group, title, abstract.
Python 3, no dependencies: XXH64 is implemented here as Spark computes it (seed 42; a second argument hashed with
the first's hash as its seed).
"""
import argparse
import csv
import glob
import gzip
import json
import os
import re

M = (1 << 64) - 1
P1, P2, P3, P4, P5 = (0x9E3779B185EBCA87, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0x85EBCA77C2B2AE63,
                      0x27D4EB2F165667C5)


def _rotl(x, r):
    return ((x << r) | (x >> (64 - r))) & M


def _round(acc, lane):
    acc = (acc + lane * P2) & M
    return (_rotl(acc, 31) * P1) & M


def _merge(h, v):
    h ^= _round(0, v)
    return (h * P1 + P4) & M


def xxh64(data, seed=42):
    """XXH64 of bytes, as a signed 64-bit integer (Spark's xxhash64)."""
    n, i, seed = len(data), 0, seed & M
    if n >= 32:
        v = [(seed + P1 + P2) & M, (seed + P2) & M, seed, (seed - P1) & M]
        while i <= n - 32:
            for k in range(4):
                v[k] = _round(v[k], int.from_bytes(data[i:i + 8], 'little'))
                i += 8
        h = (_rotl(v[0], 1) + _rotl(v[1], 7) + _rotl(v[2], 12) + _rotl(v[3], 18)) & M
        for k in range(4):
            h = _merge(h, v[k])
    else:
        h = (seed + P5) & M
    h = (h + n) & M
    while i + 8 <= n:
        h ^= _round(0, int.from_bytes(data[i:i + 8], 'little'))
        h = (_rotl(h, 27) * P1 + P4) & M
        i += 8
    if i + 4 <= n:
        h ^= (int.from_bytes(data[i:i + 4], 'little') * P1) & M
        h = (_rotl(h, 23) * P2 + P3) & M
        i += 4
    while i < n:
        h ^= (data[i] * P5) & M
        h = (_rotl(h, 11) * P1) & M
        i += 1
    h ^= h >> 33
    h = (h * P2) & M
    h ^= h >> 29
    h = (h * P3) & M
    h ^= h >> 32
    return h - (1 << 64) if h >= 1 << 63 else h


def spark_xxhash64(*values):
    h = 42
    for v in values:
        h = xxh64(v.encode('utf-8'), h)
    return h


def test_split(paper_id):
    return spark_xxhash64(paper_id) % 5 == 0  # Python's % is Spark's pmod for a positive divisor


LLM = re.compile(r'(?<![^\W])llms?(?![^\W])', re.IGNORECASE)
NEAR = re.compile(r'language models?|large language|\bgpt|chatgpt|llama|\btransformers?\b', re.IGNORECASE)


def group(title, abstract):
    if LLM.search(title) and LLM.search(abstract):
        return 'keyword'
    if NEAR.search(title) or NEAR.search(abstract):
        return 'near'
    return 'random'


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--recent', required=True)
    ap.add_argument('--salt', required=True)
    ap.add_argument('--exclude', action='append', default=[])
    ap.add_argument('--groups', default='130,140,140', help='keyword hits, near misses, random')
    args = ap.parse_args()
    done = set()
    for path in args.exclude:
        with open(path, newline='', encoding='utf-8') as f:
            done.update(r['id'] for r in csv.DictReader(f))
    papers = {}
    for path in sorted(glob.glob(os.path.join(args.recent, '*.json*'))):
        opener = gzip.open if path.endswith('.gz') else open
        with opener(path, 'rt', encoding='utf-8') as f:
            for line in f:
                r = json.loads(line)
                cats = (r.get('categories') or '').split()
                if r['id'] in done or r['id'] in papers or not test_split(r['id']):
                    continue
                if not any(c.split('.')[0] in ('cs', 'stat') for c in cats):
                    continue
                papers[r['id']] = r
    wanted = dict(zip(('keyword', 'near', 'random'), map(int, args.groups.split(','))))
    by_group = {g: [] for g in wanted}
    for pid, r in papers.items():
        by_group[group(r.get('title') or '', r.get('abstract') or '')].append(pid)
    for g, n in wanted.items():
        for pid in sorted(by_group[g], key=lambda p: spark_xxhash64(p, args.salt))[:n]:
            r = papers[pid]
            print(json.dumps({'id': pid, 'group': g, 'title': ' '.join(r['title'].split()),
                              'abstract': ' '.join((r.get('abstract') or '').split())}, ensure_ascii=False))


if __name__ == '__main__':
    main()

#!/usr/bin/env python3
"""Writes one "day" of OAI-PMH arXivRaw pages to merge into the output of a generated dump (issue 24's benchmark).

Usage: make_day.py DUMP.jsonl OUT_DIR [--records 3000] [--revised 0.1] [--seed 1] [--per-page 1000]
                   [--recent-years N]

A day as arXiv's OAI-PMH gives it (ListRecords&metadataPrefix=arXivRaw&set=cs&from=D&until=D): mostly new papers,
and a share (--revised, default a tenth) of papers already in DUMP, half with one version more, half with their
metadata edited (a revised abstract and comment; same versions, a newer datestamp, so the record wins).
- New papers: real cs papers of ../shared/data/recent (2025-2026 daily listings: title, authors, categories,
  comment, abstract), renumbered 2611.90000 onwards so that no id meets one of DUMP (whose ids end in 2026-07),
  v1 on 2026-11-29, datestamp 2026-11-30.
- Revised papers: records of DUMP (the one a run keeps of each id), drawn with --seed: uniformly over all its
  years by default (a worst case for an output partitioned by the year of the id), or with --recent-years N among
  the papers whose id is of the dump's last N years (as on a real day, where new versions and metadata edits are
  mostly of papers of the last year or two).
Deterministic (seeded; no clock). Prints what it wrote: new, with a new version, edited. Reuses the record writer
of make_arxivraw_harvest.py. Python 3, no dependencies.
"""
import argparse
import datetime as dt
import glob
import gzip
import json
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import make_arxivraw_harvest as harvest  # noqa: E402

RECENT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'shared', 'data', 'recent')
DAY = dt.datetime(2026, 11, 29, 14, 0, 0)


def recent_papers(n):
    """The first n distinct real papers of ../shared/data/recent, in file and line order, as Kaggle-shaped dicts."""
    out, seen = [], set()
    for path in sorted(glob.glob(os.path.join(RECENT, '*.jsonl.gz'))):
        with gzip.open(path, 'rt', encoding='utf-8') as f:
            for line in f:
                r = json.loads(line)
                if r['id'] in seen or not r.get('title'):
                    continue
                seen.add(r['id'])
                out.append({'title': r['title'], 'authors': ', '.join(r.get('authors') or []),
                            'categories': ' '.join(r.get('categories') or []), 'comments': r.get('comment'),
                            'abstract': r.get('summary'), 'submitter': None})
                if len(out) == n:
                    return out
    raise SystemExit(f'only {len(out)} papers in {RECENT}, {n} wanted')


def id_year(paper_id):
    """The year of an arXiv id: 2411.14654 -> 2024, hep-th/9608091 -> 1996 (as the job's Ids.year)."""
    yy = int(paper_id.split('/')[-1][:2])
    return 1900 + yy if yy >= 91 else 2000 + yy


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('dump')
    ap.add_argument('out_dir')
    ap.add_argument('--records', type=int, default=3000)
    ap.add_argument('--revised', type=float, default=0.1)
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--per-page', type=int, default=1000)
    ap.add_argument('--recent-years', type=int, default=0)
    args = ap.parse_args()
    revised = int(round(args.records * args.revised))
    fresh = args.records - revised

    best, _ = harvest.kept_records(args.dump)
    rng = random.Random(args.seed)
    candidates = sorted(best)
    if args.recent_years:
        newest = max(id_year(i) for i in candidates)
        candidates = [i for i in candidates if id_year(i) > newest - args.recent_years]
    chosen = rng.sample(candidates, revised)

    records = []
    stamp = DAY + dt.timedelta(days=1)
    with open(args.dump, 'rb') as f:
        for i, paper_id in enumerate(chosen):
            f.seek(best[paper_id][1])
            r = json.loads(f.readline().decode('utf-8'))
            versions = [(v['version'], harvest.parse_created(v['created'])) for v in r['versions']]
            if i % 2 == 0:  # one version more, on the day
                versions.append((f'v{len(versions) + 1}', DAY + dt.timedelta(minutes=i)))
            else:  # metadata edited: same versions, newer datestamp
                r['abstract'] = (r.get('abstract') or '').strip() + ' (Revised abstract.)'
                r['comments'] = 'Revised metadata'
            records.append(harvest.raw_record(r, versions, stamp))
    for i, r in enumerate(recent_papers(fresh)):
        r['id'] = f'2611.{90000 + i:05d}'
        records.append(harvest.raw_record(r, [('v1', DAY + dt.timedelta(seconds=7 * i))], stamp))

    os.makedirs(args.out_dir, exist_ok=True)
    pages = [records[i:i + args.per_page] for i in range(0, len(records), args.per_page)]
    for n, page in enumerate(pages, 1):
        last = n == len(pages)
        token = ('<resumptionToken cursor="%d"/>' if last else
                 '<resumptionToken cursor="%d">day|' + str(n) + '</resumptionToken>') % ((n - 1) * args.per_page)
        with open(os.path.join(args.out_dir, f'page-{n:06d}.xml'), 'w', encoding='utf-8') as f:
            f.write(harvest.HEAD + ''.join(page) + token + '\n</ListRecords>\n</OAI-PMH>\n')
    print(f'records: {len(records)} in {len(pages)} pages; new papers {fresh}, with a new version '
          f'{(revised + 1) // 2}, edited {revised // 2}')


if __name__ == '__main__':
    sys.exit(main())

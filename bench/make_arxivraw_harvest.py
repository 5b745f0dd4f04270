#!/usr/bin/env python3
"""Writes an OAI-PMH arXivRaw harvest of the papers of a Kaggle-format dump, each with one newer version.

Usage: make_arxivraw_harvest.py DUMP.jsonl OUT_DIR [--per-page 1000] [--days 3]

For every valid record of DUMP (a file made by ../shared/tools/make-big-dump from real records), writes the
same paper as arXiv's OAI-PMH ListRecords&metadataPrefix=arXivRaw gives it: header (identifier, a datestamp
--days after the newest version, the archive as setSpec), and the arXivRaw metadata (id, submitter, every
version with its date and a size, title, authors, categories, comments, journal-ref, doi, report-no, license,
abstract) plus one version more, --days after the last one. Pages of --per-page records, as a harvester saves
them (page_000001.xml, ...), the last with an empty resumptionToken. Deterministic (no clock, no randomness).

A run on DUMP and OUT_DIR together must then give every paper once, with the harvest's record winning (its
newest version is newer) and the union of versions: the dump's N versions and the harvest's N+1. Prints the
records written and the lines of DUMP it could not use (bad lines); of an id's several records the one a run
keeps (the newest last version) is written.
Python 3, no dependencies.
"""
import argparse
import datetime as dt
import json
import os
import sys
from xml.sax.saxutils import escape

DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']
MONS = [None, 'Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
HEAD = ('<?xml version="1.0" encoding="UTF-8"?>\n'
        '<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        'xsi:schemaLocation="http://www.openarchives.org/OAI/2.0/ http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd">\n'
        '<responseDate>2026-11-30T00:00:00Z</responseDate>\n'
        '<request verb="ListRecords" metadataPrefix="arXivRaw" set="all">http://export.arxiv.org/oai2</request>\n'
        '<ListRecords>\n')
RAW = ('<arXivRaw xmlns="http://arxiv.org/OAI/arXivRaw/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
       'xsi:schemaLocation="http://arxiv.org/OAI/arXivRaw/ http://arxiv.org/OAI/arXivRaw.xsd">')


def parse_created(text):
    # "Mon, 2 Apr 2007 19:18:42 GMT"
    _, rest = text.split(', ', 1)
    day, mon, year, clock, _ = rest.split(' ')
    h, m, s = (int(x) for x in clock.split(':'))
    return dt.datetime(int(year), MONS.index(mon), int(day), h, m, s)


def rfc1123(t):
    return f'{DAYS[t.weekday()]}, {t.day} {MONS[t.month]} {t.year} {t:%H:%M:%S} GMT'


def element(name, value):
    return '' if value is None else f'<{name}>{escape(str(value))}</{name}>'


def raw_record(r, versions, datestamp):
    """The arXivRaw record of a Kaggle-shaped dict r, with these (label, time) versions and this header datestamp."""
    archive = (r.get('categories') or 'cs').split()[0].split('.')[0]
    out = [f'<record>\n<header>\n <identifier>oai:arXiv.org:{escape(r["id"])}</identifier>\n'
           f' <datestamp>{datestamp:%Y-%m-%d}</datestamp>\n <setSpec>{escape(archive)}</setSpec>\n'
           f'</header>\n<metadata>\n {RAW}\n ', element('id', r['id']), element('submitter', r.get('submitter'))]
    for label, t in versions:
        out.append(f'<version version="{label}"><date>{rfc1123(t)}</date><size>100kb</size></version>')
    for name, key in [('title', 'title'), ('authors', 'authors'), ('categories', 'categories'),
                      ('comments', 'comments'), ('report-no', 'report-no'), ('journal-ref', 'journal-ref'),
                      ('doi', 'doi'), ('license', 'license'), ('abstract', 'abstract')]:
        out.append(element(name, r.get(key)))
    out.append('</arXivRaw>\n</metadata>\n</record>\n')
    return ''.join(out)


def record(r, days):
    versions = [(v['version'], parse_created(v['created'])) for v in r['versions']]
    newer = max(t for _, t in versions) + dt.timedelta(days=days)
    versions.append((f'v{len(versions) + 1}', newer))
    return raw_record(r, versions, newer + dt.timedelta(days=1))


def kept_records(dump):
    """Per id of DUMP, (last version time, byte offset) of the record a run keeps (the newest last version, then
    the later line); and the number of lines that are not usable records."""
    best, skipped = {}, 0
    with open(dump, 'rb') as f:
        offset = 0
        for line in f:
            try:
                r = json.loads(line.decode('utf-8'))
                if not r.get('title') or not r.get('versions'):
                    raise ValueError('incomplete')
                last = max(parse_created(v['created']) for v in r['versions'])
                if r['id'] not in best or last >= best[r['id']][0]:
                    best[r['id']] = (last, offset)
            except (ValueError, KeyError, TypeError, IndexError, AttributeError):
                skipped += 1
            offset += len(line)
    return best, skipped


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('dump')
    ap.add_argument('out_dir')
    ap.add_argument('--per-page', type=int, default=1000)
    ap.add_argument('--days', type=int, default=3)
    args = ap.parse_args()
    os.makedirs(args.out_dir, exist_ok=True)
    written, page, buf = 0, 0, []

    def flush(last):
        nonlocal page, buf
        page += 1
        token = '<resumptionToken cursor="%d"/>' % ((page - 1) * args.per_page) if last else \
            '<resumptionToken cursor="%d">bench|%d</resumptionToken>' % ((page - 1) * args.per_page, page)
        with open(os.path.join(args.out_dir, f'page_{page:06d}.xml'), 'w', encoding='utf-8') as f:
            f.write(HEAD + ''.join(buf) + token + '\n</ListRecords>\n</OAI-PMH>\n')
        buf = []

    # Pass 1: per id, the record a run keeps (the newest last version; then the later line), by its offset.
    best, skipped = kept_records(args.dump)
    # Pass 2: those records, in the dump's order.
    with open(args.dump, 'rb') as f:
        for _, offset in sorted(best.values(), key=lambda b: b[1]):
            f.seek(offset)
            buf.append(record(json.loads(f.readline().decode('utf-8')), args.days))
            written += 1
            if len(buf) == args.per_page:
                flush(False)
    if buf or page == 0:
        flush(True)
    print(f'records written: {written} in {page} pages; dump lines not used: {skipped}; '
          f'other records of written ids: {sum(1 for _ in open(args.dump, "rb")) - skipped - written}')


if __name__ == '__main__':
    sys.exit(main())

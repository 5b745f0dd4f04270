#!/usr/bin/env python3
"""Writes the first N records of an OAI-PMH ListRecords page as a page of its own (Python 3, no dependencies).

Usage: excerpt_oai_page.py PAGE.xml N OUT.xml

The page's bytes up to its N-th </record> are kept as they are (XML declaration, OAI-PMH element, responseDate,
request, the records), then the list is closed: "</ListRecords>\\n</OAI-PMH>\\n" (no resumptionToken: the
excerpt is a complete list). Deterministic; used for data/sample/oai/ (see MANIFEST.md).
"""
import sys


def main(page, n, out):
    data = open(page, 'rb').read()
    end = 0
    for _ in range(int(n)):
        end = data.index(b'</record>', end) + len(b'</record>')
    open(out, 'wb').write(data[:end] + b'\n</ListRecords>\n</OAI-PMH>\n')


if __name__ == '__main__':
    main(*sys.argv[1:])

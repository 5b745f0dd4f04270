#!/usr/bin/env python3
"""Writes the bad-input corpus of this folder from real records of data/sample/kaggle (deterministic).

Each case is one file: a good real record, then the bad or odd one, then another good real record, so that a
test can check that the good records around the bad one all arrive. Every record comes from a different real
paper, so no two files share an id (except where a case is about ids). Run from the repository root:
    python3 jobs/src/test/resources/bad/make_corpus.py
What the job does with each case is in README.md (and expected.csv, which the test reads).
"""
import bz2
import copy
import gzip
import json
import os
import re
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..", "..", "..", "..", "..")
SOURCES = ["awalesushil_csAI_first100.jsonl", "sharath_head200_dump2025.jsonl"]

pool = []
seen = set()
for name in SOURCES:
    with open(os.path.join(ROOT, "data", "sample", "kaggle", name), encoding="utf-8") as f:
        for line in f:
            if line.strip():
                rec = json.loads(line)
                if rec["id"] not in seen:
                    seen.add(rec["id"])
                    pool.append(rec)
with open(os.path.join(ROOT, "data", "sample", "kaggle", "keakohv_embedded_hep-th_9608091.jsonl"), encoding="utf-8") as f:
    OLD_STYLE = json.loads(f.readline())

it = iter(pool)
def take():
    return copy.deepcopy(next(it))

def dumps(rec):
    return json.dumps(rec, ensure_ascii=False)

cases = []  # (file name, bytes)

def case(name, bad_lines, ext="jsonl", compress=None, raw=None):
    before, after = take(), take()
    if raw is not None:
        data = raw(before, after)
    else:
        lines = [dumps(before).encode()] + [l if isinstance(l, bytes) else l.encode() for l in bad_lines] + [dumps(after).encode()]
        data = b"\n".join(lines) + b"\n"
    if compress == "gz":
        data = gzip.compress(data, mtime=0)
    elif compress == "bz2":
        data = bz2.compress(data)
    cases.append((f"{len(cases) + 1:02d}-{name}.{ext}", data))

def mutate(fn):
    rec = take()
    fn(rec)
    return dumps(rec)

case("truncated-json", [mutate(lambda r: None)[:120]])
case("title-is-a-number", [mutate(lambda r: r.update(title=12345))])
case("versions-is-a-string", [mutate(lambda r: r.update(versions="v1"))])
case("missing-id", [mutate(lambda r: r.pop("id"))])
case("missing-title", [mutate(lambda r: r.pop("title"))])
case("null-everywhere", [mutate(lambda r: r.update({k: None for k in r}))])
case("unknown-extra-fields", [mutate(lambda r: r.update(x_extra={"nested": [1, 2]}, another="field"))])
def dup(before, after):
    a = take()
    b = copy.deepcopy(a)
    b["title"] = b["title"] + " (revised title)"
    b["update_date"] = "2099-01-01"
    b["versions"] = b["versions"] + [{"version": f"v{len(b['versions']) + 1}", "created": "Mon, 5 Jan 2026 10:00:00 GMT"}]
    return b"\n".join(dumps(x).encode() for x in [before, a, b, after]) + b"\n"
case("duplicate-id-conflicting-data", None, raw=dup)
case("empty-versions", [mutate(lambda r: r.update(versions=[]))])
def out_of_order(r):
    r["versions"] = [{"version": "v2", "created": "Tue, 3 Apr 2007 10:00:00 GMT"},
                     {"version": "v1", "created": "Sun, 1 Apr 2007 18:53:13 GMT"}]
case("versions-out-of-order", [mutate(out_of_order)])
case("version-date-iso-format", [mutate(lambda r: r.update(versions=[{"version": "v1", "created": "2007-04-01T18:53:13Z"}]))])
case("version-date-feb-30", [mutate(lambda r: r.update(versions=[{"version": "v1", "created": "Fri, 30 Feb 2007 10:00:00 GMT"}]))])
case("version-date-far-future", [mutate(lambda r: r.update(versions=[{"version": "v1", "created": "Mon, 1 Jan 2199 00:00:00 GMT"}]))])
case("id-with-version-attached", [mutate(lambda r: r.update(id=r["id"] + "v2"))])
def old(before, after):
    return b"\n".join(dumps(x).encode() for x in [before, OLD_STYLE, after]) + b"\n"
case("old-style-id", None, raw=old)
case("abstract-of-1-mb", [mutate(lambda r: r.update(abstract=("A long abstract about language models. " * 27000)[:1_000_000]))])
case("ten-thousand-categories", [mutate(lambda r: r.update(categories=" ".join(f"cs.X{i}" for i in range(10000))))])
case("invalid-utf8", [mutate(lambda r: None).replace('"title": "', '"title": "\udcff', 1).encode("utf-8", "surrogateescape")])
def bom(before, after):
    return b"\xef\xbb\xbf" + b"\n".join(dumps(x).encode() for x in [before, take(), after]) + b"\n"
case("utf8-bom", None, raw=bom)
def crlf(before, after):
    return b"\r\n".join(dumps(x).encode() for x in [before, take(), after]) + b"\r\n"
case("crlf-line-ends", None, raw=crlf)
def cut_gzip(before, after):
    body = b"\n".join(dumps(x).encode() for x in [before, take(), after] + [take() for _ in range(20)]) + b"\n"
    z = gzip.compress(body, mtime=0)
    return z[: len(z) // 2]
cases_before = len(cases)
case("gzip-cut-in-half", None, ext="jsonl.gz", raw=cut_gzip)
case("empty-file", None, raw=lambda b, a: b"")
case("hostile-text", [mutate(lambda r: r.update(
    title="LLM | <script>alert(1)</script> ](javascript:alert(1)) {{topic}} %s ../../etc/passwd",
    abstract="An LLM | <b>bold</b> [x](http://evil.example) $a|b$ \\\\ {{#x}} %n ../"))])
case("blank-and-whitespace-lines", ["", "   ", "\t"])
case("json-array-line", ["[1, 2, 3]"])
case("json-scalar-line", ['"just a string"'])
case("version-label-is-a-number", [mutate(lambda r: r.update(versions=[{"version": 1, "created": "Sun, 1 Apr 2007 18:53:13 GMT"}]))])
case("version-without-date", [mutate(lambda r: r.update(versions=[{"version": "v1"}]))])
case("version-label-garbled", [mutate(lambda r: r.update(versions=[{"version": "x1", "created": "Sun, 1 Apr 2007 18:53:13 GMT"}]))])
case("update-date-not-a-date", [mutate(lambda r: r.update(update_date="yesterday"))])
case("authors-parsed-wrong-shape", [mutate(lambda r: r.update(authors_parsed="Kosel, T."))])
case("control-characters-in-title", [mutate(lambda r: r.update(title="Bell\u0007 and escape\u001b[31m in a title"))])
case("title-only-whitespace", [mutate(lambda r: r.update(title="   \n  "))])
case("id-with-surrounding-spaces", [mutate(lambda r: r.update(id="  " + r["id"] + " "))])
case("bzip2-compressed", [mutate(lambda r: None)], ext="jsonl.bz2", compress="bz2")
case("categories-empty", [mutate(lambda r: r.update(categories=""))])
case("non-ascii-everywhere", [mutate(lambda r: r.update(title="Schrödinger–Poisson: ∂ψ/∂t, naïve 数学 and \U0001F680",
                                                       authors="Zoë Ærø, Łukasz Żółć"))])

# Issue 21: ids and titles whose whitespace or invisible characters broke the normalization.
case("id-with-trailing-newline", [mutate(lambda r: r.update(id=r["id"] + "\n"))])
case("id-with-line-separator", [mutate(lambda r: r.update(id="\u2028" + r["id"] + "\u0085"))])
case("title-only-invisible", [mutate(lambda r: r.update(title="\u00a0\u3000\u200b\u2028"))])
case("nul-in-title", [mutate(lambda r: r.update(title="A NUL\u0000 byte in a title", comments="NUL\u0000 here too"))])
case("plain-text-named-gz", [mutate(lambda r: None)], ext="jsonl.gz")
case("two-records-on-one-line", [mutate(lambda r: None) + mutate(lambda r: None)])
case("garbage-after-a-record", [mutate(lambda r: None) + " garbage }]"])
case("comma-after-a-record", [mutate(lambda r: None) + ","])
def numeric_id(r):
    r["id"] = float(r["id"])  # "0704.0097" -> 704.0097, a JSON number
case("numeric-id", [mutate(numeric_id)])


# Issue 23: the XML sources. Real records of data/sample/oai (an arXivRaw page) and data/sample/atom (an Atom
# feed), each case in its real page's envelope; real responses of jobs/src/test/resources/oai-responses as they are.
def split(path, tag):
    with open(os.path.join(ROOT, path), encoding="utf-8") as f:
        text = f.read()
    records = re.findall(rf"<{tag}>.*?</{tag}>", text, re.S)
    head = text[: text.index(f"<{tag}>")]
    tail = text[text.rindex(f"</{tag}>") + len(tag) + 3:]
    return head, records, tail
OAI_HEAD, OAI_RECORDS, OAI_TAIL = split("data/sample/oai/litpuvn_listrecords_arXivRaw_2016-10-20.xml", "record")
ATOM_HEAD, ATOM_ENTRIES, ATOM_TAIL = split("data/sample/atom/arxivpy2026_q_testing_s0_m100_cfe7536492ca.xml", "entry")
oai_it, atom_it = iter(OAI_RECORDS), iter(ATOM_ENTRIES)
SEP = "\n        "

def oai_page(records):
    return (OAI_HEAD + SEP.join(records) + OAI_TAIL).encode("utf-8", "surrogateescape")

def atom_feed(entries):
    return (ATOM_HEAD + "\n  ".join(entries) + ATOM_TAIL).encode()

def xml_case(name, data, ext="xml", compress=None):
    if compress == "gz":
        data = gzip.compress(data, mtime=0)
    cases.append((f"{len(cases) + 1:02d}-{name}.{ext}", data))

def oai_three(middle):
    return oai_page([next(oai_it), middle(next(oai_it)), next(oai_it)])

def response(name):
    with open(os.path.join(HERE, "..", "oai-responses", name), "rb") as f:
        return f.read()

xml_case("oai-record-not-well-formed", oai_three(lambda r: r.replace("</title>", "", 1)))
cut_page = oai_page([next(oai_it) for _ in range(4)])
xml_case("oai-page-cut-short", cut_page[: cut_page.rindex(b"<abstract>")])
gz_page = oai_page([next(oai_it) for _ in range(30)])
gz = gzip.compress(gz_page, mtime=0)
xml_case("oai-page-gzip-cut-in-half", gz[: len(gz) // 2], ext="xml.gz")
xml_case("oai-error-response", response("saelim_ErrorResponseBadResumptionToken.xml"))
xml_case("oai-http-503-body", response("paperhive_listrecords_should-list-identifiers-from-arxiv_0_http503.xml"))
with open(os.path.join(ROOT, "data/sample/atom/arxivpy2026_id_abc_s0_m100_b79c8dcf6bc3.xml"), "rb") as f:
    xml_case("atom-api-error-feed", f.read())
def deleted(r):  # OAI-PMH's form of a deletion: the header with status="deleted", no metadata
    header = re.search(r"<header>.*?</header>", r, re.S).group(0)
    return "<record>" + header.replace("<header>", '<header status="deleted">') + "</record>"
xml_case("oai-deleted-record", oai_three(deleted))
xml_case("atom-entry-date-not-a-date", atom_feed([next(atom_it), re.sub(r"<published>[^<]*</published>",
    "<published>yesterday</published>", next(atom_it)), next(atom_it)]))
xml_case("oai-plain-page-named-gz", oai_page([next(oai_it) for _ in range(3)]), ext="xml.gz")
xml_case("oai-record-without-id", oai_three(lambda r: re.sub(r"<id>[^<]*</id>", "<id></id>", r, count=1)))
xml_case("atom-entry-with-hostile-title", atom_feed([next(atom_it), re.sub(r"<title>[^<]*</title>",
    "<title>LLM | &lt;script&gt;alert(1)&lt;/script&gt; ](javascript:alert(1)) {{topic}} $a|b$</title>",
    next(atom_it), count=1), next(atom_it)]))
xml_case("oai-invalid-utf8", oai_three(lambda r: r.replace("<title>", "<title>\udcff", 1)))
partial = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(gz[: len(gz) // 2])
print("records before the gzip cut:", partial.count(b"</record>"))

for name in os.listdir(HERE):
    if name[:2].isdigit() and "-" in name:
        os.remove(os.path.join(HERE, name))
for name, data in cases:
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)
print(len(cases), "cases written")

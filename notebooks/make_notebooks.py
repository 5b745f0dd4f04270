#!/usr/bin/python3
"""Writes the analyst notebooks of this folder from the cells below (so that their source reviews as Python).

Run with Debian's python3 (it has nbformat): /usr/bin/python3 notebooks/make_notebooks.py
The notebooks are committed without outputs; CI executes them against the sample output.
"""
import hashlib
import os
import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

HERE = os.path.dirname(os.path.abspath(__file__))

HOW = """**Input**: the CSV extracts of an arxiv-digest output folder (`<output>/extracts/*.csv`).
Make them with the sample job from the repository root:

```
bin/arxiv-digest run --input data/sample --output output
```

or point `ARXIV_DIGEST_OUTPUT` at the output folder of any run (a nightly run, a backfill, a cluster run whose
output you copied). Default: `../output` (this notebook runs from `notebooks/`). Every count comes from the
extracts: the notebooks compute nothing the job does not publish."""

SETUP = """import os
from pathlib import Path

import matplotlib
import matplotlib.pyplot as plt
import pandas as pd

OUTPUT = Path(os.environ.get("ARXIV_DIGEST_OUTPUT", "../output"))
EXTRACTS = OUTPUT / "extracts"
assert EXTRACTS.is_dir(), f"no extracts under {OUTPUT}: run `bin/arxiv-digest run --input data/sample --output output` first"
# Empty fields are nulls; ids and months stay text.
read = lambda name: pd.read_csv(EXTRACTS / f"{name}.csv", dtype={"id": str, "month": str}, keep_default_na=True)
print("reading", len(list(EXTRACTS.glob("*.csv"))), "CSV extracts")"""


def notebook(name, title, cells):
    nb = new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.metadata["language_info"] = {"name": "python"}
    nb.cells = [new_markdown_cell(f"# {title}\n\n{HOW}"), new_code_cell(SETUP)] + cells
    for i, cell in enumerate(nb.cells):
        # nbformat draws random cell ids: derive them from the notebook and the position, so that regenerating
        # an unchanged notebook gives the same file.
        cell["id"] = hashlib.sha1(f"{name}/{i}".encode()).hexdigest()[:8]
    path = os.path.join(HERE, name)
    nbformat.write(nb, path)
    print("wrote", path)


notebook("topic_trends.ipynb", "Topic trends over time", [
    new_markdown_cell("Papers per month of every topic, as the pages list them (`monthly_topic_stats`, the rows of "
                      "the method each topic's pages use: those with `listed_entries`)."),
    new_code_cell("""stats = read("monthly_topic_stats")
listed = stats[stats["listed_entries"].notna()]
per_month = listed.pivot_table(index="month", columns="topic", values="listed_papers", aggfunc="sum").fillna(0)
per_month = per_month.sort_index()
per_month.tail(12)"""),
    new_markdown_cell("On a time axis: months without papers are gaps in time, not neighbours (2007_04 and "
                      "2026_05 are 19 years apart)."),
    new_code_cell("""dated = per_month.copy()
dated.index = pd.to_datetime(dated.index, format="%Y_%m")
ax = dated.plot(kind="line", marker="o", linestyle="none", figsize=(10, 4), title="Listed papers per month and topic")
ax.set_xlabel("month")
ax.set_ylabel("papers")
plt.show()"""),
    new_markdown_cell("New papers (first version in the month) against updated ones (a later version in the "
                      "month) for one topic; set `TOPIC`."),
    new_code_cell("""TOPIC = "llm"
one = listed[listed["topic"] == TOPIC].set_index("month").sort_index()[["new_papers", "updated_papers"]]
if one.empty:
    print(f"no rows for topic {TOPIC}")
else:
    one.plot(kind="bar", stacked=True, figsize=(10, 4), title=f"{TOPIC}: new and updated papers per month")
    plt.show()
one"""),
    new_markdown_cell("Where the methods disagree: papers the TF-IDF model assigns that the keyword rule does not "
                      "(rows appear once models are trained and `classify --models` ran)."),
    new_code_cell("""by_method = stats.pivot_table(index=["topic", "month"], columns="method", values="distinct_papers", aggfunc="sum")
by_method.tail(20)"""),
])

notebook("category_mix.ipynb", "Category mix of a topic", [
    new_markdown_cell("Which arXiv categories a topic's papers come from, month by month: the primary category "
                      "of each listed paper (`listings_<topic>.csv`), and the category's whole volume for "
                      "scale (`monthly_category_stats`)."),
    new_code_cell("""TOPIC = "llm"
TOP = 8
listing = read(f"listings_{TOPIC}")
papers = listing.drop_duplicates(["month", "id"])
mix = papers.groupby(["month", "primary_category"]).size().unstack(fill_value=0).sort_index()
top = mix.sum().sort_values(ascending=False).index[:TOP]
mix = mix[top].assign(other=mix.drop(columns=top).sum(axis=1))
mix"""),
    new_code_cell("""if mix.empty:
    print(f"no papers listed for {TOPIC}")
else:
    share = mix.div(mix.sum(axis=1), axis=0)
    ax = share.plot(kind="bar", stacked=True, figsize=(10, 4), title=f"{TOPIC}: primary categories, share per month")
    ax.legend(loc="center left", bbox_to_anchor=(1, 0.5))
    plt.show()"""),
    new_code_cell("""cats = read("monthly_category_stats")
volume = cats[cats["category"].isin(top)].pivot_table(index="month", columns="category", values="new_papers", aggfunc="sum")
(mix[top] / volume.reindex(index=mix.index, columns=top)).round(3).tail(12)"""),
    new_markdown_cell("Who writes a topic's papers: the most frequent authors of the topic's papers in a year "
                      "(`authors` of the listing, one field joined by `; `; each paper once)."),
    new_code_cell("""YEAR = "2026"
year_papers = listing[listing["month"].str.startswith(YEAR)].drop_duplicates("id")
authors = year_papers["authors"].dropna().str.split("; ").explode()
print(len(year_papers), "papers of", TOPIC, "in", YEAR, "by", authors.nunique(), "authors")
authors.value_counts().rename_axis("author").rename("papers").head(10)"""),
])

notebook("trending_terms.ipynb", "Trending terms of a month", [
    new_markdown_cell("The 1–2-gram terms a topic's papers use more in a month than in its earlier months, each "
                      "shown as the longer phrase its papers nearly always write it in, if any, and none that "
                      "names nothing by the list `data/reference/unnamed_terms.txt` (\"final answer\") "
                      "(`trending_terms`: log-odds z-score against a corpus prior, see `output/README.md`; "
                      "`baseline_months` says against how many, up to 12). Set `TOPIC`; `MONTH` defaults to the "
                      "topic's newest month with trending terms."),
    new_code_cell("""TOPIC = "llm"
MONTH = None
terms = read("trending_terms")
topic_terms = terms[terms["topic"] == TOPIC]
if MONTH is None and not topic_terms.empty:
    MONTH = topic_terms["month"].max()
month_terms = topic_terms[topic_terms["month"] == MONTH].sort_values("rank").reset_index(drop=True)
month_terms[["rank", "term", "score", "log_odds_ratio", "papers_with_term", "month_papers",
             "baseline_papers_with_term", "baseline_papers", "baseline_months"]]"""),
    new_code_cell("""if month_terms.empty:
    print(f"no trending terms for {TOPIC} (a month needs 20 papers and a baseline of 50 in the 12 months before)")
else:
    ax = month_terms.iloc[::-1].plot(kind="barh", x="term", y="score", legend=False, figsize=(8, 7),
                                     title=f"{TOPIC}, {MONTH}: terms used more than in "
                                           f"{int(month_terms['baseline_months'].iloc[0])} earlier month(s)")
    ax.set_xlabel("z-score of the log-odds ratio, month against baseline")
    plt.show()"""),
    new_markdown_cell("The listed papers of that month that use the top term, newest first."),
    new_code_cell("""if not month_terms.empty:
    term = month_terms["term"].iloc[0]
    listing = read(f"listings_{TOPIC}")
    text = (listing["title"].fillna("") + " " + listing["abstract"].fillna("")).str.lower()
    hits = listing[(listing["month"] == MONTH) & text.str.contains(term, regex=False)]
    display(hits[["date", "id", "version", "title"]].head(10))"""),
])

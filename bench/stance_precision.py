"""Stance precision on ordinary news: the share of favor/against records a reader accepts.

    python bench/stance_precision.py [--inbox ARTICLES] [-n 80] [--todo FILE] [--json]

``eval_stance.py`` asks whether a conflict sentence gets the right ``against`` record; it
cannot see records that should not exist. This script runs ``tasks.analyze`` on ordinary
articles (by default 80 SaudiNewsNet articles chosen by a hash of their position, none
of the first 1,000, so none of the 300 in ``sample_inbox`` that the rules were checked on)
and scores every favor/against record against hand judgments in
``bench/data/stance_judgments.tsv``: ``ok`` when a reader of the sentence would accept
holder, target and polarity (a holder named by an adjective, الحوثية for the Houthi
militia, is accepted), ``wrong`` otherwise.

Judgments are keyed by the sentence's text and the record's holder, target and polarity,
so they survive code changes; a record the code produces that nobody has judged yet is
counted as *unjudged* and left out of the precision. ``--todo FILE`` writes those as
judgment lines with an empty verdict, to be filled in and appended to the judgments file.
The judged articles are a test set: read the records to judge them, never to write rules.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path
from typing import Any

from _common import Report, arg_parser

JUDGMENTS = Path(__file__).parent / "data" / "stance_judgments.tsv"
ARTICLES = Path(__file__).resolve().parents[2] / "shared" / "data" / "news" / "saudinewsnet_dev.jsonl.gz"
FIELDS = ("verdict", "polarity", "holder", "target", "sentence_sha1", "sentence", "note")


def pick_articles(path: Path, n: int, *, skip: int = 1000, pick: int = 0) -> list[tuple[str, str]]:
    """``n`` (id, text) articles: every one with a body whose position's SHA-1 starts with
    byte ``pick``, after the first ``skip``: a fixed, spread-out sample any machine
    reproduces, and each ``pick`` value a disjoint one."""
    out = []
    with gzip.open(path, "rt", encoding="utf-8") if path.suffix == ".gz" else path.open() as fh:
        for i, line in enumerate(fh):
            if i < skip or hashlib.sha1(str(i).encode()).digest()[0] != pick:
                continue
            article = json.loads(line)
            if not (article.get("content") or "").strip():
                continue
            out.append((f"{path.name}#{i}", f"{article.get('title', '')}\n\n{article.get('content', '')}"))
            if len(out) == n:
                break
    return out


def sentence_key(sentence: str) -> str:
    return hashlib.sha1(sentence.strip().encode()).hexdigest()[:16]


def records(articles: list[tuple[str, str]]) -> list[dict[str, str]]:
    """Every favor/against record of the articles, with its sentence."""
    from tasks import analyze

    out = []
    for article_id, text in articles:
        result = analyze(text)
        spans, norm = result.normalized.sentences, result.normalized.text
        for s in result.stances:
            if s.polarity.value == "neutral":
                continue
            start, end = spans[s.sentence][0], spans[s.sentence][1]
            sentence = " ".join(norm[start:end].split())
            out.append({"article": article_id, "polarity": s.polarity.value, "holder": s.holder.text,
                        "target": s.target.text, "cue": s.cue.text, "event_code": s.event_code or "",
                        "sentence_sha1": sentence_key(sentence), "sentence": sentence})  # fmt: skip
    return out


def _key(r: dict[str, str]) -> tuple[str, str, str, str]:
    return (r["sentence_sha1"], r["holder"], r["target"], r["polarity"])


def load_judgments(path: Path) -> dict[tuple[str, str, str, str], str]:
    verdicts: dict[tuple[str, str, str, str], str] = {}
    for line in path.read_text(encoding="utf-8").splitlines() if path.exists() else []:
        parts = line.split("\t")
        if len(parts) < len(FIELDS) - 1 or parts[0] not in ("ok", "wrong"):
            continue
        row = dict(zip(FIELDS, parts, strict=False))
        verdicts[_key(row)] = row["verdict"]
    return verdicts


def score(recs: list[dict[str, str]]) -> dict[str, Any]:
    """Counts and precision per polarity of records that carry their ``verdict``."""
    rows = {}
    for polarity in ("favor", "against", "all"):
        verdicts = [r["verdict"] for r in recs if polarity in ("all", r["polarity"])]
        ok, wrong = verdicts.count("ok"), verdicts.count("wrong")
        rows[polarity] = {"records": len(verdicts), "ok": ok, "wrong": wrong, "unjudged": verdicts.count("unjudged"),
                          "precision": 100 * ok / (ok + wrong) if ok + wrong else float("nan")}  # fmt: skip
    return rows


def main(argv: list[str] | None = None) -> None:
    ap = arg_parser(__doc__, inbox=ARTICLES)
    ap.add_argument("-n", type=int, default=80, help="articles (default 80)")
    ap.add_argument("--skip", type=int, default=1000, help="leave out the first SKIP articles (default 1000)")
    ap.add_argument("--pick", type=int, default=0, choices=range(256), metavar="BYTE",
                    help="take the articles whose position's SHA-1 starts with this byte (default 0)")  # fmt: skip
    ap.add_argument("--judgments", type=Path, default=JUDGMENTS, help="hand judgments (default: %(default)s)")
    ap.add_argument("--todo", type=Path, help="write the unjudged records here as judgment lines to fill in")
    args = ap.parse_args(argv)
    verdicts = load_judgments(args.judgments)
    recs = [
        {**r, "verdict": verdicts.get(_key(r), "unjudged")}
        for r in records(pick_articles(args.inbox, args.n, skip=args.skip, pick=args.pick))
    ]
    rows = score(recs)
    if args.todo:
        todo = {_key(r): r for r in recs if r["verdict"] == "unjudged"}
        args.todo.write_text("".join("\t".join(["", r["polarity"], r["holder"], r["target"], r["sentence_sha1"],
                                                r["sentence"], f"cue={r['cue']} {r['event_code']} {r['article']}"])
                                     + "\n" for r in todo.values()), encoding="utf-8")  # fmt: skip
    params = {"articles": str(args.inbox), "n": args.n, "skip": args.skip, "pick": args.pick,
              "judgments": str(args.judgments)}  # fmt: skip
    report = Report("stance_precision", params)
    report.data = {"by_polarity": rows, "records": recs}
    table = [[p, r["records"], r["ok"], r["wrong"], r["unjudged"], r["precision"]] for p, r in rows.items()]
    report.table(f"favor/against records on {args.n} articles, judged by hand",
                 ["polarity", "records", "ok", "wrong", "unjudged", "precision %"], table)  # fmt: skip
    report.emit(args.json)


if __name__ == "__main__":
    main()

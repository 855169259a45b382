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

Every record is scored whatever its confidence; a second table keeps those at or above
``--bar`` (default: the confidence model's suggested bar) and gives the share of right
records they keep, a third the precision by confidence band (is confidence calibrated?).
Samples 2-6, 9-21 and 30-45 (``-n 110``) train the confidence model: score its test sets, sample 1
(``stance_judgments_fresh.tsv``) and samples 7-8 and 22-29 (``stance_judgments_test.tsv``).
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

from _common import Report, arg_parser

from tasks.stance_confidence import suggested_bar
from tasks.stance_judgments import load_judgments, pick_articles, record_key, sentence_key

JUDGMENTS = Path(__file__).parent / "data" / "stance_judgments.tsv"
ARTICLES = Path(__file__).resolve().parents[2] / "shared" / "data" / "news" / "saudinewsnet_dev.jsonl.gz"
BANDS = ((0.0, 0.2), (0.2, 0.3), (0.3, 0.43), (0.43, 0.6), (0.6, 1.01))


def records(articles: list[tuple[str, str]]) -> list[dict[str, Any]]:
    """Every favor/against record of the articles, whatever its confidence, with its sentence."""
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
                        "confidence": s.confidence, "sentence_sha1": sentence_key(sentence),
                        "sentence": sentence})  # fmt: skip
    return out


def score(recs: list[dict[str, str]]) -> dict[str, Any]:
    """Counts and precision per polarity of records that carry their ``verdict``."""
    rows = {}
    for polarity in ("favor", "against", "all"):
        verdicts = [r["verdict"] for r in recs if polarity in ("all", r["polarity"])]
        ok, wrong = verdicts.count("ok"), verdicts.count("wrong")
        rows[polarity] = {"records": len(verdicts), "ok": ok, "wrong": wrong, "unjudged": verdicts.count("unjudged"),
                          "precision": 100 * ok / (ok + wrong) if ok + wrong else float("nan")}  # fmt: skip
    return rows


def ranking(recs: list[dict[str, Any]]) -> dict[str, float]:
    """AUC (the chance a right record outranks a wrong one; ties count half) and the
    log-loss of ``confidence`` against the verdicts, beside the log-loss of a constant
    guess at the set's own share of right records."""
    judged = [(r["confidence"], r["verdict"] == "ok") for r in recs if r["verdict"] != "unjudged"]
    right = [c for c, ok in judged if ok]
    wrong = [c for c, ok in judged if not ok]
    if not right or not wrong:
        return {"auc": float("nan"), "log_loss": float("nan"), "base_log_loss": float("nan")}
    auc = sum((a > b) + 0.5 * (a == b) for a in right for b in wrong) / (len(right) * len(wrong))
    share = len(right) / len(judged)

    def loss(p: float, ok: bool) -> float:
        p = min(max(p, 1e-6), 1 - 1e-6)
        return -math.log(p if ok else 1 - p)

    return {"auc": auc, "log_loss": sum(loss(c, ok) for c, ok in judged) / len(judged),
            "base_log_loss": sum(loss(share, ok) for _, ok in judged) / len(judged)}  # fmt: skip


def main(argv: list[str] | None = None) -> None:
    ap = arg_parser(__doc__, inbox=ARTICLES)
    ap.add_argument("-n", type=int, default=80, help="articles (default 80)")
    ap.add_argument("--skip", type=int, default=1000, help="leave out the first SKIP articles (default 1000)")
    ap.add_argument("--pick", type=int, nargs="+", default=[0], choices=range(256), metavar="BYTE",
                    help="take the articles whose position's SHA-1 starts with this byte; several bytes "
                         "take N articles each (default 0)")  # fmt: skip
    ap.add_argument("--bar", type=float, help="minimum confidence of a kept record (default: the suggested bar)")
    ap.add_argument("--judgments", type=Path, default=JUDGMENTS, help="hand judgments (default: %(default)s)")
    ap.add_argument("--todo", type=Path, help="write the unjudged records here as judgment lines to fill in")
    args = ap.parse_args(argv)
    verdicts = load_judgments(args.judgments)
    articles = [a for pick in args.pick for a in pick_articles(args.inbox, args.n, skip=args.skip, pick=pick)]
    recs = [{**r, "verdict": verdicts.get(record_key(r), "unjudged")} for r in records(articles)]
    floor = suggested_bar() if args.bar is None else args.bar
    rows, kept = score(recs), score([r for r in recs if r["confidence"] >= floor])
    if args.todo:
        todo = {record_key(r): r for r in recs if r["verdict"] == "unjudged"}
        args.todo.write_text("".join("\t".join(["", r["polarity"], r["holder"], r["target"], r["sentence_sha1"],
                                                r["sentence"], f"cue={r['cue']} {r['event_code']} {r['article']}"])
                                     + "\n" for r in todo.values()), encoding="utf-8")  # fmt: skip
    params = {"articles": str(args.inbox), "n": args.n, "skip": args.skip, "pick": args.pick,
              "judgments": str(args.judgments), "bar": floor}  # fmt: skip
    report = Report("stance_precision", params)
    report.data = {"by_polarity": rows, "at_bar": kept, "records": recs}
    head = ["polarity", "records", "ok", "wrong", "unjudged", "precision %"]
    table = [[p, r["records"], r["ok"], r["wrong"], r["unjudged"], r["precision"]] for p, r in rows.items()]
    report.table(f"every favor/against record on {len(articles)} articles, judged by hand", head, table)
    table = [[p, r["records"], r["ok"], r["wrong"], r["unjudged"], r["precision"],
              100 * r["ok"] / rows[p]["ok"] if rows[p]["ok"] else float("nan")] for p, r in kept.items()]  # fmt: skip
    report.table(f"the records kept at confidence >= {floor:.2f}", [*head, "ok kept %"], table)
    bands = []
    for lo, hi in BANDS:
        judged = [r for r in recs if lo <= r["confidence"] < hi and r["verdict"] != "unjudged"]
        ok = sum(r["verdict"] == "ok" for r in judged)
        mean = sum(r["confidence"] for r in judged) / len(judged) if judged else float("nan")
        share = 100 * ok / len(judged) if judged else float("nan")
        bands.append([f"{lo:.2f}-{min(hi, 1.0):.2f}", len(judged), ok, share, 100 * mean])
    report.data["bands"] = bands
    report.table("calibration: judged records by confidence band",
                 ["confidence", "judged", "ok", "ok %", "mean confidence %"], bands)  # fmt: skip
    report.data["ranking"] = ranking(recs)
    report.table("how well confidence ranks the judged records", ["AUC", "log-loss", "log-loss of the base rate"],
                 [[report.data["ranking"][k] for k in ("auc", "log_loss", "base_log_loss")]])  # fmt: skip
    report.emit(args.json)


if __name__ == "__main__":
    main()

"""Build the stance layer's compact dictionaries from the shared event-coding data.

Run once (``python -m tasks.build_stance_data --data /work/shared/data``); the output in
``tasks/data/stance/`` is committed, so nothing reads the shared folder at run time.

Why the Arabic verb codes go through English glosses: in ``CAMEO.ar.0.5.txt`` the per-verb
codes are shifted in places (تعهد "pledge" carries [182], physical assault), while every
verb line keeps its English gloss. The gloss is looked up in PETRARCH2's English verb
dictionary, whose group codes are consistent; the Arabic code is the fallback. A short
hand-written table (``VERB_OVERRIDES``) fixes the verbs news use most; it and the other
hand-written tables are in ``tasks.stance_data_tables``.

Actor names are stored in the matching form of ``tasks.actors.norm_token``: key form,
article and ta marbuta removed, tokens joined by spaces. Country names and nationality
adjectives come from CLDR (babel, read by ``tasks.stance_data_countries``), with the
UniversalPetrarch dictionary for the rest.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path

from tasks.actors import norm_phrase, norm_token
from tasks.normalize import key_form
from tasks.stance_data_countries import countries
from tasks.stance_data_tables import (
    ACTORS_EN,
    AGENTS_AR,
    AUXILIARIES_EN,
    CODE_FIXES,
    CUES_AR,
    CUES_EN,
    NOT_ACTORS,
    TITLES_AR,
    VERB_KEEP,
    VERB_OVERRIDES,
)

OUT = Path(__file__).parent / "data" / "stance"

_CODE = re.compile(r"\[([~A-Z0-9:\-]+)[^\]]*\]")
_ARABIC_WORD = re.compile(r"[\u0621-\u064a]+")

# Common news words (by document frequency) that the UniversalPetrarch dictionaries list as
# one-word actors or agents (صورة LBN, مصدر BUS, عالم EDU) are dropped; these are kept.
_COMMON_KEEP = frozenset(["سلمان", "مبارك", "حوثي", "حوثيين", "داعش"])
_COMMON_DROP_RANK = 1500
_COMMON_SHIPPED = 3000


def _first_code(text: str) -> str | None:
    m = _CODE.search(text)
    if not m:
        return None
    code = m.group(1).lstrip("~").split(":")[0]
    return code if code and code != "---" else None


def parse_petrarch_actors(lines: list[str], joiner: str = "_") -> list[tuple[str, str]]:
    """(name, code) pairs from a TABARI/PETRARCH actor file.

    An entry is a name line (``+`` lines are synonyms of the entry above) whose code is on
    the same line or on the indented dated lines that follow; the last (latest) code is kept. Malformed
    lines (no name, no code before the next entry) are skipped.
    """
    out: list[tuple[str, str]] = []
    names: list[str] = []
    code: str | None = None

    def flush() -> None:
        if code:
            out.extend((n, code) for n in names)

    for line in lines:
        body = line.split("#", 1)[0].rstrip()
        if not body.strip():
            continue
        if line[:1] in " \t" and body.lstrip().startswith("["):
            code = _first_code(body) or code
            continue
        name = _CODE.sub("", body).strip().lstrip("+").strip()
        name = re.sub(r"\{.*?\}", "", name).replace(joiner, " ").strip()
        if body.lstrip().startswith("+"):
            if name:
                names.append(name)
            code = code or _first_code(body)
            continue
        flush()
        names = [name] if name else []
        code = _first_code(body)
    flush()
    return out


def parse_agents_ar(lines: list[str]) -> list[tuple[str, str]]:
    """(Arabic phrase, agent code) from ``agents.all.ar.txt`` (English key, [~CODE], Arabic)."""
    out: list[tuple[str, str]] = []
    for line in lines:
        code = _first_code(line)
        end = line.find("]")
        words = _ARABIC_WORD.findall(line[end + 1 :]) if end >= 0 else []
        if code and words and "-" not in line[end + 1 :]:
            out.append((" ".join(words), code))
    return out


def _verb_entries(lines: list[str]) -> Iterator[tuple[str, str | None]]:
    """Entry lines after ``VERB PATTERNS`` with the code of their ``--- LEMMA [code] ---``
    group; pattern lines (``-``), synonym sets (``&``) and comments are left out."""
    group: str | None = None
    started = False
    for line in lines:
        if "VERB PATTERNS" in line:
            started = True
            continue
        stripped = line.strip()
        if not started or not stripped:
            continue
        if stripped.startswith("---"):
            group = _first_code(stripped)
        elif not stripped.startswith(("-", "&", "#")):
            yield stripped, group


def parse_verbs(lines: list[str]) -> list[tuple[str, str | None, str]]:
    """(verb, own-or-group code, gloss) triples from a PETRARCH verb file.

    Group headers ``--- LEMMA [code] ---`` give the default code; ``- ...`` pattern lines
    and synonym sets are skipped. ``+`` joins a verb and its particle (أعرب+عن).
    """
    out: list[tuple[str, str | None, str]] = []
    for stripped, group in _verb_entries(lines):
        if stripped.startswith("+"):
            continue
        body, _, gloss = stripped.partition("#")
        verb = _CODE.sub("", body).strip()
        verb = re.sub(r"\{.*?\}", "", verb).strip()
        if not verb or " " in verb.replace("+", ""):
            continue
        out.append((verb, _first_code(body) or group, gloss.strip()))
    return out


def english_verb_forms(lines: list[str]) -> list[tuple[str, str | None, str]]:
    """English verbs with their explicit inflections (``SHOOT {SHOOTS SHOT}``) as extra rows."""
    out: list[tuple[str, str | None, str]] = []
    for stripped, group in _verb_entries(lines):
        body = stripped.split("#", 1)[0]
        code = _first_code(body) or group
        forms = re.findall(r"\{([^}]*)\}", body)
        verb = re.sub(r"\{.*?\}", "", _CODE.sub("", body)).strip().lstrip("+")
        if not verb or not re.fullmatch(r"[A-Z_'\-]+", verb):
            continue
        out.append((verb.replace("_", " ").lower(), code, ""))
        for group_forms in forms:
            for form in group_forms.split():
                form = form.lstrip("+")
                if re.fullmatch(r"[A-Z_'\-]+", form):
                    out.append((form.replace("_", " ").lower(), code, ""))
    return out


def common_words(news: Path) -> list[str]:
    """Arabic words by the number of articles they occur in (most frequent first)."""
    df: Counter[str] = Counter()
    with gzip.open(news, "rt", encoding="utf-8") as lines:
        for line in lines:
            content = json.loads(line).get("content") or ""
            df.update({norm_token(w) for w in _ARABIC_WORD.findall(content)})
    ranked = sorted(df.items(), key=lambda item: (-item[1], item[0]))
    return [w for w, _ in ranked[:_COMMON_SHIPPED]]


def build(data: Path) -> dict[str, int]:
    events = data / "events"
    common = common_words(data / "news" / "saudinewsnet_dev.jsonl.gz")
    frequent = frozenset(common[:_COMMON_DROP_RANK]) - _COMMON_KEEP
    goldstein: dict[str, float] = {}
    for line in (events / "cameo" / "CAMEO.goldsteinscale.txt").read_text().splitlines()[1:]:
        parts = line.split()
        if len(parts) == 2:
            goldstein[parts[0]] = float(parts[1])

    def valid(code: str | None) -> str | None:
        return code if code in goldstein else None

    english = english_verb_forms((events / "petrarch2-english" / "CAMEO.2.0.txt").read_text().splitlines())
    en_codes: dict[str, str] = {}
    for verb, code, _ in english:
        if valid(code) and verb not in AUXILIARIES_EN:
            en_codes.setdefault(verb, code)  # type: ignore[arg-type]

    ar_verbs: dict[str, str] = {}
    arabic = parse_verbs((events / "universalpetrarch-arabic" / "CAMEO.ar.0.5.txt").read_text().splitlines())
    for verb, code, gloss in arabic:
        lemma = key_form(verb.split("+")[0])
        if lemma not in VERB_KEEP:
            continue
        glossed = next((en_codes[g.strip().lower()] for g in gloss.split(",") if g.strip().lower() in en_codes), None)
        chosen = valid(glossed) or valid(code)
        if chosen:
            ar_verbs.setdefault(lemma, chosen)
    for verb, code in VERB_OVERRIDES.items():
        ar_verbs[key_form(verb)] = code

    titles = {norm_phrase(t) for t in TITLES_AR}
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    kinds: dict[str, str] = {}
    up = events / "universalpetrarch-arabic"
    for name, code in parse_petrarch_actors((up / "actor_dict_ar_v4.txt").read_text().splitlines()):
        key = norm_phrase(name)
        if key and _ARABIC_WORD.search(key) and key not in frequent:
            votes[key][code] += 1
            kinds.setdefault(key, "title" if key.split()[0] in titles else "actor")
    for name, code in parse_agents_ar((up / "agents.all.ar.txt").read_text().splitlines()):
        key = norm_phrase(name)
        if key and key not in frequent:
            votes[key][code] += 1
            kinds[key] = "title" if key.split()[0] in titles else "agent"
    for name, code in AGENTS_AR:
        key = norm_phrase(name)
        votes[key] = Counter({code: 100})
        kinds[key] = "title" if key.split()[0] in titles else "agent"
    for name, code, kind in countries():
        key = norm_phrase(name)
        if key and len(key) > 2 and key not in NOT_ACTORS:
            votes[key] = Counter({code: 1000})
            kinds[key] = kind
    for name, code in CODE_FIXES.items():
        key = norm_phrase(name)
        if key not in votes:
            raise ValueError(f"CODE_FIXES: {name} ({key}) is in no source")
        votes[key] = Counter({code: 1})
    px = events / "petrarch2-english"
    en_votes: dict[str, Counter[str]] = defaultdict(Counter)
    for file in ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt"):
        for name, code in parse_petrarch_actors((px / file).read_text(errors="replace").splitlines()):
            en_votes[name.lower()][code] += 1
            if name.endswith(".") and "." in name[:-1]:
                en_votes[name.lower()[:-1]][code] += 1  # the tokenizer splits "U.S." into "U.S" "."
    for name, code in ACTORS_EN:
        en_votes[name][code] += 1
    en_agents = parse_petrarch_actors((px / "Phoenix.agents.txt").read_text(errors="replace").splitlines())

    OUT.mkdir(parents=True, exist_ok=True)
    rows = {
        "common_ar.tsv": [f"{w}\t{i}" for i, w in enumerate(common)],
        "goldstein.tsv": [f"{c}\t{g}" for c, g in sorted(goldstein.items())],
        "verbs_ar.tsv": [f"{v}\t{c}" for v, c in sorted(ar_verbs.items())],
        "verbs_en.tsv": sorted({f"{v}\t{c}" for v, c in en_codes.items()}),
        "cues_ar.tsv": [f"{norm_phrase(p)}\t{c}\t{lay}" for p, c, lay in CUES_AR if valid(c)],
        "cues_en.tsv": [f"{p}\t{c}\t{lay}" for p, c, lay in CUES_EN if valid(c)],
        "actors_ar.tsv": [
            f"{k}\t{v.most_common(1)[0][0]}\t{kinds[k]}" for k, v in sorted(votes.items()) if k not in NOT_ACTORS
        ],
        "actors_en.tsv": [f"{k}\t{v.most_common(1)[0][0]}\tactor" for k, v in sorted(en_votes.items()) if k]
        + [f"{n.lower()}\t{c.lstrip('~')}\tagent" for n, c in sorted(set(en_agents)) if n],
    }
    for name, lines in rows.items():
        (OUT / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return {name: len(lines) for name, lines in rows.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--data", type=Path, required=True, help="the shared data folder (holds events/)")
    for name, count in build(parser.parse_args().data).items():
        print(f"{name}\t{count}")


if __name__ == "__main__":
    main()

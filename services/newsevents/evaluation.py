"""`make eval`: scores `newsevents extract` against the labelled development set.

Each devset line is an article plus `gold`: for each event type either null
or the expected subtype, countries, actors, place and date. Every article
gets two independent decisions (one per type), scored as precision, recall
and F1 per type, overall and per language; for the true positives, subtype
accuracy and the overlap of countries, actors (country+sector) and places.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsevents.messages import EVENT_TYPES


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, predicted: bool, gold: bool) -> None:
        if predicted and gold:
            self.tp += 1
        elif predicted:
            self.fp += 1
        elif gold:
            self.fn += 1

    def add_sets(self, predicted: set[Any], gold: set[Any]) -> None:
        self.tp += len(predicted & gold)
        self.fp += len(predicted - gold)
        self.fn += len(gold - predicted)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4),
                "support": self.tp + self.fn}


@dataclass
class Report:
    by_type: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    by_lang_type: dict[tuple[str, str], Counts] = field(default_factory=lambda: defaultdict(Counts))
    subtype_right: int = 0
    subtype_total: int = 0
    countries: Counts = field(default_factory=Counts)
    actors: Counts = field(default_factory=Counts)
    places: Counts = field(default_factory=Counts)
    errors: list[dict[str, Any]] = field(default_factory=list)
    articles: int = 0

    def as_dict(self) -> dict[str, Any]:
        langs = sorted({lang for lang, _ in self.by_lang_type})
        return {
            "articles": self.articles,
            "by_type": {t: self.by_type[t].as_dict() for t in EVENT_TYPES},
            "by_language": {
                lang: {t: self.by_lang_type[(lang, t)].as_dict() for t in EVENT_TYPES}
                for lang in langs
            },
            "subtype_accuracy": round(self.subtype_right / self.subtype_total, 4)
            if self.subtype_total else None,
            "countries": self.countries.as_dict(),
            "actors": self.actors.as_dict(),
            "places": self.places.as_dict(),
            "errors": self.errors,
        }


def _norm(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in folded if c.isalnum())


PlaceNamer = Callable[[str], set[str]]


def kb_place_ids() -> PlaceNamer:
    """The ids of the KB places an annotator's name contains: "Saky" and "Саки" are the
    KB's "Saki", "Hà Nội" is "Hanoi", whichever spelling the gold chose."""
    from newsevents.linker.kb import load_kb

    kb = load_kb()

    def ids(name: str) -> set[str]:
        found = {i for m in kb.gazetteer.find(name) for i in m.entity_ids}
        return {i for i in found if (e := kb.entities.get(i)) is not None and e.is_place}

    return ids


def place_matches(
    predicted: dict[str, Any] | None,
    gold: dict[str, Any] | None,
    place_ids: PlaceNamer | None = None,
) -> bool:
    if not predicted or not gold:
        return False
    if gold.get("country") and predicted.get("country") != gold["country"]:
        return False
    if gold.get("precision") == "country":
        return True
    entity_id = predicted.get("entity_id")
    if place_ids is not None and entity_id and entity_id in place_ids(gold.get("name", "")):
        return True
    # The KB names places in English; the gold may use the article's own
    # spelling, which is what the linker saw (`mention`).
    b = _norm(gold.get("name", ""))
    for a in (_norm(predicted.get("name") or ""), _norm(predicted.get("mention") or "")):
        if a and b and (a in b or b in a):
            return True
    return False


def _score_place(counts: Counts, predicted: dict[str, Any] | None,
                 gold: dict[str, Any] | None, place_ids: PlaceNamer | None) -> None:
    """A wrong place is both a false positive and a false negative, as for the sets
    above; counting it as a miss only would keep precision at 1.0 whatever the linker said."""
    if place_matches(predicted, gold, place_ids):
        counts.tp += 1
        return
    if predicted and (predicted.get("name") or predicted.get("country")):
        counts.fp += 1
    if gold is not None:
        counts.fn += 1


def score(devset: list[dict[str, Any]], results: list[dict[str, Any]],
          place_ids: PlaceNamer | None = None) -> Report:
    report = Report()
    for article, result in zip(devset, results, strict=True):
        report.articles += 1
        lang = article.get("language", "und")
        events = result.get("events") or []
        for etype in EVENT_TYPES:
            gold = article["gold"].get(etype)
            predicted = [e for e in events if e["event_type"] == etype]
            best = max(predicted, key=lambda e: e["confidence"]) if predicted else None
            report.by_type[etype].add(best is not None, gold is not None)
            report.by_lang_type[(lang, etype)].add(best is not None, gold is not None)
            if best is not None and gold is not None:
                report.subtype_total += 1
                report.subtype_right += best["subtype"] == gold["subtype"]
                pred_countries = {a["country"] for a in best["actors"] if a.get("country")}
                if best.get("location") and best["location"].get("country"):
                    pred_countries.add(best["location"]["country"])
                report.countries.add_sets(pred_countries, set(gold.get("countries") or []))
                report.actors.add_sets(
                    {(a.get("country"), a.get("sector")) for a in best["actors"]},
                    {(a.get("country"), a.get("sector")) for a in gold.get("actors") or []},
                )
                _score_place(report.places, best.get("location"), gold.get("place"), place_ids)
                if best["subtype"] != gold["subtype"]:
                    report.errors.append({"id": article["id"], "type": etype, "kind": "subtype",
                                          "predicted": best["subtype"], "gold": gold["subtype"]})
            elif best is not None:
                report.errors.append({
                    "id": article["id"], "type": etype, "kind": "false_positive",
                    "tags": article.get("tags", []),
                    "evidence": best["evidence"][0]["text"][:200] if best["evidence"] else "",
                })
            elif gold is not None:
                report.errors.append({"id": article["id"], "type": etype, "kind": "false_negative",
                                      "gold_evidence": (gold.get("evidence") or [""])[0]})
    return report


def load_devset(directory: Path) -> list[dict[str, Any]]:
    rows = []
    for path in sorted(directory.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                rows.append(json.loads(line))
    return rows


def as_raw_article(row: dict[str, Any]) -> dict[str, Any]:
    # No language hint: the held-out articles arrive without one.
    keys = ("id", "url", "source", "title", "text", "published_at")
    return {k: row[k] for k in keys if row.get(k) is not None}


def run_extract(devset: list[dict[str, Any]]) -> list[dict[str, Any]]:
    stdin = "".join(json.dumps(as_raw_article(r), ensure_ascii=False) + "\n" for r in devset)
    done = subprocess.run([sys.executable, "-m", "newsevents.cli.main", "extract"],
                          input=stdin.encode(), capture_output=True, check=False)
    lines = done.stdout.decode().splitlines()
    if len(lines) != len(devset):
        raise SystemExit(f"extract returned {len(lines)} lines for {len(devset)} articles:\n"
                         f"{done.stderr.decode()[-3000:]}")
    return [json.loads(x) for x in lines]


def print_report(data: dict[str, Any]) -> None:
    print(f"articles: {data['articles']}")
    print(f"{'':14}{'type':24}{'P':>7}{'R':>7}{'F1':>7}{'support':>9}")
    for etype, c in data["by_type"].items():
        print(f"{'ALL':14}{etype:24}{c['precision']:7.3f}{c['recall']:7.3f}{c['f1']:7.3f}"
              f"{c['support']:9d}")
    for lang, types in data["by_language"].items():
        for etype, c in types.items():
            print(f"{lang:14}{etype:24}{c['precision']:7.3f}{c['recall']:7.3f}{c['f1']:7.3f}"
                  f"{c['support']:9d}")
    print(f"subtype accuracy (true positives): {data['subtype_accuracy']}")
    for name in ("countries", "actors", "places"):
        c = data[name]
        print(f"{name:10} P={c['precision']:.3f} R={c['recall']:.3f} F1={c['f1']:.3f}")
    print(f"errors ({len(data['errors'])}):")
    for err in data["errors"]:
        print("  " + json.dumps(err, ensure_ascii=False)[:240])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m newsevents.evaluation")
    parser.add_argument("devset", type=Path, nargs="?", default=Path("tests/data/devset"))
    parser.add_argument("--out", type=Path, default=Path("eval/results.json"))
    args = parser.parse_args(argv)
    devset = load_devset(args.devset)
    data = score(devset, run_extract(devset), kb_place_ids()).as_dict()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
    print_report(data)
    print(f"written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

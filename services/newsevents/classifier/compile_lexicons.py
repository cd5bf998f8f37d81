"""Build step: every lemma the classifier needs, computed once with simplemma.

simplemma's dictionaries cost tens of seconds to decode and hundreds of MB to
hold, yet matching only needs to know which article words reduce to a lemma
that occurs in some lexicon term. So, per language, this step lemmatises
every token of every lemma-matched term, then walks simplemma's dictionaries
once and keeps the surface forms whose lemma is one of those (and the forms
that merely look like one, so that they keep not matching). At run time a
token is canonicalised by `forms.get(token, token)`: no simplemma, no
dictionaries in memory.

    python -m newsevents.classifier.compile_lexicons --out \
        services/newsevents/classifier/data/lexicons.json.gz

What is lost: words absent from simplemma's dictionaries that its rule,
affix or clitic strategies would have reduced to a lexicon lemma. Lexicon
terms themselves keep those strategies (they are lemmatised here in full).
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import logging
from collections.abc import Iterable
from importlib.metadata import version
from pathlib import Path
from typing import Any

from newsevents.classifier.gazetteer import country_terms
from newsevents.classifier.lexicon import (
    LEXICON_DIR,
    LanguageLexicon,
    Term,
    available_languages,
    load_common,
    load_language,
)
from newsevents.classifier.matcher import FormsLemmatizer, casefold, tokenize

COMPILED_PATH = Path(__file__).with_name("data") / "lexicons.json.gz"
FORMAT = 1
log = logging.getLogger(__name__)


def fingerprint(lexicon_dir: Path = LEXICON_DIR) -> str:
    """Changes whenever a lexicon file, the lemmatiser or the tokenizer does."""
    digest = hashlib.sha256(f"{FORMAT}:simplemma={version('simplemma')}".encode())
    # The compiled forms are tokens of matcher.py's making: a tokenizer change
    # must invalidate them.
    digest.update(Path(tokenize.__code__.co_filename).read_bytes())
    for path in sorted(lexicon_dir.glob("*.yaml")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def lemma_tokens(terms: Iterable[Term], lexicon: LanguageLexicon) -> set[str]:
    """The case-folded tokens of every term matched on lemmas."""
    words: set[str] = set()
    if lexicon.segmentation == "chars":
        return words
    for term in terms:
        if term.surface:
            continue
        for part in term.parts:
            words.update(casefold(t.surface, lexicon.language)
                         for t in tokenize(part, "words"))
    return words


def compile_forms(lexicon: LanguageLexicon, terms: list[Term]) -> dict[str, str]:
    """Surface form -> lemma, for the forms whose lemma (or self) a term uses."""
    langs = lexicon.simplemma_langs
    words = lemma_tokens(terms, lexicon)
    if not langs or not words:
        return {}
    # A private lemmatiser, so its decoded dictionaries are freed with it.
    from simplemma import Lemmatizer as SimplemmaLemmatizer
    from simplemma.strategies import DefaultStrategy
    from simplemma.strategies.dictionaries import DefaultDictionaryFactory

    factory = DefaultDictionaryFactory(cache_max_size=len(langs))
    lemmatizer = SimplemmaLemmatizer(
        lemmatization_strategy=DefaultStrategy(dictionary_factory=factory)
    )

    def lemma(word: str) -> str:
        if word.isdigit():
            return word
        try:
            return casefold(str(lemmatizer.lemmatize(word, langs)), lexicon.language)
        except (ValueError, KeyError):
            return word

    forms: dict[str, str] = {}
    for word in words:
        forms[word] = lemma(word)
    wanted = set(forms.values()) | words
    for lang in langs:
        for key, value in factory.get_dictionary(lang).items():
            folded = casefold(key, lexicon.language)
            if folded in forms:
                continue
            if folded in wanted or casefold(value, lexicon.language) in wanted:
                # The dictionary's answer is checked against the full pipeline:
                # an earlier language or a case variant may decide otherwise.
                forms[folded] = lemma(folded)
    for word in wanted:
        forms.setdefault(word, lemma(word))
    # At run time a word missing from `forms` goes through simplemma's affix
    # and morpheme strategies over `forms` alone ("memediasi" -> "mediasi").
    # A dictionary word those would wrongly reduce to a lexicon lemma is
    # pinned to its real lemma here.
    restricted = FormsLemmatizer(langs, forms, lexicon.language)
    pinned: set[str] = set()
    for lang in langs:
        for key in factory.get_dictionary(lang):
            folded = casefold(key, lexicon.language)
            if folded in forms or folded.isdigit():
                continue
            guess = restricted.decompose(folded)
            if guess != folded and guess in wanted:
                forms[folded] = lemma(folded)
                pinned.add(folded)
    return {k: v for k, v in forms.items() if k != v or k in wanted or k in pinned}


def build(lexicon_dir: Path = LEXICON_DIR) -> dict[str, Any]:
    common = load_common(lexicon_dir / "common.yaml")
    languages: dict[str, dict[str, str]] = {}
    for language in available_languages(lexicon_dir):
        lexicon = load_language(lexicon_dir / f"{language}.yaml", common)
        languages[language] = compile_forms(lexicon, lexicon.terms + country_terms(language))
    return {"format": FORMAT, "fingerprint": fingerprint(lexicon_dir), "forms": languages}


def load_forms(
    lexicon_dir: Path = LEXICON_DIR, path: Path = COMPILED_PATH
) -> dict[str, dict[str, str]]:
    """The compiled forms, rebuilt in memory (slowly) when missing or stale."""
    try:
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            data = json.load(handle)
        if data.get("format") == FORMAT and data.get("fingerprint") == fingerprint(lexicon_dir):
            return {k: dict(v) for k, v in data["forms"].items()}
        log.warning("%s is stale: rebuilding lemma forms in memory; run compile_lexicons", path)
    except FileNotFoundError:
        log.warning("%s missing: rebuilding lemma forms in memory; run compile_lexicons", path)
    forms: dict[str, dict[str, str]] = build(lexicon_dir)["forms"]
    return forms


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--out", type=Path, default=COMPILED_PATH)
    parser.add_argument("--lexicons", type=Path, default=LEXICON_DIR)
    args = parser.parse_args(argv)
    data = build(args.lexicons)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    # Sorted keys and a fixed mtime keep the file byte-identical across builds.
    payload = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    with gzip.GzipFile(args.out, "wb", mtime=0) as handle:
        handle.write(payload.encode("utf-8"))
    sizes = ", ".join(f"{k}={len(v)}" for k, v in data["forms"].items())
    print(f"wrote {args.out} ({sizes})")


if __name__ == "__main__":
    main()

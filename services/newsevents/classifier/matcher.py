"""Finds every lexicon term in a text in one pass.

The text is tokenised once and each token is reduced to its lemma (cached per
process). `TermMatcher.scan` does that and the matching in one call of the
compiled matcher (`services/native/`, Rust): each word becomes the code of its
lemma (or of its case-folded surface, for terms written as surface forms) and
a trie over those codes finds every term; Python keeps the lemmatiser for words
never seen before and the case checks, which the native side asks for through
callbacks. The Python path below (`tokenize` then `match`: one Aho-Corasick
automaton over the codes, built on first use) is the reference the native one
is tested against, and what runs where the extension is not installed or a text
cannot cross into Rust.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import cache
from itertools import accumulate, repeat
from math import isqrt
from typing import TYPE_CHECKING, Literal, NamedTuple, cast, overload

import ahocorasick

from newsevents.classifier.lexicon import MAX_GAP_TOKENS, Term

if TYPE_CHECKING:
    from newsevents.classifier._native import NativeMatcher

_NativeMatcher: type[NativeMatcher] | None
try:
    from newsevents.classifier._native import NativeMatcher as _NativeMatcher
except ImportError:  # installed without Rust: the Python matcher does the same, slower
    _NativeMatcher = None


def native_available() -> bool:
    """Whether the compiled matcher (services/native) is installed."""
    return _NativeMatcher is not None


def _combining_marks() -> str:
    """A regex class of every combining mark (Mn/Mc/Me) of the Basic Multilingual Plane."""
    ranges: list[tuple[int, int]] = []
    for code in range(0x300, 0x10000):
        if unicodedata.category(chr(code)).startswith("M"):
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1] = (ranges[-1][0], code)
            else:
                ranges.append((code, code))
    return "".join(f"\\u{lo:04x}-\\u{hi:04x}" for lo, hi in ranges)


_M = _combining_marks()
# Words of space-delimited scripts. Vowel signs of Devanagari and Arabic
# shadda/tanween are combining marks, not `\w`: without them "हमला" (attack)
# would split into fragments that match inside unrelated words.
_WORD = re.compile(rf"[\w{_M}]+")
# `segmentation: chars` tokens. Vowel signs, tone marks and medials of Thai and
# Burmese are not `\w`; they ride on their letter, or "ยิ่ง" (more) would shrink
# to the letters of "ยิง" (shoot). A Burmese syllable keeps its killed final
# consonants ("တိုက်" is one token, as a reader sees it) so that token windows
# and gaps span about as much text as Thai and Chinese ones. Latin words and
# numbers inside such text ("PDF", "BM-21") stay whole words.
_CHAR = re.compile(
    rf"[A-Za-z\u00c0-\u024f]+|\d+"
    rf"|\w[{_M}]*(?:[\u1000-\u1021][\u1037]?[\u103a\u1039][{_M}]*)*"
)
_WORD_SPLIT = re.compile(f"({_WORD.pattern})")
_CHAR_SPLIT = re.compile(f"({_CHAR.pattern})")


def _ranges(python_class: str) -> list[tuple[int, int]]:
    """The inclusive code point ranges a Python regex character class matches.

    Python's `\\w` is "str.isalnum() or _", not Unicode's Word property, and
    its Unicode version is its own: the native tokeniser gets the characters
    themselves, so that both agree character for character.
    """
    every = "".join(map(chr, range(0x110000)))
    return [(lo, hi - 1) for lo, hi in (m.span() for m in re.finditer(f"{python_class}+", every))
            if not 0xD800 <= lo <= 0xDFFF]


@cache
def _native_classes() -> tuple[
    list[tuple[int, int]], list[tuple[int, int]], list[tuple[int, int]], list[tuple[int, int]]
]:
    """The classes `_WORD` and `_CHAR` are made of: keep them in step with those two."""
    return (
        _ranges(r"\w"), _ranges(f"[{_M}]"), _ranges(r"\d"), _ranges("[A-Za-z\u00c0-\u024f]")
    )


# A gap of "a ... b" in `segmentation: chars` text: MAX_GAP_TOKENS counts
# words, and a Thai or Chinese word is two to four character tokens.
_CHARS_GAP_TOKENS = 8
# Bounds the lemma cache of a long-running worker fed with arbitrary text.
_CACHE_LIMIT = 200_000


# str.lower() turns "İ" into "i" plus a combining dot, which no lexicon spells
# and which shifts token offsets; Turkish also pairs dotless "I" with "ı".
_TURKIC = frozenset({"tr", "az"})


def casefold(text: str, language: str = "") -> str:
    """Lower-case `text` without changing its length (as long as plain lower() would not)."""
    # str.replace, not str.translate: translate looks every character up in a
    # dict and costs ten times more on non-ASCII text.
    if language in _TURKIC:
        return text.replace("İ", "i").replace("I", "ı").lower()
    return text.replace("İ", "i").lower()


class Token(NamedTuple):
    start: int
    end: int
    surface: str


class Match(NamedTuple):
    term: Term
    first: int  # index of the first token
    last: int  # index of the last token (inclusive)


class Tokens(Sequence[Token]):
    """The word tokens of a text, built with C-level passes only.

    Per-token Python objects are the main cost at 1,000 articles/s: one
    `re.split` gives the tokens with the text between them, and running sums
    of their lengths give every offset, with no match object per token.
    Hyphenated words are separate tokens; reduplicated plurals
    ("kelompok-kelompok") thus become a repeated word, which every term written
    with the same form matches the same way.
    """

    __slots__ = (
        "_count", "_language", "_lowered", "_pattern", "_surfaces", "_text", "end", "start",
    )

    def __init__(
        self, text: str, segmentation: Literal["words", "chars"], language: str = ""
    ) -> None:
        # [gap, token, gap, token, ..., gap]: the capturing group keeps the tokens.
        pieces = (_CHAR_SPLIT if segmentation == "chars" else _WORD_SPLIT).split(text)
        surfaces: list[str] = pieces[1::2]
        self._text = text
        self._pattern = _CHAR if segmentation == "chars" else _WORD
        self._language = language
        self._surfaces: list[str] | None = surfaces
        self._lowered: list[str] | None = None
        # Offsets are asked for a few hundred times per article: plain list
        # lookups instead of a method call each. Offset 2k is where token k starts.
        offsets = list(accumulate(map(len, pieces)))
        self.start: Callable[[int], int] = offsets[0:-1:2].__getitem__
        self.end: Callable[[int], int] = offsets[1::2].__getitem__
        self._count = len(surfaces)

    @classmethod
    def from_offsets(
        cls, text: str, starts: list[int], ends: list[int], language: str = ""
    ) -> Tokens:
        """Tokens the native matcher found: a surface is sliced only when asked for."""
        tokens = cls.__new__(cls)
        tokens._text = text
        tokens._pattern = _WORD  # only read for texts with a "Σ", which stay in Python
        tokens._language = language
        tokens._surfaces = None
        tokens._lowered = None
        tokens.start = starts.__getitem__
        tokens.end = ends.__getitem__
        tokens._count = len(starts)
        return tokens

    @property
    def lowered(self) -> list[str]:
        """The case-folded tokens, for the Python matcher."""
        if self._lowered is None:
            self._lowered = self._casefold(self.surfaces(0, len(self) - 1))
        return self._lowered

    def _casefold(self, surfaces: list[str]) -> list[str]:
        text, language = self._text, self._language
        lowered: list[str] = []
        if "Σ" not in text:
            # Lower-case the tokens in one C-level call: NUL is never part of a token.
            lowered = casefold("\0".join(surfaces), language).split("\0")
        else:
            # Final sigma depends on what follows the token in the text.
            lowered_text = casefold(text, language)
            if len(lowered_text) == len(text):
                lowered = self._pattern.findall(lowered_text)
        if len(lowered) != len(surfaces):
            # Lower-casing changed the text's shape (e.g. "ẞ"): go token by token.
            lowered = [casefold(w, language) for w in surfaces]
        return lowered

    def __len__(self) -> int:
        return self._count

    @overload
    def __getitem__(self, index: int) -> Token: ...
    @overload
    def __getitem__(self, index: slice) -> list[Token]: ...
    def __getitem__(self, index: int | slice) -> Token | list[Token]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        return Token(self.start(index), self.end(index), self.surface(index))

    def surface(self, index: int) -> str:
        if self._surfaces is not None:
            return self._surfaces[index]
        if index < 0:
            index += self._count
        return self._text[self.start(index):self.end(index)]

    def surfaces(self, first: int, last: int) -> list[str]:
        """The surface forms of tokens `first` to `last` (inclusive)."""
        if self._surfaces is not None:
            return self._surfaces[first:last + 1]
        return [self.surface(i) for i in range(first, min(last + 1, self._count))]


def tokenize(
    text: str, segmentation: Literal["words", "chars"], language: str = ""
) -> Tokens:
    return Tokens(text, segmentation, language)


class _FormsFactory:
    """simplemma's dictionary interface over a compiled `forms` map."""

    def __init__(self, forms: Mapping[str, str]) -> None:
        self._forms = forms

    def get_dictionary(self, lang: str) -> Mapping[str, str]:
        return self._forms


class FormsLemmatizer:
    """simplemma's strategies run over the small `forms` map instead of its dictionaries.

    Words that simplemma reduces by affix or morpheme rules, not by dictionary
    ("memediasi", "dijamu"), still reach the lexicon's lemma.
    """

    def __init__(self, langs: tuple[str, ...], forms: Mapping[str, str], language: str) -> None:
        from simplemma import Lemmatizer as SimplemmaLemmatizer
        from simplemma.strategies import DefaultStrategy

        self._langs = langs
        self._language = language
        self._lemmatizer = SimplemmaLemmatizer(
            cache_max_size=0,
            lemmatization_strategy=DefaultStrategy(
                dictionary_factory=_FormsFactory(forms)
            ),
        )

    def decompose(self, word: str) -> str:
        if not self._langs or word.isdigit():
            return word
        try:
            return casefold(str(self._lemmatizer.lemmatize(word, self._langs)), self._language)
        except (ValueError, KeyError):
            return word


class Lemmatizer:
    """Canonical form of a case-folded word: its lemma if a lexicon term uses it.

    `forms` comes from `compile_lexicons` (surface -> lemma, restricted to the
    lemmas of the lexicon); other words go through `FormsLemmatizer` once and
    are cached. Without `forms`, simplemma with its full dictionaries is asked
    word by word (tests, ad-hoc matchers).
    """

    def __init__(
        self,
        langs: tuple[str, ...],
        forms: Mapping[str, str] | None = None,
        language: str = "",
    ) -> None:
        self._langs = langs
        self._language = language
        self._cache: dict[str, str] = dict(forms) if forms is not None else {}
        self._fixed = len(self._cache)
        self._restricted = (
            FormsLemmatizer(langs, forms, language) if forms is not None and langs else None
        )

    def __call__(self, word: str) -> str:
        lower = casefold(word, self._language)
        cached = self._cache.get(lower)
        if cached is not None:
            return cached
        lemma = lower
        if self._restricted is not None:
            lemma = self._restricted.decompose(lower)
        elif self._langs and not lower.isdigit():
            import simplemma  # only on this slow path: its dictionaries are large

            try:
                lemma = casefold(str(simplemma.lemmatize(lower, lang=self._langs)),
                                 self._language)
            except (ValueError, KeyError):
                lemma = lower
        if len(self._cache) >= self._fixed + _CACHE_LIMIT:
            # Forget the words learnt at run time, never the compiled forms.
            self._cache = dict(list(self._cache.items())[: self._fixed])
        self._cache[lower] = lemma
        return lemma

    def folded(self, lower: str) -> str:
        """Canonical form of an already case-folded word."""
        if not self._langs:
            return lower
        cached = self._cache.get(lower)
        return cached if cached is not None else self(lower)


# Match(...) runs a Python-level __new__; the hot loop builds the tuple directly.
_new_match = tuple.__new__


class _Key(NamedTuple):
    term_index: int
    term: Term
    part: int
    length: int  # tokens
    check_case: bool
    gapped: bool


class _Value(NamedTuple):
    """What an automaton key stands for: its entries, all of one length in tokens."""

    length: int
    # The entries' terms when every entry is a whole term matched without a
    # case check (most keys): each hit is then a match as it stands.
    plain: tuple[Term, ...] | None
    entries: tuple[_Key, ...]


# The two alphabets of form codes, and the code of a token no term uses.
_HIGH = 0x4000
_LOW = 0x8000
_OTHER = "\0\0"


class _Codes:
    """Two characters per form a term uses, `_OTHER` for every other token.

    A text becomes two characters per token, so an automaton over the codes
    reports the index of a match's last token (its end // 2), where matching
    lemmas joined by spaces needed the spaces before each match counted.
    The first character comes from one alphabet and the second from another,
    so a key only matches whole codes; splitting a code in two keeps the
    automaton's nodes at about sqrt(forms) children each, which it searches
    one by one for every token.
    """

    __slots__ = ("by_form",)

    def __init__(self, forms: Iterable[str]) -> None:
        distinct = list(dict.fromkeys(forms))
        base = isqrt(len(distinct)) + 1
        self.by_form: dict[str, str] = {
            form: chr(_HIGH + i // base) + chr(_LOW + i % base)
            for i, form in enumerate(distinct)
        }

    def key(self, forms: list[str]) -> str:
        return "".join([self.by_form[form] for form in forms])

    def encode(self, forms: list[str]) -> str:
        return "".join(map(self.by_form.get, forms, repeat(_OTHER, len(forms))))


class _Automata(NamedTuple):
    lemma_codes: _Codes
    surface_codes: _Codes
    lemma_ac: ahocorasick.Automaton
    surface_ac: ahocorasick.Automaton


class TermMatcher:
    """All terms of one language compiled into two automata (lemmas, surface forms),
    and into the native matcher when it is installed."""

    def __init__(
        self,
        terms: list[Term],
        segmentation: Literal["words", "chars"],
        lemmatizer: Lemmatizer,
        language: str = "",
        max_gap: int = MAX_GAP_TOKENS,
    ) -> None:
        self.terms = terms
        self.max_gap = max_gap
        self.segmentation = segmentation
        self.lemmatize = lemmatizer
        self.language = language
        # Case-folded token -> code of its lemma: lemmatising and encoding a
        # known word is then one dict lookup.
        self._coded_lemmas: dict[str, str] = {}
        # (by lemma, forms, entry) of every term part, coded once all forms are known.
        keys: list[tuple[bool, list[str], _Key]] = []
        # How a case-sensitive term must be written, token by token.
        self._exact: dict[int, tuple[str, ...]] = {}
        pattern = _CHAR if segmentation == "chars" else _WORD
        for index, term in enumerate(terms):
            words_by_part = [pattern.findall(part) for part in term.parts]
            if term.case_sensitive:
                self._exact[index] = tuple(w for words in words_by_part for w in words)
            for part_no, words in enumerate(words_by_part):
                if not words:
                    continue
                by_lemma = not (term.surface or segmentation == "chars")
                forms = (
                    [lemmatizer(w) for w in words] if by_lemma
                    else [casefold(w, language) for w in words]
                )
                keys.append((by_lemma, forms, _Key(
                    index, term, part_no, len(words),
                    term.case_sensitive or term.proper_name, len(term.parts) > 1,
                )))
        # Every key (lemmas or surface forms) and the part entries it stands for.
        self._entries: dict[tuple[bool, tuple[str, ...]], list[_Key]] = defaultdict(list)
        for by_lemma, forms, entry in keys:
            self._entries[by_lemma, tuple(forms)].append(entry)
        self._python: _Automata | None = None
        self._native: NativeMatcher | None = None
        if _NativeMatcher is not None:
            gap = _CHARS_GAP_TOKENS if segmentation == "chars" else max_gap
            native = _NativeMatcher(segmentation, *_native_classes(), language in _TURKIC, gap)
            for term in terms:
                native.add_term(len(term.parts))
            for (by_lemma, forms_key), found in self._entries.items():
                native.add_key(by_lemma, list(forms_key), [
                    (e.term_index, e.part, e.check_case, e.gapped) for e in found
                ])
            self._native = native

    def scan(self, text: str) -> tuple[Tokens, list[Match]]:
        """The tokens of `text` and every term in it: `tokenize` and `match` in one native pass."""
        native = self._native
        found = None
        # The Python tokeniser reads final sigmas in context (rare; no Greek
        # lexicon), and a Rust string holds no lone surrogate: such texts stay in Python.
        if native is not None and "Σ" not in text:
            try:
                found = native.scan(text, self.lemmatize.folded, self._words_case_ok)
            except UnicodeEncodeError:
                found = None
        if found is None:
            tokens = tokenize(text, self.segmentation, self.language)
            return tokens, self.match(text, tokens)
        starts, ends, term_ids, firsts, lasts = found
        # Match tuples built by C-level calls only: an article has about fifty.
        terms = map(self.terms.__getitem__, term_ids)
        matches = list(map(_new_match, repeat(Match), zip(terms, firsts, lasts, strict=True)))
        return Tokens.from_offsets(text, starts, ends, self.language), matches

    def _automata(self) -> _Automata:
        """The Python matcher's automata: built on first use, which with the
        native matcher installed is the reference test or a rare fallback text."""
        if self._python is not None:
            return self._python
        entries = self._entries
        lemma_codes = _Codes(f for by_lemma, forms in entries if by_lemma for f in forms)
        surface_codes = _Codes(f for by_lemma, forms in entries if not by_lemma for f in forms)
        lemma_ac, surface_ac = ahocorasick.Automaton(), ahocorasick.Automaton()
        for (by_lemma, forms_key), found in entries.items():
            plain = not any(e.check_case or e.gapped for e in found)
            value = _Value(
                found[0].length, tuple(e.term for e in found) if plain else None, tuple(found)
            )
            codes = (lemma_codes if by_lemma else surface_codes).key(list(forms_key))
            (lemma_ac if by_lemma else surface_ac).add_word(codes, value)
        for automaton in (lemma_ac, surface_ac):
            if len(automaton):
                automaton.make_automaton()
        self._python = _Automata(lemma_codes, surface_codes, lemma_ac, surface_ac)
        return self._python

    def _encode_lemmas(self, surfaces: list[str]) -> str:
        """The lemma codes of case-folded tokens."""
        known = self._coded_lemmas
        found = list(map(known.get, surfaces))
        if None in found:
            # Nearly every article has a word never seen before (a name): code
            # the new words alone, found by set difference, not a Python loop
            # over every token; then look the whole text up again.
            new = set(surfaces).difference(known)
            if len(known) + len(new) > _CACHE_LIMIT:
                known.clear()
                new = set(surfaces)
            by_form = self._automata().lemma_codes.by_form
            lemma = self.lemmatize.folded
            for word in new:
                known[word] = by_form.get(lemma(word), _OTHER)
            found = list(map(known.get, surfaces))
        return "".join(cast(list[str], found))

    def match(self, text: str, tokens: Tokens) -> list[Match]:
        """Every term in `text`, tokenised as `tokens` (the Python reference of `scan`)."""
        surfaces = tokens.lowered
        python = self._automata()
        hits: list[Iterable[tuple[_Value, int, int]]] = []
        for automaton in (python.lemma_ac, python.surface_ac):
            if not len(automaton) or not surfaces:
                continue
            codes = (
                self._encode_lemmas(surfaces) if automaton is python.lemma_ac
                else python.surface_codes.encode(surfaces)
            )
            # Two characters per token: a match ends at 2 * (its last token) + 1.
            hits.append(
                (value, (end >> 1) - value.length + 1, end >> 1)
                for end, value in automaton.iter(codes)
            )
        return self._matches(tokens, (hit for found in hits for hit in found))

    def _matches(
        self, tokens: Tokens, hits: Iterable[tuple[_Value, int, int]]
    ) -> list[Match]:
        """The matches of the automata's hits: whole terms, and gapped terms joined."""
        results: list[Match] = []
        parts: dict[int, list[tuple[int, int, int]]] = defaultdict(list)
        # Gapped terms whose first part occurs: only these can match.
        opened: set[int] = set()
        for (_, plain, keys), first, last in hits:
            if plain is not None:
                for term in plain:
                    results.append(_new_match(Match, (term, first, last)))
                continue
            for key in keys:
                term_index, term, part, _length, check_case, gapped = key
                if check_case and not self._case_ok(key, tokens, first, last):
                    continue
                if gapped:
                    parts[term_index].append((part, first, last))
                    if not part:
                        opened.add(term_index)
                else:
                    results.append(_new_match(Match, (term, first, last)))
        gap = _CHARS_GAP_TOKENS if self.segmentation == "chars" else self.max_gap
        for index, occurrences in parts.items():
            if index in opened:
                results.extend(self._join_gapped(self.terms[index], occurrences, gap))
        return results

    def _case_ok(self, key: _Key, tokens: Tokens, first: int, last: int) -> bool:
        return self._words_case_ok(key.term_index, tokens.surfaces(first, last))

    def _words_case_ok(self, term_index: int, words: list[str]) -> bool:
        """Whether `words` (a hit's tokens as written) are cased as the term needs."""
        term = self.terms[term_index]
        if term.case_sensitive:
            wanted = self._exact[term_index]
            if len(term.parts) > 1:  # parts are checked one by one: compare the subset
                return all(surface in wanted for surface in words)
            return tuple(words) == wanted
        if term.proper_name:
            head = words[0]
            if head[:1].upper() == head[:1].lower():
                return True  # Arabic, Devanagari, Thai, Burmese, Han: no capitals mark a name
            if not head[:1].isupper():
                return False
            # Two- and three-letter acronyms ("AS", "UK", "RI") collide with common
            # words unless written in capitals; short names that are words of
            # their own ("Mỹ", "Nga", "Úc") only need their capital.
            if len(words) == 1 and len(head) <= 3 and term.text.isupper():
                return head.isupper()
        return True

    @staticmethod
    def _join_gapped(
        term: Term, occurrences: list[tuple[int, int, int]], max_gap: int
    ) -> list[Match]:
        by_part: dict[int, list[tuple[int, int]]] = defaultdict(list)
        for part, first, last in occurrences:
            by_part[part].append((first, last))
        matches: list[Match] = []
        for first, last in sorted(by_part.get(0, [])):
            end = last
            complete = True
            for part in range(1, len(term.parts)):
                following = [
                    (f, la) for f, la in by_part.get(part, [])
                    if end < f <= end + 1 + max_gap
                ]
                if not following:
                    complete = False
                    break
                end = min(following)[1]
            if complete:
                matches.append(Match(term, first, end))
        return matches

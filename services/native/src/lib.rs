//! Tokenise a text and find every lexicon term in it, in one call.
//!
//! The Python `TermMatcher` (newsevents/classifier/matcher.py) is the
//! reference: this module returns exactly what it would, and a test compares
//! the two over the whole development set. Python keeps everything that needs
//! the lexicon's Python objects (case checks, gapped terms, the lemmatiser for
//! words never seen before); this side does the per-token work, which is
//! where a 3 KB article spent half of its matching time.
//!
//! `cleaning` does the same for the boilerplate cleaner (cleaning.py).

mod cleaning;

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use rustc_hash::FxHashMap;

/// The code of a token that no term uses.
const OTHER: u32 = u32::MAX;
/// Bounds the per-process cache of a long-running worker fed arbitrary text
/// (the Python matcher's `_CACHE_LIMIT`).
const CACHE_LIMIT: usize = 200_000;

/// Terms as sequences of form codes; a node's value is the term key ending there.
struct Trie {
    /// The root's children by code: most tokens end their walk there, so it
    /// is an index, not a hash lookup.
    root: Vec<u32>,
    edges: FxHashMap<(u32, u32), u32>,
    values: Vec<Option<u32>>,
}

const NO_NODE: u32 = u32::MAX;

impl Trie {
    fn new() -> Self {
        Trie {
            root: Vec::new(),
            edges: FxHashMap::default(),
            values: vec![None],
        }
    }

    fn is_empty(&self) -> bool {
        self.values.len() == 1
    }

    fn insert(&mut self, codes: &[u32], value: u32) -> PyResult<()> {
        let mut node = 0u32;
        for &code in codes {
            let next = self.values.len() as u32;
            node = if node == 0 {
                let slot = code as usize;
                if self.root.len() <= slot {
                    self.root.resize(slot + 1, NO_NODE);
                }
                if self.root[slot] == NO_NODE {
                    self.root[slot] = next;
                }
                self.root[slot]
            } else {
                *self.edges.entry((node, code)).or_insert(next)
            };
            if node == next {
                self.values.push(None);
            }
        }
        match self.values[node as usize] {
            Some(old) if old != value => Err(PyValueError::new_err(format!(
                "two values for one key: {old} and {value}"
            ))),
            _ => {
                self.values[node as usize] = Some(value);
                Ok(())
            }
        }
    }

    /// Every (value, first token, last token), ordered as pyahocorasick
    /// reports them: by last token, the longest first.
    fn find(&self, codes: &[u32], hits: &mut Vec<u32>) {
        let mut found: Vec<(u32, u32, u32)> = Vec::new();
        for first in 0..codes.len() {
            let mut node = 0u32;
            for (last, &code) in codes.iter().enumerate().skip(first) {
                if code == OTHER {
                    break;
                }
                let next = if node == 0 {
                    self.root.get(code as usize).copied().unwrap_or(NO_NODE)
                } else {
                    self.edges.get(&(node, code)).copied().unwrap_or(NO_NODE)
                };
                if next == NO_NODE {
                    break;
                }
                node = next;
                if let Some(value) = self.values[node as usize] {
                    found.push((value, first as u32, last as u32));
                }
            }
        }
        found.sort_by_key(|&(_, first, last)| (last, std::cmp::Reverse(last - first)));
        for (value, first, last) in found {
            hits.extend_from_slice(&[value, first, last]);
        }
    }
}

/// A set of characters: a bitmap over the Basic Multilingual Plane (where
/// nearly every character of news text lies; a search over Python's ~700 `\\w`
/// ranges cost more than the rest of tokenising), sorted inclusive ranges beyond.
struct CharClass {
    bmp: Vec<u64>,
    ranges: Vec<(u32, u32)>,
}

const BMP: u32 = 0x10000;

impl CharClass {
    fn new(mut ranges: Vec<(u32, u32)>) -> Self {
        ranges.sort_unstable();
        let mut bmp = vec![0u64; (BMP / 64) as usize];
        for &(lo, hi) in &ranges {
            for code in lo..=hi.min(BMP - 1) {
                bmp[(code / 64) as usize] |= 1 << (code % 64);
            }
        }
        CharClass { bmp, ranges }
    }

    #[inline]
    fn has(&self, c: char) -> bool {
        let code = c as u32;
        if code < BMP {
            return self.bmp[(code / 64) as usize] & (1 << (code % 64)) != 0;
        }
        let i = self.ranges.partition_point(|&(_, hi)| hi < code);
        i < self.ranges.len() && self.ranges[i].0 <= code
    }
}

/// The character classes of matcher.py's `_WORD` and `_CHAR` patterns, as
/// Python's `re` reads them (its `\w` and `\d` are not Unicode's).
struct Classes {
    word: CharClass,
    mark: CharClass,
    digit: CharClass,
    latin: CharClass,
}

/// One token: (first char, end char) as Python counts, and its text.
type Span<'a> = (usize, usize, &'a str);

/// `_WORD`: runs of word characters and combining marks.
fn word_tokens<'a>(text: &'a str, classes: &Classes, out: &mut Vec<Span<'a>>) {
    let mut start: Option<(usize, usize)> = None;
    let mut chars = 0usize;
    for (byte, c) in text.char_indices() {
        let inside = classes.word.has(c) || classes.mark.has(c);
        match (inside, start) {
            (true, None) => start = Some((chars, byte)),
            (false, Some((first, at))) => {
                out.push((first, chars, &text[at..byte]));
                start = None;
            }
            _ => {}
        }
        chars += 1;
    }
    if let Some((first, at)) = start {
        out.push((first, chars, &text[at..]));
    }
}

fn is_burmese_consonant(c: char) -> bool {
    ('\u{1000}'..='\u{1021}').contains(&c)
}

/// `_CHAR`: Latin words and numbers whole, else one letter with its marks
/// and a Burmese syllable's killed final consonants. Alternatives are tried
/// in order at each position, as Python's regex does.
fn char_tokens<'a>(text: &'a str, classes: &Classes, out: &mut Vec<Span<'a>>) {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let byte_at = |i: usize| chars.get(i).map_or(text.len(), |&(b, _)| b);
    let n = chars.len();
    let mut i = 0usize;
    while i < n {
        let c = chars[i].1;
        let run = |class: &CharClass, mut j: usize| {
            while j < n && class.has(chars[j].1) {
                j += 1;
            }
            j
        };
        let end = if classes.latin.has(c) {
            run(&classes.latin, i)
        } else if classes.digit.has(c) {
            run(&classes.digit, i)
        } else if classes.word.has(c) {
            let mut j = run(&classes.mark, i + 1);
            // (?:[\u1000-\u1021][\u1037]?[\u103a\u1039][marks]*)*
            loop {
                let mut k = j;
                if k < n && is_burmese_consonant(chars[k].1) {
                    k += 1;
                    if k < n && chars[k].1 == '\u{1037}' {
                        k += 1;
                    }
                    if k < n && matches!(chars[k].1, '\u{103a}' | '\u{1039}') {
                        j = run(&classes.mark, k + 1);
                        continue;
                    }
                }
                break;
            }
            j
        } else {
            i += 1;
            continue;
        };
        out.push((i, end, &text[byte_at(i)..byte_at(end)]));
        i = end;
    }
}

fn casefold_into(word: &str, turkic: bool, out: &mut String) {
    out.clear();
    if word.is_ascii() && !(turkic && word.contains('I')) {
        out.push_str(word);
        out.make_ascii_lowercase();
        return;
    }
    // As Python's `casefold`: "İ" would become "i" plus a combining dot.
    for c in word.chars() {
        match c {
            'İ' => out.push('i'),
            'I' if turkic => out.push('ı'),
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            c => out.extend(c.to_lowercase()),
        }
    }
}

/// One language's terms, and the words it has already reduced to a lemma code.
#[pyclass(module = "newsevents.classifier._native")]
struct NativeMatcher {
    chars: bool,
    /// Tokens allowed between the parts of a gapped term.
    gap: u32,
    /// Each term's number of parts, by term index (the Python list's order).
    term_parts: Vec<u32>,
    /// Each key's entries, by value id.
    values: Vec<Value>,
    classes: Classes,
    turkic: bool,
    lemma_forms: FxHashMap<String, u32>,
    surface_forms: FxHashMap<String, u32>,
    lemma_trie: Trie,
    surface_trie: Trie,
    /// Each word as written, with its (lemma code, surface code): one lookup
    /// a token, where case folding and two tables cost three times more.
    known: FxHashMap<String, (u32, u32)>,
    /// `case_ok`'s answers by (term, words as written joined by NUL): a
    /// country's name recurs in nearly every article, the call into Python costs.
    cased: FxHashMap<(u32, String), bool>,
}

type Ranges = Vec<(u32, u32)>;

/// One term part a key stands for: matcher.py's `_Key`.
#[derive(Clone, Copy)]
struct Entry {
    term: u32,
    part: u32,
    check_case: bool,
    gapped: bool,
}

/// A key's entries; `plain` when every hit of it is a match as it stands.
struct Value {
    plain: bool,
    entries: Vec<Entry>,
}

/// matcher.py's `_join_gapped`: each occurrence of a term's first part, with
/// the nearest occurrence of each next part within `gap` tokens of the last.
fn join_gapped(
    term: u32,
    parts: u32,
    occurrences: &[(u32, u32, u32)],
    gap: u32,
    out: &mut Vec<(u32, u32, u32)>,
) {
    let mut firsts: Vec<(u32, u32)> = occurrences
        .iter()
        .filter(|o| o.0 == 0)
        .map(|o| (o.1, o.2))
        .collect();
    firsts.sort_unstable();
    for (first, last) in firsts {
        let mut end = last;
        let mut complete = true;
        for part in 1..parts {
            let next = occurrences
                .iter()
                .filter(|o| o.0 == part && end < o.1 && o.1 <= end + 1 + gap)
                .map(|o| (o.1, o.2))
                .min();
            match next {
                Some((_, next_last)) => end = next_last,
                None => {
                    complete = false;
                    break;
                }
            }
        }
        if complete {
            out.push((term, first, end));
        }
    }
}

#[pymethods]
impl NativeMatcher {
    /// `segmentation`: "words" or "chars"; the classes: inclusive code point
    /// ranges of Python's `\w`, combining marks, `\d`, and `_CHAR`'s Latin letters.
    #[new]
    fn new(
        segmentation: &str,
        word: Ranges,
        mark: Ranges,
        digit: Ranges,
        latin: Ranges,
        turkic: bool,
        gap: u32,
    ) -> PyResult<Self> {
        let chars = match segmentation {
            "words" => false,
            "chars" => true,
            other => return Err(PyValueError::new_err(format!("segmentation: {other}"))),
        };
        Ok(NativeMatcher {
            chars,
            gap,
            term_parts: Vec::new(),
            values: Vec::new(),
            classes: Classes {
                word: CharClass::new(word),
                mark: CharClass::new(mark),
                digit: CharClass::new(digit),
                latin: CharClass::new(latin),
            },
            turkic,
            lemma_forms: FxHashMap::default(),
            surface_forms: FxHashMap::default(),
            lemma_trie: Trie::new(),
            surface_trie: Trie::new(),
            known: FxHashMap::default(),
            cased: FxHashMap::default(),
        })
    }

    /// The next term, in the order of the Python matcher's `terms`.
    fn add_term(&mut self, parts: u32) {
        self.term_parts.push(parts);
    }

    /// A term key: its forms (lemmas, or case-folded surface forms) and its
    /// entries as (term index, part, check case, gapped).
    fn add_key(
        &mut self,
        by_lemma: bool,
        forms: Vec<String>,
        entries: Vec<(u32, u32, bool, bool)>,
    ) -> PyResult<()> {
        let value = self.values.len() as u32;
        let (table, trie) = if by_lemma {
            (&mut self.lemma_forms, &mut self.lemma_trie)
        } else {
            (&mut self.surface_forms, &mut self.surface_trie)
        };
        let mut codes = Vec::with_capacity(forms.len());
        for form in forms {
            let next = table.len() as u32;
            codes.push(*table.entry(form).or_insert(next));
        }
        if codes.is_empty() || entries.is_empty() {
            return Err(PyValueError::new_err("a key needs forms and entries"));
        }
        let mut parsed = Vec::with_capacity(entries.len());
        for (term, part, check_case, gapped) in entries {
            if term as usize >= self.term_parts.len() {
                return Err(PyValueError::new_err(format!("unknown term {term}")));
            }
            parsed.push(Entry {
                term,
                part,
                check_case,
                gapped,
            });
        }
        trie.insert(&codes, value)?;
        let plain = parsed.iter().all(|e| !e.check_case && !e.gapped);
        self.values.push(Value {
            plain,
            entries: parsed,
        });
        Ok(())
    }

    /// Token offsets (in characters, as Python counts them) and the matches
    /// as (term index, first token, last token), in the Python matcher's
    /// order. `lemmatize` maps a case-folded word this matcher has not met
    /// before to its lemma; `case_ok(term index, surface words)` decides the
    /// terms whose entries check case.
    #[allow(clippy::type_complexity)]
    fn scan(
        &mut self,
        text: &str,
        lemmatize: &Bound<'_, PyAny>,
        case_ok: &Bound<'_, PyAny>,
    ) -> PyResult<(Vec<usize>, Vec<usize>, Vec<u32>, Vec<u32>, Vec<u32>)> {
        let mut spans: Vec<Span> = Vec::with_capacity(text.len() / 5);
        if self.chars {
            char_tokens(text, &self.classes, &mut spans);
        } else {
            word_tokens(text, &self.classes, &mut spans);
        }
        let use_lemmas = !self.lemma_trie.is_empty();
        let use_surfaces = !self.surface_trie.is_empty();
        let mut lemma_codes = Vec::with_capacity(if use_lemmas { spans.len() } else { 0 });
        let mut surface_codes = Vec::with_capacity(if use_surfaces { spans.len() } else { 0 });
        let mut lowered = String::new();
        for &(_, _, word) in &spans {
            let (lemma_code, surface_code) = match self.known.get(word) {
                Some(&codes) => codes,
                None => {
                    casefold_into(word, self.turkic, &mut lowered);
                    let lemma_code = if use_lemmas {
                        let lemma: String = lemmatize.call1((lowered.as_str(),))?.extract()?;
                        self.lemma_forms.get(&lemma).copied().unwrap_or(OTHER)
                    } else {
                        OTHER
                    };
                    let surface_code = self
                        .surface_forms
                        .get(lowered.as_str())
                        .copied()
                        .unwrap_or(OTHER);
                    if self.known.len() >= CACHE_LIMIT {
                        self.known.clear();
                    }
                    self.known
                        .insert(word.to_owned(), (lemma_code, surface_code));
                    (lemma_code, surface_code)
                }
            };
            if use_lemmas {
                lemma_codes.push(lemma_code);
            }
            if use_surfaces {
                surface_codes.push(surface_code);
            }
        }
        let mut hits = Vec::new();
        if use_lemmas {
            self.lemma_trie.find(&lemma_codes, &mut hits);
        }
        if use_surfaces {
            self.surface_trie.find(&surface_codes, &mut hits);
        }
        let mut matches: Vec<(u32, u32, u32)> = Vec::new();
        // Gapped terms' part occurrences, by term in order of first sight.
        let mut parts: Vec<(u32, Vec<(u32, u32, u32)>)> = Vec::new();
        let mut part_slot: FxHashMap<u32, usize> = FxHashMap::default();
        let mut opened: Vec<u32> = Vec::new();
        for hit in hits.chunks_exact(3) {
            let (value, first, last) = (&self.values[hit[0] as usize], hit[1], hit[2]);
            if value.plain {
                matches.extend(value.entries.iter().map(|e| (e.term, first, last)));
                continue;
            }
            for entry in &value.entries {
                if entry.check_case {
                    let words: Vec<&str> = spans[first as usize..=last as usize]
                        .iter()
                        .map(|s| s.2)
                        .collect();
                    let key = (entry.term, words.join("\0"));
                    let ok = match self.cased.get(&key) {
                        Some(&ok) => ok,
                        None => {
                            let ok = case_ok.call1((entry.term, words))?.extract::<bool>()?;
                            if self.cased.len() >= CACHE_LIMIT {
                                self.cased.clear();
                            }
                            self.cased.insert(key, ok);
                            ok
                        }
                    };
                    if !ok {
                        continue;
                    }
                }
                if entry.gapped {
                    let slot = *part_slot.entry(entry.term).or_insert_with(|| {
                        parts.push((entry.term, Vec::new()));
                        parts.len() - 1
                    });
                    parts[slot].1.push((entry.part, first, last));
                    if entry.part == 0 {
                        opened.push(entry.term);
                    }
                } else {
                    matches.push((entry.term, first, last));
                }
            }
        }
        for (term, occurrences) in &parts {
            if opened.contains(term) {
                let n = self.term_parts[*term as usize];
                join_gapped(*term, n, occurrences, self.gap, &mut matches);
            }
        }
        let starts = spans.iter().map(|s| s.0).collect();
        let ends = spans.iter().map(|s| s.1).collect();
        let terms = matches.iter().map(|m| m.0).collect();
        let firsts = matches.iter().map(|m| m.1).collect();
        let lasts = matches.iter().map(|m| m.2).collect();
        Ok((starts, ends, terms, firsts, lasts))
    }
}

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<NativeMatcher>()?;
    m.add_class::<cleaning::NativeCleaning>()?;
    m.add_class::<cleaning::NativeLineKinds>()?;
    Ok(())
}

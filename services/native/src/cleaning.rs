//! The per-line work of the boilerplate cleaner, compiled.
//!
//! newsevents/classifier/cleaning.py is the reference: `scan`, `kinds`,
//! `refine` and `assemble` return exactly what its `scan_lines`,
//! `Cleaner.line_kinds`, `Cleaner.refine` and `assemble` would, and a test
//! compares them on the development set, the bench corpus and hostile text.
//!
//! Exactness rests on Python answering every question of Unicode: what a
//! character is (`\s`, `\w`, `isupper`, its case fold, ...) comes from a
//! Python callback, once per character a process meets, so both sides read
//! each character by the same Unicode version and the same `re` rules.
//! Normalisation (NFKC for marker heads, NFC for kept lines) is done here
//! only for characters that normalisation leaves alone and that cannot join
//! their neighbours; any other run of characters is normalised by Python,
//! once per distinct run (a Thai syllable with its tone mark, a full-width
//! comma), and remembered. Two regexes stay in Python, called back: the
//! lead's dateline (backtracking, once an article) and the photo words
//! (IGNORECASE has case rules of its own; asked about the few characters
//! before a colon, and remembered).

use pyo3::exceptions::PyValueError;
use pyo3::ffi;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyString, PyTuple, PyType};
use rustc_hash::{FxHashMap, FxHashSet};

// A character's facts, as cleaning.py's `_char_facts` packs them: keep in step
// with the order of its `facts` tuple.
const SPACE_RE: u16 = 1; // re's `\s`
const SPACE_STR: u16 = 1 << 1; // str.isspace (str.split, str.rstrip)
const WORD: u16 = 1 << 2; // re's `\w` (and so `\b`)
const UPPER: u16 = 1 << 3; // str.isupper
const ALPHA: u16 = 1 << 4; // str.isalpha
const UPPER_STABLE: u16 = 1 << 5; // c.upper() == c
const NFKC_INERT: u16 = 1 << 6; // NFKC leaves it, and text around it, as is
const NFC_INERT: u16 = 1 << 7; // the same for NFC
const CI_H: u16 = 1 << 8; // matches `(?i:h)`
const CI_T: u16 = 1 << 9;
const CI_P: u16 = 1 << 10;
const CI_S: u16 = 1 << 11;
const CI_W: u16 = 1 << 12;
const KNOWN: u16 = 1 << 15;

/// cleaning.py's constants.
const SHAPE_KEEP: u8 = 0;
const SHAPE_FURNITURE: u8 = 1;
const SHAPE_SHORT: u8 = 2;
const KEEP: i64 = 0;
const DROP: i64 = 1;
const MARKER: i64 = 2;
const LINKS: i64 = 3;
const MARKER_HEAD: usize = 60;
const FURNITURE_MAX_CHARS: usize = 400;
const SHORT_LINE_WORDS: usize = 10;
const UNSPACED_CHARS_PER_WORD: usize = 5;
const ALL_CAPS_MAX_WORDS: usize = 12;
const TITLE_SLACK: usize = 12;
/// Lines up to this long keep their analysis (cleaning.py's `_CACHED_LINE_CHARS`
/// and `_LINE_CACHE_LIMIT`).
const CACHED_LINE_CHARS: usize = 120;
const LINE_CACHE_LIMIT: usize = 20_000;
/// Bounds the caches of a long-running worker fed arbitrary text.
const CACHE_LIMIT: usize = 100_000;
const PHOTO_CACHE_LIMIT: usize = 4_096;

const FOLD_SAME: u32 = u32::MAX;
const FOLD_MANY: u32 = 1 << 31;

#[derive(Clone, Copy)]
struct Facts {
    flags: u16,
    /// `FOLD_SAME`, a character's code, or `FOLD_MANY` | index into `FactTable::many`.
    fold: u32,
}

/// Facts by character, filled from Python as characters turn up.
struct FactTable {
    bmp: Vec<Facts>,
    astral: FxHashMap<u32, Facts>,
    many: Vec<String>,
    source: Py<PyAny>,
}

impl FactTable {
    #[inline(always)]
    fn get(&mut self, py: Python<'_>, c: char) -> PyResult<Facts> {
        let code = c as u32;
        if code < 0x10000 {
            let f = self.bmp[code as usize];
            if f.flags & KNOWN != 0 {
                return Ok(f);
            }
        }
        self.get_slow(py, c)
    }

    #[cold]
    #[inline(never)]
    fn get_slow(&mut self, py: Python<'_>, c: char) -> PyResult<Facts> {
        let code = c as u32;
        if let Some(&f) = self.astral.get(&code) {
            return Ok(f);
        }
        let (flags, folded): (u16, String) = self.source.bind(py).call1((code,))?.extract()?;
        let mut chars = folded.chars();
        let fold = match (chars.next(), chars.next()) {
            (Some(x), None) if x == c => FOLD_SAME,
            (Some(x), None) => x as u32,
            _ => match self.many.iter().position(|m| *m == folded) {
                Some(i) => FOLD_MANY | i as u32,
                None => {
                    self.many.push(folded);
                    FOLD_MANY | (self.many.len() - 1) as u32
                }
            },
        };
        let f = Facts {
            flags: flags | KNOWN,
            fold,
        };
        if code < 0x10000 {
            self.bmp[code as usize] = f;
        } else {
            if self.astral.len() >= CACHE_LIMIT {
                self.astral.clear();
            }
            self.astral.insert(code, f);
        }
        Ok(f)
    }

    #[inline]
    fn push_fold(&self, c: char, f: Facts, out: &mut String) {
        if f.fold == FOLD_SAME {
            out.push(c);
        } else if f.fold & FOLD_MANY != 0 {
            out.push_str(&self.many[(f.fold & !FOLD_MANY) as usize]);
        } else if let Some(x) = char::from_u32(f.fold) {
            out.push(x);
        }
    }
}

/// Normalisation: characters by their facts, other runs by Python, remembered.
struct Normaliser {
    facts: FactTable,
    fold_run: Py<PyAny>,
    nfc_run: Py<PyAny>,
    folded_runs: FxHashMap<String, String>,
    nfc_runs: FxHashMap<String, bool>,
    folded: String,
    run: String,
    /// An inert ASCII character's case fold when that is one `\w` ASCII
    /// character, 0 when it is no `\w`, else `ASCII_SLOW`.
    ascii_words: [u8; 128],
}

const ASCII_SLOW: u8 = 0xFF;

impl Normaliser {
    /// cleaning.py's `_normalise` of `chars`: its `\w` runs of
    /// `casefold(NFKC(text))`, joined by a space. NFKC of a text is the NFKC
    /// of its pieces cut before each inert character, as none of them
    /// composes with what precedes it or reorders past it.
    fn normalise(
        &mut self,
        py: Python<'_>,
        chars: &[char],
        flags: &[u16],
        out: &mut String,
    ) -> PyResult<()> {
        out.clear();
        let mut in_word = false;
        let n = chars.len();
        let mut i = 0;
        while i < n {
            let c = chars[i];
            if c.is_ascii() && (i + 1 == n || flags[i + 1] & NFKC_INERT != 0) {
                let folded = self.ascii_words[c as usize];
                if folded != ASCII_SLOW {
                    Self::word_char(out, &mut in_word, char::from(folded), folded != 0);
                    i += 1;
                    continue;
                }
            }
            let mut j = i + 1;
            while j < n && flags[j] & NFKC_INERT == 0 {
                j += 1;
            }
            let (c, f) = (chars[i], flags[i]);
            if j == i + 1 && f & NFKC_INERT != 0 {
                let fold = self.facts.get(py, c)?.fold;
                if fold == FOLD_SAME {
                    // Most characters fold to themselves: their own facts say if they are `\w`.
                    Self::word_char(out, &mut in_word, c, f & WORD != 0);
                } else {
                    self.folded.clear();
                    self.facts.push_fold(c, Facts { flags: f, fold }, &mut self.folded);
                    self.words_of_folded(py, out, &mut in_word)?;
                }
            } else {
                self.run.clear();
                self.run.extend(&chars[i..j]);
                self.folded.clear();
                match self.folded_runs.get(self.run.as_str()) {
                    Some(done) => self.folded.push_str(done),
                    None => {
                        let done: String = self
                            .fold_run
                            .bind(py)
                            .call1((self.run.as_str(),))?
                            .extract()?;
                        self.folded.push_str(&done);
                        if self.folded_runs.len() >= CACHE_LIMIT {
                            self.folded_runs.clear();
                        }
                        self.folded_runs.insert(self.run.clone(), done);
                    }
                }
                self.words_of_folded(py, out, &mut in_word)?;
            }
            i = j;
        }
        Ok(())
    }

    #[inline(always)]
    fn word_char(out: &mut String, in_word: &mut bool, c: char, word: bool) {
        if word {
            if !*in_word && !out.is_empty() {
                out.push(' ');
            }
            out.push(c);
            *in_word = true;
        } else {
            *in_word = false;
        }
    }

    /// The `\w` runs of `self.folded`, appended to `out`.
    fn words_of_folded(&mut self, py: Python<'_>, out: &mut String, in_word: &mut bool) -> PyResult<()> {
        // Facts may still be filled in while `folded` is read: walk it out of `self`.
        let folded = std::mem::take(&mut self.folded);
        for c in folded.chars() {
            let word = self.facts.get(py, c)?.flags & WORD != 0;
            Self::word_char(out, in_word, c, word);
        }
        self.folded = folded;
        Ok(())
    }

    /// `unicodedata.is_normalized("NFC", text)`, when that is sure to be
    /// true; `false` means "ask Python" (cut as in `normalise`).
    fn surely_nfc(&mut self, py: Python<'_>, text: &CodePoints<'_>) -> PyResult<bool> {
        match text {
            CodePoints::One(units) => self.surely_nfc_units(py, units),
            CodePoints::Two(units) => self.surely_nfc_units(py, units),
            CodePoints::Four(units) => self.surely_nfc_units(py, units),
        }
    }

    fn surely_nfc_units<T: Copy + Into<u32>>(&mut self, py: Python<'_>, units: &[T]) -> PyResult<bool> {
        let n = units.len();
        let char_at = |i: usize| char::from_u32(units[i].into()).unwrap_or(char::REPLACEMENT_CHARACTER);
        let mut i = 0;
        let mut inert_here = n > 0 && self.facts.get(py, char_at(0))?.flags & NFC_INERT != 0;
        while i < n {
            let inert_next = i + 1 < n && self.facts.get(py, char_at(i + 1))?.flags & NFC_INERT != 0;
            if inert_here && (inert_next || i + 1 == n) {
                i += 1;
                inert_here = inert_next;
                continue;
            }
            let mut j = i + 1;
            while j < n && self.facts.get(py, char_at(j))?.flags & NFC_INERT == 0 {
                j += 1;
            }
            self.run.clear();
            self.run.extend((i..j).map(char_at));
            let ok = match self.nfc_runs.get(self.run.as_str()) {
                Some(&ok) => ok,
                None => {
                    let ok: bool = self.nfc_run.bind(py).call1((self.run.as_str(),))?.extract()?;
                    if self.nfc_runs.len() >= CACHE_LIMIT {
                        self.nfc_runs.clear();
                    }
                    self.nfc_runs.insert(self.run.clone(), ok);
                    ok
                }
            };
            if !ok {
                return Ok(false);
            }
            i = j;
            inert_here = true;
        }
        Ok(true)
    }
}

fn is_unspaced(c: char) -> bool {
    matches!(c,
        '\u{0e00}'..='\u{0eff}' | '\u{1000}'..='\u{109f}' | '\u{1780}'..='\u{17ff}'
        | '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}')
}

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '\u{2013}' | '\u{2014}')
}

/// `_has_paragraph_words`.
fn has_paragraph_words<I: Iterator<Item = char>>(chars: I) -> bool {
    let mut spaces = 0usize;
    let mut unspaced = 0usize;
    for c in chars {
        if c == ' ' {
            spaces += 1;
        } else if is_unspaced(c) {
            unspaced += 1;
        }
    }
    spaces + 1 >= SHORT_LINE_WORDS || unspaced >= SHORT_LINE_WORDS * UNSPACED_CHARS_PER_WORD
}

/// `_SENTENCE_END.search(line[-6:])`.
fn ends_sentence(chars: &[char]) -> bool {
    let tail = &chars[chars.len().saturating_sub(6)..];
    let mut j = tail.len();
    while j > 0 && matches!(tail[j - 1], '\'' | '"' | '\u{201d}' | '\u{2019}' | '\u{bb}' | ')' | ']')
    {
        j -= 1;
    }
    j > 0
        && matches!(
            tail[j - 1],
            '.' | '!' | '?' | '\u{2026}' | '\u{3002}' | '\u{ff01}' | '\u{ff1f}' | '\u{61f}' | '\u{964}'
        )
}

/// `_BRACKETED`: "[...]", "{...}", "<...>" with no closing bracket inside.
fn bracketed(chars: &[char]) -> bool {
    let n = chars.len();
    if n < 2 {
        return false;
    }
    let close = match chars[0] {
        '[' => ']',
        '{' => '}',
        '<' => '>',
        _ => return false,
    };
    chars[n - 1] == close && !chars[1..n - 1].contains(&close)
}

/// `_BYLINE`. Its classes (`[\w.]`, `\s`, `[/,]`, `)`) are disjoint, so the
/// regex cannot backtrack into another reading: a greedy walk decides it.
fn byline(chars: &[char], flags: &[u16]) -> bool {
    let n = chars.len();
    if chars[0] != '(' {
        return false;
    }
    let space = |i: usize| flags[i] & SPACE_RE != 0;
    let name = |i: usize| flags[i] & WORD != 0 || chars[i] == '.';
    let skip_spaces = |mut p: usize| {
        while p < n && space(p) {
            p += 1;
        }
        p
    };
    let run = |mut p: usize| {
        let s = p;
        while p < n && name(p) {
            p += 1;
        }
        (p, p - s)
    };
    let (mut p, len) = run(skip_spaces(1));
    if !(1..=15).contains(&len) {
        return false;
    }
    for _ in 0..4 {
        let r = skip_spaces(p);
        if !(r < n && matches!(chars[r], '/' | ',')) {
            break;
        }
        let (q, len) = run(skip_spaces(r + 1));
        if !(1..=15).contains(&len) {
            break;
        }
        p = q;
    }
    let p = skip_spaces(p);
    p + 1 == n && chars[p] == ')'
}

/// `_DATELINE_ONLY`: `[C]{2,40}(,[C]{2,40})?\s*[-–—]{1,3}` as a whole line.
/// Every dash at the end belongs to the last group; of the spaces before
/// them, those in C may end the name instead.
fn dateline_only(chars: &[char], flags: &[u16]) -> bool {
    let n = chars.len();
    let mut k = 0;
    while k < n && is_dash(chars[n - 1 - k]) {
        k += 1;
    }
    if !(1..=3).contains(&k) {
        return false;
    }
    let body = &chars[..n - k];
    let mut trimmed = body.len();
    while trimmed > 0 && flags[trimmed - 1] & SPACE_RE != 0 {
        trimmed -= 1;
    }
    let mut most = trimmed;
    while most < body.len() && body[most] == ' ' {
        most += 1;
    }
    let in_class = |c: char, f: u16| {
        f & WORD != 0 || matches!(c, ' ' | '.' | '\'' | '\u{2019}' | '(' | ')')
    };
    (trimmed..=most).any(|end| {
        let mut commas = 0;
        let mut part = 0;
        for (&c, &f) in chars[..end].iter().zip(flags) {
            if c == ',' {
                if commas == 1 || !(2..=40).contains(&part) {
                    return false;
                }
                commas += 1;
                part = 0;
            } else if in_class(c, f) {
                part += 1;
            } else {
                return false;
            }
        }
        (2..=40).contains(&part)
    })
}

/// `(?i:^(?:https?://|www\.)\S+$)`.
fn url_only(chars: &[char], flags: &[u16]) -> bool {
    let n = chars.len();
    let is = |i: usize, flag: u16| i < n && flags[i] & flag != 0;
    let rest = if is(0, CI_H) && is(1, CI_T) && is(2, CI_T) && is(3, CI_P) {
        // "s?" then ":": an "s" that is there is taken, as no "s" is a colon.
        let p = if is(4, CI_S) { 5 } else { 4 };
        if p + 3 <= n && chars[p] == ':' && chars[p + 1] == '/' && chars[p + 2] == '/' {
            p + 3
        } else {
            return false;
        }
    } else if is(0, CI_W) && is(1, CI_W) && is(2, CI_W) && n > 3 && chars[3] == '.' {
        4
    } else {
        return false;
    };
    rest < n && (rest..n).all(|i| flags[i] & SPACE_RE == 0)
}

/// `_is_all_caps`.
fn all_caps(flags: &[u16]) -> bool {
    let mut words = 0usize;
    let mut in_word = false;
    let (mut uppers, mut letters, mut capitals) = (0usize, 0usize, 0usize);
    for &f in flags {
        if f & UPPER_STABLE == 0 {
            return false;
        }
        if f & SPACE_STR != 0 {
            in_word = false;
        } else if !in_word {
            in_word = true;
            words += 1;
        }
        if f & UPPER != 0 {
            uppers += 1;
        }
        if f & ALPHA != 0 {
            letters += 1;
            if f & UPPER != 0 {
                capitals += 1;
            }
        }
    }
    words <= ALL_CAPS_MAX_WORDS && uppers >= 3 && capitals >= 3 && 2 * capitals >= letters
}

/// `_AGENCY_CREDIT.search`: "Word: AGENCY/NAME" or "XX Photo/". Each class
/// next to another in the pattern is disjoint from it, so each colon (or
/// "Photo") is settled by a walk to either side.
fn agency_credit(chars: &[char], flags: &[u16]) -> bool {
    let n = chars.len();
    let space = |i: usize| flags[i] & SPACE_RE != 0;
    let word = |i: usize| flags[i] & WORD != 0;
    let skip_spaces = |mut p: usize| {
        while p < n && space(p) {
            p += 1;
        }
        p
    };
    for k in (0..n).filter(|&k| chars[k] == ':') {
        let mut i = k;
        while i > 0 && space(i - 1) {
            i -= 1;
        }
        let mut j = i;
        while j > 0 && word(j - 1) {
            j -= 1;
        }
        if !(1..=25).contains(&(i - j)) {
            continue;
        }
        let mut p = skip_spaces(k + 1);
        if !(p < n && chars[p].is_ascii_uppercase()) {
            continue;
        }
        p += 1;
        while p < n && (word(p) || chars[p] == '.') {
            p += 1;
        }
        p = skip_spaces(p);
        if p < n && chars[p] == '/' {
            p = skip_spaces(p + 1);
            if p < n && word(p) {
                return true;
            }
        }
    }
    const PHOTO: [char; 5] = ['P', 'h', 'o', 't', 'o'];
    for q in 0..n.saturating_sub(4) {
        if chars[q..q + 5] != PHOTO {
            continue;
        }
        let mut i = q;
        while i > 0 && space(i - 1) {
            i -= 1;
        }
        if i == q {
            continue;
        }
        let mut j = i;
        while j > 0 && chars[j - 1].is_ascii_uppercase() {
            j -= 1;
        }
        if i - j >= 2 && (j == 0 || !word(j - 1)) {
            let p = skip_spaces(q + 5);
            if p < n && chars[p] == '/' {
                return true;
            }
        }
    }
    false
}

/// `_shape`: (shape, photo candidate) of a non-empty line.
fn shape(chars: &[char], flags: &[u16]) -> (u8, bool) {
    let n = chars.len();
    let mut photo = false;
    if n <= FURNITURE_MAX_CHARS {
        let (first, last) = (chars[0], chars[n - 1]);
        let furniture_ends = matches!(first, '[' | '{' | '<' | '(' | 'h' | 'H' | 'w' | 'W')
            || is_dash(last);
        if (furniture_ends
            && (bracketed(chars)
                || byline(chars, flags)
                || dateline_only(chars, flags)
                || url_only(chars, flags)))
            || all_caps(flags)
        {
            return (SHAPE_FURNITURE, false);
        }
        if chars.contains(&':') {
            if chars.contains(&'/') && agency_credit(chars, flags) {
                return (SHAPE_FURNITURE, false);
            }
            photo = true;
        }
    }
    if !ends_sentence(chars) && !has_paragraph_words(chars.iter().copied()) {
        return (SHAPE_SHORT, photo);
    }
    (SHAPE_KEEP, photo)
}

/// `text[start:end]` in code points, as a Python str sharing no decoding work.
fn substring<'py>(
    text: &Bound<'py, PyString>,
    start: usize,
    end: usize,
) -> PyResult<Bound<'py, PyAny>> {
    // SAFETY: PyUnicode_Substring returns a new reference or NULL with an
    // exception set, which from_owned_ptr_or_err turns into a PyErr.
    unsafe {
        Bound::from_owned_ptr_or_err(
            text.py(),
            ffi::PyUnicode_Substring(text.as_ptr(), start as ffi::Py_ssize_t, end as ffi::Py_ssize_t),
        )
    }
}

/// A Python str's code points, read in place: no UTF-8 copy of text that
/// only needs looking at.
enum CodePoints<'a> {
    One(&'a [u8]),
    Two(&'a [u16]),
    Four(&'a [u32]),
}

impl<'a> CodePoints<'a> {
    /// None for a str holding a lone surrogate: no Rust char is one.
    fn of(text: &'a Bound<'_, PyString>) -> PyResult<Option<Self>> {
        let p = text.as_ptr();
        // SAFETY: `p` is a str (typed Bound); once ready, its data is `length`
        // units of `kind`, alive and unchanged while `text` is borrowed.
        unsafe {
            if ffi::PyUnicode_READY(p) != 0 {
                return Err(PyErr::fetch(text.py()));
            }
            let length = ffi::PyUnicode_GET_LENGTH(p) as usize;
            let data = ffi::PyUnicode_DATA(p);
            let found = match ffi::PyUnicode_KIND(p) {
                ffi::PyUnicode_1BYTE_KIND => {
                    CodePoints::One(std::slice::from_raw_parts(data as *const u8, length))
                }
                ffi::PyUnicode_2BYTE_KIND => {
                    CodePoints::Two(std::slice::from_raw_parts(data as *const u16, length))
                }
                _ => CodePoints::Four(std::slice::from_raw_parts(data as *const u32, length)),
            };
            let surrogate = |u: u32| (0xD800..=0xDFFF).contains(&u);
            let has_surrogate = match &found {
                CodePoints::One(_) => false,
                CodePoints::Two(units) => units.iter().any(|&u| surrogate(u as u32)),
                CodePoints::Four(units) => units.iter().any(|&u| surrogate(u)),
            };
            Ok(if has_surrogate { None } else { Some(found) })
        }
    }

    fn is_ascii(&self) -> bool {
        match self {
            CodePoints::One(units) => units.is_ascii(),
            _ => false,
        }
    }

    fn chars(&self) -> impl Iterator<Item = char> + '_ {
        let (one, two, four) = match self {
            CodePoints::One(u) => (Some(u.iter()), None, None),
            CodePoints::Two(u) => (None, Some(u.iter()), None),
            CodePoints::Four(u) => (None, None, Some(u.iter())),
        };
        let from = |u: u32| char::from_u32(u).unwrap_or(char::REPLACEMENT_CHARACTER);
        one.into_iter()
            .flatten()
            .map(|&u| char::from(u))
            .chain(two.into_iter().flatten().map(move |&u| from(u as u32)))
            .chain(four.into_iter().flatten().map(move |&u| from(u)))
    }
}

/// A new instance of a tuple subclass (cleaning.py's `ScannedLine`) holding
/// `items`, as `tuple.__new__(kind, items)` makes it, without its
/// intermediate tuple.
fn new_tuple_of<'py, const N: usize>(
    kind: &Bound<'py, PyType>,
    items: [Bound<'py, PyAny>; N],
) -> PyResult<Bound<'py, PyAny>> {
    let py = kind.py();
    // SAFETY: `kind` is a tuple subclass (checked in `NativeCleaning::new`);
    // tp_alloc gives a tuple of N empty slots, each filled once with a new
    // reference, as CPython's tuple_subtype_new does.
    unsafe {
        let tp = kind.as_type_ptr();
        let alloc = (*tp).tp_alloc.unwrap_or(ffi::PyType_GenericAlloc);
        let obj = Bound::from_owned_ptr_or_err(py, alloc(tp, N as ffi::Py_ssize_t))?;
        for (i, item) in items.into_iter().enumerate() {
            ffi::PyTuple_SET_ITEM(obj.as_ptr(), i as ffi::Py_ssize_t, item.into_ptr());
        }
        Ok(obj)
    }
}

/// The process-wide half of the cleaner: line scanning and assembly.
#[pyclass(module = "newsevents.classifier._native")]
pub struct NativeCleaning {
    norm: Normaliser,
    line_type: Py<PyType>,
    dateline_end: Py<PyAny>,
    /// ASCII characters' flags, read without `FactTable`'s checks.
    ascii: [u16; 128],
    /// Whether NFC leaves every ASCII text as it is (it does; the facts say so).
    ascii_nfc: bool,
    chars: Vec<char>,
    flags: Vec<u16>,
    head: String,
    whole: String,
    title: String,
    /// The analysis of short lines by their text (cleaning.py's
    /// `_line_cache`): furniture recurs on every page of a site.
    known_lines: FxHashMap<String, KnownLine>,
    key: String,
}

struct KnownLine {
    head: Py<PyString>,
    head_text: String,
    shape: u8,
    photo: bool,
}

#[pymethods]
impl NativeCleaning {
    /// `line_type`: the `ScannedLine` class; `char_facts(code) -> (flags,
    /// casefold)`, `fold_run(text) -> casefold(NFKC(text))`, `nfc_run(text)
    /// -> is NFC`, `dateline_end(line) -> where the lead's dateline ends, or 0`.
    #[new]
    fn new(
        py: Python<'_>,
        line_type: Bound<'_, PyType>,
        char_facts: Py<PyAny>,
        fold_run: Py<PyAny>,
        nfc_run: Py<PyAny>,
        dateline_end: Py<PyAny>,
    ) -> PyResult<Self> {
        if !line_type.is_subclass_of::<PyTuple>()? {
            return Err(PyValueError::new_err("line_type must be a tuple subclass"));
        }
        let mut norm = Normaliser {
            facts: FactTable {
                bmp: vec![Facts { flags: 0, fold: FOLD_SAME }; 0x10000],
                astral: FxHashMap::default(),
                many: Vec::new(),
                source: char_facts,
            },
            fold_run,
            nfc_run,
            folded_runs: FxHashMap::default(),
            nfc_runs: FxHashMap::default(),
            folded: String::new(),
            run: String::new(),
            ascii_words: [ASCII_SLOW; 128],
        };
        let mut ascii = [0u16; 128];
        for code in 0..128u8 {
            let c = char::from(code);
            let f = norm.facts.get(py, c)?;
            ascii[code as usize] = f.flags;
            let folded = match f.fold {
                FOLD_SAME => Some(c),
                fold if fold & FOLD_MANY == 0 => char::from_u32(fold).filter(char::is_ascii),
                _ => None,
            };
            if let (Some(folded), true) = (folded, f.flags & NFKC_INERT != 0) {
                let word = norm.facts.get(py, folded)?.flags & WORD != 0;
                norm.ascii_words[code as usize] = if word { folded as u8 } else { 0 };
            }
        }
        Ok(NativeCleaning {
            norm,
            line_type: line_type.unbind(),
            dateline_end,
            ascii_nfc: ascii.iter().all(|&f| f & NFC_INERT != 0),
            ascii,
            chars: Vec::new(),
            flags: Vec::new(),
            head: String::new(),
            whole: String::new(),
            title: String::new(),
            known_lines: FxHashMap::default(),
            key: String::new(),
        })
    }

    /// `scan_lines(text, title).lines`: a tuple of `ScannedLine`.
    fn scan<'py>(
        &mut self,
        py: Python<'py>,
        text: &Bound<'py, PyString>,
        title: &str,
    ) -> PyResult<Bound<'py, PyTuple>> {
        let Some(points) = CodePoints::of(text)? else {
            // A lone surrogate: raise the UnicodeEncodeError that sends the caller to Python.
            text.to_str()?;
            return Err(PyValueError::new_err("a str with a surrogate that encodes"));
        };
        self.chars.clear();
        self.flags.clear();
        for c in title.chars() {
            let flags = self.flags_of(py, c)?;
            self.chars.push(c);
            self.flags.push(flags);
        }
        self.norm.normalise(py, &self.chars, &self.flags, &mut self.title)?;
        let title_len = self.title.chars().count();
        let line_type = self.line_type.bind(py).clone();
        let mut out: Vec<Bound<'py, PyAny>> = Vec::new();
        match points {
            CodePoints::One(units) => self.scan_units(py, text, units, &line_type, title_len, &mut out)?,
            CodePoints::Two(units) => self.scan_units(py, text, units, &line_type, title_len, &mut out)?,
            CodePoints::Four(units) => self.scan_units(py, text, units, &line_type, title_len, &mut out)?,
        }
        PyTuple::new(py, out)
    }

    /// `assemble(scanned, kinds)` as (text, segments, markers used), or None
    /// where a kept line is not NFC or holds a lone surrogate (cleaning.py's
    /// `_append_nfc` and Python do those).
    #[allow(clippy::type_complexity)]
    fn assemble<'py>(
        &mut self,
        py: Python<'py>,
        lines: &Bound<'py, PyTuple>,
        kinds: Vec<i64>,
    ) -> PyResult<Option<(Bound<'py, PyAny>, Vec<(usize, usize, usize)>, bool)>> {
        if lines.len() != kinds.len() {
            return Err(PyValueError::new_err("lines and kinds differ in length"));
        }
        let mut pieces: Vec<Bound<'py, PyAny>> = Vec::new();
        let mut segments = Vec::new();
        let mut cursor = 0usize;
        let (mut in_links, mut lead_seen, mut markers_used) = (false, false, false);
        for (line, &kind) in lines.iter().zip(&kinds) {
            if in_links {
                let line = line.cast::<PyTuple>()?;
                let stripped = line.get_item(1)?;
                let stripped = stripped.cast::<PyString>()?;
                let Some(points) = CodePoints::of(stripped)? else {
                    return Ok(None);
                };
                // A link list runs until the next real paragraph; a bulleted
                // headline, however long, is still an item of the list.
                if kind == KEEP
                    && has_paragraph_words(points.chars())
                    && !self.bullet(py, points.chars())?
                {
                    in_links = false;
                } else {
                    continue;
                }
            }
            if kind != KEEP {
                if kind == LINKS {
                    in_links = true;
                    markers_used = true;
                } else if kind == MARKER {
                    markers_used = true;
                }
                continue;
            }
            let line = line.cast::<PyTuple>()?;
            let mut start: usize = line.get_item(0)?.extract()?;
            let mut stripped = line.get_item(1)?.cast_into::<PyString>()?;
            if !lead_seen {
                lead_seen = true;
                let cut: usize = self.dateline_end.bind(py).call1((&stripped,))?.extract()?;
                if cut > 0 {
                    start += cut;
                    let length = stripped.len()?;
                    stripped = substring(&stripped, cut, length)?.cast_into::<PyString>()?;
                }
            }
            let Some(points) = CodePoints::of(&stripped)? else {
                return Ok(None);
            };
            if !((self.ascii_nfc && points.is_ascii()) || self.norm.surely_nfc(py, &points)?) {
                return Ok(None);
            }
            if !pieces.is_empty() {
                cursor += 1;
            }
            let length = stripped.len()?;
            segments.push((cursor, start, length));
            cursor += length;
            pieces.push(stripped.into_any());
        }
        let text = PyString::new(py, "\n").call_method1("join", (pieces,))?;
        Ok(Some((text, segments, markers_used)))
    }
}

impl NativeCleaning {
    /// `scan`'s walk over the text's code units, line by line.
    fn scan_units<'py, T: Copy + Into<u32>>(
        &mut self,
        py: Python<'py>,
        text: &Bound<'py, PyString>,
        units: &[T],
        line_type: &Bound<'py, PyType>,
        title_len: usize,
        out: &mut Vec<Bound<'py, PyAny>>,
    ) -> PyResult<()> {
        // The current line's characters from its first non-space one, with
        // their flags; `kept` of them end in a non-space.
        self.chars.clear();
        self.flags.clear();
        let mut start = 0usize;
        let mut kept = 0usize;
        for (index, &unit) in units.iter().enumerate() {
            // `CodePoints::of` let no surrogate through.
            let c = char::from_u32(unit.into()).unwrap_or(char::REPLACEMENT_CHARACTER);
            if matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}') {
                if kept > 0 {
                    self.line(py, text, line_type, start, kept, title_len, out)?;
                }
                self.chars.clear();
                self.flags.clear();
                kept = 0;
                continue;
            }
            let flags = self.flags_of(py, c)?;
            if flags & SPACE_RE == 0 {
                if self.chars.is_empty() {
                    start = index;
                }
                self.chars.push(c);
                self.flags.push(flags);
                kept = self.chars.len();
            } else if !self.chars.is_empty() {
                self.chars.push(c);
                self.flags.push(flags);
            }
        }
        if kept > 0 {
            self.line(py, text, line_type, start, kept, title_len, out)?;
        }
        Ok(())
    }

    #[inline(always)]
    fn flags_of(&mut self, py: Python<'_>, c: char) -> PyResult<u16> {
        if c.is_ascii() {
            Ok(self.ascii[c as usize])
        } else {
            Ok(self.norm.facts.get(py, c)?.flags)
        }
    }

    /// `_BULLET.match`: a bullet, then anything but space after it.
    fn bullet<I: Iterator<Item = char>>(&mut self, py: Python<'_>, mut chars: I) -> PyResult<bool> {
        if !matches!(
            chars.next(),
            Some('-' | '\u{2013}' | '\u{2014}' | '\u{bb}' | '\u{2022}' | '\u{25b8}' | '\u{25aa}'
                | '\u{25ba}' | '*' | '\u{b7}')
        ) {
            return Ok(false);
        }
        for c in chars {
            if self.flags_of(py, c)? & SPACE_RE == 0 {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// The stripped line of `scan` in `self.chars[..n]`, at `start` in the text.
    #[allow(clippy::too_many_arguments)]
    fn line<'py>(
        &mut self,
        py: Python<'py>,
        text: &Bound<'py, PyString>,
        line_type: &Bound<'py, PyType>,
        start: usize,
        n: usize,
        title_len: usize,
        out: &mut Vec<Bound<'py, PyAny>>,
    ) -> PyResult<()> {
        let (chars, flags) = (&self.chars[..n], &self.flags[..n]);
        let cacheable = n <= CACHED_LINE_CHARS;
        if cacheable {
            self.key.clear();
            self.key.extend(chars);
        }
        let mut found = None;
        if cacheable {
            if let Some(known) = self.known_lines.get(self.key.as_str()) {
                self.head.clear();
                self.head.push_str(&known.head_text);
                found = Some((known.head.bind(py).clone(), known.shape, known.photo));
            }
        }
        let (head, mut line_shape, photo) = match found {
            Some(found) => found,
            None => {
                let head_len = n.min(MARKER_HEAD);
                self.norm.normalise(py, &chars[..head_len], &flags[..head_len], &mut self.head)?;
                let head = PyString::new(py, &self.head);
                let (line_shape, photo) = if self.head.is_empty() {
                    (SHAPE_FURNITURE, false)
                } else {
                    shape(chars, flags)
                };
                if cacheable {
                    if self.known_lines.len() >= LINE_CACHE_LIMIT {
                        self.known_lines.clear();
                    }
                    self.known_lines.insert(self.key.clone(), KnownLine {
                        head: head.clone().unbind(),
                        head_text: self.head.clone(),
                        shape: line_shape,
                        photo,
                    });
                }
                (head, line_shape, photo)
            }
        };
        if self.head.is_empty() {
            return Ok(());
        }
        if title_len > 0 && n.abs_diff(title_len) < TITLE_SLACK {
            let same = if n <= MARKER_HEAD {
                self.head == self.title
            } else {
                self.norm.normalise(py, chars, flags, &mut self.whole)?;
                self.whole == self.title
            };
            if same {
                line_shape = SHAPE_FURNITURE;
            }
        }
        out.push(new_tuple_of(
            line_type,
            [
                start.into_pyobject(py)?.into_any(),
                substring(text, start, start + n)?,
                head.into_any(),
                line_shape.into_pyobject(py)?.into_any(),
                PyBool::new(py, photo).to_owned().into_any(),
            ],
        )?);
        Ok(())
    }
}

/// A cleaner's marker lists, deciding lines by their scan.
#[pyclass(module = "newsevents.classifier._native")]
pub struct NativeLineKinds {
    read_also: FxHashSet<String>,
    read_also_first: FxHashSet<String>,
    share: FxHashSet<String>,
    /// `(window, at_start) -> bool`: whether a photo word ends a colon's
    /// window (cleaning.py's `_photo_window`); None when the cleaner has no
    /// photo words.
    photo_window: Option<Py<PyAny>>,
    photo_reach: usize,
    /// The windows' answers, by whether the window starts its line: the
    /// word before a colon ("said", "Foto") recurs across articles, the
    /// line around it does not.
    windows: [FxHashMap<String, bool>; 2],
    /// Whose character facts say what is a space.
    cleaning: Py<NativeCleaning>,
    chars: Vec<char>,
    window: String,
    /// The UTF-8 lengths of the first words and of the share markers: most
    /// heads are no marker, and their length says so before any hashing.
    first_lengths: Lengths,
    share_lengths: Lengths,
    head: String,
}

/// `text` in UTF-8 into `out`, read in place (PyUnicode_AsUTF8 would attach
/// a UTF-8 copy to every line and head); false for a lone surrogate.
fn utf8_into(text: &Bound<'_, PyString>, out: &mut String) -> PyResult<bool> {
    out.clear();
    match CodePoints::of(text)? {
        None => Ok(false),
        Some(CodePoints::One(units)) if units.is_ascii() => {
            out.push_str(std::str::from_utf8(units).unwrap_or_default());
            Ok(true)
        }
        Some(points) => {
            out.extend(points.chars());
            Ok(true)
        }
    }
}

/// A set of string lengths in bytes (long ones all count as present).
struct Lengths([u64; 4]);

impl Lengths {
    fn of<'a>(texts: impl Iterator<Item = &'a String>) -> Self {
        let mut bits = [0u64; 4];
        for text in texts {
            let n = text.len().min(255);
            bits[n / 64] |= 1 << (n % 64);
        }
        Lengths(bits)
    }

    #[inline]
    fn has(&self, n: usize) -> bool {
        let n = n.min(255);
        self.0[n / 64] & (1 << (n % 64)) != 0
    }
}

fn memchr_space(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == b' ')
}

impl NativeLineKinds {
    fn starts_with_marker(&self, head: &str) -> bool {
        let bytes = head.as_bytes();
        let first = memchr_space(bytes).map_or(head, |space| &head[..space]);
        if !self.first_lengths.has(first.len()) || !self.read_also_first.contains(first) {
            return false;
        }
        (0..bytes.len())
            .filter(|&i| bytes[i] == b' ')
            .any(|space| self.read_also.contains(&head[..space]))
            || self.read_also.contains(head)
    }

    /// `Cleaner._has_photo_credit`: for each colon with text after it, the
    /// window of `photo_reach` characters before the word ending there.
    fn photo(&mut self, py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<bool> {
        let Some(photo_window) = &self.photo_window else {
            return Ok(false);
        };
        let text = text.cast::<PyString>()?;
        let Some(points) = CodePoints::of(text)? else {
            // A lone surrogate: raise the UnicodeEncodeError that sends the caller to Python.
            text.to_str()?;
            return Err(PyValueError::new_err("a str with a surrogate that encodes"));
        };
        let mut cleaning = self.cleaning.bind(py).borrow_mut();
        self.chars.clear();
        self.chars.extend(points.chars());
        let chars = &self.chars;
        // `_AFTER_COLON`: only colons before the last non-space character count.
        let mut last_text = chars.len();
        while last_text > 0 && cleaning.flags_of(py, chars[last_text - 1])? & SPACE_RE != 0 {
            last_text -= 1;
        }
        for colon in (0..last_text.saturating_sub(1)).filter(|&i| chars[i] == ':') {
            // `len(text[:colon].rstrip())`
            let mut word_end = colon;
            while word_end > 0 && cleaning.flags_of(py, chars[word_end - 1])? & SPACE_STR != 0 {
                word_end -= 1;
            }
            let start = word_end.saturating_sub(self.photo_reach);
            self.window.clear();
            self.window.extend(&chars[start..colon]);
            let at_start = start == 0;
            let known = &mut self.windows[at_start as usize];
            let found = match known.get(self.window.as_str()) {
                Some(&found) => found,
                None => {
                    let found = photo_window
                        .bind(py)
                        .call1((self.window.as_str(), at_start))?
                        .is_truthy()?;
                    if known.len() >= PHOTO_CACHE_LIMIT {
                        known.clear();
                    }
                    known.insert(self.window.clone(), found);
                    found
                }
            };
            if found {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// `Cleaner._decide`.
    fn decide(&mut self, py: Python<'_>, line: &Bound<'_, PyAny>) -> PyResult<i64> {
        let line = line.cast::<PyTuple>()?;
        if !utf8_into(line.get_item(2)?.cast::<PyString>()?, &mut self.head)? {
            // A hand-made line with a surrogate in its head: the caller falls back to Python.
            line.get_item(2)?.cast::<PyString>()?.to_str()?;
        }
        let head = self.head.as_str();
        if !self.read_also_first.is_empty() && self.starts_with_marker(head) {
            return Ok(LINKS);
        }
        if self.share_lengths.has(head.len()) && self.share.contains(head) {
            return Ok(MARKER);
        }
        let line_shape: i64 = line.get_item(3)?.extract()?;
        if line_shape == SHAPE_FURNITURE as i64 {
            return Ok(DROP);
        }
        if self.photo_window.is_some()
            && line.get_item(4)?.is_truthy()?
            && self.photo(py, &line.get_item(1)?)?
        {
            return Ok(MARKER);
        }
        if line_shape == SHAPE_SHORT as i64 {
            return Ok(DROP);
        }
        Ok(KEEP)
    }
}

#[pymethods]
impl NativeLineKinds {
    #[new]
    #[pyo3(signature = (cleaning, read_also, read_also_first, share, photo_window=None, photo_reach=0))]
    fn new(
        cleaning: Py<NativeCleaning>,
        read_also: Vec<String>,
        read_also_first: Vec<String>,
        share: Vec<String>,
        photo_window: Option<Py<PyAny>>,
        photo_reach: usize,
    ) -> Self {
        NativeLineKinds {
            first_lengths: Lengths::of(read_also_first.iter()),
            share_lengths: Lengths::of(share.iter()),
            read_also: read_also.into_iter().collect(),
            read_also_first: read_also_first.into_iter().collect(),
            share: share.into_iter().collect(),
            photo_window,
            photo_reach,
            windows: [FxHashMap::default(), FxHashMap::default()],
            cleaning,
            chars: Vec::new(),
            window: String::new(),
            head: String::new(),
        }
    }

    /// `Cleaner.line_kinds` of the scanned lines.
    fn kinds(&mut self, py: Python<'_>, lines: &Bound<'_, PyTuple>) -> PyResult<Vec<i64>> {
        lines.iter().map(|line| self.decide(py, &line)).collect()
    }

    /// `Cleaner.refine`: lines a marker decided are decided again.
    fn refine(
        &mut self,
        py: Python<'_>,
        lines: &Bound<'_, PyTuple>,
        kinds: Vec<i64>,
    ) -> PyResult<Vec<i64>> {
        if lines.len() != kinds.len() {
            return Err(PyValueError::new_err("lines and kinds differ in length"));
        }
        lines
            .iter()
            .zip(kinds)
            .map(|(line, kind)| if kind >= MARKER { self.decide(py, &line) } else { Ok(kind) })
            .collect()
    }
}

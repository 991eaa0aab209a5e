//! "Did you mean" for names: how close an unknown name is to the names a place documents.
//!
//! iDenfy ignores members it does not know, so a documented member written `lastname` or
//! `personalNumer` silently loses its value. Such a name is a **misspelling** (an error), told
//! apart from a name that merely resembles one (a warning with a suggestion) and from a name that
//! resembles nothing (a warning). Being wrong about a misspelling rejects a valid request, so
//! "misspelling" is kept narrow: `nationalId`, `clientIp`, `address1` and `county` are other
//! members that happen to be near documented ones, not typos of them.
//!
//! A name that is a documented one plus characters nobody sees or tells apart (a trailing
//! no-break space, a tab, a zero-width space, fullwidth forms, a Cyrillic `а` for the Latin `a`)
//! is a misspelling whatever its length: the edit rules below are about real edits, and an
//! invisible or look-alike character is none (see [`look_alike_fold`]).

use std::sync::LazyLock;
use unicode_normalization::UnicodeNormalization;

/// How an unknown name relates to the documented ones.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Resemblance<'c> {
    /// Almost certainly this documented name, mistyped (see [`Vocabulary::classify`]).
    Misspelling(&'c str),
    /// This documented name, written with invisible, whitespace or look-alike characters (see
    /// [`look_alike_fold`]): as certain as a misspelling.
    LookAlike(&'c str),
    /// Near this name, but not near enough to be sure (a different member may be meant).
    Near(&'c str),
    /// Equally near several documented names.
    Several(Vec<&'c str>),
    /// Near no documented name.
    Unrelated,
}

impl<'c> Resemblance<'c> {
    /// The single suggestion, if there is one.
    pub fn suggestion(&self) -> Option<&'c str> {
        match self {
            Resemblance::Misspelling(s) | Resemblance::LookAlike(s) | Resemblance::Near(s) => {
                Some(s)
            }
            _ => None,
        }
    }
}

/// Words one typo away from a documented name's word that mean something else.
const DISTINCT_WORDS: &[&str] = &["county"];

/// The shortest documented word in which a single typo counts as certain: in shorter words
/// (`id`, `lid`, `sex`) one letter changes the meaning (`clientIp`, `checkId`).
const MIN_TYPO_WORD: usize = 5;

/// Inputs longer than this (in bytes) cannot be typos of a member name.
const MAX_INPUT: usize = 256;

/// A documented name, prepared for comparison.
#[derive(Clone, Debug)]
struct Entry<'c> {
    name: &'c str,
    /// Lower case without separators.
    folded: Vec<char>,
    /// Where each word of the name ends in `folded` (camelCase and separators split words).
    word_ends: Vec<usize>,
    histogram: Histogram,
    /// Which letters and digits occur: the cheapest bound, tried first.
    mask: u64,
    /// The look-alike fold ([`look_alike_fold`]) where it differs from `folded`: only for a
    /// name that is not printable ASCII, so documented names allocate nothing more.
    look_alike: Option<Vec<char>>,
}

impl Entry<'_> {
    /// The name as [`look_alike_fold`] folds it.
    fn look_alike(&self) -> &[char] {
        self.look_alike.as_deref().unwrap_or(&self.folded)
    }
}

/// Whether `s` is printable ASCII (space included), which [`look_alike_fold`] folds as [`fold`]
/// does: the common case, on which no look-alike fold is computed.
fn plain(s: &str) -> bool {
    s.bytes().all(|b| (b' '..=b'~').contains(&b))
}

/// Characters no one sees: whitespace (tab, line feed, no-break space, ...), controls, format
/// characters (zero-width spaces and joiners, the BOM, the soft hyphen, bidirectional marks) and
/// the other default-ignorable code points (variation selectors, Hangul fillers).
static INVISIBLE: LazyLock<Option<regex::Regex>> = LazyLock::new(|| {
    regex::Regex::new(r"^[\p{White_Space}\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}]$").ok()
});

fn invisible(c: char) -> bool {
    if c.is_whitespace() || c.is_control() {
        return true;
    }
    let mut buf = [0u8; 4];
    // The class compiles (a test holds it).
    INVISIBLE
        .as_ref()
        .is_some_and(|re| re.is_match(c.encode_utf8(&mut buf)))
}

/// A name as it looks, for telling whether it only looks like a documented one: compatibility
/// forms composed (NFKC: fullwidth `ｌａｓｔ` is `last`, `ﬁ` is `fi`), invisible characters,
/// whitespace and the separators of [`fold`] dropped, each non-ASCII character replaced by its
/// UTS #39 confusable prototype (Cyrillic `а` and Greek `ο` are `a` and `o`), then lower case.
///
/// ASCII letters and digits are taken as written: `1` for `l` or `rn` for `m` are real edits,
/// which the edit rules judge. The prototype of an upper-case `I`-like letter (Cyrillic `І`,
/// Greek `Ι`) is the lower-case `l`; upper case, it stands for `I` (`clientІd` is `clientId`).
fn look_alike_fold(s: &str) -> Vec<char> {
    let mut out = Vec::with_capacity(s.len());
    let mut buf = [0u8; 4];
    for c in s.nfkc() {
        if invisible(c) || matches!(c, '_' | '-' | '.') {
            continue;
        }
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        let start = out.len();
        for p in unicode_security::skeleton(c.encode_utf8(&mut buf)) {
            if !invisible(p) && !matches!(p, '_' | '-' | '.') {
                out.extend(p.to_lowercase());
            }
        }
        if c.is_uppercase() && out[start..] == ['l'] {
            out[start] = 'i';
        }
    }
    out
}

/// Bit `i` for each letter or digit of `chars` (as in [`Histogram`]).
fn mask_of(chars: &[char]) -> u64 {
    chars.iter().fold(0, |m, c| {
        m | match c {
            'a'..='z' => 1 << (*c as u32 - 'a' as u32),
            '0'..='9' => 1 << (26 + *c as u32 - '0' as u32),
            _ => 1 << 36,
        }
    })
}

/// Letter and digit counts: the difference bounds the edit distance from below, so most
/// candidates are dismissed without computing it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Histogram([u8; 37]);

impl Histogram {
    fn of(chars: &[char]) -> Self {
        let mut h = [0u8; 37];
        for c in chars {
            let i = match c {
                'a'..='z' => *c as usize - 'a' as usize,
                '0'..='9' => 26 + (*c as usize - '0' as usize),
                _ => 36,
            };
            h[i] = h[i].saturating_add(1);
        }
        Histogram(h)
    }

    /// A lower bound of the edit distance between the two strings counted.
    fn bound(&self, other: &Histogram) -> usize {
        let (mut more, mut fewer) = (0usize, 0usize);
        for (a, b) in self.0.iter().zip(other.0.iter()) {
            if a > b {
                more += usize::from(a - b);
            } else {
                fewer += usize::from(b - a);
            }
        }
        more.max(fewer)
    }
}

/// Lower case without `_`, `-`, `.` and spaces, and where each word ends: `first_name`,
/// `First-Name` and `firstName` fold alike, to `firstname` with words ending at 5 and 9.
fn fold(s: &str) -> (Vec<char>, Vec<usize>) {
    let mut ends = Vec::new();
    let folded = fold_with(s, |end| ends.push(end));
    (folded, ends)
}

/// [`fold`], handing each word's end to `end` (in order, each once): a name to classify needs
/// no word ends, so it allocates none.
fn fold_with(s: &str, mut end: impl FnMut(usize)) -> Vec<char> {
    let mut folded = Vec::with_capacity(s.len());
    let mut last_end = 0;
    let mut word_end = |len: usize| {
        if len > last_end {
            last_end = len;
            end(len);
        }
    };
    let mut prev: Option<char> = None;
    for c in s.chars() {
        if matches!(c, '_' | '-' | ' ' | '.') {
            word_end(folded.len());
            prev = None;
            continue;
        }
        let boundary = match prev {
            Some(p) => {
                (c.is_uppercase() && !p.is_uppercase())
                    || (c.is_ascii_digit() != p.is_ascii_digit())
            }
            None => false,
        };
        if boundary {
            word_end(folded.len());
        }
        // ASCII, almost every name, without the Unicode case tables.
        if c.is_ascii() {
            folded.push(c.to_ascii_lowercase());
        } else {
            folded.extend(c.to_lowercase());
        }
        prev = Some(c);
    }
    word_end(folded.len());
    folded
}

/// Optimal string alignment distance (a swap of two neighbours is one edit).
#[cfg(test)]
fn osa(a: &[char], b: &[char]) -> usize {
    osa_within(a, b, usize::MAX)
}

/// [`osa`] where it is at most `limit`, else some value above `limit`: the classifier only
/// tells distances up to its "near" apart, so a candidate stops being computed as soon as one
/// row is beyond it. No later cell can come back below: a cell takes from the row before it or
/// from its left plus one, from the diagonal plus at most one, or across a swap from two rows
/// back plus one; and a row beyond the limit has every diagonal cell of the row before it at
/// least the limit (each cell is at most its diagonal plus one). The first column is the row's
/// index, which only grows.
fn osa_within(a: &[char], b: &[char], limit: usize) -> usize {
    // Three rows of the classic table, on the stack for names of up to 63 characters (all the
    // documented ones), rotated by reference rather than copied. Only candidates no bound
    // dismissed get here.
    const ROW: usize = 64;
    if a.len() >= ROW || b.len() >= ROW {
        return a.len().max(b.len());
    }
    let n = b.len();
    let (mut r0, mut r1, mut r2) = ([0u8; ROW], [0u8; ROW], [0u8; ROW]);
    let (mut two_back, mut one_back, mut current) = (&mut r0, &mut r1, &mut r2);
    for (j, slot) in one_back.iter_mut().enumerate().take(n + 1) {
        *slot = j as u8;
    }
    let limit = u8::try_from(limit).unwrap_or(u8::MAX);
    for i in 1..=a.len() {
        let (ai, a_prev) = (a[i - 1], i.checked_sub(2).map(|k| a[k]));
        current[0] = i as u8;
        let mut row_min = current[0];
        for j in 1..=n {
            let cost = u8::from(ai != b[j - 1]);
            let mut d = (one_back[j] + 1)
                .min(current[j - 1] + 1)
                .min(one_back[j - 1] + cost);
            if j > 1 && ai == b[j - 2] && a_prev == Some(b[j - 1]) {
                d = d.min(two_back[j - 2] + 1);
            }
            current[j] = d;
            row_min = row_min.min(d);
        }
        if row_min > limit {
            return usize::from(limit) + 1;
        }
        // The current row becomes the one before; the oldest is overwritten next.
        std::mem::swap(&mut two_back, &mut one_back);
        std::mem::swap(&mut one_back, &mut current);
    }
    usize::from(one_back[n])
}

/// The names documented at one place (the request's members, a step's keys), prepared once so
/// that classifying a name costs little per candidate: a histogram bound dismisses almost every
/// candidate before any edit distance is computed, which keeps a hostile body of a million
/// unknown members cheap.
#[derive(Clone, Debug)]
pub struct Vocabulary<'c> {
    entries: Vec<Entry<'c>>,
}

impl<'c> Vocabulary<'c> {
    /// Prepares `names`.
    pub fn new(names: impl IntoIterator<Item = &'c str>) -> Self {
        let entries = names
            .into_iter()
            .map(|name| {
                let (folded, word_ends) = fold(name);
                let histogram = Histogram::of(&folded);
                let mask = mask_of(&folded);
                let look_alike = (!plain(name)).then(|| look_alike_fold(name));
                Entry {
                    name,
                    folded,
                    word_ends,
                    histogram,
                    mask,
                    look_alike,
                }
            })
            .collect();
        Vocabulary { entries }
    }

    /// How `input` relates to the documented names.
    ///
    /// A **misspelling** is equal to exactly one documented name once letter case and the
    /// separators `_`, `-`, `.` and space are ignored (`lastname`, `callbackURL`, `first_name`),
    /// or differs from exactly one by a single swap of neighbours (`dateOfBrith`) or by a single
    /// letter added, dropped or replaced inside one of its words of five letters or more
    /// (`personalNumer`, `calbackUrl`, `documnts`); not a digit added (`address1`), and not a
    /// change in a short word (`clientIp`, `checkId`), where one letter changes the meaning. A
    /// name within two edits (three for names over eight characters) is **near**.
    ///
    /// A name equal to exactly one documented name once invisible characters, whitespace,
    /// compatibility forms and look-alike letters are folded away is a **look-alike**, as certain
    /// as a misspelling whatever its length (`sex` with a trailing no-break space, `ｌａｓｔＮａｍｅ`, `firstNаme` with a
    /// Cyrillic `а`): see [`look_alike_fold`].
    pub fn classify(&self, input: &str) -> Resemblance<'c> {
        if input.len() > MAX_INPUT {
            return Resemblance::Unrelated;
        }
        if !plain(input) {
            let folded = look_alike_fold(input);
            let mut alike = self.entries.iter().filter(|e| e.look_alike() == folded);
            if let (Some(one), None) = (alike.next(), alike.next()) {
                return Resemblance::LookAlike(one.name);
            }
        }
        self.by_edits(input)
    }

    /// [`Vocabulary::classify`] by letter case, separators and edits only.
    fn by_edits(&self, input: &str) -> Resemblance<'c> {
        let folded = fold_with(input, |_| ());
        let len = folded.len();
        let near = match len {
            0..=2 => 1,
            3..=8 => 2,
            _ => 3,
        };
        let histogram = Histogram::of(&folded);
        let mask = mask_of(&folded);
        let near_enough = |e: &Entry<'c>| {
            let (missing, extra) = ((e.mask & !mask).count_ones(), (mask & !e.mask).count_ones());
            e.folded.len().abs_diff(len) <= near
                && missing.max(extra) as usize <= near
                && e.histogram.bound(&histogram) <= near
        };
        // The nearest candidate, and whether another shares its distance.
        let mut best: Option<(usize, &Entry<'c>)> = None;
        let mut tied = false;
        for e in self.entries.iter().filter(|e| near_enough(e)) {
            let d = osa_within(&folded, &e.folded, near);
            match best {
                Some((b, _)) if d > b => {}
                Some((b, _)) if d == b => tied = true,
                _ => {
                    best = Some((d, e));
                    tied = false;
                }
            }
        }
        match best {
            Some((0, one)) if !tied => Resemblance::Misspelling(one.name),
            Some((1, one)) if !tied && certain_typo(&folded, one) => {
                Resemblance::Misspelling(one.name)
            }
            Some((d, one)) if !tied && d <= near => Resemblance::Near(one.name),
            Some((d, _)) if d <= near => Resemblance::Several(
                self.entries
                    .iter()
                    .filter(|e| near_enough(e) && osa_within(&folded, &e.folded, near) == d)
                    .map(|e| e.name)
                    .collect(),
            ),
            _ => Resemblance::Unrelated,
        }
    }
}

/// Whether the folded `chars` hold `word` (lower case).
fn holds_word(chars: &[char], word: &str) -> bool {
    let len = word.chars().count();
    chars
        .windows(len)
        .any(|w| w.iter().copied().eq(word.chars()))
}

/// Whether `input` (folded), one edit from `e`, is certainly `e` mistyped: a swap of two
/// neighbours, or one letter added, dropped or replaced inside a word of `e` of at least
/// [`MIN_TYPO_WORD`] letters, leaving no digit behind and no word that means something else.
fn certain_typo(input: &[char], e: &Entry<'_>) -> bool {
    let target = &e.folded;
    let prefix = input
        .iter()
        .zip(target.iter())
        .take_while(|(a, b)| a == b)
        .count();
    let room = input.len().min(target.len()) - prefix;
    let suffix = input
        .iter()
        .rev()
        .zip(target.iter().rev())
        .take(room)
        .take_while(|(a, b)| a == b)
        .count();
    let changed = &input[prefix..input.len() - suffix];
    if changed.iter().any(char::is_ascii_digit) {
        return false;
    }
    if DISTINCT_WORDS
        .iter()
        .any(|w| holds_word(input, w) && !holds_word(target, w))
    {
        return false;
    }
    let swapped = changed.len() == 2
        && target.len() == input.len()
        && target[prefix] == changed[1]
        && target[prefix + 1] == changed[0];
    if swapped {
        return true;
    }
    // The word of the target the edit falls in: the one holding the replaced or dropped letter,
    // or, for a letter added, the word it follows (`documentss`).
    let (edit_start, edit_end) = (prefix, target.len() - suffix);
    let at = if edit_end > edit_start {
        edit_start
    } else {
        edit_start.saturating_sub(1)
    };
    let end = e
        .word_ends
        .iter()
        .copied()
        .find(|&end| end > at)
        .unwrap_or(target.len());
    let start = e
        .word_ends
        .iter()
        .copied()
        .rev()
        .find(|&end| end <= at)
        .unwrap_or(0);
    end - start >= MIN_TYPO_WORD && edit_end <= end
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::LazyLock;

    static NAMES: LazyLock<Vocabulary<'static>> =
        LazyLock::new(|| Vocabulary::new(crate::spec::catalogue::all_names()));

    fn class(input: &str) -> Resemblance<'static> {
        NAMES.classify(input)
    }

    #[test]
    fn classifies_the_documented_examples() {
        let names = Vocabulary::new([
            "firstName",
            "lastName",
            "personalNumber",
            "clientId",
            "ageLimit",
            "ageMax",
        ]);
        assert_eq!(
            names.classify("lastname"),
            Resemblance::Misspelling("lastName")
        );
        assert_eq!(
            names.classify("first_name"),
            Resemblance::Misspelling("firstName")
        );
        assert_eq!(
            names.classify("personalNumer"),
            Resemblance::Misspelling("personalNumber")
        );
        assert_eq!(names.classify("clientIp"), Resemblance::Near("clientId"));
        assert_eq!(names.classify("ageMix"), Resemblance::Near("ageMax"));
        assert_eq!(names.classify("zzz"), Resemblance::Unrelated);
    }

    #[test]
    fn folding_splits_words() {
        let (f, ends) = fold("dateOfBirth");
        assert_eq!(f.iter().collect::<String>(), "dateofbirth");
        assert_eq!(ends, [4, 6, 11]);
        assert_eq!(fold("first_name").1, [5, 9]);
        assert_eq!(fold("address1").1, [7, 8]);
        assert_eq!(fold("callbackURL").1, [8, 11]);
        // Separators before the first letter and at the end make no empty word.
        assert_eq!(fold("_first_").1, [5]);
        assert_eq!(fold("").1, [] as [usize; 0]);
        assert_eq!(fold("__").1, [] as [usize; 0]);
    }

    /// Near means one edit for names of up to two characters, two up to eight, three beyond.
    #[test]
    fn how_near_depends_on_the_length() {
        let names = Vocabulary::new(["ab", "ageMax", "firstName"]);
        let cases = [
            ("ax", Resemblance::Near("ab")),
            ("xy", Resemblance::Unrelated),
            ("xyb", Resemblance::Near("ab")),
            ("agxyax", Resemblance::Near("ageMax")),
            ("agxyzx", Resemblance::Unrelated),
            ("fxxstnam", Resemblance::Unrelated),
            ("fxxxtname", Resemblance::Near("firstName")),
            ("fxxxxname", Resemblance::Unrelated),
        ];
        for (input, expected) in cases {
            assert_eq!(names.classify(input), expected, "{input}");
        }
    }

    /// A typo in a word's first letter falls in that word, not the one before it.
    #[test]
    fn a_typo_at_a_word_start_counts_in_that_word() {
        assert_eq!(
            class("dateOfVirth"),
            Resemblance::Misspelling("dateOfBirth")
        );
        assert_eq!(class("dateXfBirth"), Resemblance::Near("dateOfBirth"));
        assert_eq!(class("lastMame"), Resemblance::Near("lastName"));
    }

    /// Anagrams pass every bound, so equal distances beyond "near" are still no suggestion.
    #[test]
    fn far_ties_are_unrelated() {
        let names = Vocabulary::new(["cdab", "dcab"]);
        let input = fold("abcd").0;
        let distances = [osa(&input, &fold("cdab").0), osa(&input, &fold("dcab").0)];
        assert_eq!(distances, [4, 4]);
        assert_eq!(names.classify("abcd"), Resemblance::Unrelated);
    }

    #[test]
    fn the_histogram_counts_letters_and_digits() {
        let h = Histogram::of(&['a', 'c', 'a', 'z', '0', '9', '9', '\u{e9}']);
        let mut expected = [0u8; 37];
        (expected[0], expected[2], expected[25]) = (2, 1, 1);
        (expected[26], expected[35], expected[36]) = (1, 2, 1);
        assert_eq!(h, Histogram(expected));
        // The larger of what one side has more of and what it has fewer of.
        let of = |s: &str| Histogram::of(&s.chars().collect::<Vec<_>>());
        assert_eq!(of("aaab").bound(&of("b")), 3);
        assert_eq!(of("b").bound(&of("aaab")), 3);
        assert_eq!(of("aab").bound(&of("abcc")), 2);
        assert_eq!(of("ab").bound(&of("ab")), 0);
    }

    /// A name too long for the table on the stack counts as its length, whichever side it is on.
    #[test]
    fn names_too_long_for_the_table_do_not_panic() {
        let long = ['a'; 64];
        assert_eq!(osa(&long, &['a']), 64);
        assert_eq!(osa(&['a'], &long), 64);
        assert_eq!(osa(&long[..63], &long[..62]), 1);
    }

    #[test]
    fn the_issue_examples_are_misspellings() {
        for (typo, meant) in [
            ("lastname", "lastName"),
            ("callbackURL", "callbackUrl"),
            ("dateOfbirth", "dateOfBirth"),
            ("firstname", "firstName"),
            ("FIRST_NAME", "firstName"),
            ("date-of-birth", "dateOfBirth"),
            ("dateOfBrith", "dateOfBirth"),
            ("personalNumer", "personalNumber"),
            ("personscanref", "personScanRef"),
            ("clientID", "clientId"),
            ("documnets", "documents"),
            ("document", "documents"),
            ("calbackUrl", "callbackUrl"),
            ("driverLicenceBack", "driverLicenseBack"),
            ("registryCentresCountries", "registryCentersCountries"),
            ("verifyEmails", "verifyEmail"),
        ] {
            assert_eq!(class(typo), Resemblance::Misspelling(meant), "{typo}");
        }
    }

    #[test]
    fn other_members_near_documented_ones_are_not_misspellings() {
        for (name, near) in [
            ("nationalId", None),
            ("clientIp", Some("clientId")),
            ("documentNo", None),
            ("ipAddress", None),
            ("address1", Some("address")),
            ("address2", Some("address")),
            ("checkId", Some("checkLid")),
            ("county", Some("country")),
            ("sexx", Some("sex")),
            ("lastNxmx", Some("lastName")),
        ] {
            let got = class(name);
            assert!(
                !matches!(got, Resemblance::Misspelling(_)),
                "{name}: {got:?}"
            );
            if let Some(n) = near {
                assert_eq!(got.suggestion(), Some(n), "{name}");
            }
        }
    }

    /// Invisible characters, whitespace, compatibility forms and look-alike letters are no
    /// edit: the name is misspelled whatever the length of its words.
    #[test]
    fn invisible_and_look_alike_characters_are_misspellings() {
        for (input, meant) in [
            ("lastName\u{a0}", "lastName"),
            ("lastName\t", "lastName"),
            ("lastName\n", "lastName"),
            ("\r\nlastName", "lastName"),
            ("last\u{200b}Name", "lastName"),
            ("\u{feff}lastName", "lastName"),
            ("last\u{ad}Name", "lastName"),
            ("lastName\u{2060}", "lastName"),
            ("lastName\u{3000}", "lastName"),
            ("lastName\u{180e}", "lastName"),
            ("lastName\u{fe0f}", "lastName"),
            (
                "\u{ff4c}\u{ff41}\u{ff53}\u{ff54}\u{ff2e}\u{ff41}\u{ff4d}\u{ff45}",
                "lastName",
            ),
            ("firstN\u{430}me", "firstName"),
            ("c\u{3bf}untry", "country"),
            ("sex\u{a0}", "sex"),
            ("s\u{435}x", "sex"),
            ("\u{405}ex", "sex"),
            ("client\u{406}d", "clientId"),
            ("client\u{399}d", "clientId"),
            ("\u{456}dLiveFaceValidation", "idLiveFaceValidation"),
            ("checkLi\u{501}", "checkLid"),
            ("\u{1d42c}\u{1d41e}\u{1d431}", "sex"),
            ("last\u{a0}name", "lastName"),
            ("LAST_NAME\u{a0}", "lastName"),
            ("ｆｉｒｓｔ＿ｎａｍｅ", "firstName"),
        ] {
            assert_eq!(class(input), Resemblance::LookAlike(meant), "{input:?}");
        }
    }

    /// A real edit stays a real edit with an invisible character beside it, and a look-alike
    /// of nothing documented is unrelated to it.
    #[test]
    fn look_alikes_of_nothing_stay_unknown() {
        for input in [
            "sexx\u{a0}",
            "s\u{435}xx",
            "\u{441}\u{435}\u{445}",
            "lastNáme",
            "имя",
            "\u{a0}",
            "\u{200b}",
            "",
            "país",
            "checkL1d",
        ] {
            let got = class(input);
            assert!(
                !matches!(got, Resemblance::Misspelling(_) | Resemblance::LookAlike(_)),
                "{input:?}: {got:?}"
            );
        }
        // Printable ASCII is never folded further than by case and separators.
        assert_eq!(class("sexx"), Resemblance::Near("sex"));
        assert_eq!(class("c1ientId").suggestion(), Some("clientId"));
        assert!(!matches!(class("c1ientId"), Resemblance::Misspelling(_)));
    }

    /// Every documented name folds to itself alone, so no documented name is another's
    /// look-alike, and a name in two vocabularies that fold alike is no one's misspelling.
    #[test]
    fn documented_names_fold_apart() {
        let names: Vec<&str> = crate::spec::catalogue::all_names().collect();
        for name in &names {
            let folded = look_alike_fold(name);
            assert_eq!(folded, fold(name).0, "{name}");
            let alike: Vec<_> = names
                .iter()
                .filter(|n| look_alike_fold(n) == folded)
                .collect();
            assert_eq!(alike.len(), 1, "{name}: {alike:?}");
        }
        let v = Vocabulary::new(["sex", "SEX"]);
        assert!(matches!(v.classify("s\u{435}x"), Resemblance::Several(_)));
        // A vocabulary of names that are not ASCII folds them too.
        let v = Vocabulary::new(["kl\u{e9}", "\u{ff41}b"]);
        assert_eq!(
            v.classify("ab\u{200b}"),
            Resemblance::LookAlike("\u{ff41}b")
        );
        assert_eq!(v.classify("kle\u{301}"), Resemblance::LookAlike("kl\u{e9}"));
    }

    #[test]
    fn the_invisible_class_compiles() {
        assert!(INVISIBLE.is_some());
        for c in [
            '\u{ad}',
            '\u{200b}',
            '\u{200d}',
            '\u{feff}',
            '\u{2066}',
            '\u{e0001}',
            '\u{3164}',
        ] {
            assert!(invisible(c), "{c:?}");
        }
        for c in ['a', '\u{430}', '\u{e9}', '_'] {
            assert!(!invisible(c), "{c:?}");
        }
    }

    #[test]
    fn ties_are_not_guessed() {
        let v = Vocabulary::new(["ageMax", "ageMin"]);
        match v.classify("ageMix") {
            Resemblance::Several(c) => assert_eq!(c, ["ageMax", "ageMin"]),
            other => panic!("{other:?}"),
        }
        // Two names that fold alike: the input is neither's misspelling.
        let alike = Vocabulary::new(["firstName", "first_name"]);
        let both = Resemblance::Several(vec!["firstName", "first_name"]);
        assert_eq!(alike.classify("firstname"), both);
        // Only the nearest are listed, not every name within reach.
        let v = Vocabulary::new(["abcd", "abce", "abxy"]);
        assert_eq!(
            v.classify("abcz"),
            Resemblance::Several(vec!["abcd", "abce"])
        );
    }

    #[test]
    fn long_inputs_are_unrelated() {
        assert_eq!(class(&"a".repeat(257)), Resemblance::Unrelated);
        // Counted before folding: separators that fold away don't bring it back.
        let padded = format!("{}firstName", "_".repeat(MAX_INPUT - 9));
        assert_eq!(class(&padded), Resemblance::Misspelling("firstName"));
        assert_eq!(class(&format!("_{padded}")), Resemblance::Unrelated);
    }

    #[test]
    fn the_bound_never_exceeds_the_distance() {
        for (a, b) in [
            ("abc", "cab"),
            ("firstname", "lastname"),
            ("", "ab"),
            ("a1", "1a"),
        ] {
            let (a, _) = fold(a);
            let (b, _) = fold(b);
            assert!(Histogram::of(&a).bound(&Histogram::of(&b)) <= osa(&a, &b));
        }
        assert_eq!(osa(&fold("ca").0, &fold("abc").0), 3, "OSA, not Damerau");
    }

    /// The mask holds a bit per letter and digit, so the letters one name lacks bound the
    /// distance from below as the histogram does, only more loosely.
    #[test]
    fn the_mask_has_a_bit_per_letter_and_digit() {
        assert_eq!(mask_of(&[]), 0);
        assert_eq!(mask_of(&['a', 'c', 'a']), 0b101);
        assert_eq!(mask_of(&['z', '0', '9']), 1 << 25 | 1 << 26 | 1 << 35);
        assert_eq!(mask_of(&['\u{e9}', '_']), 1 << 36);
        let (a, b) = (fold("dateOfBirth").0, fold("date_of_birth2").0);
        let (ma, mb) = (mask_of(&a), mask_of(&b));
        assert_eq!(((ma & !mb).count_ones(), (mb & !ma).count_ones()), (0, 1));
    }

    /// The textbook full table, to hold the three-row version against.
    fn osa_reference(a: &[char], b: &[char]) -> usize {
        let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
        for (i, row) in d.iter_mut().enumerate() {
            row[0] = i;
        }
        for (j, cell) in d[0].iter_mut().enumerate() {
            *cell = j;
        }
        for i in 1..=a.len() {
            for j in 1..=b.len() {
                let cost = usize::from(a[i - 1] != b[j - 1]);
                d[i][j] = (d[i - 1][j] + 1)
                    .min(d[i][j - 1] + 1)
                    .min(d[i - 1][j - 1] + cost);
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
                }
            }
        }
        d[a.len()][b.len()]
    }

    proptest::proptest! {
        #[test]
        fn osa_matches_the_full_table(a in "[abc]{0,12}", b in "[abc]{0,12}") {
            let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
            proptest::prop_assert_eq!(osa(&a, &b), osa_reference(&a, &b));
        }

        /// Stopping early never changes a distance within the limit, and never brings one
        /// beyond it within.
        #[test]
        fn osa_within_a_limit_is_exact_up_to_it(
            a in "[abc]{0,12}",
            b in "[abc]{0,12}",
            limit in 0usize..5,
        ) {
            let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
            let (within, exact) = (osa_within(&a, &b, limit), osa_reference(&a, &b));
            if exact <= limit {
                proptest::prop_assert_eq!(within, exact);
            } else {
                proptest::prop_assert!(within > limit, "{within} for {exact} beyond {limit}");
            }
        }
    }
}

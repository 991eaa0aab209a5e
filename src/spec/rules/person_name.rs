//! Names: the docs say "letters only, no digits, no special characters", and their own example
//! ("John Tom") has a space. We allow what real names need and reject the rest.

use super::{keywords, Keywords, Rule};
use crate::diag::Code;
use crate::diag::{Finding, Kind, NameClass};
use crate::spec::gen::{FreeText, Miss};
use crate::spec::normalize::Norm;
use regex::Regex;
use std::sync::LazyLock;

/// The characters the docs forbid by name (the current list plus `<` and `>`, which every older
/// version of the docs forbids too).
pub const FORBIDDEN_SPECIALS: &str = "~!@#$%^*()_+={}[]|:;\",/?<>";

/// Everything besides letters, combining marks and whitespace that a name may hold, with the
/// reason: the punctuation real names are written with. None of them is a digit or one of
/// [`FORBIDDEN_SPECIALS`].
pub const NAME_PUNCTUATION: &[(char, &str)] = &[
    ('\'', "apostrophe (O'NEIL)"),
    ('\u{2019}', "typographic apostrophe (O’NEIL)"),
    (
        '\u{2018}',
        "left single quotation mark, how Uzbek Gʻ and Oʻ are usually typed",
    ),
    ('`', "grave accent typed as an apostrophe (O`ZBEK)"),
    ('\u{B4}', "acute accent typed as an apostrophe (D´ARCY)"),
    ('\u{5F3}', "Hebrew geresh (ג׳)"),
    ('\u{5F4}', "Hebrew gershayim"),
    ('.', "period (initials, ST. JOHN)"),
    ('-', "hyphen-minus (ANNA-MARIA)"),
    ('\u{2010}', "hyphen"),
    ('\u{2011}', "non-breaking hyphen"),
    (
        '\u{2013}',
        "en dash, which word processors put for a hyphen",
    ),
    ('\u{B7}', "middle dot (Catalan l·l, transliterated names)"),
    (
        '\u{30FB}',
        "katakana middle dot between the parts of a foreign name",
    ),
    ('\u{FF65}', "halfwidth katakana middle dot"),
    ('\u{2027}', "hyphenation point"),
    (
        '\u{3007}',
        "ideographic zero, a character of Chinese names (not a digit)",
    ),
    (
        '\u{2022}',
        "bullet, typed for the middle dot in Chinese renderings of Uyghur names",
    ),
    (
        '\u{FF0E}',
        "fullwidth period, as Japanese and Chinese input methods type it",
    ),
    ('\u{FF07}', "fullwidth apostrophe, as input methods type it"),
    ('\u{FF0D}', "fullwidth hyphen, as input methods type it"),
    (
        '\u{30A0}',
        "katakana double hyphen between the parts of a foreign name",
    ),
    ('\u{55A}', "Armenian apostrophe"),
    ('\u{58A}', "Armenian hyphen"),
    ('\u{5BE}', "Hebrew maqaf, the hyphen of double names"),
    ('\u{200C}', "zero-width non-joiner (Persian, Indic scripts)"),
    ('\u{200D}', "zero-width joiner (Indic scripts)"),
];

/// The class of characters a normalized name may hold, in Rust regex syntax: letters (general
/// category L), combining marks, whitespace and [`NAME_PUNCTUATION`].
fn allowed_class(negate: bool) -> String {
    let punctuation: String = NAME_PUNCTUATION
        .iter()
        .map(|(c, _)| regex::escape(&c.to_string()))
        .collect();
    let not = if negate { "^" } else { "" };
    format!("[{not}\\p{{L}}\\p{{M}}\\s{punctuation}]")
}

// Constant patterns: failing to compile is a build defect (e.g. a regex feature turned off), so
// it must be loud, not a rule that silently passes everything.
static NAME: LazyLock<Regex> = LazyLock::new(|| {
    let allowed = allowed_class(false);
    Regex::new(&format!("^{allowed}*\\p{{L}}{allowed}*$"))
        .expect("the constant name pattern compiles")
});
static NOT_NAME_CHAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&allowed_class(true)).expect("the constant name class compiles"));

/// Whether `c`, written between two letters in the input, leaves a name the engine accepts once
/// normalized (U+0387 becomes a middle dot under NFC, U+1FEF a backtick, U+0345 a capital iota).
fn allowed_as_written(c: char) -> bool {
    let mut buf = [0u8; 4];
    let written = format!("A{}A", c.encode_utf8(&mut buf));
    let normalized = Norm::PersonName.apply(written.into());
    !NOT_NAME_CHAR.is_match(&normalized)
}

/// Whether `c` alone, as written, becomes a name with a letter.
fn letter_as_written(c: char) -> bool {
    let mut buf = [0u8; 4];
    let normalized = Norm::PersonName.apply(c.encode_utf8(&mut buf).to_owned().into());
    NAME.is_match(&normalized)
}

static SCHEMA_PATTERN: LazyLock<String> = LazyLock::new(|| {
    let allowed = super::char_class(false, allowed_as_written);
    let letter = super::char_class(false, |c| allowed_as_written(c) && letter_as_written(c));
    format!("^{allowed}*{letter}{allowed}*$")
});

/// The name rule as the JSON Schema's `pattern`, over the name **as sent** (before the
/// normalizer): the characters whose normalized form the engine accepts, at least one of them a
/// letter. Written as explicit character ranges, built from the Unicode tables when the schema is
/// generated, so validators without `\p{..}` (Python's `re`) read it too.
pub fn name_pattern() -> String {
    SCHEMA_PATTERN.clone()
}

/// Letters, combining marks, spaces and the punctuation of [`NAME_PUNCTUATION`] (apostrophes,
/// hyphens, periods, middle dots, …); at least one letter.
///
/// ```
/// use idenfy_preflight::spec::rules::{findings, PersonName};
/// use idenfy_preflight::Code;
///
/// assert!(findings(&PersonName, "O’NEIL-SMITH JR.").is_empty());
/// assert!(findings(&PersonName, "ŽYDRŪNAS").is_empty());
/// assert!(findings(&PersonName, "G‘AYRAT").is_empty()); // Uzbek Gʻ, typed with U+2018
/// let f = &findings(&PersonName, "JOHN2")[0];
/// assert_eq!(f.code(), Code::InvalidNameCharacter);
/// assert_eq!(f.params()["class"], "digit");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PersonName;

/// An ASCII character a name may hold (`Some(true)` for a letter): letters, whitespace and the
/// ASCII punctuation of [`NAME_PUNCTUATION`]. A test holds it to the regex.
fn ascii_name_char(b: u8) -> Option<bool> {
    match b {
        b'A'..=b'Z' | b'a'..=b'z' => Some(true),
        b'\t'..=b'\r' | b' ' | b'\'' | b'.' | b'-' | b'`' => Some(false),
        _ => None,
    }
}

/// The common case without the regex: an ASCII name of allowed characters, with a letter.
fn is_plain_ascii_name(value: &str) -> bool {
    let mut letter = false;
    for b in value.bytes() {
        match ascii_name_char(b) {
            Some(l) => letter |= l,
            None => return false,
        }
    }
    letter
}

/// What is wrong with a name, by the regex: `None` when nothing; `Some(None)` when it lacks a
/// letter; else the first bad character's class, its position and how many there are.
type Trouble = Option<Option<(NameClass, usize, usize)>>;

fn trouble(value: &str) -> Trouble {
    if NAME.is_match(value) {
        return None;
    }
    let mut bad = NOT_NAME_CHAR.find_iter(value);
    let Some(first) = bad.next() else {
        return Some(None);
    };
    let count = 1 + bad.count();
    let c = first.as_str().chars().next().unwrap_or_default();
    let position = value[..first.start()].chars().count() + 1;
    Some(Some((class_of(c), position, count)))
}

/// [`trouble`] for an ASCII name, without the regex.
fn ascii_trouble(value: &str) -> Trouble {
    if is_plain_ascii_name(value) {
        return None;
    }
    let mut bad = value
        .bytes()
        .enumerate()
        .filter(|(_, b)| ascii_name_char(*b).is_none());
    Some(
        bad.next()
            .map(|(i, b)| (class_of(char::from(b)), i + 1, 1 + bad.count())),
    )
}

fn class_of(c: char) -> NameClass {
    if c.is_numeric() {
        NameClass::Digit
    } else if FORBIDDEN_SPECIALS.contains(c) {
        NameClass::Special
    } else if c.is_control() {
        NameClass::Control
    } else {
        NameClass::Other
    }
}

impl Rule for PersonName {
    fn check(&self, value: &str, out: &mut Vec<Finding>) {
        // Empty is the length rule's to report.
        if value.is_empty() || is_plain_ascii_name(value) {
            return;
        }
        let bad = if value.is_ascii() {
            ascii_trouble(value)
        } else {
            trouble(value)
        };
        if let Some(bad) = bad {
            out.push(Finding::error(Kind::InvalidNameCharacter { bad }));
        }
    }

    fn schema(&self, _norm: Norm) -> Keywords {
        keywords([("pattern", name_pattern().into())])
    }

    fn describe(&self) -> String {
        let punctuation: Vec<String> = NAME_PUNCTUATION
            .iter()
            .filter(|(c, _)| !matches!(*c, '\u{200C}' | '\u{200D}'))
            .map(|(c, _)| match c {
                '`' => "`` ` ``".to_owned(),
                c => format!("`{c}`"),
            })
            .collect();
        format!(
            "letters, marks, spaces, {}, ZWNJ, ZWJ; a letter",
            punctuation.join(" ")
        )
    }

    fn probes(&self) -> Vec<String> {
        [
            "Ž",
            "o'neil",
            "A2",
            "A_B",
            "A<B",
            "-",
            "\u{301}",
            "a\u{a0}b",
            "a\u{feff}b",
            "ß",
            "李",
            "  x  ",
            "\u{345}",
            "'\u{345}",
            "Ⅻ",
            "Ⓐ",
            "l·l",
            "a\u{2010}b",
            "a\u{387}b",
            "a\u{1fef}b",
            "ジョン・スミス",
            "g\u{2018}ayrat",
            "o`neil",
            "a\u{2013}b",
            "a\u{2014}b",
            "李\u{3007}",
            "\u{3007}",
            "John Tom",
        ]
        .map(String::from)
        .to_vec()
    }

    /// Names of several scripts, each punctuation mark of names between letters, and the
    /// longest name the member's length allows.
    fn examples(&self, text: &FreeText) -> Vec<String> {
        let mut out: Vec<String> = [
            "John Tom",
            "Jürgen",
            "Ōtsuka",
            "Zoë-Anne",
            "Ж",
            "Ђорђе",
            "Σωκράτης",
            "李小龙",
            "ジョン・スミス",
            "محمد",
            "דוד",
            "Nguyễn Văn",
            "Şükrü",
            "Gʻayrat",
        ]
        .map(String::from)
        .to_vec();
        out.extend(NAME_PUNCTUATION.iter().map(|(p, _)| format!("Ab{p}Cd")));
        if let Some(max) = text.max {
            out.push("A".repeat(max));
        }
        out
    }

    /// A digit, and a documented special character, in an otherwise fine name.
    fn misses(&self, _text: &FreeText) -> Vec<Miss> {
        vec![
            Miss::error("J0hn", Code::InvalidNameCharacter),
            Miss::error("John!", Code::InvalidNameCharacter),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spec::rules::findings;

    fn class(v: &str) -> Option<String> {
        findings(&PersonName, v)
            .first()
            .map(|f| f.params()["class"].as_str().unwrap_or_default().to_owned())
    }

    #[test]
    fn allowed() {
        for ok in [
            "A",
            "JOHN TOM",
            "D'ARCY",
            "O’NEIL",
            "ST. JOHN",
            "ANNA-MARIA",
            "李",
            "МАРИЯ",
            "E\u{301}",
            "MÜLLER\u{2010}LÜDENSCHEIDT",
            "LI·XIAOLONG",
            "ZAHRA\u{200C}EI",
            // The normalizer collapses whitespace to single spaces before this rule runs.
            "A\u{a0}\tB",
            "ジョン\u{30FB}スミス",
            "ｼﾞｮﾝ\u{FF65}ｽﾐｽ",
            "A\u{2027}B",
            "\u{5D2}\u{5F3}\u{5D5}\u{5E8}\u{5D2}",
            "\u{5E6}\u{5D4}\u{5F4}\u{5DC}",
            "G\u{2018}AYRAT",
            "O`ZBEK",
            "D\u{B4}ARCY",
            "ANNA\u{2013}MARIA",
            "李\u{3007}",
            "艾力\u{2022}买买提",
            "Ａ\u{FF0E}Ｂ",
            "Ｏ\u{FF07}ＮＥＩＬ",
            "ＡＮＮＡ\u{FF0D}ＭＡＲＩＡ",
            "ジョン\u{30A0}スミス",
            "\u{531}\u{55A}\u{532}",
            "\u{531}\u{58A}\u{532}",
            "\u{5D9}\u{5D5}\u{5E1}\u{5BE}\u{5D3}\u{5D5}\u{5D3}",
        ] {
            assert_eq!(class(ok), None, "{ok}");
        }
    }

    #[test]
    fn needs_a_letter() {
        for v in ["-", ".", "' .", "\u{301}", "\u{3007}", "\u{30FB}"] {
            assert_eq!(class(v).as_deref(), Some("no_letter"), "{v:?}");
        }
        assert_eq!(class("").as_deref(), None);
        assert_eq!(class("A.").as_deref(), None);
        assert_eq!(class("1").as_deref(), Some("digit"));
        assert_eq!(
            class("Ⅻ").as_deref(),
            Some("digit"),
            "a Roman numeral is a number"
        );
        assert_eq!(class("Ⓐ").as_deref(), Some("other"));
    }

    #[test]
    fn every_documented_special_is_rejected() {
        for c in FORBIDDEN_SPECIALS.chars() {
            assert_eq!(class(&format!("A{c}B")).as_deref(), Some("special"), "{c}");
            assert!(
                !NAME_PUNCTUATION.iter().any(|(p, _)| *p == c),
                "{c} is both allowed and forbidden"
            );
        }
    }

    #[test]
    fn neighbours_that_stay_forbidden() {
        // The em dash and the prime are not typed for a hyphen or an apostrophe in names;
        // digits of every script stay digits.
        assert_eq!(class("A\u{2014}B").as_deref(), Some("other"));
        assert_eq!(class("A\u{2032}B").as_deref(), Some("other"));
        assert_eq!(class("A\u{660}B").as_deref(), Some("digit"));
        assert_eq!(class("A\u{FF11}B").as_deref(), Some("digit"));
    }

    #[test]
    fn classes() {
        assert_eq!(class("JOHN2").as_deref(), Some("digit"));
        assert_eq!(class("JOHN٣").as_deref(), Some("digit"));
        assert_eq!(class("A\u{0}B").as_deref(), Some("control"));
        assert_eq!(class("A\u{feff}B").as_deref(), Some("other"));
        assert_eq!(class("A😀").as_deref(), Some("other"));
        assert_eq!(class("A&B").as_deref(), Some("other"));
        let p = findings(&PersonName, "ÉA2B3")[0].params();
        assert_eq!(
            (p["position"].as_u64(), p["count"].as_u64()),
            (Some(3), Some(2))
        );
    }

    /// What the engine decides for a name as sent: the normalizer, then the name rule (the
    /// length rule only asks for one character, which every case here has once normalized or
    /// the name rule reports anyway).
    fn engine_accepts(raw: &str) -> bool {
        let normalized = Norm::PersonName.apply(raw.into());
        !normalized.is_empty() && findings(&PersonName, &normalized).is_empty()
    }

    /// The published pattern and the engine agree on every code point, alone and between
    /// letters: a name the engine accepts always passes the schema, and the other way round.
    #[test]
    fn schema_pattern_agrees_with_the_engine_on_every_code_point() {
        let pattern = Regex::new(&name_pattern()).expect("the schema pattern compiles");
        let mut disagree = Vec::new();
        let stride = if crate::quick_tests() { 7 } else { 1 };
        for c in (0..=0x10_FFFF_u32)
            .step_by(stride)
            .filter_map(char::from_u32)
        {
            for raw in [format!("A{c}B"), c.to_string(), format!("{c}{c}")] {
                if engine_accepts(&raw) != pattern.is_match(&raw) {
                    disagree.push(format!("U+{:04X} in {raw:?}", u32::from(c)));
                }
            }
        }
        assert!(
            disagree.is_empty(),
            "{} disagreements: {:?}",
            disagree.len(),
            &disagree[..disagree.len().min(20)]
        );
    }

    #[test]
    fn the_ascii_path_finds_what_the_regex_finds() {
        for a in 0u8..128 {
            for b in [b'A', b'1', b' ', b'.', 0] {
                let v = String::from_utf8(vec![b'J', a, b, b'x', a]).unwrap_or_default();
                assert_eq!(ascii_trouble(&v), trouble(&v), "{v:?}");
            }
        }
        assert_eq!(ascii_trouble("-"), trouble("-"));
    }

    #[test]
    fn the_ascii_shortcut_agrees_with_the_regex() {
        for b in 0u8..128 {
            let c = char::from(b);
            for v in [format!("A{c}B"), c.to_string()] {
                if is_plain_ascii_name(&v) {
                    assert!(NAME.is_match(&v), "{v:?}");
                }
            }
            // The shortcut takes every ASCII character the regex allows.
            if NAME.is_match(&format!("A{c}B")) {
                assert!(is_plain_ascii_name(&format!("A{c}B")), "{c:?}");
            }
        }
    }

    #[test]
    fn schema_pattern_is_portable() {
        let pattern = name_pattern();
        assert!(!pattern.contains("\\p"), "no Unicode property classes");
        assert!(!pattern.contains("\\u"), "no \\u escapes");
        // U+0387 (NFC: a middle dot) passes as written, as the engine accepts it.
        let re = Regex::new(&pattern).expect("compiles");
        assert!(re.is_match("A\u{387}B"));
    }
}

//! Names: the docs say "letters only (no digits)", forbid `~!@#$%^*()_+={}[]|:;",/?`, and their
//! own example ("John Tom") has a space. What they forbid (digits of any script, those specials)
//! and control characters are errors; letters, marks, spaces and the punctuation names are
//! written with are clean; any other character is sent with a warning
//! ([`Code::UnusualNameCharacter`]): the docs do not forbid it, and the allow-list approach kept
//! rejecting real names one script at a time.

use super::{keywords, Keywords, Rule};
use crate::diag::Code;
use crate::diag::{Finding, Kind, NameClass, UnusualClass};
use crate::spec::gen::{FreeText, Miss};
use crate::spec::normalize::Norm;
use regex::Regex;
use std::sync::LazyLock;

/// The characters the token page forbids by name, exactly as it lists them. (Older versions
/// of the docs add `<` and `>`: see [`FORMERLY_FORBIDDEN`].)
pub const FORBIDDEN_SPECIALS: &str = "~!@#$%^*()_+={}[]|:;\",/?";

/// `<` and `>`: forbidden by every older version of the docs (idenfy-facts §2.1: the 2020 and
/// 2021 pages and the older references), no longer by the current token page, which wins. A warning that
/// says so, not an error: the current docs give no reason to refuse them.
pub const FORMERLY_FORBIDDEN: &str = "<>";

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

/// The class of characters a name holds without a word said, in Rust regex syntax: letters
/// (general category L, which holds the Arabic tatweel U+0640), combining marks, whitespace and
/// [`NAME_PUNCTUATION`] (which holds ZWNJ and ZWJ).
fn clean_class(negate: bool) -> String {
    let punctuation: String = NAME_PUNCTUATION
        .iter()
        .map(|(c, _)| regex::escape(&c.to_string()))
        .collect();
    let not = if negate { "^" } else { "" };
    format!("[{not}\\p{{L}}\\p{{M}}\\s{punctuation}]")
}

// Constant patterns: failing to compile is a build defect (e.g. a regex feature turned off), so
// it must be loud, not a rule that silently passes everything.
static NOT_CLEAN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&clean_class(true)).expect("the constant name class compiles"));
static LETTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\p{L}").expect("the constant letter class compiles"));
/// A digit of any script: general category Nd (`٣`, `३`, fullwidth `１`), exactly.
static DIGIT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\p{Nd}$").expect("the constant digit class compiles"));
/// A control character (general category Cc); the whitespace among them is clean, and the
/// normalizer has made it a space by the time the rule runs.
static CONTROL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\p{Cc}$").expect("the constant control class compiles"));
/// A number that is not a digit: letter numbers and other numbers (Nl, No: `Ⅻ`, `²`, `½`).
static NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[\p{Nl}\p{No}]$").expect("the constant number class compiles"));

/// What one character of a name is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Char {
    /// A letter (general category L).
    Letter,
    /// A combining mark, whitespace or name punctuation.
    Clean,
    /// A character the docs forbid, or a control character: an error.
    Forbidden(NameClass),
    /// Anything else: a warning.
    Unusual(UnusualClass),
}

/// An ASCII character: letters, whitespace and the ASCII punctuation of [`NAME_PUNCTUATION`]
/// are fine; digits, [`FORBIDDEN_SPECIALS`] and controls are forbidden; `&`, `\`, `<` and `>`
/// are unusual. A test holds it to the Unicode path.
fn ascii_char(b: u8) -> Char {
    match b {
        b'A'..=b'Z' | b'a'..=b'z' => Char::Letter,
        b'\t'..=b'\r' | b' ' | b'\'' | b'.' | b'-' | b'`' => Char::Clean,
        b'0'..=b'9' => Char::Forbidden(NameClass::Digit),
        _ if FORBIDDEN_SPECIALS.as_bytes().contains(&b) => Char::Forbidden(NameClass::Special),
        _ if b.is_ascii_control() => Char::Forbidden(NameClass::Control),
        _ if FORMERLY_FORBIDDEN.as_bytes().contains(&b) => {
            Char::Unusual(UnusualClass::FormerlyForbidden)
        }
        _ => Char::Unusual(UnusualClass::Other),
    }
}

/// What `c` is, known not to be a letter, mark, whitespace or name punctuation.
fn not_clean_char(c: char) -> Char {
    if let Ok(b) = u8::try_from(c) {
        if b.is_ascii() {
            return ascii_char(b);
        }
    }
    let mut buf = [0u8; 4];
    let s: &str = c.encode_utf8(&mut buf);
    if DIGIT.is_match(s) {
        Char::Forbidden(NameClass::Digit)
    } else if CONTROL.is_match(s) {
        Char::Forbidden(NameClass::Control)
    } else if NUMBER.is_match(s) {
        Char::Unusual(UnusualClass::Number)
    } else {
        Char::Unusual(UnusualClass::Other)
    }
}

/// The common case without the regex: an ASCII name of clean characters, with a letter.
fn is_plain_ascii_name(value: &str) -> bool {
    let mut letter = false;
    for b in value.bytes() {
        match ascii_char(b) {
            Char::Letter => letter = true,
            Char::Clean => {}
            _ => return false,
        }
    }
    letter
}

/// The first character of a kind (its class and 1-based position in characters) and how many
/// there are.
type First<C> = Option<(C, usize, usize)>;

/// What a name holds besides letters, marks, spaces and name punctuation.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Scan {
    /// Whether it has a letter.
    letter: bool,
    /// The characters that make it an error.
    forbidden: First<NameClass>,
    /// The other characters that are not clean.
    unusual: First<UnusualClass>,
}

impl Scan {
    fn add(&mut self, c: Char, position: usize) {
        fn note<C>(slot: &mut First<C>, class: C, position: usize) {
            match slot {
                Some((_, _, count)) => *count += 1,
                None => *slot = Some((class, position, 1)),
            }
        }
        match c {
            Char::Letter => self.letter = true,
            Char::Clean => {}
            Char::Forbidden(class) => note(&mut self.forbidden, class, position),
            Char::Unusual(class) => note(&mut self.unusual, class, position),
        }
    }
}

/// [`scan`] for an ASCII name, without the regex.
fn ascii_scan(value: &str) -> Scan {
    let mut scan = Scan::default();
    for (i, b) in value.bytes().enumerate() {
        scan.add(ascii_char(b), i + 1);
    }
    scan
}

/// Scans a name. Off the ASCII path, the regex skips runs of clean characters, and positions
/// are counted as it goes (linear in the length, however many characters are not clean).
fn scan(value: &str) -> Scan {
    if value.is_ascii() {
        ascii_scan(value)
    } else {
        unicode_scan(value)
    }
}

/// [`scan`] by the regex, for any name.
fn unicode_scan(value: &str) -> Scan {
    let mut scan = Scan {
        letter: LETTER.is_match(value),
        ..Scan::default()
    };
    let (mut offset, mut position) = (0, 0);
    for m in NOT_CLEAN.find_iter(value) {
        position += value[offset..m.start()].chars().count() + 1;
        offset = m.end();
        if let Some(c) = m.as_str().chars().next() {
            scan.add(not_clean_char(c), position);
        }
    }
    scan
}

/// Whether the engine reports no error for `c` written between two letters, once normalized
/// (U+037E, the Greek question mark, becomes `;` under NFC, so it is an error too).
fn allowed_as_written(c: char) -> bool {
    let mut buf = [0u8; 4];
    let written = format!("A{}A", c.encode_utf8(&mut buf));
    scan(&Norm::PersonName.apply(written.into()))
        .forbidden
        .is_none()
}

/// Whether `c` alone, as written, becomes a name with a letter and nothing forbidden (U+0345
/// becomes a capital iota).
fn letter_as_written(c: char) -> bool {
    let mut buf = [0u8; 4];
    let normalized = Norm::PersonName.apply(c.encode_utf8(&mut buf).to_owned().into());
    let s = scan(&normalized);
    s.letter && s.forbidden.is_none()
}

static SCHEMA_PATTERN: LazyLock<String> = LazyLock::new(|| {
    let allowed = super::char_class(true, |c| !allowed_as_written(c));
    let letter = super::char_class(false, |c| allowed_as_written(c) && letter_as_written(c));
    format!("^{allowed}*{letter}{allowed}*$")
});

/// The name rule as the JSON Schema's `pattern`, over the name **as sent** (before the
/// normalizer): any characters but those whose normalized form the engine reports as an error
/// (digits, the documented specials, control characters; warnings pass), at least one of them a
/// letter. Written as explicit character ranges, built from the Unicode tables when the schema
/// is generated, so validators without `\p{..}` (Python's `re`) read it too.
pub fn name_pattern() -> String {
    SCHEMA_PATTERN.clone()
}

/// Errors for what the docs forbid: digits of any script (general category Nd), the
/// [`FORBIDDEN_SPECIALS`], control characters, and a name without a letter. Letters, combining
/// marks, spaces and the punctuation of [`NAME_PUNCTUATION`] (apostrophes, hyphens, periods,
/// middle dots, …) are clean; any other character is a warning
/// ([`Code::UnusualNameCharacter`]), sent as written.
///
/// ```
/// use idenfy_preflight::spec::rules::{findings, PersonName};
/// use idenfy_preflight::{Code, Severity};
///
/// assert!(findings(&PersonName, "O’NEIL-SMITH JR.").is_empty());
/// assert!(findings(&PersonName, "ŽYDRŪNAS").is_empty());
/// assert!(findings(&PersonName, "G‘AYRAT").is_empty()); // Uzbek Gʻ, typed with U+2018
/// let f = &findings(&PersonName, "JOHN2")[0];
/// assert_eq!((f.code(), f.severity), (Code::InvalidNameCharacter, Severity::Error));
/// assert_eq!(f.params()["class"], "digit");
/// let f = &findings(&PersonName, "アン＝マリー")[0]; // a fullwidth equals sign
/// assert_eq!((f.code(), f.severity), (Code::UnusualNameCharacter, Severity::Warning));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PersonName;

impl Rule for PersonName {
    fn check(&self, value: &str, out: &mut Vec<Finding>) {
        // Empty is the length rule's to report.
        if value.is_empty() || is_plain_ascii_name(value) {
            return;
        }
        let scan = scan(value);
        if let Some(bad) = scan.forbidden {
            out.push(Finding::error(Kind::InvalidNameCharacter {
                bad: Some(bad),
            }));
        } else if !scan.letter {
            out.push(Finding::error(Kind::InvalidNameCharacter { bad: None }));
        }
        if let Some((class, position, count)) = scan.unusual {
            out.push(Finding::warning(Kind::UnusualNameCharacter {
                class,
                position,
                count,
            }));
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
            "a letter; no digit (any script), control or special the docs forbid; other than letters, marks, spaces, {}, ZWNJ, ZWJ warns",
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
            "A\u{660}B",
            "A\u{96A}B",
            "A\u{FF11}B",
            "A\u{1}B",
            "A\u{7f}B",
            "A\u{85}B",
            "A\u{37E}B",
            "A&B",
            "A>B",
            "A\\B",
            "A\u{FF1D}B",
            "\u{F5A}\u{F7A}\u{F0B}\u{F62}\u{F72}\u{F44}\u{F0B}",
            "A\u{1361}B",
            "A\u{2032}B",
            "A\u{200B}B",
            "A\u{B2}",
            "\u{B2}",
            "&",
            "\u{645}\u{62D}\u{640}\u{645}\u{62F}",
            "A\u{200D}B",
            "A\u{E000}B",
            "A\u{378}B",
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

    /// A digit, and a documented special character, in an otherwise fine name (errors); an em
    /// dash between two names (a warning).
    fn misses(&self, _text: &FreeText) -> Vec<Miss> {
        vec![
            Miss::error("J0hn", Code::InvalidNameCharacter),
            Miss::error("John!", Code::InvalidNameCharacter),
            Miss::warning("Anna\u{2014}Maria", Code::UnusualNameCharacter),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Severity;
    use crate::spec::rules::findings;

    /// The class of the error found, if any.
    fn class(v: &str) -> Option<String> {
        found(v, Severity::Error, "class")
    }

    /// The class of the warning found, if any.
    fn unusual(v: &str) -> Option<String> {
        found(v, Severity::Warning, "class")
    }

    fn found(v: &str, severity: Severity, param: &str) -> Option<String> {
        findings(&PersonName, v)
            .iter()
            .find(|f| f.severity == severity)
            .map(|f| f.params()[param].as_str().unwrap_or_default().to_owned())
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
            // Tatweel (a letter, Lm), ZWNJ and ZWJ: Arabic, Persian and Indic names need them.
            "\u{645}\u{62D}\u{640}\u{645}\u{62F}",
            "\u{645}\u{6CC}\u{200C}\u{634}\u{648}\u{62F}",
            "\u{915}\u{94D}\u{200D}\u{937}",
        ] {
            assert_eq!(findings(&PersonName, ok), [], "{ok}");
        }
    }

    #[test]
    fn needs_a_letter() {
        for v in ["-", ".", "' .", "\u{301}", "\u{3007}", "\u{30FB}"] {
            assert_eq!(class(v).as_deref(), Some("no_letter"), "{v:?}");
            assert_eq!(unusual(v), None, "{v:?}");
        }
        assert_eq!(class("").as_deref(), None);
        assert_eq!(class("A.").as_deref(), None);
        assert_eq!(class("1").as_deref(), Some("digit"));
        // A name of unusual characters only has no letter either: an error, and the warning.
        for (v, what) in [
            ("\u{216B}", "number"),
            ("\u{24B6}", "other"),
            ("&", "other"),
        ] {
            assert_eq!(class(v).as_deref(), Some("no_letter"), "{v:?}");
            assert_eq!(unusual(v).as_deref(), Some(what), "{v:?}");
        }
    }

    #[test]
    fn every_documented_special_is_rejected() {
        // Exactly the token page's list ("No special characters: ~!@#$%^*()_+={}[]|:;",/?").
        assert_eq!(FORBIDDEN_SPECIALS, "~!@#$%^*()_+={}[]|:;\",/?");
        for c in FORBIDDEN_SPECIALS.chars() {
            assert_eq!(class(&format!("A{c}B")).as_deref(), Some("special"), "{c}");
            assert!(
                !NAME_PUNCTUATION.iter().any(|(p, _)| *p == c),
                "{c} is both allowed and forbidden"
            );
        }
    }

    /// `<` and `>` are forbidden only by older docs: a warning that says so.
    #[test]
    fn the_formerly_forbidden_specials_warn() {
        for v in ["A<B", "A>B"] {
            assert_eq!(class(v), None, "{v}");
            assert_eq!(unusual(v).as_deref(), Some("formerly_forbidden"), "{v}");
        }
    }

    /// The names the issue found rejected: each is sent, with a warning.
    #[test]
    fn what_the_docs_do_not_forbid_warns() {
        for v in [
            "\u{F5A}\u{F7A}\u{F0B}\u{F62}\u{F72}\u{F44}\u{F0B}", // Tibetan tsheg
            "\u{30A2}\u{30F3}\u{FF1D}\u{30DE}\u{30EA}\u{30FC}",  // fullwidth equals
            "\u{12A0}\u{1361}\u{1260}",                          // Ethiopic word space
            "ANNA\u{2014}MARIA",                                 // em dash
            "A&B",
            "A\\B",
            "O\u{2032}NEIL", // prime
            "A\u{200B}B",    // zero-width space
            "A\u{FEFF}B",
            "A\u{AD}B",   // soft hyphen
            "A\u{202E}B", // right-to-left override
            "A\u{E000}B", // private use
            "A\u{378}B",  // unassigned
            "A\u{1F600}",
            "A\u{FF1C}B", // fullwidth <
        ] {
            assert_eq!(class(v), None, "{v:?}");
            assert_eq!(unusual(v).as_deref(), Some("other"), "{v:?}");
        }
        // Fullwidth forms of the forbidden specials are not the specials: the normalizer is
        // NFC (as the API documents no folding), not NFKC.
        for c in FORBIDDEN_SPECIALS.chars() {
            let wide = char::from_u32(u32::from(c) - 0x21 + 0xFF01).unwrap_or_default();
            let v = Norm::PersonName.apply(format!("A{wide}B").into());
            assert_eq!(class(&v), None, "{wide}");
            assert_eq!(unusual(&v).as_deref(), Some("other"), "{wide}");
        }
    }

    /// Numbers that are not digits (Nl, No) are not documented as forbidden.
    #[test]
    fn numbers_that_are_no_digits_warn() {
        for v in [
            "LOUIS \u{216B}",
            "A\u{B2}",
            "A\u{BD}",
            "A\u{2460}",
            "A\u{3021}",
        ] {
            assert_eq!(class(v), None, "{v:?}");
            assert_eq!(unusual(v).as_deref(), Some("number"), "{v:?}");
        }
    }

    #[test]
    fn digits_of_every_script_and_controls_stay_errors() {
        for v in [
            "JOHN2",
            "JOHN\u{663}",   // Arabic-Indic
            "JOHN\u{6F3}",   // Extended Arabic-Indic (Persian)
            "JOHN\u{969}",   // Devanagari
            "JOHN\u{FF11}",  // fullwidth
            "JOHN\u{1D7D9}", // mathematical bold
            "JOHN\u{7C1}",   // NKo
        ] {
            assert_eq!(class(v).as_deref(), Some("digit"), "{v:?}");
            assert_eq!(unusual(v), None, "{v:?}");
        }
        for v in ["A\u{0}B", "A\u{1}B", "A\u{7F}B", "A\u{80}B", "A\u{9F}B"] {
            assert_eq!(class(v).as_deref(), Some("control"), "{v:?}");
        }
        // Whitespace controls (and U+0085, U+2028) are whitespace: the normalizer makes a space.
        for v in ["A\tB", "A\u{85}B", "A\u{2028}B"] {
            assert_eq!(findings(&PersonName, v), [], "{v:?}");
        }
    }

    #[test]
    fn positions_and_counts() {
        let p = findings(&PersonName, "\u{C9}A2B3")[0].params();
        assert_eq!(
            (p["position"].as_u64(), p["count"].as_u64()),
            (Some(3), Some(2))
        );
        let f = findings(&PersonName, "\u{C9}\u{2014}A&B\u{2014}");
        assert_eq!(f.len(), 1);
        let p = f[0].params();
        assert_eq!(
            (p["position"].as_u64(), p["count"].as_u64()),
            (Some(2), Some(3))
        );
        // An error and a warning in one name: both, each with its own position.
        let f = findings(&PersonName, "A2&B");
        let got: Vec<_> = f
            .iter()
            .map(|f| (f.code(), f.severity, f.params()["position"].as_u64()))
            .collect();
        assert_eq!(
            got,
            [
                (Code::InvalidNameCharacter, Severity::Error, Some(2)),
                (Code::UnusualNameCharacter, Severity::Warning, Some(3)),
            ]
        );
    }

    /// The general category of a character, the oracle's: `L`, `M`, `Nd`, `Cc`, `N` (Nl, No).
    static CATEGORY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"^(?:(?<L>\p{L})|(?<M>\p{M})|(?<Nd>\p{Nd})|(?<Cc>\p{Cc})|(?<N>[\p{Nl}\p{No}]))$",
        )
        .expect("compiles")
    });

    /// The rule, spelled out from the Unicode tables: what each character is.
    fn expected(c: char) -> Char {
        let text = c.to_string();
        let caps = CATEGORY.captures(&text);
        let is = |name: &str| caps.as_ref().is_some_and(|m| m.name(name).is_some());
        if is("L") {
            Char::Letter
        } else if is("M") || c.is_whitespace() || NAME_PUNCTUATION.iter().any(|p| p.0 == c) {
            Char::Clean
        } else if is("Nd") {
            Char::Forbidden(NameClass::Digit)
        } else if FORBIDDEN_SPECIALS.contains(c) {
            Char::Forbidden(NameClass::Special)
        } else if is("Cc") {
            Char::Forbidden(NameClass::Control)
        } else if FORMERLY_FORBIDDEN.contains(c) {
            Char::Unusual(UnusualClass::FormerlyForbidden)
        } else if is("N") {
            Char::Unusual(UnusualClass::Number)
        } else {
            Char::Unusual(UnusualClass::Other)
        }
    }

    /// Every code point between two letters gets exactly what the rule says of its class:
    /// the error only for digits, the documented specials and controls, the warning for every
    /// other character that is not a letter, mark, space or name punctuation.
    #[test]
    fn every_code_point_is_classified_as_documented() {
        let stride = if crate::quick_tests() { 7 } else { 1 };
        let mut wrong = Vec::new();
        for c in (0..=0x10_FFFF_u32)
            .step_by(stride)
            .filter_map(char::from_u32)
        {
            let want = match expected(c) {
                Char::Letter | Char::Clean => Scan {
                    letter: true,
                    ..Scan::default()
                },
                Char::Forbidden(class) => Scan {
                    letter: true,
                    forbidden: Some((class, 2, 1)),
                    ..Scan::default()
                },
                Char::Unusual(class) => Scan {
                    letter: true,
                    unusual: Some((class, 2, 1)),
                    ..Scan::default()
                },
            };
            if scan(&format!("A{c}B")) != want || scan(&format!("\u{C9}{c}B")) != want {
                wrong.push(format!("U+{:04X}", u32::from(c)));
            }
        }
        assert!(
            wrong.is_empty(),
            "{} wrong: {:?}",
            wrong.len(),
            &wrong[..wrong.len().min(20)]
        );
    }

    /// What the engine decides for a name as sent: the normalizer, then the name rule (the
    /// length rule only asks for one character, which every case here has once normalized or
    /// the name rule reports anyway). Warnings pass.
    fn engine_accepts(raw: &str) -> bool {
        let normalized = Norm::PersonName.apply(raw.into());
        !normalized.is_empty()
            && findings(&PersonName, &normalized)
                .iter()
                .all(|f| f.severity != Severity::Error)
    }

    /// The published pattern and the engine agree on every code point, alone and between
    /// letters: a name the engine accepts (with or without a warning) always passes the schema,
    /// and one it reports an error for never does.
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

    /// The ASCII path (no regex) scans as the regex path does.
    #[test]
    fn the_ascii_path_finds_what_the_regex_finds() {
        for a in 0u8..128 {
            assert_eq!(ascii_char(a), expected(char::from(a)), "{a}");
            for b in [b'A', b'1', b' ', b'.', b'&', 0] {
                let v = String::from_utf8(vec![b'J', a, b, b'x', a]).unwrap_or_default();
                assert_eq!(ascii_scan(&v), unicode_scan(&v), "{v:?}");
            }
        }
        assert_eq!(ascii_scan("-"), unicode_scan("-"));
    }

    #[test]
    fn the_ascii_shortcut_agrees_with_the_scan() {
        let clean = |v: &str| {
            scan(v)
                == Scan {
                    letter: true,
                    ..Scan::default()
                }
        };
        for b in 0u8..128 {
            let c = char::from(b);
            for v in [format!("A{c}B"), c.to_string()] {
                assert_eq!(is_plain_ascii_name(&v), clean(&v), "{v:?}");
            }
        }
    }

    #[test]
    fn schema_pattern_is_portable() {
        let pattern = name_pattern();
        assert!(!pattern.contains("\\p"), "no Unicode property classes");
        assert!(!pattern.contains("\\u"), "no \\u escapes");
        let re = Regex::new(&pattern).expect("compiles");
        // U+0387 (NFC: a middle dot) passes as written, as the engine accepts it; U+037E (NFC:
        // a semicolon) does not; a warning passes.
        assert!(re.is_match("A\u{387}B"));
        assert!(!re.is_match("A\u{37E}B"));
        assert!(re.is_match("\u{30A2}\u{30F3}\u{FF1D}\u{30DE}\u{30EA}\u{30FC}"));
        assert!(!re.is_match("A\u{969}B"));
    }
}

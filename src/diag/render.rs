//! Messages and parameters, rendered from a finding's facts when asked for.
//!
//! Nothing derived from a personal value leaves a report unless the caller opted in
//! ([`Context::show_values`](crate::Context::show_values), `--show-values`): not in the message,
//! not in `params`. A suggestion (`LTU` → `LT` reveals the nationality) is named only for a
//! member that holds no personal data (the account settings `country`, `documents`, `locale`,
//! `tokenType`, ...); otherwise the message says that a correction is withheld and how to see it,
//! and `params` keeps only the parameters declared free of the value ([`VALUE_FREE_PARAMS`]:
//! limits, positions, counts, character classes, JSON types), so a parameter added later is
//! withheld until it is declared free.

use super::finding::{Finding, Num};
use serde_json::{Map, Value};
use std::borrow::Cow;
use std::fmt::{self, Write as _};
use std::sync::LazyLock;

/// Machine-readable parameters of a violation (limits, expected types, suggestions, positions).
pub type Params = Map<String, Value>;

/// The parameters a finding about a personal member keeps when the caller did not opt in to
/// values: they say what the rule wants and where the value breaks it (a limit, a position, a
/// count, a character class, a JSON type, the partner policy), never what the value is or what
/// it should be. Every other parameter (`suggestion`, any added later) is withheld.
///
/// A position or a length is derived from the value but tells nothing of what it holds; a
/// listed character (`"character": "!"`) or a suggestion would, so they are not here.
pub const VALUE_FREE_PARAMS: &[&str] = &[
    "allowed",
    "at",
    "check",
    "class",
    "count",
    "countries",
    "expected",
    "field",
    "format",
    "found",
    "length",
    "limit",
    "max",
    "min",
    "permission",
    "plausible_max",
    "policy",
    "position",
    "reason",
    "rule",
    "source",
    "tolerance_days",
];

/// How a message treats what is derived from the value (a suggestion).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Suggestions {
    /// Name it.
    Named,
    /// Say that one is withheld, and how to see it.
    Withheld,
}

impl fmt::Display for Num {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Num::Int(i) => write!(f, "{i}"),
            Num::Float(x) => write!(f, "{x}"),
        }
    }
}

impl From<Num> for Value {
    fn from(n: Num) -> Value {
        match n {
            Num::Int(i) => i.into(),
            Num::Float(x) => x.into(),
        }
    }
}

pub(super) fn range(min: Num, max: Option<Num>) -> String {
    match max {
        Some(max) => format!("between {min} and {max}"),
        None => format!("at least {min}"),
    }
}

impl Finding {
    /// Whether what is derived from the value (a suggestion, a parameter not in
    /// [`VALUE_FREE_PARAMS`]) is withheld: the subject holds personal data and the caller did not
    /// opt in (`reveal`).
    pub fn withholds(&self, reveal: bool) -> bool {
        self.personal && !reveal
    }

    /// The message, naming a suggestion derived from a personal value only when `reveal`.
    pub fn message(&self, reveal: bool) -> String {
        let mode = if self.withholds(reveal) {
            Suggestions::Withheld
        } else {
            Suggestions::Named
        };
        let mut out = String::new();
        // Writing into a String cannot fail.
        let _ = self.write_message(mode, &mut out);
        out
    }

    /// The parameters a report shows: all of them when `reveal` or the subject holds no
    /// personal data, else only those in [`VALUE_FREE_PARAMS`].
    pub fn params_shown(&self, reveal: bool) -> Params {
        let mut p = self.params();
        if self.withholds(reveal) {
            p.retain(|k, _| VALUE_FREE_PARAMS.contains(&k.as_str()));
        }
        p
    }

    /// The message, as one English sentence that never holds the input value.
    pub(crate) fn write_message(&self, mode: Suggestions, out: &mut String) -> fmt::Result {
        let s = self.subject.name;
        let who = match self.subject.part {
            Some(part) => format!("{s} {part}"),
            None => s.to_owned(),
        };
        let who = who.as_str();
        super::code::write_kind(self, mode, out, who)?;
        if self.kind.names_suggestion() {
            return Ok(());
        }
        if let Some(suggestion) = self.suggestion {
            match mode {
                Suggestions::Named => write!(out, "; did you mean {suggestion}?")?,
                Suggestions::Withheld => out.push_str(WITHHELD),
            }
        }
        Ok(())
    }

    /// Every machine-readable parameter, including those derived from a personal value; a
    /// report shows [`params_shown`](Self::params_shown).
    pub fn params(&self) -> Params {
        let mut p = Params::new();
        super::code::kind_params(&self.kind, &mut p);
        if let Some(s) = self.suggestion {
            p.insert("suggestion".to_owned(), s.into());
        }
        p
    }
}

/// What a message says in place of a suggestion derived from a personal value.
pub(crate) const WITHHELD: &str = "; a likely correction is withheld because the value is personal data (--show-values or Context::show_values shows it)";

/// Characters that do not show as themselves: controls, format characters (zero-width spaces
/// and joiners, bidirectional overrides and isolates, the BOM), line and paragraph separators,
/// whitespace other than the space, private-use and unassigned code points, and the characters
/// Unicode lets a renderer draw as nothing (`Default_Ignorable_Code_Point`: the Hangul fillers
/// U+115F, U+1160, U+3164 and U+FFA0, variation selectors, the combining grapheme joiner, …)
/// or that look like a space (U+2800 BRAILLE PATTERN BLANK).
static INVISIBLE: LazyLock<Option<regex::Regex>> = LazyLock::new(|| {
    regex::Regex::new(
        r"[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Co}\p{Cn}\p{Default_Ignorable_Code_Point}\x{2800}]|[\p{White_Space}&&[^ ]]",
    )
    .ok()
});

pub(crate) fn is_invisible(c: char) -> bool {
    let mut buf = [0u8; 4];
    match &*INVISIBLE {
        Some(re) => re.is_match(c.encode_utf8(&mut buf)),
        // The class compiles (a test holds it); were it not to, escape everything non-ASCII
        // rather than show something that may lie.
        None => !c.is_ascii_graphic() && c != ' ',
    }
}

/// Invisible characters as Rust escapes (`\n`, `\u{200b}`, `\u{202e}`); everything else as is.
pub(crate) fn escape_invisible(s: &str) -> Cow<'_, str> {
    if s.chars().all(|c| (' '..='~').contains(&c)) || !s.chars().any(is_invisible) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if is_invisible(c) {
            // Rust's escapes where they are short (`\n`, `\t`, `\0`), `\u{..}` for the rest.
            let mut escaped = c.escape_debug();
            if escaped.len() > 1 {
                out.extend(&mut escaped);
            } else {
                let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
            }
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod invisible_tests {
    use super::*;

    #[test]
    fn the_class_compiles() {
        assert!(INVISIBLE.is_some());
    }

    #[test]
    fn invisible_characters_are_escaped() {
        for (input, shown) in [
            ("/a\u{200b}b", "/a\\u{200b}b"),
            ("/x\u{202e}y", "/x\\u{202e}y"),
            ("/l\u{2028}", "/l\\u{2028}"),
            ("/n\u{a0}", "/n\\u{a0}"),
            ("/t\t", "/t\\t"),
            ("/\u{feff}bom", "/\\u{feff}bom"),
            ("/\u{1b}[31m", "/\\u{1b}[31m"),
            ("/e\u{2003}m", "/e\\u{2003}m"),
            ("/\u{e000}", "/\\u{e000}"),
            // Unassigned to the regex's Unicode tables, assigned in the standard library's:
            // `escape_debug` shows it as itself, so it is escaped by hand.
            ("/\u{88f}", "/\\u{88f}"),
            // Drawn as nothing or as a blank: a name could hide in them.
            ("/a\u{115f}", "/a\\u{115f}"),
            ("/a\u{1160}", "/a\\u{1160}"),
            ("/a\u{3164}", "/a\\u{3164}"),
            ("/a\u{ffa0}", "/a\\u{ffa0}"),
            ("/a\u{2800}", "/a\\u{2800}"),
            ("/a\u{fe0f}", "/a\\u{fe0f}"),
            ("/a\u{fe00}", "/a\\u{fe00}"),
            ("/a\u{e0100}", "/a\\u{e0100}"),
            ("/a\u{180b}", "/a\\u{180b}"),
            ("/a\u{34f}", "/a\\u{34f}"),
        ] {
            assert_eq!(escape_invisible(input), shown);
        }
        for visible in ["/firstName", "/Jürgen", "/名前", "/a b", "/ジョン・スミス"] {
            assert!(
                matches!(escape_invisible(visible), Cow::Borrowed(_)),
                "{visible}"
            );
        }
    }
}

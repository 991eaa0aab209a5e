//! "Did you mean" for names: how close an unknown name is to the names a place documents.
//!
//! iDenfy ignores members it does not know, so a documented member written `lastname` or
//! `personalNumer` silently loses its value. Such a name is a **misspelling** (an error), told
//! apart from a name that merely resembles one (a warning with a suggestion) and from a name that
//! resembles nothing (a warning).

/// How an unknown name relates to the documented ones.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Resemblance<'c> {
    /// Almost certainly this documented name, mistyped: the same name but for letter case or
    /// `_`/`-`/space separators (`lastname`, `first_name`, `callbackURL`), or one typo away
    /// (two in names longer than eight characters) from exactly one documented name.
    Misspelling(&'c str),
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
            Resemblance::Misspelling(s) | Resemblance::Near(s) => Some(s),
            _ => None,
        }
    }
}

/// Lower case without `_`, `-` and spaces: `first_name`, `First-Name` and `firstname` fold alike.
fn fold(s: &str) -> String {
    s.chars()
        .filter(|c| !matches!(c, '_' | '-' | ' '))
        .flat_map(char::to_lowercase)
        .collect()
}

/// Edit distances up to which a name of `len` characters is taken for a misspelling, and for a
/// near miss. A typo in a short name changes a large part of it, so short names get less.
fn thresholds(len: usize) -> (usize, usize) {
    match len {
        0..=2 => (0, 1),
        3..=8 => (1, 2),
        _ => (2, 3),
    }
}

/// Classifies `input` against `candidates` (the documented names of one place).
///
/// Edit distance is optimal string alignment (a swap of two neighbours is one edit), computed on
/// the folded names.
///
/// ```
/// use idenfy_preflight::suggest::{classify, Resemblance};
///
/// let names = ["firstName", "lastName", "personalNumber", "ageLimit", "ageMax"];
/// assert_eq!(classify("lastname", names), Resemblance::Misspelling("lastName"));
/// assert_eq!(classify("first_name", names), Resemblance::Misspelling("firstName"));
/// assert_eq!(classify("personalNumer", names), Resemblance::Misspelling("personalNumber"));
/// assert_eq!(classify("lastNxmx", names), Resemblance::Near("lastName"));
/// assert_eq!(classify("ageMix", names), Resemblance::Misspelling("ageMax"));
/// assert_eq!(classify("zzz", names), Resemblance::Unrelated);
/// ```
pub fn classify<'c>(input: &str, candidates: impl IntoIterator<Item = &'c str>) -> Resemblance<'c> {
    // Inputs of any length reach here from untrusted keys; long ones cannot be typos.
    if input.len() > 64 {
        return Resemblance::Unrelated;
    }
    let folded = fold(input);
    let len = folded.chars().count();
    let (sure, near) = thresholds(len);
    let mut best: Option<usize> = None;
    let mut at_best: Vec<&'c str> = Vec::new();
    for c in candidates {
        // The length difference bounds the distance from below: skip hopeless candidates
        // before the quadratic distance computation.
        if c.chars().count().abs_diff(len) > near {
            continue;
        }
        let d = strsim::osa_distance(&folded, &fold(c));
        match best {
            Some(b) if d > b => {}
            Some(b) if d == b => at_best.push(c),
            _ => {
                best = Some(d);
                at_best.clear();
                at_best.push(c);
            }
        }
    }
    match (best, at_best.as_slice()) {
        (Some(d), [one]) if d <= sure => Resemblance::Misspelling(one),
        (Some(d), [one]) if d <= near => Resemblance::Near(one),
        (Some(d), several) if d <= near && several.len() > 1 => Resemblance::Several(at_best),
        _ => Resemblance::Unrelated,
    }
}

/// The candidate closest to `input`, if it is close enough to suggest (see [`classify`]).
///
/// ```
/// use idenfy_preflight::suggest::closest;
///
/// assert_eq!(closest("firstname", ["firstName", "lastName"]), Some("firstName"));
/// assert_eq!(closest("calbackUrl", ["callbackUrl", "locale"]), Some("callbackUrl"));
/// assert_eq!(closest("zzz", ["callbackUrl"]), None);
/// ```
pub fn closest<'c>(input: &str, candidates: impl IntoIterator<Item = &'c str>) -> Option<&'c str> {
    classify(input, candidates).suggestion()
}

#[cfg(test)]
mod tests {
    use super::*;

    const NAMES: &[&str] = &[
        "clientId",
        "personScanRef",
        "firstName",
        "lastName",
        "dateOfBirth",
        "dateOfExpiry",
        "dateOfIssue",
        "callbackUrl",
        "sex",
        "ageLimit",
        "ageMax",
        "country",
        "documents",
    ];

    fn class(input: &str) -> Resemblance<'static> {
        classify(input, NAMES.iter().copied())
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
            ("personscanref", "personScanRef"),
            ("clientID", "clientId"),
            ("documnets", "documents"),
            ("sexx", "sex"),
        ] {
            assert_eq!(class(typo), Resemblance::Misspelling(meant), "{typo}");
        }
    }

    #[test]
    fn boundaries_of_sureness() {
        // Eight characters: one typo is sure, two only near.
        assert_eq!(class("ageLimix"), Resemblance::Misspelling("ageLimit"));
        assert_eq!(class("agaLimix"), Resemblance::Near("ageLimit"));
        // Nine or more: two typos are sure, three only near, four unrelated.
        assert_eq!(
            class("dateOfBirtt"),
            Resemblance::Misspelling("dateOfBirth")
        );
        assert_eq!(
            class("dateOfBxrtt"),
            Resemblance::Misspelling("dateOfBirth")
        );
        assert_eq!(class("dateOfBxxtt"), Resemblance::Near("dateOfBirth"));
        assert_eq!(class("daxeOfBxxtt"), Resemblance::Unrelated);
        // Two characters: only a case or separator difference would be sure.
        assert_eq!(class("se"), Resemblance::Near("sex"));
    }

    #[test]
    fn ties_are_not_guessed() {
        assert_eq!(
            class("dateOfExpiryIssue"),
            Resemblance::Unrelated,
            "too far from either"
        );
        assert_eq!(class("ageMa"), Resemblance::Misspelling("ageMax"));
        match classify("ageMix", ["ageMax", "ageMin"]) {
            Resemblance::Several(c) => assert_eq!(c, ["ageMax", "ageMin"]),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn long_inputs_are_unrelated() {
        assert_eq!(class(&"a".repeat(65)), Resemblance::Unrelated);
    }
}

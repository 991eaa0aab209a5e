//! "Did you mean" suggestions for typos in names.

/// The candidate closest to `input`: an exact case-insensitive match first, then the smallest
/// edit distance, if that distance is small for the word's length.
///
/// ```
/// use idenfy_preflight::suggest::closest;
///
/// assert_eq!(closest("firstname", ["firstName", "lastName"]), Some("firstName"));
/// assert_eq!(closest("calbackUrl", ["callbackUrl", "locale"]), Some("callbackUrl"));
/// assert_eq!(closest("zzz", ["callbackUrl"]), None);
/// ```
pub fn closest<'c>(input: &str, candidates: impl IntoIterator<Item = &'c str>) -> Option<&'c str> {
    // Inputs of any length reach here from untrusted keys; long ones cannot be typos.
    if input.len() > 64 {
        return None;
    }
    let lower = input.to_lowercase();
    let len = lower.chars().count();
    let allowed = match len {
        0..=3 => 1,
        4..=8 => 2,
        _ => 3,
    };
    let mut best: Option<(usize, &'c str)> = None;
    for c in candidates {
        // The length difference bounds the distance from below: skip hopeless candidates
        // before the quadratic distance computation.
        if c.chars().count().abs_diff(len) > allowed {
            continue;
        }
        let d = strsim::levenshtein(&lower, &c.to_lowercase());
        if d == 0 {
            return Some(c);
        }
        if best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, c));
        }
    }
    best.filter(|&(d, _)| d <= allowed).map(|(_, c)| c)
}

//! country: "If NFC is required, must be NFC-supported country". With the partner profile's
//! NFC countries, a chosen country outside them denies every client who picks it.

use super::{CrossMiss, Facts, Members};
use crate::account::Set;
use crate::context::Context;
use crate::diag::loc::Place;
use crate::diag::sink::Sink;
use crate::diag::{Code, Finding, Kind, Severity};
use crate::spec::catalogue::{member, MemberId};

const NFC_REQUIRED: MemberId = member("nfcRequired");
const COUNTRY: MemberId = member("country");

pub(super) const RULE: super::vocab::Custom = super::vocab::Custom {
    // The profile's defaults alone can decide (nfcRequired and the country both left out), so
    // it runs on every request.
    reads: u128::MAX,
    check,
    schema: None,
    involves: &[NFC_REQUIRED, COUNTRY],
    keep,
    misses,
};

fn nfc_countries(ctx: &Context) -> Option<&Set> {
    ctx.account().nfc_countries()
}

/// The profile's default country.
fn default_country(ctx: &Context) -> Option<&serde_json::Value> {
    ctx.account().default(COUNTRY)
}

/// `ALL` leaves the choice to the client, so only named countries are compared.
fn check(facts: &Facts, ctx: &Context, out: &mut Sink) {
    let Some(nfc) = nfc_countries(ctx) else {
        return;
    };
    let Some((true, from)) = super::check::effective_bool(facts, NFC_REQUIRED, ctx) else {
        return;
    };
    let finding = |country_by_default| {
        Finding::error(Kind::NfcCountryUnsupported {
            by_default: from.by_default(),
            country_by_default,
        })
        .about(crate::diag::Subject::of(COUNTRY.name()), false)
    };
    let Some((countries, fact)) = facts.strings(COUNTRY) else {
        // Left out (or null): the session runs with the profile's default country, if any; the
        // violation is at the member the request would set to choose another.
        if facts
            .get(COUNTRY)
            .is_none_or(|f| f.scalar == super::Scalar::Null)
            && refused(nfc, default_country(ctx))
        {
            out.report_at(&Place::missing(COUNTRY.name()), finding(true));
        }
        return;
    };
    let at = fact.loc(COUNTRY);
    for (i, country) in countries {
        if country != "ALL" && !nfc.contains(country) {
            match i {
                Some(i) => out.report(&at.index(i), finding(false), None),
                None => out.report(&at, finding(false), None),
            }
        }
    }
}

/// Whether the `country` value `v` (a code or a list) names a country NFC cannot read.
pub(crate) fn refused(nfc: &Set, v: Option<&serde_json::Value>) -> bool {
    let named = |c: &str| c != "ALL" && !nfc.contains(c);
    match v {
        Some(serde_json::Value::String(c)) => named(c),
        Some(serde_json::Value::Array(items)) => items
            .iter()
            .filter_map(serde_json::Value::as_str)
            .any(named),
        _ => false,
    }
}

/// With NFC required, countries it cannot read are dropped (a lone one, or a list left empty,
/// takes the member with it); where the session then runs with a default country NFC cannot
/// read, NFC is left optional instead.
fn keep(members: &mut Members, ctx: &Context) {
    let Some(nfc) = nfc_countries(ctx) else {
        return;
    };
    if super::repair::effective_flag(members, NFC_REQUIRED, ctx) != Some(true) {
        return;
    }
    let refused_code = |c: &str| c != "ALL" && !nfc.contains(c);
    match members.get_mut(COUNTRY.name()) {
        Some(serde_json::Value::String(c)) if refused_code(&c.to_ascii_uppercase()) => {
            members.remove(COUNTRY.name());
        }
        Some(serde_json::Value::Array(items)) => {
            let before = items.len();
            items.retain(|c| {
                c.as_str()
                    .is_none_or(|c| !refused_code(&c.to_ascii_uppercase()))
            });
            if items.is_empty() && before > 0 {
                members.remove(COUNTRY.name());
            }
        }
        _ => {}
    }
    let left_out = matches!(
        members.get(COUNTRY.name()),
        None | Some(serde_json::Value::Null)
    );
    if left_out && refused(nfc, default_country(ctx)) {
        members.insert(NFC_REQUIRED.name().into(), false.into());
    }
}

/// NFC required (unless the environment lacks it) with a country it cannot read: each the
/// profile lists documents for (the countries the account works with), and the first of all.
fn misses(ctx: &Context) -> Vec<CrossMiss> {
    let Some(nfc) = nfc_countries(ctx) else {
        return Vec::new();
    };
    if ctx.account().lacks_feature(NFC_REQUIRED) {
        return Vec::new();
    }
    let listed = ctx
        .account()
        .documents()
        .into_iter()
        .flat_map(|a| a.iter().map(|(c, _)| c))
        .filter(|c| *c != "ALL");
    let first = crate::spec::rules::country::codes().find(|c| !nfc.contains(c));
    let mut countries: Vec<&str> = listed.chain(first).filter(|c| !nfc.contains(c)).collect();
    countries.dedup();
    countries
        .into_iter()
        .map(|country| {
            CrossMiss::at(
                COUNTRY,
                Code::NfcCountryUnsupported,
                Severity::Error,
                vec![(NFC_REQUIRED, true.into()), (COUNTRY, country.into())],
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// With NFC required, the repair drops only the countries NFC cannot read: one it reads,
    /// and `ALL`, stay as sent, in either case and in a list.
    #[test]
    fn the_repair_keeps_what_nfc_reads() {
        let profile = crate::Profile {
            nfc_countries: Some(["LT".to_owned()].into()),
            ..Default::default()
        };
        let ctx = Context::new().with_profile(profile);
        let cases = [
            (json!("LT"), Some(json!("LT"))),
            (json!("lt"), Some(json!("lt"))),
            (json!("ALL"), Some(json!("ALL"))),
            (json!("LV"), None),
            (json!(["LV", "LT"]), Some(json!(["LT"]))),
            (json!(["ALL", "EE"]), Some(json!(["ALL"]))),
            (json!(["LV"]), None),
        ];
        for (sent, kept) in cases {
            let mut members = Members::new();
            members.insert("nfcRequired".into(), true.into());
            members.insert("country".into(), sent.clone());
            keep(&mut members, &ctx);
            assert_eq!(members.get("country"), kept.as_ref(), "{sent}");
            assert_eq!(members.get("nfcRequired"), Some(&json!(true)), "{sent}");
        }
    }

    /// Where the session runs with a default country NFC cannot read, only a request that leaves
    /// the country out has NFC made optional; one that sends a country NFC reads keeps it.
    #[test]
    fn a_refused_default_country_turns_nfc_off_only_when_it_is_in_effect() {
        let mut profile = crate::Profile {
            nfc_countries: Some(["LT".to_owned()].into()),
            ..Default::default()
        };
        profile.defaults.insert("country".into(), json!("LV"));
        let ctx = Context::new().with_profile(profile);
        for (sent, nfc) in [(Some(json!("LT")), true), (None, false)] {
            let mut members = Members::new();
            members.insert("nfcRequired".into(), true.into());
            if let Some(c) = &sent {
                members.insert("country".into(), c.clone());
            }
            keep(&mut members, &ctx);
            assert_eq!(members.get("nfcRequired"), Some(&json!(nfc)), "{sent:?}");
        }
    }

    /// The near misses ask for NFC with each country the account works with that NFC cannot
    /// read, and with the first country code NFC cannot read; never with one it reads.
    #[test]
    fn the_near_misses_name_countries_nfc_cannot_read() {
        let profile = crate::Profile {
            nfc_countries: Some(["AF".to_owned(), "LT".to_owned()].into()),
            allowed_documents: Some(
                [("LT", "PASSPORT"), ("LV", "PASSPORT")]
                    .map(|(c, d)| (c.to_owned(), [d.to_owned()].into()))
                    .into(),
            ),
            ..Default::default()
        };
        let ctx = Context::new().with_profile(profile);
        let countries: Vec<serde_json::Value> = misses(&ctx)
            .into_iter()
            .flat_map(|m| m.set)
            .filter(|(name, _)| *name == "country")
            .map(|(_, v)| v)
            .collect();
        // The codes in the order the country rule lists them: AF first, then AX.
        assert_eq!(countries, [json!("LV"), json!("AX")]);
    }
}

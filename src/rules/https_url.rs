//! Redirect and callback URLs: absolute, https, with a host, exactly as written.
//!
//! The WHATWG parser in `url` repairs many inputs silently (a leading space, `https:/x`, a
//! backslash). The API may not repair them the same way, so any repair the parser had to make is
//! reported instead of accepted.

use super::{keywords, Keywords, Rule};
use crate::context::Context;
use crate::normalize::Norm;
use crate::violation::{Code, Finding};
use std::cell::RefCell;
use std::net::{Ipv4Addr, Ipv6Addr};
use url::{Host, Url};

/// An absolute `https` URL with a host, parsed without repairs.
///
/// ```
/// use idenfy_preflight::rules::{findings, HttpsUrl};
/// use idenfy_preflight::{Code, Severity};
///
/// let rule = HttpsUrl { callback: true };
/// assert!(findings(&rule, "callbackUrl", "https://example.com/hook").is_empty());
/// assert_eq!(findings(&rule, "callbackUrl", "http://example.com")[0].code, Code::UrlNotHttps);
/// let f = &findings(&rule, "callbackUrl", "https://127.0.0.1/hook")[0];
/// assert_eq!((f.code, f.severity), (Code::CallbackNotPublic, Severity::Warning));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HttpsUrl {
    /// The iDenfy servers call this URL (webhooks), so it must be reachable from the internet.
    pub callback: bool,
}

impl Rule for HttpsUrl {
    fn schema(&self, _norm: Norm) -> Keywords {
        // The scheme (any case, as the parser lower-cases it) and a non-empty authority; the
        // parser's own verdict (repairs, hosts) has no JSON Schema equivalent. No `format: uri`:
        // RFC 3986 refuses non-ASCII paths that the WHATWG parser (and the API) accept.
        keywords([(
            "pattern",
            format!("^{}://[^/?#]", super::caseless("https")).into(),
        )])
    }

    fn check(&self, field: &str, value: &str, ctx: &Context, out: &mut Vec<Finding>) {
        match plain_https_host(value) {
            Some(host) => self.check_host(field, &Host::Domain(host), out),
            None => self.check_with_parser(field, value, ctx, out),
        }
    }
}

/// The host of `value` if it is plainly a well-formed https URL: `https://`, a lower-case ASCII
/// domain of simple labels, no port or credentials, and a path, query and fragment of URL code
/// points only. Such a URL parses without repairs, so the WHATWG parser (about 5,000 instructions
/// per URL, most of the check's cost) is needed only for the rest. A property test holds this
/// shortcut to the parser's verdict.
fn plain_https_host(value: &str) -> Option<&str> {
    let rest = value.strip_prefix("https://")?;
    let end = rest
        .bytes()
        .position(|b| matches!(b, b'/' | b'?' | b'#'))
        .unwrap_or(rest.len());
    let (host, tail) = rest.split_at(end);
    // Labels of [a-z0-9-], non-empty, no leading, trailing or doubled hyphen; the last label
    // starts with a letter (one starting with a digit would be read as an IPv4 address).
    let mut label_start = true;
    let mut last_label_first = 0u8;
    let mut prev = b'.';
    for &b in host.as_bytes() {
        match b {
            b'.' if prev != b'.' && prev != b'-' => label_start = true,
            b'-' if !label_start && prev != b'-' => {}
            b'a'..=b'z' | b'0'..=b'9' => {
                if label_start {
                    last_label_first = b;
                    label_start = false;
                }
            }
            _ => return None,
        }
        prev = b;
    }
    if label_start || prev == b'-' || !last_label_first.is_ascii_lowercase() {
        return None;
    }
    let bytes = tail.as_bytes();
    let mut fragment = false;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'#' if !fragment => fragment = true,
            b'%' => {
                let hex = |j: usize| bytes.get(j).is_some_and(u8::is_ascii_hexdigit);
                if !(hex(i + 1) && hex(i + 2)) {
                    return None;
                }
                i += 2;
            }
            b if URL_CODE_POINT[usize::from(b)] => {}
            _ => return None,
        }
        i += 1;
    }
    Some(host)
}

/// ASCII URL code points (WHATWG) other than `%` and `#`, which are handled apart.
const URL_CODE_POINT: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = c.is_ascii_alphanumeric();
        b += 1;
    }
    let extra = b"!$&'()*+,-./:;=?@_~";
    let mut i = 0;
    while i < extra.len() {
        t[extra[i] as usize] = true;
        i += 1;
    }
    t
};

impl HttpsUrl {
    fn check_host(&self, field: &str, host: &Host<&str>, out: &mut Vec<Finding>) {
        if self.callback {
            if let Some(why) = unreachable_reason(host) {
                out.push(
                    Finding::warning(
                        Code::CallbackNotPublic,
                        format!("{field} points at {why}; iDenfy's webhooks cannot reach it"),
                    )
                    .with("reason", why),
                );
            }
        }
    }

    fn check_with_parser(&self, field: &str, value: &str, _ctx: &Context, out: &mut Vec<Finding>) {
        let repairs: RefCell<Vec<&'static str>> = RefCell::new(Vec::new());
        // Credentials are reported on their own (a warning), not as a repair.
        let record = |v: url::SyntaxViolation| {
            if v != url::SyntaxViolation::EmbeddedCredentials {
                repairs.borrow_mut().push(v.description());
            }
        };
        let parsed = Url::options()
            .syntax_violation_callback(Some(&record))
            .parse(value);
        let url = match parsed {
            Ok(u) => u,
            Err(e) => {
                out.push(
                    Finding::error(
                        Code::InvalidUrl,
                        format!("{field} must be an absolute URL such as https://example.com/path ({e})"),
                    )
                    .with("reason", e.to_string()),
                );
                return;
            }
        };
        let repairs = repairs.into_inner();
        if let Some(first) = repairs.first() {
            out.push(
                Finding::error(
                    Code::UrlNeedsRepair,
                    format!("{field} is not a well-formed URL as written ({first}); send it in its corrected form"),
                )
                .with("reason", *first),
            );
        }
        if url.scheme() != "https" {
            out.push(
                Finding::error(Code::UrlNotHttps, format!("{field} must use https"))
                    .with("scheme", url.scheme()),
            );
        }
        match url.host() {
            None | Some(Host::Domain("")) => out.push(Finding::error(
                Code::UrlMissingHost,
                format!("{field} must name a host"),
            )),
            Some(host) => {
                if self.callback {
                    if let Some(why) = unreachable_reason(&host) {
                        out.push(
                            Finding::warning(
                                Code::CallbackNotPublic,
                                format!(
                                    "{field} points at {why}; iDenfy's webhooks cannot reach it"
                                ),
                            )
                            .with("reason", why),
                        );
                    }
                }
            }
        }
        if !url.username().is_empty() || url.password().is_some() {
            out.push(Finding::warning(
                Code::UrlHasCredentials,
                format!("{field} carries a user name or password; they end up in logs and browser history"),
            ));
        }
    }
}

fn unreachable_reason(host: &Host<&str>) -> Option<&'static str> {
    match host {
        Host::Domain(d) => {
            let d = d.trim_end_matches('.');
            if d == "localhost" || d.ends_with(".localhost") {
                Some("a loopback host")
            } else if [
                ".local",
                ".internal",
                ".lan",
                ".home.arpa",
                ".intranet",
                ".corp",
            ]
            .iter()
            .any(|s| d.ends_with(s))
            {
                Some("a private network name")
            } else if !d.contains('.') {
                Some("a single-label host name")
            } else {
                None
            }
        }
        Host::Ipv4(ip) => v4_reason(*ip),
        Host::Ipv6(ip) => v6_reason(*ip),
    }
}

fn v4_reason(ip: Ipv4Addr) -> Option<&'static str> {
    let [a, b, ..] = ip.octets();
    if ip.is_loopback() {
        Some("a loopback address")
    } else if ip.is_private() || (a == 100 && (64..128).contains(&b)) {
        Some("a private address")
    } else if ip.is_link_local() {
        Some("a link-local address")
    } else if ip.is_unspecified() || ip.is_broadcast() || ip.is_documentation() {
        Some("a non-routable address")
    } else {
        None
    }
}

fn v6_reason(ip: Ipv6Addr) -> Option<&'static str> {
    if let Some(v4) = ip.to_ipv4_mapped() {
        return v4_reason(v4);
    }
    if ip.is_loopback() {
        Some("a loopback address")
    } else if ip.is_unique_local() {
        Some("a private address")
    } else if ip.is_unicast_link_local() {
        Some("a link-local address")
    } else if ip.is_unspecified() {
        Some("a non-routable address")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::findings;

    fn codes(v: &str) -> Vec<Code> {
        findings(&HttpsUrl { callback: true }, "u", v)
            .into_iter()
            .map(|f| f.code)
            .collect()
    }

    #[test]
    fn repairs_are_errors() {
        assert_eq!(codes(" https://example.com"), [Code::UrlNeedsRepair]);
        assert_eq!(codes("https:example.com"), [Code::UrlNeedsRepair]);
        assert_eq!(codes("https://example.com\\a"), [Code::UrlNeedsRepair]);
        assert_eq!(codes("https://example.com/a b"), [Code::UrlNeedsRepair]);
    }

    #[test]
    fn not_urls() {
        assert_eq!(codes("example.com/x"), [Code::InvalidUrl]);
        assert_eq!(codes("https://"), [Code::InvalidUrl]);
        assert_eq!(codes("ftp://example.com"), [Code::UrlNotHttps]);
        assert_eq!(
            codes("mailto:a@example.com"),
            [Code::UrlNotHttps, Code::UrlMissingHost]
        );
    }

    #[test]
    fn private_callbacks() {
        for host in [
            "localhost",
            "api.localhost",
            "10.0.0.1",
            "192.168.1.2",
            "172.16.0.1",
            "100.64.0.1",
            "[::1]",
            "[fd00::1]",
            "[fe80::1]",
            "svc",
            "x.internal",
            "[::ffff:127.0.0.1]",
        ] {
            assert_eq!(
                codes(&format!("https://{host}/h")),
                [Code::CallbackNotPublic],
                "{host}"
            );
        }
        for host in ["example.com", "8.8.8.8", "172.32.0.1", "[2001:4860::1]"] {
            assert!(codes(&format!("https://{host}/h")).is_empty(), "{host}");
        }
        assert!(findings(&HttpsUrl { callback: false }, "u", "https://localhost/").is_empty());
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4096))]
        /// The shortcut accepts only what the parser accepts, with the same findings.
        #[test]
        fn shortcut_agrees_with_the_parser(
            host in "[a-zA-Z0-9.-]{0,12}|[a-z][a-z0-9-]{0,6}(\\.[a-z][a-z0-9-]{0,6}){0,2}",
            tail in "[/?#]?[a-zA-Z0-9%!$&'()*+,./:;=?@_~#\\ ^\"<>{}|-]{0,16}",
            callback in proptest::bool::ANY,
        ) {
            let url = format!("https://{host}{tail}");
            let rule = HttpsUrl { callback };
            let shortcut = plain_https_host(&url);
            if let Some(host) = shortcut {
                proptest::prop_assert_eq!(Url::parse(&url).ok().and_then(|u| u.host_str().map(str::to_owned)), Some(host.to_owned()));
                let mut fast = Vec::new();
                rule.check("u", &url, &Context::default(), &mut fast);
                let mut slow = Vec::new();
                rule.check_with_parser("u", &url, &Context::default(), &mut slow);
                proptest::prop_assert_eq!(fast, slow, "{}", url);
            }
        }
    }

    #[test]
    fn shortcut_takes_the_common_case() {
        assert_eq!(
            plain_https_host("https://www.my-company.com/idenfy/success"),
            Some("www.my-company.com")
        );
        assert_eq!(
            plain_https_host("https://x.io/a?b=c&d=%20#frag"),
            Some("x.io")
        );
        for slow in [
            "https://Example.com/",
            "https://1.2.3.4/",
            "https://a.b:443/",
            "https://u@a.b/",
            "https://xn--a.b/",
            "https://a..b/",
            "https://a.b/ c",
            "https://a.b/%zz",
            "http://a.b/",
        ] {
            assert_eq!(plain_https_host(slow), None, "{slow}");
        }
    }

    #[test]
    fn credentials_warn() {
        assert_eq!(
            codes("https://user:pw@example.com/"),
            [Code::UrlHasCredentials]
        );
    }
}

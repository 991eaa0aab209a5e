//! Redirect and callback URLs: absolute, https, with a host, exactly as written.
//!
//! The WHATWG parser in `url` repairs many inputs silently (a leading space, `https:/x`, a
//! backslash, a space it percent-encodes). The API may not repair them the same way, so a repair
//! that rewrote the URL is an error. A notice that rewrote nothing (`ids[]=1`, `a|b`, `/a^b`, a
//! `%` without two hex digits: the parser keeps them byte for byte, as browsers send them) is
//! only a warning, since some strict servers refuse those characters.

use super::{keywords, Keywords, Rule};
use crate::diag::Code;
use crate::diag::{Finding, Kind};
use crate::spec::gen::{FreeText, Miss};
use crate::spec::normalize::Norm;
use std::borrow::Cow;
use std::cell::RefCell;
use std::net::{Ipv4Addr, Ipv6Addr};
use url::{Host, SyntaxViolation, Url};

/// An absolute `https` URL with a host, parsed without repairs.
///
/// ```
/// use idenfy_preflight::spec::rules::{findings, HttpsUrl};
/// use idenfy_preflight::{Code, Severity};
///
/// let rule = HttpsUrl { callback: true };
/// assert!(findings(&rule, "https://example.com/hook").is_empty());
/// assert_eq!(findings(&rule, "http://example.com")[0].code(), Code::UrlNotHttps);
/// let f = &findings(&rule, "https://127.0.0.1/hook")[0];
/// assert_eq!((f.code(), f.severity), (Code::CallbackNotPublic, Severity::Warning));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HttpsUrl {
    /// The iDenfy servers call this URL (webhooks), so it must be reachable from the internet.
    pub callback: bool,
}

impl Rule for HttpsUrl {
    fn check(&self, value: &str, out: &mut Vec<Finding>) {
        match plain_host(value) {
            Some((https, host)) => {
                if !https {
                    out.push(Finding::error(Kind::UrlNotHttps {
                        scheme: Cow::Borrowed("http"),
                    }));
                }
                self.check_reachable(&Host::Domain(host), None, out);
            }
            None => self.check_with_parser(value, out),
        }
    }

    fn schema(&self, _norm: Norm) -> Keywords {
        // The scheme (any case, as the parser lower-cases it) and a non-empty authority; the
        // parser's own verdict (repairs, hosts) has no JSON Schema equivalent. No `format: uri`:
        // RFC 3986 refuses non-ASCII paths that the WHATWG parser (and the API) accept.
        keywords([(
            "pattern",
            format!("^{}://[^/?#]", super::caseless("https")).into(),
        )])
    }

    fn describe(&self) -> String {
        if self.callback {
            "absolute https URL, no repairs; warns on credentials, private hosts".into()
        } else {
            "absolute https URL, no repairs; warns on credentials".into()
        }
    }

    fn probes(&self) -> Vec<String> {
        let mut out: Vec<String> = [
            "https://example.com",
            "HTTPS://EXAMPLE.COM/x",
            "http://example.com",
            "https:/example.com",
            " https://example.com",
            "https://exa mple.com",
            "https://localhost/x",
            "https://u:p@example.com",
            "https://",
            "ftp://example.com",
            "https://a",
            "https://1.2.3.4/",
            "https://example.com/?ids[]=1",
            "https://example.com/a^b",
            "https://example.com/{id}",
            "https://example.com/?q={id}",
            "https://example.com/%zz",
            "https://bücher.example/ä",
        ]
        .map(String::from)
        .to_vec();
        // The length limit of the catalogue's URLs, 2048: its last passing and first failing.
        out.push(format!("https://example.com/{}", "p".repeat(2028)));
        out.push(format!("https://example.com/{}", "p".repeat(2029)));
        out
    }

    /// URLs with ports, paths, queries, fragments and IDN hosts, and the longest the member's
    /// length allows.
    fn examples(&self, text: &FreeText) -> Vec<String> {
        let mut out: Vec<String> = [
            "https://example.com",
            "https://www.my-company.com/idenfy/success",
            "https://shop.example.com:8443/kyc/done?session=1&lang=en#top",
            "https://example.com/?ids[]=1&ids[]=2",
            "https://bücher.example/ä",
            "https://xn--bcher-kva.example/",
            "HTTPS://EXAMPLE.COM/UPPER",
            "https://a.b.example.co.uk/deep/path/to/page.html",
            "https://1.1.1.1/hook",
        ]
        .map(String::from)
        .to_vec();
        if let Some(max) = text.max {
            let base = "https://example.com/";
            out.push(format!(
                "{base}{}",
                "p".repeat(max.saturating_sub(base.len()))
            ));
        }
        out
    }

    fn misses(&self, _text: &FreeText) -> Vec<Miss> {
        let mut out = vec![
            Miss::error("http://example.com/hook", Code::UrlNotHttps),
            Miss::error("ftp://example.com/x", Code::UrlNotHttps),
            Miss::error("https://example.com/a b", Code::UrlNeedsRepair),
            Miss::error("https://example.com/{id}", Code::UrlNeedsRepair),
            Miss::error("https://?x=1", Code::InvalidUrl),
            Miss::error("example.com/no-scheme", Code::InvalidUrl),
            Miss::warning("https://user:pass@example.com/x", Code::UrlHasCredentials),
            Miss::warning("https://example.com/a|b", Code::UrlUnencodedCharacters),
        ];
        if self.callback {
            out.push(Miss::warning(
                "https://localhost/hook",
                Code::CallbackNotPublic,
            ));
            out.push(Miss::warning(
                "https://10.0.0.7/hook",
                Code::CallbackNotPublic,
            ));
        }
        out
    }
}

/// Whether `value` is https, and its host, if it is plainly a well-formed http(s) URL: `https://`
/// (or `http://`, which is then only refused for its scheme), a lower-case ASCII
/// domain of simple labels, no port or credentials, and a path, query and fragment of URL code
/// points only. Such a URL parses without repairs, so the WHATWG parser (about 5,000 instructions
/// per URL, most of the check's cost) is needed only for the rest. A property test holds this
/// shortcut to the parser's verdict.
fn plain_host(value: &str) -> Option<(bool, &str)> {
    let (https, rest) = match value.strip_prefix("https://") {
        Some(rest) => (true, rest),
        None => (false, value.strip_prefix("http://")?),
    };
    let bytes = rest.as_bytes();
    // The host, in one pass: labels of [a-z0-9-], non-empty, no leading, trailing or doubled
    // hyphen; the last label starts with a letter (one starting with a digit would be read as
    // an IPv4 address).
    let mut end = bytes.len();
    let mut label_start = true;
    let mut last_label_first = 0u8;
    let mut prev = b'.';
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'/' | b'?' | b'#' => {
                end = i;
                break;
            }
            b'a'..=b'z' | b'0'..=b'9' => {
                if label_start {
                    last_label_first = b;
                    label_start = false;
                }
            }
            b'.' if prev != b'.' && prev != b'-' => label_start = true,
            b'-' if !label_start && prev != b'-' => {}
            _ => return None,
        }
        prev = b;
    }
    if label_start || prev == b'-' || !last_label_first.is_ascii_lowercase() {
        return None;
    }
    let tail = &bytes[end..];
    // The common tail has neither escapes nor a second `#`: one table lookup a byte.
    let fragment_at = tail.iter().position(|&b| b == b'#');
    let plain = |part: &[u8]| part.iter().all(|&b| URL_CODE_POINT[usize::from(b)]);
    let simple = match fragment_at {
        Some(f) => plain(&tail[..f]) && plain(&tail[f + 1..]),
        None => plain(tail),
    };
    if !simple && !escaped_tail(tail) {
        return None;
    }
    Some((https, &rest[..end]))
}

/// The path, query and fragment hold URL code points, `%` escapes and one `#` only.
fn escaped_tail(bytes: &[u8]) -> bool {
    let mut fragment = false;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'#' if !fragment => fragment = true,
            b'%' => {
                let hex = |j: usize| bytes.get(j).is_some_and(u8::is_ascii_hexdigit);
                if !(hex(i + 1) && hex(i + 2)) {
                    return false;
                }
                i += 2;
            }
            b if URL_CODE_POINT[usize::from(b)] => {}
            _ => return false,
        }
        i += 1;
    }
    true
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
    /// For a callback, warns when the host (or port) cannot be reached from the internet.
    fn check_reachable(&self, host: &Host<&str>, port: Option<u16>, out: &mut Vec<Finding>) {
        if !self.callback {
            return;
        }
        let why = unreachable_reason(host).or((port == Some(0)).then_some("port 0"));
        if let Some(reason) = why {
            out.push(Finding::warning(Kind::CallbackNotPublic { reason }));
        }
    }

    fn check_with_parser(&self, value: &str, out: &mut Vec<Finding>) {
        let notices: RefCell<Vec<SyntaxViolation>> = RefCell::new(Vec::new());
        // Credentials are reported on their own (a warning), not as a repair.
        let record = |v: SyntaxViolation| {
            if v != SyntaxViolation::EmbeddedCredentials {
                notices.borrow_mut().push(v);
            }
        };
        let parsed = Url::options()
            .syntax_violation_callback(Some(&record))
            .parse(value);
        let url = match parsed {
            Ok(u) => u,
            Err(reason) => {
                out.push(Finding::error(Kind::InvalidUrl { reason }));
                return;
            }
        };
        let notices = notices.into_inner();
        let serialized = url.as_str();
        let mut encoded = None;
        if let Some(repair) = notices
            .iter()
            .find(|v| rewrites(**v, &mut encoded, value, serialized))
        {
            out.push(Finding::error(Kind::UrlNeedsRepair {
                reason: repair.description(),
            }));
        } else if !notices.is_empty() {
            out.push(Finding::warning(Kind::UrlUnencodedCharacters {
                characters: kept_as_written(value),
            }));
        }
        if url.scheme() != "https" {
            out.push(Finding::error(Kind::UrlNotHttps {
                scheme: Cow::Owned(url.scheme().to_owned()),
            }));
        }
        match url.host() {
            None | Some(Host::Domain("")) => out.push(Finding::error(Kind::UrlMissingHost)),
            Some(host) => self.check_reachable(&host, url.port(), out),
        }
        if !url.username().is_empty() || url.password().is_some() {
            out.push(Finding::warning(Kind::UrlHasCredentials));
        }
    }
}

/// Whether the parser's notice `v` about `input` came with a rewrite (the URL it serializes is
/// not the one written). Most notices always rewrite (a backslash becomes a slash, stripped
/// spaces, an inserted `//`); a `%` without two hex digits never does; a non-URL code point
/// rewrites only where its component percent-encodes it (a space or `{` in a path does, `[`, `|`
/// or `{` in a query don't), which shows as that character occurring fewer times, unencoded, in
/// the serialization. (The parser never adds such characters, and a non-URL code point beyond
/// ASCII, a noncharacter, is always encoded.)
///
/// `encoded` answers the last question once for all notices: a URL has one notice per odd
/// character, and counting per notice made a 2,000-character URL of `#`s take a minute.
fn rewrites(v: SyntaxViolation, encoded: &mut Option<bool>, input: &str, serialized: &str) -> bool {
    match v {
        SyntaxViolation::PercentDecode => false,
        SyntaxViolation::NonUrlCodePoint => *encoded.get_or_insert_with(|| {
            let count = |s: &str| {
                let mut n = [0usize; 128];
                for b in s.bytes().filter(u8::is_ascii) {
                    n[usize::from(b)] += 1;
                }
                n
            };
            let (before, after) = (count(input), count(serialized));
            let dropped = (0u8..128).any(|b| {
                let c = char::from(b);
                !is_url_code_point(c) && c != '%' && after[usize::from(b)] < before[usize::from(b)]
            });
            dropped || input.chars().any(is_noncharacter)
        }),
        _ => true,
    }
}

/// WHATWG's URL code points among ASCII (letters, digits and `!$&'()*+,-./:;=?@_~`).
fn is_url_code_point(c: char) -> bool {
    c.is_ascii() && URL_CODE_POINT[c as usize]
}

fn is_noncharacter(c: char) -> bool {
    let n = u32::from(c);
    (0xFDD0..=0xFDEF).contains(&n) || (n & 0xFFFE) == 0xFFFE
}

/// The characters of `url` the parser keeps although they are not URL code points (`[`, `|`,
/// `^`, a second `#`, a `%` that starts no escape), each once, in order of appearance.
fn kept_as_written(url: &str) -> String {
    let bytes = url.as_bytes();
    let mut out = String::new();
    let mut fragment = false;
    for (i, c) in url.char_indices() {
        let odd = match c {
            '#' if !fragment => {
                fragment = true;
                false
            }
            '%' => {
                let hex = |j: usize| bytes.get(j).is_some_and(u8::is_ascii_hexdigit);
                !(hex(i + 1) && hex(i + 2))
            }
            c => c.is_ascii() && !is_url_code_point(c),
        };
        if odd && !out.contains(c) {
            out.push(c);
        }
    }
    out
}

fn unreachable_reason(host: &Host<&str>) -> Option<&'static str> {
    match host {
        Host::Domain(d) => {
            // One trailing dot names the DNS root (`example.com.`); any other empty label
            // (`a..b`, `.a.b`, `a.b..`) makes a name that DNS cannot resolve.
            let d = d.strip_suffix('.').unwrap_or(d);
            if d.split('.').any(str::is_empty) {
                Some("a host name with an empty label")
            } else if d == "localhost" || d.ends_with(".localhost") {
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

/// Why an IPv4 address is not reachable from the internet (IANA special-purpose registry).
fn v4_reason(ip: Ipv4Addr) -> Option<&'static str> {
    let [a, b, c, d] = ip.octets();
    let this_network = a == 0; // 0.0.0.0/8
    let benchmarking = a == 198 && (b & 0xfe) == 18; // 198.18.0.0/15
    let future_use = a >= 240 && !ip.is_broadcast(); // 240.0.0.0/4
                                                     // IETF protocol assignments, 192.0.0.0/24, but for the anycast 192.0.0.9 and .10.
    let protocol = (a, b, c) == (192, 0, 0) && d != 9 && d != 10;
    if ip.is_loopback() {
        Some("a loopback address")
    } else if ip.is_private() || (a == 100 && (64..128).contains(&b)) {
        Some("a private address")
    } else if ip.is_link_local() {
        Some("a link-local address")
    } else if ip.is_multicast() {
        Some("a multicast address")
    } else if this_network || ip.is_broadcast() || ip.is_documentation() || benchmarking {
        Some("a non-routable address")
    } else if future_use || protocol {
        Some("a reserved address")
    } else {
        None
    }
}

/// Why an IPv6 address is not reachable from the internet; addresses that embed an IPv4
/// address (mapped, NAT64, 6to4) are judged by it.
fn v6_reason(ip: Ipv6Addr) -> Option<&'static str> {
    let s = ip.segments();
    let embedded = |hi: u16, lo: u16| {
        let [a, b] = hi.to_be_bytes();
        let [c, d] = lo.to_be_bytes();
        Ipv4Addr::new(a, b, c, d)
    };
    // 2001:db8::/32 and 3fff::/20 (RFC 9637).
    let documentation = s[..2] == [0x2001, 0xdb8] || (s[0] == 0x3fff && s[1] < 0x1000);
    let discard = s[..4] == [0x100, 0, 0, 0]; // 100::/64
    if let Some(v4) = ip.to_ipv4_mapped() {
        return v4_reason(v4);
    }
    // NAT64 well-known prefix 64:ff9b::/96 (RFC 6052).
    if s[..6] == [0x64, 0xff9b, 0, 0, 0, 0] {
        return v4_reason(embedded(s[6], s[7]));
    }
    // 6to4, 2002::/16 (RFC 3056): the next 32 bits are the site's IPv4 address.
    if s[0] == 0x2002 {
        if let Some(why) = v4_reason(embedded(s[1], s[2])) {
            return Some(why);
        }
    }
    if ip.is_loopback() {
        Some("a loopback address")
    } else if ip.is_unique_local() || s[..3] == [0x64, 0xff9b, 1] {
        // fc00::/7, and the local-use NAT64 prefix 64:ff9b:1::/48 (RFC 8215).
        Some("a private address")
    } else if ip.is_unicast_link_local() {
        Some("a link-local address")
    } else if ip.is_multicast() {
        Some("a multicast address")
    } else if ip.is_unspecified() || documentation || discard {
        Some("a non-routable address")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spec::rules::findings;
    use crate::Code;

    fn codes(v: &str) -> Vec<Code> {
        findings(&HttpsUrl { callback: true }, v)
            .into_iter()
            .map(|f| f.code())
            .collect()
    }

    #[test]
    fn repairs_are_errors() {
        assert_eq!(codes(" https://example.com"), [Code::UrlNeedsRepair]);
        assert_eq!(codes("https:example.com"), [Code::UrlNeedsRepair]);
        assert_eq!(codes("https://example.com\\a"), [Code::UrlNeedsRepair]);
        assert_eq!(codes("https://example.com/a b"), [Code::UrlNeedsRepair]);
        assert_eq!(codes("https://example.com/{id}"), [Code::UrlNeedsRepair]);
        assert_eq!(codes("https://example.com/a`b"), [Code::UrlNeedsRepair]);
        assert_eq!(codes("https://example.com/#a`b"), [Code::UrlNeedsRepair]);
        assert_eq!(codes("https://example.com/?a\"b"), [Code::UrlNeedsRepair]);
        assert_eq!(
            codes("https://example.com/\u{fdd0}"),
            [Code::UrlNeedsRepair]
        );
    }

    #[test]
    fn notices_that_rewrite_nothing_only_warn() {
        for (url, chars) in [
            ("https://shop.example.com/kyc/done?ids[]=1&ids[]=2", "[]"),
            ("https://shop.example.com/?filter=a|b", "|"),
            ("https://shop.example.com/a^b", "^"),
            ("https://shop.example.com/path/[id]", "[]"),
            ("https://shop.example.com/#c?d#e", "#"),
            ("https://shop.example.com/?q={id}", "{}"),
            ("https://shop.example.com/?a`b", "`"),
            ("https://shop.example.com/100%zz", "%"),
            // One escape digit is no escape; the fragment's own `#` is not odd, only a second.
            ("https://shop.example.com/100%4g", "%"),
            ("https://shop.example.com/x#frag|", "|"),
            // A real escape beside an odd character is not odd itself.
            ("https://shop.example.com/g|%41", "|"),
            ("https://shop.example.com/g%41|", "|"),
        ] {
            let found = findings(&HttpsUrl { callback: true }, url);
            assert_eq!(found.len(), 1, "{url}: {found:?}");
            assert_eq!(
                (found[0].code(), found[0].severity),
                (Code::UrlUnencodedCharacters, crate::Severity::Warning),
                "{url}"
            );
            assert_eq!(found[0].params()["characters"], chars, "{url}");
        }
    }

    /// Found by fuzzing: one notice per `#` of a fragment, each once counting every character,
    /// made this take a minute; it is one count now.
    #[test]
    fn many_odd_characters_are_counted_once() {
        let url = format!("https://example.com/#{}", "#".repeat(2000));
        assert_eq!(codes(&url), [Code::UrlUnencodedCharacters]);
        let url = format!("https://example.com/{}", "{".repeat(2000));
        assert_eq!(codes(&url), [Code::UrlNeedsRepair]);
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
        // Each IPv4 special-purpose block at its edges, with the public address beside it.
        let cb = HttpsUrl { callback: true };
        let reason = |ip: &str| {
            let f = findings(&cb, &format!("https://{ip}/h"));
            f.first()
                .map(|f| f.params()["reason"].as_str().unwrap_or_default().to_owned())
        };
        for (ip, why) in [
            ("100.64.0.0", Some("a private address")),
            ("100.127.255.255", Some("a private address")),
            ("100.63.255.255", None),
            ("100.128.0.0", None),
            ("8.100.1.1", None),
            ("0.1.2.3", Some("a non-routable address")),
            ("255.255.255.255", Some("a non-routable address")),
            ("192.0.2.1", Some("a non-routable address")),
            ("198.51.100.7", Some("a non-routable address")),
            ("203.0.113.5", Some("a non-routable address")),
            ("198.18.0.0", Some("a non-routable address")),
            ("198.19.255.255", Some("a non-routable address")),
            ("198.17.255.255", None),
            ("198.20.0.0", None),
            ("240.0.0.1", Some("a reserved address")),
            ("192.0.0.1", Some("a reserved address")),
            ("192.0.0.9", None),
            ("192.0.0.10", None),
            ("192.0.1.1", None),
            // IPv6, and the IPv4 addresses it embeds (mapped, NAT64, 6to4).
            ("[::1]", Some("a loopback address")),
            ("[::]", Some("a non-routable address")),
            ("[fc00::1]", Some("a private address")),
            ("[fdff::1]", Some("a private address")),
            ("[fe80::1]", Some("a link-local address")),
            ("[ff02::1]", Some("a multicast address")),
            ("[2001:db8::1]", Some("a non-routable address")),
            ("[2001:db9::1]", None),
            ("[3fff:fff::1]", Some("a non-routable address")),
            ("[3fff:1000::1]", None),
            ("[100::1]", Some("a non-routable address")),
            ("[100:0:0:1::1]", None),
            ("[::ffff:10.0.0.1]", Some("a private address")),
            ("[::ffff:8.8.8.8]", None),
            ("[64:ff9b::a00:1]", Some("a private address")),
            ("[64:ff9b::808:808]", None),
            ("[64:ff9b:1::1]", Some("a private address")),
            ("[64:ff9b:2::1]", None),
            ("[2002:a00:1::1]", Some("a private address")),
            ("[2002:808:808::1]", None),
            ("[2003::1]", None),
        ] {
            assert_eq!(reason(ip).as_deref(), why, "{ip}");
        }
        assert!(findings(&HttpsUrl { callback: false }, "https://localhost/").is_empty());
    }

    /// Noncharacters are not URL code points; the parser percent-encodes them, so the URL
    /// as written is not the one it would send.
    #[test]
    fn noncharacters_need_repair() {
        for c in [
            '\u{FDD0}',
            '\u{FDEF}',
            '\u{FFFE}',
            '\u{FFFF}',
            '\u{1FFFE}',
            '\u{10FFFF}',
        ] {
            let url = format!("https://example.com/a{c}b");
            assert_eq!(
                codes(&url),
                [Code::UrlNeedsRepair],
                "U+{:04X}",
                u32::from(c)
            );
        }
        assert!(codes("https://example.com/a\u{FDCF}b").is_empty());
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4096))]
        /// The shortcut accepts only what the parser accepts, with the same findings.
        #[test]
        fn shortcut_agrees_with_the_parser(
            host in "[a-zA-Z0-9.-]{0,12}|[a-z][a-z0-9-]{0,6}(\\.[a-z][a-z0-9-]{0,6}){0,2}",
            // Escapes as tokens, so a valid `%41` is followed by more of the tail, odd
            // characters included, as often as not.
            tail in "[/?#]?(%[0-9a-fA-F]{2}|[a-zA-Z0-9%!$&'()*+,./:;=?@_~#\\ ^\"<>{}|-]){0,24}",
            callback in proptest::bool::ANY,
            scheme in "https?",
        ) {
            let url = format!("{scheme}://{host}{tail}");
            let rule = HttpsUrl { callback };
            let shortcut = plain_host(&url);
            if let Some((_, host)) = shortcut {
                proptest::prop_assert_eq!(Url::parse(&url).ok().and_then(|u| u.host_str().map(str::to_owned)), Some(host.to_owned()));
                let mut fast = Vec::new();
                rule.check(&url, &mut fast);
                let mut slow = Vec::new();
                rule.check_with_parser(&url, &mut slow);
                proptest::prop_assert_eq!(fast, slow, "{}", url);
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4096))]
        /// Over URLs already in the parser's canonical form up to their path, query and fragment
        /// (lower-case host, a path, no dot segments, no `'` or non-ASCII, which the parser
        /// encodes without a notice): a URL is refused as needing repair exactly when the
        /// parser's serialization differs from it.
        #[test]
        fn needs_repair_iff_the_parser_rewrites(
            host in "[a-z]{1,6}\\.(com|lt)",
            tail in "[a-dA-D019/?#&=!$()*+,;:@_~ \t\n\"<>\\[\\]^`{|}\\\\%\u{1}\u{7f}-]{0,16}",
        ) {
            let url = format!("https://{host}/{tail}");
            if let Ok(parsed) = Url::parse(&url) {
                let rewritten = parsed.as_str() != url;
                let found = findings(&HttpsUrl { callback: false }, &url);
                let repair = found.iter().any(|f| f.code() == Code::UrlNeedsRepair);
                proptest::prop_assert_eq!(repair, rewritten, "{:?} -> {:?}: {:?}", url, parsed.as_str(), found);
                proptest::prop_assert!(found.iter().all(|f| f.code() != Code::UrlUnencodedCharacters || !rewritten));
            }
        }
    }

    #[test]
    fn shortcut_takes_the_common_case() {
        assert_eq!(
            plain_host("https://www.my-company.com/idenfy/success"),
            Some((true, "www.my-company.com"))
        );
        assert_eq!(
            plain_host("https://x.io/a?b=c&d=%20#frag"),
            Some((true, "x.io"))
        );
        assert_eq!(plain_host("http://a.b/"), Some((false, "a.b")));
        for slow in [
            "https://Example.com/",
            "https://1.2.3.4/",
            "https://a.b:443/",
            "https://u@a.b/",
            "https://xn--a.b/",
            "https://a..b/",
            "https://a.b/ c",
            "https://a.b/%zz",
            "ftp://a.b/",
            "HTTP://a.b/",
        ] {
            assert_eq!(plain_host(slow), None, "{slow}");
        }
    }

    fn reason(v: &str) -> Option<serde_json::Value> {
        let found = findings(&HttpsUrl { callback: true }, v);
        assert!(found.len() <= 1, "{v}: {found:?}");
        found.first().map(|f| {
            assert_eq!(f.code(), Code::CallbackNotPublic, "{v}");
            f.params()["reason"].clone()
        })
    }

    #[test]
    fn unreachable_callbacks() {
        for (url, why) in [
            ("https://example.com:0/", "port 0"),
            ("https://8.8.8.8:0/", "port 0"),
            ("https://10.0.0.1:0/", "a private address"),
            ("https://224.0.0.1/", "a multicast address"),
            ("https://239.255.255.250/", "a multicast address"),
            ("https://240.0.0.1/", "a reserved address"),
            ("https://255.255.255.254/", "a reserved address"),
            ("https://0.1.2.3/", "a non-routable address"),
            ("https://198.18.0.1/", "a non-routable address"),
            ("https://198.19.255.255/", "a non-routable address"),
            ("https://192.0.0.1/", "a reserved address"),
            ("https://[2001:db8::1]/", "a non-routable address"),
            ("https://[3fff::1]/", "a non-routable address"),
            ("https://[3fff:fff::1]/", "a non-routable address"),
            ("https://[100::1]/", "a non-routable address"),
            ("https://[64:ff9b::a00:1]/", "a private address"),
            ("https://[64:ff9b::7f00:1]/", "a loopback address"),
            ("https://[64:ff9b:1::1]/", "a private address"),
            ("https://[2002:a00:1::1]/", "a private address"),
            ("https://[ff02::1]/", "a multicast address"),
            ("https://[ff0e::1]/", "a multicast address"),
            ("https://a..b/", "a host name with an empty label"),
            ("https://.example.com/", "a host name with an empty label"),
            ("https://example.com../", "a host name with an empty label"),
        ] {
            assert_eq!(reason(url), Some(why.into()), "{url}");
        }
        for url in [
            "https://example.com./",
            "https://example.com:443/",
            "https://example.com:8443/",
            "https://198.17.255.255/",
            "https://198.20.0.1/",
            "https://192.0.1.1/",
            "https://192.0.0.9/",
            "https://223.255.255.255/",
            "https://[64:ff9b::808:808]/",
            "https://[2002:808:808::1]/",
            "https://[2001:db9::1]/",
            "https://[3fff:1000::1]/",
            "https://[3ffe::1]/",
            "https://[2606:4700::1111]/",
        ] {
            assert_eq!(reason(url), None, "{url}");
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

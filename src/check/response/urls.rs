//! The URLs that start a verification from a response's `authToken`.

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

/// The hosted verification page, without its query.
pub const HOSTED_REDIRECT_BASE: &str = "https://ivs.idenfy.com/api/v2/redirect";
/// The page to embed in an iFrame, without its query.
pub const IFRAME_BASE: &str = "https://ui.idenfy.com/";

/// Everything but RFC 3986's unreserved characters is percent-encoded (`+` stays `%2B`, space
/// becomes `%20`, so form decoding and plain percent decoding read the same token).
const QUERY_VALUE: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// The hosted redirect URL for `auth_token` (percent-encoded).
///
/// ```
/// use idenfy_preflight::response::redirect_url;
///
/// assert_eq!(
///     redirect_url("a+b/c= d"),
///     "https://ivs.idenfy.com/api/v2/redirect?authToken=a%2Bb%2Fc%3D%20d"
/// );
/// ```
pub fn redirect_url(auth_token: &str) -> String {
    format!(
        "{HOSTED_REDIRECT_BASE}?authToken={}",
        utf8_percent_encode(auth_token, QUERY_VALUE)
    )
}

/// The iFrame URL for `auth_token` (percent-encoded).
///
/// ```
/// use idenfy_preflight::response::iframe_url;
///
/// assert_eq!(iframe_url("3FA5TFPA2ZE3"), "https://ui.idenfy.com/?authToken=3FA5TFPA2ZE3");
/// ```
pub fn iframe_url(auth_token: &str) -> String {
    format!(
        "{IFRAME_BASE}?authToken={}",
        utf8_percent_encode(auth_token, QUERY_VALUE)
    )
}

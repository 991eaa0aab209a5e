//! `validator::Validate` for [`TokenRequest`] (cargo feature `validator`), so services whose
//! extractors already call `validate()` (axum-valid, actix-web-validator, their own plumbing) get
//! this crate's checks with no glue. The same catalogue runs underneath: nothing is restated as
//! `validator` attributes.
//!
//! Errors are keyed by member name (`firstName`; `__all__` for the whole document, as `validator`
//! names struct-level errors); each carries our stable code as its `code`, our message, and in
//! `params` the JSON Pointer, the severity and our own params. Warnings are not errors, so they
//! are not in `ValidationErrors`: call [`TokenRequest::check`] to see them.

use crate::check::engine::Engine;
use crate::context::Context;
use crate::report::Report;
use crate::typed::TokenRequest;
use std::borrow::Cow;
use validator::{Validate, ValidateArgs, ValidationError, ValidationErrors, ValidationErrorsKind};

/// The `validator` errors of a report: one entry per member with an error.
fn errors_of(report: &Report<'_>) -> Result<(), ValidationErrors> {
    if report.is_valid() {
        return Ok(());
    }
    let mut errors = ValidationErrors::new();
    for v in report.errors() {
        let member = v
            .pointer()
            .strip_prefix('/')
            .and_then(|p| p.split('/').next())
            .map(|m| m.replace("~1", "/").replace("~0", "~"));
        let key = match member {
            Some(m) => match crate::output::catalogue::member(&m) {
                Some(known) if known.name() == m => Cow::Borrowed(known.name()),
                _ => Cow::Owned(m),
            },
            None => Cow::Borrowed("__all__"),
        };
        let mut error = ValidationError::new(v.code().as_str()).with_message(v.message().into());
        error.add_param("pointer".into(), &v.pointer());
        error.add_param("severity".into(), &v.severity());
        for (name, value) in v.params() {
            error.add_param(name.into(), &value);
        }
        let entry = errors
            .0
            .entry(key)
            .or_insert_with(|| ValidationErrorsKind::Field(Vec::new()));
        if let ValidationErrorsKind::Field(list) = entry {
            list.push(error);
        }
    }
    Err(errors)
}

/// Checks with the default [`Engine`] and [`Context`]: no partner profile, and no `today`, so
/// the rules relative to today's date (expired document, birth date in the future) don't run;
/// use [`validate_with_args`](ValidateArgs::validate_with_args) with an engine and a context
/// that have them.
///
/// ```
/// use idenfy_preflight::TokenRequest;
/// use validator::Validate;
///
/// let request = TokenRequest { last_name: Some("Sm1th".into()), ..TokenRequest::new("c1") };
/// let errors = request.validate().unwrap_err();
/// let field = &errors.field_errors()["lastName"];
/// assert_eq!(field[0].code, "invalid_name_character");
/// assert_eq!(field[0].params["pointer"], "/lastName");
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "validator")))]
impl Validate for TokenRequest {
    fn validate(&self) -> Result<(), ValidationErrors> {
        errors_of(&self.check(&Context::new()))
    }
}

/// Checks with the caller's [`Engine`] (the account: its profile, policies and settings) and
/// [`Context`] (today's date).
///
/// ```
/// use idenfy_preflight::{Context, Engine, TokenRequest};
/// use validator::ValidateArgs;
///
/// // The account's tokens last an hour, and a digit string may not outlive them.
/// let engine = Engine::builder().default_expiry_time(3600).build()?;
/// let request = TokenRequest {
///     generate_digit_string: Some(true),
///     expiry_time: Some(7200),
///     ..TokenRequest::new("c1")
/// };
/// let errors = request.validate_with_args((&engine, &Context::new())).unwrap_err();
/// assert_eq!(
///     errors.field_errors()["expiryTime"][0].code,
///     "digit_string_expiry_too_long"
/// );
/// # Ok::<(), idenfy_preflight::PolicyError>(())
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "validator")))]
impl<'a> ValidateArgs<'a> for TokenRequest {
    type Args = (&'a Engine, &'a Context);

    fn validate_with_args(
        &self,
        (engine, ctx): (&'a Engine, &'a Context),
    ) -> Result<(), ValidationErrors> {
        errors_of(&engine.check_serialized(self, ctx))
    }
}

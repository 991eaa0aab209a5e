//! The interpreter of the code table in `code.rs`: from each code's one declaration it writes
//! [`Code`](super::Code) and its lookups, the [`Kind`](super::Kind) variants (with the code each
//! maps to), the message renderer and the params renderer.
//!
//! A declaration, in `code.rs`:
//!
//! ```text
//! /// One line on what the code means (Code::description).
//! TooLong = "too_long", error                       // variant, name, severity (or `either`)
//!     => "Token page ...: refused (BAD_VALUE)."      // Code::reason
//! {
//!     TooLong { max: usize, length: usize }          // a Kind variant and its fields
//!         message {                                  // match arms over that variant
//!             Kind::TooLong { max, length } => write!(out, "...")?,
//!         }
//!         params {
//!             Kind::TooLong { max, length } => { put("max", (*max).into()); ... },
//!         }
//! }
//! ```
//!
//! A code may have several kinds (`malformed_json` has `MalformedJson` and `NotSerializable`);
//! each kind belongs to exactly one code, the one it is declared under. `message` arms are
//! followed by the suggestion ("; did you mean X?", or the note that it is withheld);
//! `message_naming_suggestion` arms name it themselves. The message match has no fallback, so a
//! kind declared without a message arm does not compile; params arms are optional (most codes
//! have some, a few none), and every arm names the kind it belongs to.

/// `Some(severity)` for a code declared with a fixed one, `None` for `either`.
macro_rules! declared_severity {
    (error) => {
        Some(Severity::Error)
    };
    (warning) => {
        Some(Severity::Warning)
    };
    (either) => {
        None
    };
}

/// Whether a kind's message names its suggestion itself.
macro_rules! names_suggestion {
    (message) => {
        false
    };
    (message_naming_suggestion) => {
        true
    };
}

macro_rules! violations {
    (
        message($f:ident, $mode:ident, $out:ident, $who:ident);
        params($put:ident);
        $(
            $(#[doc = $doc:literal])*
            $code:ident = $name:literal, $severity:ident => $reason:literal {
                $(
                    $(#[doc = $kdoc:literal])*
                    $kind:ident $({ $( $(#[doc = $fdoc:literal])* $field:ident : $fty:ty ),* $(,)? })?
                        $message:ident {
                            $( $mpat:pat $(if $mguard:expr)? => $mbody:expr ),+ $(,)?
                        }
                        params {
                            $( $ppat:pat $(if $pguard:expr)? => $pbody:expr ),* $(,)?
                        }
                )*
            }
        )*
    ) => {
        /// Stable machine code of a violation. The snake_case name (see [`Code::as_str`]) is the
        /// contract; it never changes meaning once released.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum Code {
            $( $(#[doc = $doc])* $code, )*
        }

        impl Code {
            /// Every code, in declaration order.
            pub const ALL: &'static [Code] = &[$(Code::$code),*];

            /// The stable snake_case name.
            pub const fn as_str(self) -> &'static str {
                match self { $(Code::$code => $name,)* }
            }

            /// One line on what the code means (from its doc comment).
            pub fn description(self) -> &'static str {
                match self { $(Code::$code => concat!($($doc),*).trim_start(),)* }
            }

            /// Why the code is what it is, stated once, in the code's declaration: for an
            /// error, the documented reason iDenfy refuses or loses such a request (the token
            /// page, kyc.yaml with the property, or a certain loss); for a warning ("If sent:"),
            /// what happens when it is sent anyway. `codes CODE` shows it.
            pub const fn reason(self) -> &'static str {
                match self { $(Code::$code => $reason,)* }
            }

            /// The severity the code always has, or `None` where it depends on the document or
            /// the caller (`unknown_field` is an error under `--deny-unknown`, a partner's
            /// `policy` has the partner's).
            ///
            /// ```
            /// use idenfy_preflight::{Code, Severity};
            ///
            /// assert_eq!(Code::TooLong.severity(), Some(Severity::Error));
            /// assert_eq!(Code::UnknownField.severity(), None);
            /// ```
            pub const fn severity(self) -> Option<Severity> {
                match self { $(Code::$code => declared_severity!($severity),)* }
            }

            /// Looks a code up by its snake_case name.
            pub fn from_name(name: &str) -> Option<Code> {
                match name { $($name => Some(Code::$code),)* _ => None }
            }
        }

        /// What a rule found, with its typed parameters. The code follows from the kind: each
        /// kind is declared under its code, in `src/diag/code.rs`, with its message and params.
        #[derive(Clone, Debug, PartialEq)]
        pub enum Kind {
            $($(
                #[doc = concat!("Code [`", $name, "`](Code::", stringify!($code), ").")]
                #[doc = ""]
                $(#[doc = $kdoc])*
                $kind $({ $( $(#[doc = $fdoc])* #[allow(missing_docs)] $field: $fty ),* })?,
            )*)*
        }

        impl Kind {
            /// The stable code.
            pub fn code(&self) -> Code {
                match self { $($( Kind::$kind { .. } => Code::$code, )*)* }
            }

            /// Whether the message names the suggestion itself (else the renderer appends it).
            pub(crate) fn names_suggestion(&self) -> bool {
                match self { $($( Kind::$kind { .. } => names_suggestion!($message), )*)* }
            }
        }

        /// The message of `$f`'s kind, without the suggestion's tail.
        pub(super) fn write_kind(
            $f: &Finding,
            $mode: Suggestions,
            $out: &mut String,
            $who: &str,
        ) -> fmt::Result {
            match &$f.kind {
                $($($( $mpat $(if $mguard)? => $mbody, )+)*)*
            }
            Ok(())
        }

        /// Every parameter of `kind` (the suggestion is added by the caller).
        pub(super) fn kind_params(kind: &Kind, p: &mut Params) {
            #[allow(unused_mut)]
            let mut $put = |k: &str, v: Value| {
                p.insert(k.to_owned(), v);
            };
            match kind {
                $($($( $ppat $(if $pguard)? => $pbody, )*)*)*
                _ => {}
            }
        }

        /// One value of every kind, its fields from [`Sample`](tests::Sample): the unit tests
        /// render each.
        #[cfg(test)]
        pub(super) fn samples() -> Vec<Kind> {
            vec![$($(
                Kind::$kind $({ $( $field: tests::Sample::sample() ),* })?,
            )*)*]
        }
    };
}

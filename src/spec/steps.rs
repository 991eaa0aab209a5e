//! additionalSteps and additionalData, declared to the leaf (idenfy-facts §8):
//!
//! ```text
//! additionalSteps = { COUNTRY: { DOCTYPE: { STEP_NAME: { type, fields, texts, settings } } } }
//! additionalData  = { STEP_NAME: { field: "string" } }
//! ```
//! COUNTRY is `ALL` or an alpha-2 code, DOCTYPE `ALL` or a document type (legacy names warn); both
//! are upper-cased on the way out, so keys that differ only in case are duplicates. `type` is
//! UPLOAD, EXTRACT or COMPARE.

use super::normalize::Norm;
use super::rules::{Country, DocumentType, Length, Locale, NotBlank, OneOf, Rule};
use super::{names, Field, FoldedKeys, Map, Object, Shape, Text};

/// The step types an environment can be configured with.
pub const STEP_TYPES: OneOf = OneOf {
    values: &["UPLOAD", "EXTRACT", "COMPARE"],
    retired: &[],
};

/// The step type whose fields are compared with additionalData.
pub const COMPARE: &str = "COMPARE";

const ANY: Text = Text::new(Norm::AsIs, &[]);
const NOT_BLANK: &dyn Rule = &NotBlank;

const SETTINGS_FIELDS: [Field; 3] = [
    Field {
        name: "canUpload",
        shape: Shape::Bool,
        nullable: false,
    },
    Field {
        name: "canCapture",
        shape: Shape::Bool,
        nullable: false,
    },
    Field {
        name: "canUploadPDF",
        shape: Shape::Bool,
        nullable: false,
    },
];

/// A step's `settings`: booleans only.
pub const SETTINGS: Object = Object::Fields {
    fields: &SETTINGS_FIELDS,
    names: &names(SETTINGS_FIELDS),
};

const TEXT_FIELDS: [Field; 2] = [
    Field {
        name: "name",
        shape: Shape::Str(ANY),
        nullable: false,
    },
    Field {
        name: "description",
        shape: Shape::Str(ANY),
        nullable: false,
    },
];

/// One `texts` entry: what the UI shows for the step in one language.
pub const TEXT: Object = Object::Fields {
    fields: &TEXT_FIELDS,
    names: &names(TEXT_FIELDS),
};

/// A step's `texts`: locale to its text. Keys are checked in lower case but sent as written.
pub const TEXTS: Object = Object::Map(Map {
    key_label: "LOCALE",
    keys_are: ("texts", "locale"),
    keys: Text::new(Norm::Lower, &[&Locale]),
    send_normalized_keys: false,
    folded: FoldedKeys::Apart,
    values_are: ("texts", "entries"),
    values: &Shape::Object(&TEXT),
    nullable: false,
});

/// The members of a step specification.
pub const STEP_FIELDS: [Field; 4] = [
    Field {
        name: "type",
        shape: Shape::Str(Text::closed(&[&STEP_TYPES])),
        nullable: true,
    },
    Field {
        name: "fields",
        shape: Shape::List(Text::new(Norm::AsIs, &[&Length { min: 1, max: None }])),
        nullable: true,
    },
    Field {
        name: "texts",
        shape: Shape::Object(&TEXTS),
        nullable: true,
    },
    Field {
        name: "settings",
        shape: Shape::Object(&SETTINGS),
        nullable: true,
    },
];

/// A step specification.
pub const STEP: Object = Object::Fields {
    fields: &STEP_FIELDS,
    names: &names(STEP_FIELDS),
};

/// Step name to its specification.
pub const STEPS_BY_NAME: Object = Object::Map(Map {
    key_label: "STEP",
    keys_are: ("additionalSteps", "step names"),
    keys: Text::new(Norm::AsIs, &[NOT_BLANK]),
    send_normalized_keys: false,
    folded: FoldedKeys::Apart,
    values_are: ("additionalSteps", "steps"),
    values: &Shape::Object(&STEP),
    nullable: false,
});

/// Document type (or `ALL`) to the steps for it.
pub const STEPS_BY_DOCUMENT: Object = Object::Map(Map {
    key_label: "DOCTYPE",
    keys_are: ("additionalSteps", "document keys"),
    keys: Text::new(Norm::Upper, &[&DocumentType { allow_all: true }]),
    send_normalized_keys: true,
    folded: FoldedKeys::Error,
    values_are: ("additionalSteps", "document entries"),
    values: &Shape::Object(&STEPS_BY_NAME),
    nullable: false,
});

/// `additionalSteps`: country (or `ALL`) to the steps by document type.
pub const ADDITIONAL_STEPS: Object = Object::Map(Map {
    key_label: "COUNTRY",
    keys_are: ("additionalSteps", "keys"),
    keys: Text::new(Norm::Upper, &[&Country { allow_all: true }]),
    send_normalized_keys: true,
    folded: FoldedKeys::Error,
    values_are: ("additionalSteps", "country entries"),
    values: &Shape::Object(&STEPS_BY_DOCUMENT),
    nullable: false,
});

/// One additionalData entry: field name to its value, a string.
pub const DATA_FIELDS: Object = Object::Map(Map {
    key_label: "FIELD",
    keys_are: ("additionalData", "field names"),
    keys: ANY,
    send_normalized_keys: false,
    folded: FoldedKeys::Apart,
    values_are: ("additionalData", "values"),
    values: &Shape::Str(ANY),
    nullable: false,
});

/// `additionalData`: step name to the values its COMPARE fields are compared with.
pub const ADDITIONAL_DATA: Object = Object::Map(Map {
    key_label: "STEP",
    keys_are: ("additionalData", "step names"),
    keys: ANY,
    send_normalized_keys: false,
    folded: FoldedKeys::Apart,
    values_are: ("additionalData", "entries"),
    values: &Shape::Object(&DATA_FIELDS),
    nullable: false,
});

//! The one error type of the crate.
//!
//! Choosing what to export can fail (a node that does not resolve, options
//! that contradict each other): [`Error`]. Writing one stream cannot, except
//! for the writer's own I/O errors, which the writers return as
//! [`std::io::Error`] unchanged. Writing a folder names the path that
//! failed: [`WriteError`].

use std::io;
use std::path::PathBuf;

use partnership_core::{Kind, LookupError, PartialDate};

/// Why a selection could not be made or an option not be read.
///
/// Messages are lower case and quote the offending value, so that a binary
/// can print them after `error: ` as they are.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A focus node of a neighbourhood names no node, or several.
    #[error("cannot select around {query:?}")]
    UnknownNode {
        /// The id, name or alias as given.
        query: String,
        /// What the lookup found instead: nothing (with suggestions) or
        /// several candidates.
        source: LookupError,
    },
    /// A kinds or relations filter that lists nothing, so that nothing (or no
    /// link) could ever be selected.
    #[error("the {filter} filter lists nothing, so it would select nothing")]
    EmptyFilter {
        /// `"kinds"` or `"relations"`.
        filter: &'static str,
    },
    /// A focus node whose kind the kinds filter leaves out.
    #[error("focus node {id:?} is a {kind}, which the kinds filter leaves out")]
    FocusKindExcluded {
        /// The focus node's id.
        id: String,
        /// Its kind.
        kind: Kind,
    },
    /// A focus node that is also excluded.
    #[error("{id:?} is both a focus node and excluded")]
    FocusExcluded {
        /// The node's id.
        id: String,
    },
    /// An excluded node names no node, or several.
    #[error("cannot exclude {query:?}")]
    UnknownExcluded {
        /// The id, name or alias as given.
        query: String,
        /// What the lookup found instead.
        source: LookupError,
    },
    /// A focus node that was not active at the `as_of` date.
    #[error("focus node {id:?} is not active as of {date}")]
    FocusInactive {
        /// The focus node's id.
        id: String,
        /// The date asked for.
        date: PartialDate,
    },
    /// An option given as text (format, layout, direction) that is not one
    /// of its values.
    #[error("invalid {option} {value:?}: expected {expected}")]
    InvalidOption {
        /// The option's name.
        option: &'static str,
        /// The text given.
        value: String,
        /// The values the option accepts.
        expected: &'static str,
    },
}

/// Why a folder format could not be written: the folder or one of its files.
///
/// Messages are lower case and name the path, so that a binary can print
/// them after `error: ` as they are.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum WriteError {
    /// The path exists and is not a folder.
    #[error("{} exists and is not a folder", path.display())]
    NotAFolder {
        /// The path given.
        path: PathBuf,
    },
    /// The folder could not be created.
    #[error("cannot create folder {}: {source}", path.display())]
    CreateFolder {
        /// The folder.
        path: PathBuf,
        /// The operating system's error.
        source: io::Error,
    },
    /// A file could not be rendered or written.
    #[error("cannot write {}: {source}", path.display())]
    Write {
        /// The file.
        path: PathBuf,
        /// The error.
        source: io::Error,
    },
}

/// The crate's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// The value of `all` whose `name` is `text`, ignoring ASCII case, or an
/// [`Error::InvalidOption`] for `option` listing what is `expected`: the
/// `FromStr` of the option enums whose names are their only spellings.
pub(crate) fn parse_name<T: Copy>(
    all: &[T],
    name: fn(T) -> &'static str,
    text: &str,
    option: &'static str,
    expected: &'static str,
) -> Result<T> {
    all.iter()
        .copied()
        .find(|&v| name(v).eq_ignore_ascii_case(text))
        .ok_or_else(|| Error::InvalidOption {
            option,
            value: text.to_owned(),
            expected,
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_quote_the_value() {
        let e = Error::InvalidOption {
            option: "format",
            value: "svg".into(),
            expected: "dot, json, graphml or mermaid",
        };
        assert_eq!(
            e.to_string(),
            "invalid format \"svg\": expected dot, json, graphml or mermaid"
        );
        let e = Error::FocusKindExcluded {
            id: "canada".into(),
            kind: Kind::State,
        };
        assert_eq!(
            e.to_string(),
            "focus node \"canada\" is a state, which the kinds filter leaves out"
        );
    }
}

//! Errors of the core crate.
//!
//! Loading reports every problem it finds, each a [`Problem`]: where it is
//! ([`Location`]) and what is wrong ([`ProblemKind`]). Lookup errors list the
//! candidates or the nearest names.

use std::fmt;
use std::path::PathBuf;

use crate::{Kind, PartialDate, Relation};

/// A kind or relation name that is not part of the vocabulary.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {what} {value:?}")]
pub struct ParseNameError {
    /// `"kind"` or `"relation"`.
    pub what: &'static str,
    /// The text that was not recognised.
    pub value: String,
}

/// A date that is not `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, or names no real day.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DateError {
    /// The text is not of the form `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    #[error("malformed date {value:?}: expected YYYY, YYYY-MM or YYYY-MM-DD")]
    Malformed {
        /// The text that failed to parse.
        value: String,
    },
    /// The form is right but the month or day does not exist.
    #[error("date {value:?} does not exist")]
    OutOfRange {
        /// The text that failed to parse.
        value: String,
    },
    /// The first date of a pair starts or ends after the last one.
    #[error("{from} does not come before {to}")]
    Reversed {
        /// The first date.
        from: String,
        /// The last date.
        to: String,
    },
}

/// Where in a data file a [`Problem`] was found.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Location {
    /// The top level of the file, or its `graph` object.
    File,
    /// A node, by position in `nodes` and id when it has one.
    Node {
        /// Position in the `nodes` array, from 0.
        index: usize,
        /// The node's id, when it could be read.
        id: Option<String>,
    },
    /// A link, by position in `edges` (or `links`) and its endpoints.
    Link {
        /// Position in the `edges` array, from 0.
        index: usize,
        /// The `source` id, when it could be read.
        source: Option<String>,
        /// The `target` id, when it could be read.
        target: Option<String>,
    },
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Location::File => f.write_str("file"),
            Location::Node {
                index,
                id: Some(id),
            } => write!(f, "node {id:?} (nodes[{index}])"),
            Location::Node { index, id: None } => write!(f, "nodes[{index}]"),
            Location::Link {
                index,
                source,
                target,
            } => {
                write!(f, "link ")?;
                match (source, target) {
                    (Some(s), Some(t)) => write!(f, "{s} -> {t} "),
                    _ => Ok(()),
                }?;
                write!(f, "(edges[{index}])")
            }
        }
    }
}

/// Which end of a link.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum End {
    /// The subject, `source`.
    Source,
    /// The object, `target`.
    Target,
}

impl fmt::Display for End {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            End::Source => "source",
            End::Target => "target",
        })
    }
}

/// What is wrong at a [`Location`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ProblemKind {
    /// A required field is absent.
    #[error("missing field `{field}`")]
    MissingField {
        /// The field's name.
        field: &'static str,
    },
    /// A field that the format does not define.
    #[error("unknown field `{field}`")]
    UnknownField {
        /// The field's name as written.
        field: String,
    },
    /// A field holds the wrong type of value.
    #[error("field `{field}`: {message}")]
    WrongType {
        /// The field's name.
        field: String,
        /// What was expected and found.
        message: String,
    },
    /// `kind` names no kind of the model.
    #[error("unknown kind {value:?}")]
    UnknownKind {
        /// The text given.
        value: String,
    },
    /// `relation` names no relation of the model.
    #[error("unknown relation {value:?}")]
    UnknownRelation {
        /// The text given.
        value: String,
    },
    /// An id or name that is empty or has surrounding white space.
    #[error("field `{field}` must be non-empty text without surrounding spaces, got {value:?}")]
    BlankText {
        /// The field's name.
        field: &'static str,
        /// The text given.
        value: String,
    },
    /// A second node with an id already used.
    #[error("duplicate id {id:?} (first used by nodes[{first}])")]
    DuplicateId {
        /// The repeated id.
        id: String,
        /// Position of the first node with that id.
        first: usize,
    },
    /// A link end that names no node.
    #[error("{end} {id:?} is not a node id")]
    UnknownEndpoint {
        /// Which end.
        end: End,
        /// The id given.
        id: String,
    },
    /// The relation may not join these kinds.
    #[error("`{relation}` does not allow a {subject} as subject and a {object} as object")]
    KindsNotAllowed {
        /// The link's relation.
        relation: Relation,
        /// Kind of the `source` node.
        subject: Kind,
        /// Kind of the `target` node.
        object: Kind,
    },
    /// A date field that does not parse.
    #[error("field `{field}`: {error}")]
    BadDate {
        /// `since`, `until` or `date`.
        field: &'static str,
        /// Why it failed.
        error: crate::DateError,
    },
    /// The span ends before it starts.
    #[error("`since` {since} is after `until` {until}")]
    DateOrder {
        /// The start given.
        since: PartialDate,
        /// The end given.
        until: PartialDate,
    },
    /// `sources` is empty.
    #[error("`sources` is empty: cite at least one document and section")]
    NoSources,
    /// A `holds_office` link without a `role`.
    #[error("`holds_office` needs a `role`")]
    MissingRole,
    /// A citation names a document the file's `graph.sources` does not declare.
    #[error("cites document {document:?}, which `graph.sources` does not declare")]
    UnknownDocument {
        /// The document id cited.
        document: String,
    },
    /// A citation names a section that its document does not have.
    #[error("cites section {section:?}, which is not a heading of {document:?}")]
    UnknownSection {
        /// The document id cited.
        document: String,
        /// The section cited.
        section: String,
    },
    /// Two parallel links with the same key.
    #[error("key {key} is already used by another {source_id} -> {target_id} link")]
    DuplicateKey {
        /// The repeated key.
        key: u64,
        /// The source id.
        source_id: String,
        /// The target id.
        target_id: String,
    },
    /// `directed` or `multigraph` is not `true`.
    #[error("`{field}` must be true: the model is a directed multigraph")]
    NotDirectedMultigraph {
        /// `directed` or `multigraph`.
        field: &'static str,
    },
    /// Both `edges` and `links` are present.
    #[error("both `edges` and `links` are present; use one")]
    BothEdgeKeys,
    /// An object holds the same key twice; JSON readers disagree on which
    /// value wins, so the model refuses both.
    #[error("field `{field}` appears more than once; keep one")]
    DuplicateField {
        /// The key, with its path inside the node or link (`attributes["x"]`).
        field: String,
    },
    /// `graph.sources` declares two documents with one id.
    #[error("document id {id:?} is declared twice in `graph.sources` (first at sources[{first}])")]
    DuplicateDocument {
        /// The repeated id.
        id: String,
        /// Position of the first declaration.
        first: usize,
    },
}

/// One problem found while loading or inserting: where and what.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{location}: {kind}")]
pub struct Problem {
    /// Where the problem is.
    pub location: Location,
    /// What is wrong.
    pub kind: ProblemKind,
}

/// Why a data file could not be loaded.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum LoadError {
    /// The file could not be read.
    #[error("cannot read {}: {source}", path.display())]
    Io {
        /// The path given.
        path: PathBuf,
        /// The operating system's error.
        source: std::io::Error,
    },
    /// The text is not JSON.
    #[error("invalid JSON at line {line}, column {column}: {message}")]
    Syntax {
        /// Line, from 1.
        line: usize,
        /// Column, from 1.
        column: usize,
        /// What the parser expected.
        message: String,
    },
    /// The path names something that is not a regular file (a directory, a
    /// FIFO, a device). Streams are read through [`crate::Graph::from_json_reader`].
    #[error("cannot read {}: it is {what}, not a regular file", path.display())]
    NotAFile {
        /// The path given.
        path: PathBuf,
        /// What it is: "a directory", "a FIFO", "a device", ...
        what: &'static str,
    },
    /// The input is larger than [`crate::json::LoadOptions::max_bytes`].
    #[error("the input is larger than the limit of {limit} bytes")]
    TooLarge {
        /// The limit in force, in bytes.
        limit: u64,
    },
    /// Memory for the input could not be allocated.
    #[error("not enough memory to read {bytes} bytes of input")]
    OutOfMemory {
        /// How many bytes were asked for.
        bytes: usize,
    },
    /// The input is not UTF-8 text.
    #[error("not UTF-8 at byte {offset}")]
    NotUtf8 {
        /// Offset of the first byte that is not valid UTF-8, from 0.
        offset: usize,
    },
    /// The JSON is well formed but breaks the model: every problem found.
    #[error("{}", Problems(problems))]
    Invalid {
        /// Every problem, in file order.
        problems: Vec<Problem>,
    },
}

impl LoadError {
    /// The problems behind an [`LoadError::Invalid`] error; empty otherwise.
    pub fn problems(&self) -> &[Problem] {
        match self {
            LoadError::Invalid { problems } => problems,
            _ => &[],
        }
    }
}

struct Problems<'a>(&'a [Problem]);

impl fmt::Display for Problems<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            [one] => write!(f, "{one}"),
            [first, ..] => write!(f, "{} problems; first: {first}", self.0.len()),
            [] => f.write_str("invalid data"),
        }
    }
}

/// An insertion that [`crate::Graph::add_node`] or [`crate::Graph::add_link`]
/// refused, with every reason.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", .problems.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "))]
pub struct Rejected {
    /// Every reason the item was refused.
    pub problems: Vec<ProblemKind>,
}

/// A node name that could not be resolved to exactly one node.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum LookupError {
    /// Several nodes match equally well.
    #[error("{query:?} is ambiguous: it could be {}", list(candidates))]
    Ambiguous {
        /// The text looked up.
        query: String,
        /// The matching nodes.
        candidates: Vec<Candidate>,
    },
    /// Nothing matches.
    #[error("no entity matches {query:?}{}", suggest(suggestions))]
    NotFound {
        /// The text looked up.
        query: String,
        /// The nearest names, best first (possibly none).
        suggestions: Vec<Candidate>,
    },
}

/// A node offered as a candidate or suggestion by a [`LookupError`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// The node's id.
    pub id: String,
    /// The node's name.
    pub name: String,
}

impl fmt::Display for Candidate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.name, self.id)
    }
}

fn list(c: &[Candidate]) -> String {
    c.iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

fn suggest(c: &[Candidate]) -> String {
    if c.is_empty() {
        String::new()
    } else {
        format!("; did you mean {}?", list(c))
    }
}

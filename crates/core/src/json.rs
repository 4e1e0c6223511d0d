//! Node-link JSON: reading with every problem reported, and writing with
//! byte-identical output for the same graph.
//!
//! The format is the one NetworkX reads with `networkx.node_link_graph`:
//! `{"directed": true, "multigraph": true, "graph": {...}, "nodes": [...],
//! "edges": [...]}`. Reading also accepts `links` in place of `edges`.

use std::collections::HashMap;
use std::io::{self, Write};
use std::path::Path;

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde::ser::{SerializeMap, Serializer};
use serde_json::{Map, Value};

use crate::error::{LoadError, Location, Problem, ProblemKind};
use crate::{Attributes, Graph, GraphMeta, Kind, Link, Node, PartialDate, Relation, Source};

const NODE_FIELDS: &[&str] = &[
    "id",
    "kind",
    "name",
    "aliases",
    "since",
    "until",
    "date",
    "description",
    "attributes",
    "sources",
];
const LINK_FIELDS: &[&str] = &[
    "source",
    "target",
    "key",
    "relation",
    "since",
    "until",
    "role",
    "description",
    "attributes",
    "sources",
];
const TOP_FIELDS: &[&str] = &["directed", "multigraph", "graph", "nodes", "edges", "links"];

/// Which key holds the links when writing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(feature = "clap", derive(clap::ValueEnum))]
pub enum LinksKey {
    /// `edges`, as NetworkX 3.6 and later write and read by default.
    #[default]
    Edges,
    /// `links`, as D3 and older NetworkX expect.
    Links,
}

impl LinksKey {
    /// The JSON key.
    pub fn as_str(self) -> &'static str {
        match self {
            LinksKey::Edges => "edges",
            LinksKey::Links => "links",
        }
    }
}

/// How [`Graph::write_json`] lays out its output.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WriteOptions {
    /// Which key holds the links.
    pub links_key: LinksKey,
    /// Indent with two spaces (`true`) or write one line (`false`).
    pub pretty: bool,
}

impl Default for WriteOptions {
    fn default() -> Self {
        WriteOptions {
            links_key: LinksKey::Edges,
            pretty: true,
        }
    }
}

impl Graph {
    /// Reads a graph from node-link JSON text, checking every node and link.
    ///
    /// ```
    /// use partnership::model::{Graph, LoadError};
    /// let err = Graph::from_json_str(r#"{"nodes": [{"id": "x"}], "edges": []}"#).unwrap_err();
    /// let LoadError::Invalid { problems } = err else { panic!() };
    /// assert_eq!(problems.len(), 3); // kind, name and sources are missing
    /// ```
    ///
    /// # Errors
    /// [`LoadError::Syntax`] with line and column when the text is not JSON;
    /// [`LoadError::Invalid`] with every problem when it breaks the model.
    pub fn from_json_str(text: &str) -> Result<Graph, LoadError> {
        let value: Value = serde_json::from_str(text).map_err(|e| LoadError::Syntax {
            line: e.line(),
            column: e.column(),
            message: syntax_message(&e),
        })?;
        Loader::default().load(value)
    }

    /// Reads a graph from a node-link JSON file.
    ///
    /// # Errors
    /// [`LoadError::Io`] when the file cannot be read, otherwise as
    /// [`Graph::from_json_str`].
    pub fn from_json_path(path: impl AsRef<Path>) -> Result<Graph, LoadError> {
        let path = path.as_ref();
        let text = std::fs::read_to_string(path).map_err(|source| LoadError::Io {
            path: path.to_owned(),
            source,
        })?;
        Self::from_json_str(&text)
    }

    /// Writes the graph as node-link JSON. The same graph always gives the
    /// same bytes: nodes and links in insertion order, fields in a fixed order.
    ///
    /// # Errors
    /// Any error of `writer`.
    pub fn write_json<W: Write>(&self, writer: W, options: WriteOptions) -> io::Result<()> {
        write_node_link(
            writer,
            self.meta(),
            self.nodes().map(|(_, n)| n),
            self.links().map(|l| l.link),
            options,
        )
    }

    /// The graph as pretty node-link JSON text with an `edges` key.
    pub fn to_json_string(&self) -> String {
        let mut out = Vec::new();
        // Writing to a Vec cannot fail, and every value serialises.
        let _ = self.write_json(&mut out, WriteOptions::default());
        String::from_utf8(out).unwrap_or_default()
    }
}

/// Writes any selection of nodes and links as node-link JSON.
///
/// This is the one writer behind [`Graph::write_json`] and the export crate's
/// JSON format. Links are written with their key (0 when unset).
///
/// # Errors
/// Any error of `writer`.
pub fn write_node_link<'a, W: Write>(
    mut writer: W,
    meta: &GraphMeta,
    nodes: impl Iterator<Item = &'a Node>,
    links: impl Iterator<Item = &'a Link>,
    options: WriteOptions,
) -> io::Result<()> {
    let file = FileOut {
        meta,
        nodes: std::cell::RefCell::new(Some(nodes)),
        links: std::cell::RefCell::new(Some(links.map(KeyedLink))),
        links_key: options.links_key,
    };
    let result = if options.pretty {
        let fmt = serde_json::ser::PrettyFormatter::with_indent(b"  ");
        let mut ser = serde_json::Serializer::with_formatter(&mut writer, fmt);
        file.serialize(&mut ser)
    } else {
        file.serialize(&mut serde_json::Serializer::new(&mut writer))
    };
    result.map_err(io::Error::from)?;
    writer.write_all(b"\n")
}

struct KeyedLink<'a>(&'a Link);

impl Serialize for KeyedLink<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.0.key.is_some() {
            self.0.serialize(serializer)
        } else {
            Link {
                key: Some(0),
                ..self.0.clone()
            }
            .serialize(serializer)
        }
    }
}

struct FileOut<'m, N, L> {
    meta: &'m GraphMeta,
    nodes: std::cell::RefCell<Option<N>>,
    links: std::cell::RefCell<Option<L>>,
    links_key: LinksKey,
}

impl<N, L> Serialize for FileOut<'_, N, L>
where
    N: Iterator,
    N::Item: Serialize,
    L: Iterator,
    L::Item: Serialize,
{
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(5))?;
        map.serialize_entry("directed", &true)?;
        map.serialize_entry("multigraph", &true)?;
        map.serialize_entry("graph", self.meta)?;
        map.serialize_entry("nodes", &Once(&self.nodes))?;
        map.serialize_entry(self.links_key.as_str(), &Once(&self.links))?;
        map.end()
    }
}

/// Serialises an iterator as a sequence, once.
struct Once<'a, I>(&'a std::cell::RefCell<Option<I>>);

impl<I> Serialize for Once<'_, I>
where
    I: Iterator,
    I::Item: Serialize,
{
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.0.borrow_mut().take() {
            Some(iter) => serializer.collect_seq(iter),
            None => serializer.collect_seq(std::iter::empty::<I::Item>()),
        }
    }
}

fn syntax_message(e: &serde_json::Error) -> String {
    // serde_json appends " at line L column C"; the error carries those apart.
    let text = e.to_string();
    match text.rfind(" at line ") {
        Some(cut) => text[..cut].to_owned(),
        None => text,
    }
}

#[derive(Default)]
struct Loader {
    problems: Vec<Problem>,
    /// File position of the first node with each id, accepted or not.
    declared: HashMap<String, usize>,
}

impl Loader {
    fn load(mut self, value: Value) -> Result<Graph, LoadError> {
        let Value::Object(mut top) = value else {
            return Err(self.fail_file(ProblemKind::WrongType {
                field: "(top level)".into(),
                message: "expected a JSON object".into(),
            }));
        };
        for key in top.keys() {
            if !TOP_FIELDS.contains(&key.as_str()) {
                self.file_problem(ProblemKind::UnknownField { field: key.clone() });
            }
        }
        for field in ["directed", "multigraph"] {
            match top.get(field) {
                None | Some(Value::Bool(true)) => {}
                Some(Value::Bool(false)) => {
                    self.file_problem(ProblemKind::NotDirectedMultigraph { field })
                }
                Some(other) => self.file_problem(wrong_type(field, "a boolean", other)),
            }
        }
        let meta = match top.remove("graph") {
            None => GraphMeta::default(),
            Some(v) => GraphMeta::deserialize_value(v).unwrap_or_else(|message| {
                self.file_problem(ProblemKind::WrongType {
                    field: "graph".into(),
                    message,
                });
                GraphMeta::default()
            }),
        };
        let mut graph = Graph::with_meta(meta);
        let nodes = self.array(&mut top, "nodes", true);
        let links = match (top.contains_key("edges"), top.contains_key("links")) {
            (true, true) => {
                self.file_problem(ProblemKind::BothEdgeKeys);
                self.array(&mut top, "edges", false)
            }
            (false, true) => self.array(&mut top, "links", false),
            _ => self.array(&mut top, "edges", false),
        };
        for (index, value) in nodes.into_iter().enumerate() {
            self.node(&mut graph, index, value);
        }
        for (index, value) in links.into_iter().enumerate() {
            self.link(&mut graph, index, value);
        }
        if self.problems.is_empty() {
            Ok(graph)
        } else {
            Err(LoadError::Invalid {
                problems: self.problems,
            })
        }
    }

    fn file_problem(&mut self, kind: ProblemKind) {
        self.problems.push(Problem {
            location: Location::File,
            kind,
        });
    }

    fn fail_file(mut self, kind: ProblemKind) -> LoadError {
        self.file_problem(kind);
        LoadError::Invalid {
            problems: self.problems,
        }
    }

    fn array(
        &mut self,
        top: &mut Map<String, Value>,
        field: &'static str,
        required: bool,
    ) -> Vec<Value> {
        match top.remove(field) {
            Some(Value::Array(items)) => items,
            None if !required => Vec::new(),
            None => {
                self.file_problem(ProblemKind::MissingField { field });
                Vec::new()
            }
            Some(other) => {
                self.file_problem(wrong_type(field, "an array", &other));
                Vec::new()
            }
        }
    }

    fn node(&mut self, graph: &mut Graph, index: usize, value: Value) {
        let mut fields = Fields::new(value, NODE_FIELDS);
        let id: Option<String> = fields.required("id");
        let location = Location::Node {
            index,
            id: id.clone(),
        };
        let kind = fields.parsed::<Kind>("kind", |value| ProblemKind::UnknownKind { value });
        let name: Option<String> = fields.required("name");
        let sources: Option<Vec<Source>> = fields.required("sources");
        let node = Node {
            aliases: fields.optional("aliases").unwrap_or_default(),
            since: fields.date("since"),
            until: fields.date("until"),
            date: fields.date("date"),
            description: fields.optional("description"),
            attributes: fields
                .optional::<Attributes>("attributes")
                .unwrap_or_default(),
            id: id.clone().unwrap_or_default(),
            kind: kind.unwrap_or(Kind::Area),
            name: name.unwrap_or_default(),
            sources: sources.unwrap_or_default(),
        };
        if let Some(id) = &id {
            if let Some(&first) = self.declared.get(id) {
                fields.problems.push(ProblemKind::DuplicateId {
                    id: id.clone(),
                    first,
                });
            } else {
                self.declared.insert(id.clone(), index);
            }
        }
        let mut problems = fields.finish();
        // Model checks run even when a field was bad, so that one pass
        // reports everything; checks about a field already reported as
        // missing or mistyped are left out.
        let model: Vec<_> = graph
            .check_node(&node)
            .into_iter()
            .filter(|p| match p {
                ProblemKind::DuplicateId { .. } => false,
                ProblemKind::BlankText { field, .. } => !field_failed(field, &problems),
                ProblemKind::NoSources => !field_failed("sources", &problems),
                _ => true,
            })
            .collect();
        problems.extend(model);
        // The checks above are `check_node`'s, so the node goes in as is.
        if problems.is_empty() {
            graph.insert_node(node);
        }
        self.push_all(&location, problems);
    }

    fn link(&mut self, graph: &mut Graph, index: usize, value: Value) {
        let mut fields = Fields::new(value, LINK_FIELDS);
        let source: Option<String> = fields.required("source");
        let target: Option<String> = fields.required("target");
        let location = Location::Link {
            index,
            source: source.clone(),
            target: target.clone(),
        };
        let relation =
            fields.parsed::<Relation>("relation", |value| ProblemKind::UnknownRelation { value });
        let sources: Option<Vec<Source>> = fields.required("sources");
        let link = Link {
            source: source.unwrap_or_default(),
            target: target.unwrap_or_default(),
            key: fields.optional("key"),
            relation: relation.unwrap_or(Relation::Supports),
            since: fields.date("since"),
            until: fields.date("until"),
            role: fields.optional("role"),
            description: fields.optional("description"),
            attributes: fields
                .optional::<Attributes>("attributes")
                .unwrap_or_default(),
            sources: sources.unwrap_or_default(),
        };
        let mut problems = fields.finish();
        let relation_known = relation.is_some();
        let model: Vec<_> = graph
            .check_link(&link)
            .into_iter()
            .filter(|p| match p {
                // An end that names a node which failed its own checks is
                // reported once, at that node, not again at each link.
                ProblemKind::UnknownEndpoint { id, .. } => {
                    !id.is_empty() && !self.declared.contains_key(id)
                }
                ProblemKind::KindsNotAllowed { .. } | ProblemKind::MissingRole => relation_known,
                ProblemKind::NoSources => !field_failed("sources", &problems),
                _ => true,
            })
            .collect();
        problems.extend(model);
        // The checks above are `check_link`'s; inserting only looks up the
        // ends again, which fails for an end whose node was itself rejected.
        if problems.is_empty()
            && let Err(rejected) = graph.insert_link(link)
        {
            problems = rejected.problems;
        }
        self.push_all(&location, problems);
    }

    fn push_all(&mut self, location: &Location, problems: Vec<ProblemKind>) {
        self.problems
            .extend(problems.into_iter().map(|kind| Problem {
                location: location.clone(),
                kind,
            }));
    }
}

/// Reads the fields of one node or link object, collecting every problem.
struct Fields {
    object: Map<String, Value>,
    problems: Vec<ProblemKind>,
}

impl Fields {
    fn new(value: Value, allowed: &[&str]) -> Fields {
        let mut problems = Vec::new();
        let object = match value {
            Value::Object(object) => object,
            other => {
                problems.push(wrong_type("(item)", "a JSON object", &other));
                Map::new()
            }
        };
        for key in object.keys() {
            if !allowed.contains(&key.as_str()) {
                problems.push(ProblemKind::UnknownField { field: key.clone() });
            }
        }
        Fields { object, problems }
    }

    fn finish(self) -> Vec<ProblemKind> {
        self.problems
    }

    fn optional<T: DeserializeOwned>(&mut self, field: &'static str) -> Option<T> {
        let value = self.object.remove(field)?;
        match T::deserialize(value) {
            Ok(v) => Some(v),
            Err(e) => {
                self.problems.push(ProblemKind::WrongType {
                    field: field.into(),
                    message: e.to_string(),
                });
                None
            }
        }
    }

    fn required<T: DeserializeOwned>(&mut self, field: &'static str) -> Option<T> {
        if !self.object.contains_key(field) {
            self.problems.push(ProblemKind::MissingField { field });
            return None;
        }
        self.optional(field)
    }

    fn parsed<T: std::str::FromStr>(
        &mut self,
        field: &'static str,
        unknown: impl FnOnce(String) -> ProblemKind,
    ) -> Option<T> {
        let text: String = self.required(field)?;
        match text.parse() {
            Ok(v) => Some(v),
            Err(_) => {
                self.problems.push(unknown(text));
                None
            }
        }
    }

    fn date(&mut self, field: &'static str) -> Option<PartialDate> {
        let text: String = self.optional(field)?;
        match text.parse() {
            Ok(d) => Some(d),
            Err(error) => {
                self.problems.push(ProblemKind::BadDate { field, error });
                None
            }
        }
    }
}

/// Whether `problems` already report `field` as missing or mistyped.
fn field_failed(field: &str, problems: &[ProblemKind]) -> bool {
    problems.iter().any(|p| match p {
        ProblemKind::MissingField { field: f } => *f == field,
        ProblemKind::WrongType { field: f, .. } => f == field,
        _ => false,
    })
}

fn wrong_type(field: &str, expected: &str, found: &Value) -> ProblemKind {
    let found = match found {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    };
    ProblemKind::WrongType {
        field: field.into(),
        message: format!("expected {expected}, found {found}"),
    }
}

impl GraphMeta {
    fn deserialize_value(value: Value) -> Result<GraphMeta, String> {
        GraphMeta::deserialize_owned(value).map_err(|e| e.to_string())
    }

    fn deserialize_owned(value: Value) -> Result<GraphMeta, serde_json::Error> {
        serde_json::from_value(value)
    }
}

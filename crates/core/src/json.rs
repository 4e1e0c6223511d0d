//! Node-link JSON: reading in one pass with every problem reported, and
//! writing with byte-identical output for the same graph.
//!
//! The format is the one NetworkX reads with `networkx.node_link_graph`:
//! `{"directed": true, "multigraph": true, "graph": {...}, "nodes": [...],
//! "edges": [...]}`. Reading also accepts `links` in place of `edges`.
//!
//! # How reading works
//!
//! serde_json parses the text once. Each node and link object is read into a
//! raw record whose fields are slices of the input text (`&RawValue`), with
//! unknown and repeated keys noted as they come. One validation pass then
//! turns the record into a [`Node`] or [`Link`], reporting every problem,
//! and the record goes into the graph at once: nodes and links are never
//! held twice. Citation lists are parsed, checked and stored once per
//! distinct spelling and shared ([`crate::Sources`]). The field names below
//! are the only spelling of the format's keys: the reader matches them and
//! the writer writes them.
//!
//! # Limits
//!
//! Paths and readers are read whole into memory, up to
//! [`LoadOptions::max_bytes`] ([`DEFAULT_MAX_BYTES`], 1 GiB, by default);
//! larger input is refused with [`LoadError::TooLarge`] before it is read
//! (a file) or as soon as it passes the limit (a stream). Loading takes
//! about three times the input's size at its peak. Paths must name regular
//! files: a directory, FIFO or device is refused at once
//! ([`LoadError::NotAFile`]); read a stream with [`Graph::from_json_reader`].

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;
use std::io::{self, Read, Write};
use std::path::Path;

use petgraph::graph::{EdgeIndex, NodeIndex};
use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::ser::{SerializeMap, Serializer};
use serde::{Deserializer, Serialize};
use serde_json::value::RawValue;

use crate::error::{End, LoadError, Location, Problem, ProblemKind};
use crate::graph::{check_node_span, check_role, check_span, check_text};
use crate::{
    AttrValue, Attributes, Graph, GraphMeta, Kind, Link, Node, PartialDate, Relation, Source,
    Sources,
};

/// The format's keys, spelled once for the reader and the writer.
pub(crate) mod key {
    pub(crate) const DIRECTED: &str = "directed";
    pub(crate) const MULTIGRAPH: &str = "multigraph";
    pub(crate) const GRAPH: &str = "graph";
    pub(crate) const NODES: &str = "nodes";
    pub(crate) const EDGES: &str = "edges";
    pub(crate) const LINKS: &str = "links";

    pub(crate) const ID: &str = "id";
    pub(crate) const KIND: &str = "kind";
    pub(crate) const NAME: &str = "name";
    pub(crate) const ALIASES: &str = "aliases";
    pub(crate) const SINCE: &str = "since";
    pub(crate) const UNTIL: &str = "until";
    pub(crate) const DATE: &str = "date";
    pub(crate) const DESCRIPTION: &str = "description";
    pub(crate) const ATTRIBUTES: &str = "attributes";
    pub(crate) const SOURCES: &str = "sources";

    pub(crate) const SOURCE: &str = "source";
    pub(crate) const TARGET: &str = "target";
    pub(crate) const KEY: &str = "key";
    pub(crate) const RELATION: &str = "relation";
    pub(crate) const ROLE: &str = "role";

    pub(crate) const DOCUMENT: &str = "document";
    pub(crate) const SECTION: &str = "section";

    /// A citation's keys.
    pub(crate) const CITATION: [&str; 2] = [DOCUMENT, SECTION];
}

/// How serde_json (with `arbitrary_precision`) hands a number to a visitor:
/// as a one-entry map under this key. Only used to name what was found.
const NUMBER_TOKEN: &str = "$serde_json::private::Number";

/// The default of [`LoadOptions::max_bytes`]: 1 GiB.
pub const DEFAULT_MAX_BYTES: u64 = 1 << 30;

/// Limits for reading a file or stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LoadOptions {
    /// The largest input accepted, in bytes. Loading needs about three times
    /// this much memory at its peak.
    pub max_bytes: u64,
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions {
            max_bytes: DEFAULT_MAX_BYTES,
        }
    }
}

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
            LinksKey::Edges => key::EDGES,
            LinksKey::Links => key::LINKS,
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
    /// [`LoadError::Syntax`] with line and column when the text is not JSON
    /// (a leading byte order mark is named as such);
    /// [`LoadError::Invalid`] with every problem when it breaks the model.
    pub fn from_json_str(text: &str) -> Result<Graph, LoadError> {
        if text.starts_with('\u{feff}') {
            return Err(LoadError::Syntax {
                line: 1,
                column: 1,
                message: "the text starts with a UTF-8 byte order mark (BOM); save it without one"
                    .into(),
            });
        }
        Loader::new(text.len()).load(text)
    }

    /// Reads a graph from node-link JSON bytes, which must be UTF-8.
    ///
    /// ```
    /// use partnership_core::{Graph, LoadError};
    /// let err = Graph::from_json_slice(b"{\"nodes\": [\xff]}").unwrap_err();
    /// assert_eq!(err.to_string(), "not UTF-8 at byte 11");
    /// ```
    ///
    /// # Errors
    /// [`LoadError::NotUtf8`] with the offset of the first bad byte,
    /// otherwise as [`Graph::from_json_str`].
    pub fn from_json_slice(bytes: &[u8]) -> Result<Graph, LoadError> {
        match std::str::from_utf8(bytes) {
            Ok(text) => Self::from_json_str(text),
            Err(e) => Err(LoadError::NotUtf8 {
                offset: e.valid_up_to(),
            }),
        }
    }

    /// Reads a graph from a node-link JSON file, of at most
    /// [`DEFAULT_MAX_BYTES`].
    ///
    /// # Errors
    /// As [`Graph::from_json_path_with`].
    pub fn from_json_path(path: impl AsRef<Path>) -> Result<Graph, LoadError> {
        Self::from_json_path_with(path, &LoadOptions::default())
    }

    /// Reads a graph from a node-link JSON file within `options`' limits.
    ///
    /// # Errors
    /// [`LoadError::Io`] when the file cannot be read;
    /// [`LoadError::NotAFile`] for a directory, FIFO or device;
    /// [`LoadError::TooLarge`] past the size limit; otherwise as
    /// [`Graph::from_json_slice`].
    pub fn from_json_path_with(
        path: impl AsRef<Path>,
        options: &LoadOptions,
    ) -> Result<Graph, LoadError> {
        let path = path.as_ref();
        let io_error = |source| LoadError::Io {
            path: path.to_owned(),
            source,
        };
        let meta = std::fs::metadata(path).map_err(io_error)?;
        if let Some(what) = not_a_file(&meta.file_type()) {
            return Err(LoadError::NotAFile {
                path: path.to_owned(),
                what,
            });
        }
        if meta.len() > options.max_bytes {
            return Err(LoadError::TooLarge {
                limit: options.max_bytes,
            });
        }
        let file = std::fs::File::open(path).map_err(io_error)?;
        let size = usize::try_from(meta.len()).unwrap_or(usize::MAX);
        // The file's size plus one byte, so reading up to its end needs no
        // second allocation; `take` stops a file that grows meanwhile.
        let mut bytes = Vec::new();
        bytes
            .try_reserve_exact(size.saturating_add(1))
            .map_err(|_| LoadError::OutOfMemory { bytes: size })?;
        file.take(options.max_bytes.saturating_add(1))
            .read_to_end(&mut bytes)
            .map_err(io_error)?;
        if bytes.len() as u64 > options.max_bytes {
            return Err(LoadError::TooLarge {
                limit: options.max_bytes,
            });
        }
        Self::from_json_slice(&bytes)
    }

    /// Reads a graph from a stream of node-link JSON, such as standard input,
    /// refusing it as soon as it passes `options.max_bytes`.
    ///
    /// ```
    /// use partnership_core::{Graph, LoadError, json::LoadOptions};
    /// let zeros = std::io::repeat(0);
    /// let err = Graph::from_json_reader(zeros, &LoadOptions { max_bytes: 1 << 20 }).unwrap_err();
    /// assert!(matches!(err, LoadError::TooLarge { limit: 1048576 }));
    /// ```
    ///
    /// # Errors
    /// [`LoadError::Io`] (with the path `-`) when the stream fails;
    /// [`LoadError::TooLarge`] past the limit; otherwise as
    /// [`Graph::from_json_slice`].
    pub fn from_json_reader(reader: impl Read, options: &LoadOptions) -> Result<Graph, LoadError> {
        let bytes = read_limited(reader, options.max_bytes).map_err(|e| match e {
            ReadFailure::Io(source) => LoadError::Io {
                path: "-".into(),
                source,
            },
            ReadFailure::Load(e) => e,
        })?;
        Self::from_json_slice(&bytes)
    }

    /// Writes the graph as node-link JSON. The same graph always gives the
    /// same bytes: nodes and links in insertion order, fields in a fixed order.
    ///
    /// # Errors
    /// Any error of `writer`.
    pub fn write_json<W: Write>(&self, writer: W, options: WriteOptions) -> io::Result<()> {
        write_node_link(
            writer,
            self,
            self.petgraph().node_indices(),
            self.petgraph().edge_indices(),
            options,
        )
    }

    /// The graph as pretty node-link JSON text with an `edges` key.
    ///
    /// # Errors
    /// Whatever [`Graph::write_json`] reports; writing to memory itself
    /// does not fail.
    pub fn to_json_string(&self) -> io::Result<String> {
        let mut out = Vec::new();
        self.write_json(&mut out, WriteOptions::default())?;
        String::from_utf8(out).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))
    }
}

#[cfg(unix)]
fn not_a_file(t: &std::fs::FileType) -> Option<&'static str> {
    use std::os::unix::fs::FileTypeExt;
    if t.is_file() {
        None
    } else if t.is_dir() {
        Some("a directory")
    } else if t.is_fifo() {
        Some("a FIFO (named pipe)")
    } else if t.is_char_device() || t.is_block_device() {
        Some("a device")
    } else if t.is_socket() {
        Some("a socket")
    } else {
        Some("not a file")
    }
}

#[cfg(not(unix))]
fn not_a_file(t: &std::fs::FileType) -> Option<&'static str> {
    if t.is_dir() {
        Some("a directory")
    } else {
        None
    }
}

enum ReadFailure {
    Io(io::Error),
    Load(LoadError),
}

/// Reads all of `reader`, refusing more than `limit` bytes, without ever
/// aborting on a failed allocation.
fn read_limited(mut reader: impl Read, limit: u64) -> Result<Vec<u8>, ReadFailure> {
    let mut bytes = Vec::new();
    let mut chunk = vec![0u8; 64 * 1024];
    loop {
        let n = match reader.read(&mut chunk) {
            Ok(0) => return Ok(bytes),
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(ReadFailure::Io(e)),
        };
        if (bytes.len() + n) as u64 > limit {
            return Err(ReadFailure::Load(LoadError::TooLarge { limit }));
        }
        bytes.try_reserve(n).map_err(|_| {
            ReadFailure::Load(LoadError::OutOfMemory {
                bytes: bytes.len().saturating_mul(2),
            })
        })?;
        bytes.extend_from_slice(&chunk[..n]);
    }
}

// ---------------------------------------------------------------------------
// Writing

/// Writes a selection of `graph`'s nodes and links as node-link JSON.
///
/// This is the one writer behind [`Graph::write_json`] and the export
/// crate's JSON format, so the data file and exports cannot drift apart.
/// Nodes and links are written in the order given, each link with its ends'
/// ids and its key; the graph's metadata comes first. Pass every index of
/// the graph to save it whole.
///
/// ```
/// use partnership_core::json::{write_node_link, WriteOptions};
/// let g = partnership_core::dataset();
/// let ukraine = g.index_of("ukraine").unwrap();
/// let mut out = Vec::new();
/// write_node_link(&mut out, g, [ukraine], [], WriteOptions { pretty: false, ..Default::default() })?;
/// let text = String::from_utf8(out).unwrap();
/// assert!(text.contains(r#""nodes":[{"id":"ukraine","kind":"state""#));
/// # Ok::<(), std::io::Error>(())
/// ```
///
/// # Errors
/// Any error of `writer`.
///
/// # Panics
/// If an index is not one of `graph`'s.
pub fn write_node_link<W: Write>(
    mut writer: W,
    graph: &Graph,
    nodes: impl IntoIterator<Item = NodeIndex>,
    links: impl IntoIterator<Item = EdgeIndex>,
    options: WriteOptions,
) -> io::Result<()> {
    let file = FileOut {
        graph,
        nodes: std::cell::RefCell::new(Some(nodes.into_iter().map(|i| graph.node(i)))),
        links: std::cell::RefCell::new(Some(
            links.into_iter().map(|index| LinkOut { graph, index }),
        )),
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

impl Serialize for Node {
    /// The node as the data file holds it.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry(key::ID, &self.id)?;
        map.serialize_entry(key::KIND, &self.kind)?;
        map.serialize_entry(key::NAME, &self.name)?;
        if !self.aliases.is_empty() {
            map.serialize_entry(key::ALIASES, &self.aliases)?;
        }
        for (k, date) in [
            (key::SINCE, &self.since),
            (key::UNTIL, &self.until),
            (key::DATE, &self.date),
        ] {
            if let Some(date) = date {
                map.serialize_entry(k, date)?;
            }
        }
        if let Some(d) = &self.description {
            map.serialize_entry(key::DESCRIPTION, d)?;
        }
        if !self.attributes.is_empty() {
            map.serialize_entry(key::ATTRIBUTES, &self.attributes)?;
        }
        map.serialize_entry(key::SOURCES, &self.sources)?;
        map.end()
    }
}

impl Serialize for Link {
    /// The link's own fields as the data file holds them, without its ends
    /// (which the graph knows; [`write_node_link`] writes them).
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        link_fields(&mut map, self)?;
        map.end()
    }
}

fn link_fields<M: SerializeMap>(map: &mut M, link: &Link) -> Result<(), M::Error> {
    map.serialize_entry(key::KEY, &link.key.unwrap_or(0))?;
    map.serialize_entry(key::RELATION, &link.relation)?;
    for (k, date) in [(key::SINCE, &link.since), (key::UNTIL, &link.until)] {
        if let Some(date) = date {
            map.serialize_entry(k, date)?;
        }
    }
    for (k, text) in [
        (key::ROLE, &link.role),
        (key::DESCRIPTION, &link.description),
    ] {
        if let Some(text) = text {
            map.serialize_entry(k, text)?;
        }
    }
    if !link.attributes.is_empty() {
        map.serialize_entry(key::ATTRIBUTES, &link.attributes)?;
    }
    map.serialize_entry(key::SOURCES, &link.sources)
}

impl Serialize for Source {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(2))?;
        map.serialize_entry(key::DOCUMENT, &self.document)?;
        map.serialize_entry(key::SECTION, &self.section)?;
        map.end()
    }
}

struct LinkOut<'g> {
    graph: &'g Graph,
    index: EdgeIndex,
}

impl Serialize for LinkOut<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let (source, target) = self.graph.end_ids(self.index);
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry(key::SOURCE, source)?;
        map.serialize_entry(key::TARGET, target)?;
        link_fields(&mut map, self.graph.link(self.index))?;
        map.end()
    }
}

struct FileOut<'m, N, L> {
    graph: &'m Graph,
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
        map.serialize_entry(key::DIRECTED, &true)?;
        map.serialize_entry(key::MULTIGRAPH, &true)?;
        map.serialize_entry(key::GRAPH, self.graph.meta())?;
        map.serialize_entry(key::NODES, &Once(&self.nodes))?;
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

// ---------------------------------------------------------------------------
// Reading

fn syntax_error(e: &serde_json::Error) -> LoadError {
    LoadError::Syntax {
        line: e.line(),
        column: e.column(),
        message: syntax_message(e),
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

/// What a JSON value is, from its first character, for messages.
fn found(raw: &RawValue) -> &'static str {
    match raw.get().as_bytes().first() {
        Some(b'"') => "a string",
        Some(b't' | b'f') => "a boolean",
        Some(b'n') => "null",
        Some(b'[') => "an array",
        Some(b'{') => "an object",
        _ => "a number",
    }
}

fn wrong_type(field: impl Into<String>, expected: &str, raw: &RawValue) -> ProblemKind {
    ProblemKind::WrongType {
        field: field.into(),
        message: format!("expected {expected}, found {}", found(raw)),
    }
}

/// A JSON string's text, borrowed from the input when it has no escapes.
fn text(raw: &RawValue) -> Option<Cow<'_, str>> {
    let s = raw.get();
    let inner = s.strip_prefix('"')?.strip_suffix('"')?;
    if inner.contains('\\') {
        serde_json::from_str::<String>(s).ok().map(Cow::Owned)
    } else {
        Some(Cow::Borrowed(inner))
    }
}

/// An object key, borrowed from the input when it has no escapes.
struct KeySeed;

impl<'de> DeserializeSeed<'de> for KeySeed {
    type Value = Cow<'de, str>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_str(KeySeed)
    }
}

impl<'de> Visitor<'de> for KeySeed {
    type Value = Cow<'de, str>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a key")
    }
    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(Cow::Borrowed(v))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Cow::Owned(v.to_owned()))
    }
}

/// Reads an object's entries into `slots`, placed by `slot_of`; notes
/// unknown keys and repeated keys as problems, with `prefix` before them.
/// The first key has already been read when `first` is given.
fn read_fields<'de, A: MapAccess<'de>>(
    map: &mut A,
    mut first: Option<Cow<'de, str>>,
    slot_of: fn(&str) -> Option<usize>,
    text_slots: u16,
    slots: &mut [Option<Field<'de>>],
    problems: &mut Vec<ProblemKind>,
) -> Result<(), A::Error> {
    loop {
        let key = match first.take() {
            Some(k) => k,
            None => match map.next_key_seed(KeySeed)? {
                Some(k) => k,
                None => return Ok(()),
            },
        };
        match slot_of(&key) {
            Some(i) if slots[i].is_none() => {
                // Text fields are read straight into text; the others are
                // kept as slices of the input and read when checked.
                slots[i] = Some(if text_slots & (1 << i) != 0 {
                    map.next_value_seed(TextSeed)?
                } else {
                    Field::Raw(map.next_value()?)
                });
            }
            Some(_) => {
                map.next_value::<IgnoredAny>()?;
                problems.push(ProblemKind::DuplicateField {
                    field: key.into_owned(),
                });
            }
            None => {
                map.next_value::<IgnoredAny>()?;
                problems.push(ProblemKind::UnknownField {
                    field: key.into_owned(),
                });
            }
        }
    }
}

/// A field's value as read: text, something else than text where text was
/// expected, or a slice of the input to read later.
enum Field<'de> {
    Raw(&'de RawValue),
    Text(Cow<'de, str>),
    Other(&'static str),
}

impl<'de> Field<'de> {
    fn raw(self) -> Option<&'de RawValue> {
        match self {
            Field::Raw(raw) => Some(raw),
            _ => None,
        }
    }
}

/// Reads a value that should be text, noting what it is when it is not.
struct TextSeed;

impl<'de> DeserializeSeed<'de> for TextSeed {
    type Value = Field<'de>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(TextSeed)
    }
}

impl<'de> Visitor<'de> for TextSeed {
    type Value = Field<'de>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any value")
    }
    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(Field::Text(Cow::Borrowed(v)))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Field::Text(Cow::Owned(v.to_owned())))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
        Ok(Field::Text(Cow::Owned(v)))
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
        Ok(Field::Other("a boolean"))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(Field::Other("null"))
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
        Ok(Field::Other("a number"))
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
        Ok(Field::Other("a number"))
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
        Ok(Field::Other("a number"))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Field::Other("an array"))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let first = map.next_key_seed(KeySeed)?;
        let found = match &first {
            Some(k) if k == NUMBER_TOKEN => "a number",
            _ => "an object",
        };
        if first.is_some() {
            map.next_value::<IgnoredAny>()?;
            while map.next_key::<IgnoredAny>()?.is_some() {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(Field::Other(found))
    }
}

/// Where a node's key goes in its [`RawRecord`].
fn node_slot(k: &str) -> Option<usize> {
    // A match on the text compiles to a switch on its length and one
    // comparison: the hottest lines of loading.
    Some(match k {
        key::ID => 0,
        key::KIND => 1,
        key::NAME => 2,
        key::ALIASES => 3,
        key::SINCE => 4,
        key::UNTIL => 5,
        key::DATE => 6,
        key::DESCRIPTION => 7,
        key::ATTRIBUTES => 8,
        key::SOURCES => 9,
        _ => return None,
    })
}

/// Where a link's key goes in its [`RawRecord`].
fn link_slot(k: &str) -> Option<usize> {
    Some(match k {
        key::SOURCE => 0,
        key::TARGET => 1,
        key::KEY => 2,
        key::RELATION => 3,
        key::SINCE => 4,
        key::UNTIL => 5,
        key::ROLE => 6,
        key::DESCRIPTION => 7,
        key::ATTRIBUTES => 8,
        key::SOURCES => 9,
        _ => return None,
    })
}

/// An object's entries in order, repeats included; `None` when `raw` is not
/// an object.
fn entries(raw: &RawValue) -> Option<Vec<(Cow<'_, str>, &RawValue)>> {
    struct Entries;
    impl<'de> Visitor<'de> for Entries {
        type Value = Vec<(Cow<'de, str>, &'de RawValue)>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("an object")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut out = Vec::new();
            while let Some(k) = map.next_key_seed(KeySeed)? {
                out.push((k, map.next_value()?));
            }
            Ok(out)
        }
    }
    if !raw.get().starts_with('{') {
        return None;
    }
    let mut de = serde_json::Deserializer::from_str(raw.get());
    de.deserialize_map(Entries).ok()
}

/// An array's items; `None` when `raw` is not an array.
fn items(raw: &RawValue) -> Option<Vec<&RawValue>> {
    if !raw.get().starts_with('[') {
        return None;
    }
    serde_json::from_str(raw.get()).ok()
}

/// A citation list, parsed, checked and shared.
struct Cited {
    sources: Sources,
    /// Problems of its form (types, keys), reported with the other fields'.
    form: Vec<ProblemKind>,
    /// Problems of its citations (empty, undeclared), reported with the
    /// model's checks.
    model: Vec<ProblemKind>,
}

struct Loader<'de> {
    graph: Graph,
    meta_done: bool,
    nodes_done: bool,
    /// Input size, to size the node and link stores once.
    text_len: usize,
    file: Vec<Problem>,
    node_problems: Vec<Problem>,
    link_problems: Vec<Problem>,
    /// File position of each accepted node, by node index.
    positions: Vec<usize>,
    /// Ids of nodes that failed their own checks, with their positions.
    rejected: HashMap<String, usize>,
    /// Citation lists by their spelling in the file.
    cited: hashbrown::HashMap<&'de str, Cited>,
    /// The last valid citation list read, which the next record most often
    /// repeats.
    last_cited: Option<(&'de str, Sources)>,
    /// Citation lists by value, so that lists spelled differently share.
    shared: hashbrown::HashSet<Sources>,
    pending_nodes: Option<&'de RawValue>,
    pending_links: Option<&'de RawValue>,
    seen: Vec<&'static str>,
}

impl<'de> Loader<'de> {
    fn new(text_len: usize) -> Self {
        Loader {
            graph: Graph::new(),
            meta_done: false,
            nodes_done: false,
            text_len,
            file: Vec::new(),
            node_problems: Vec::new(),
            link_problems: Vec::new(),
            positions: Vec::new(),
            rejected: HashMap::new(),
            cited: hashbrown::HashMap::new(),
            last_cited: None,
            shared: hashbrown::HashSet::new(),
            pending_nodes: None,
            pending_links: None,
            seen: Vec::new(),
        }
    }

    fn load(mut self, text: &'de str) -> Result<Graph, LoadError> {
        let mut de = serde_json::Deserializer::from_str(text);
        let is_object = text.trim_start().starts_with('{');
        if is_object {
            de.deserialize_map(Top(&mut self))
                .map_err(|e| syntax_error(&e))?;
        } else {
            <IgnoredAny as serde::Deserialize>::deserialize(&mut de)
                .map_err(|e| syntax_error(&e))?;
        }
        de.end().map_err(|e| syntax_error(&e))?;
        if !is_object {
            self.file_problem(ProblemKind::WrongType {
                field: "(top level)".into(),
                message: "expected a JSON object".into(),
            });
            return Err(self.finish_err());
        }
        self.finish_top().map_err(|e| syntax_error(&e))?;
        let problems = self.problems();
        if problems.is_empty() {
            let mut graph = self.graph;
            graph.shrink_to_fit();
            Ok(graph)
        } else {
            Err(LoadError::Invalid { problems })
        }
    }

    fn problems(&mut self) -> Vec<Problem> {
        let mut all = std::mem::take(&mut self.file);
        all.append(&mut self.node_problems);
        all.append(&mut self.link_problems);
        all
    }

    fn finish_err(mut self) -> LoadError {
        LoadError::Invalid {
            problems: self.problems(),
        }
    }

    fn file_problem(&mut self, kind: ProblemKind) {
        self.file.push(Problem {
            location: Location::File,
            kind,
        });
    }

    /// After the top-level object: what was put off because it came before
    /// what it needs.
    fn finish_top(&mut self) -> Result<(), serde_json::Error> {
        if !self.meta_done {
            self.meta_done = true;
        }
        if !self.nodes_done {
            match self.pending_nodes.take() {
                Some(raw) => self.nodes(raw)?,
                None => self.file_problem(ProblemKind::MissingField { field: key::NODES }),
            }
            self.nodes_done = true;
        }
        if let Some(raw) = self.pending_links.take() {
            self.links(raw)?;
        }
        Ok(())
    }

    fn nodes(&mut self, raw: &'de RawValue) -> Result<(), serde_json::Error> {
        let mut de = serde_json::Deserializer::from_str(raw.get());
        Array {
            loader: self,
            field: key::NODES,
        }
        .deserialize(&mut de)
    }

    fn links(&mut self, raw: &'de RawValue) -> Result<(), serde_json::Error> {
        let mut de = serde_json::Deserializer::from_str(raw.get());
        Array {
            loader: self,
            field: key::EDGES,
        }
        .deserialize(&mut de)
    }

    fn meta(&mut self, raw: &'de RawValue) {
        self.meta_done = true;
        let meta = match serde_json::from_str::<GraphMeta>(raw.get()) {
            Ok(meta) => meta,
            Err(e) => {
                self.file_problem(ProblemKind::WrongType {
                    field: key::GRAPH.into(),
                    message: syntax_message(&e),
                });
                return;
            }
        };
        let mut first: HashMap<&str, usize> = HashMap::new();
        let mut repeats = Vec::new();
        for (i, doc) in meta.sources.iter().enumerate() {
            if let Some(&at) = first.get(doc.id.as_str()) {
                repeats.push(ProblemKind::DuplicateDocument {
                    id: doc.id.clone(),
                    first: at,
                });
            } else {
                first.insert(&doc.id, i);
            }
        }
        for kind in repeats {
            self.file_problem(kind);
        }
        self.graph = Graph::with_meta(meta);
    }

    fn flag(&mut self, field: &'static str, raw: &RawValue) {
        match raw.get() {
            "true" => {}
            "false" => self.file_problem(ProblemKind::NotDirectedMultigraph { field }),
            _ => self.file_problem(wrong_type(field, "a boolean", raw)),
        }
    }

    /// Parses, checks and shares a citation list.
    fn sources(&mut self, raw: &'de RawValue) -> (Sources, &[ProblemKind], &[ProblemKind]) {
        let spelled = raw.get();
        if let Some((last, sources)) = &self.last_cited
            && *last == spelled
        {
            return (sources.clone(), &[], &[]);
        }
        if !self.cited.contains_key(spelled) {
            let mut form = Vec::new();
            let list = parse_sources(raw, &mut form);
            let mut model = Vec::new();
            if form.is_empty() {
                self.graph.check_sources(&mut model, &list);
            }
            let sources = match self.shared.get(list.as_slice()) {
                Some(s) => s.clone(),
                None => {
                    let s = Sources::from(list);
                    self.shared.insert(s.clone());
                    s
                }
            };
            self.cited.insert(
                spelled,
                Cited {
                    sources,
                    form,
                    model,
                },
            );
        }
        match self.cited.get(spelled) {
            Some(c) => {
                if c.form.is_empty() && c.model.is_empty() {
                    self.last_cited = Some((spelled, c.sources.clone()));
                }
                (c.sources.clone(), &c.form, &c.model)
            }
            None => (Sources::default(), &[], &[]),
        }
    }

    /// A record's `sources`: its form problems go to `problems` now; its
    /// citation problems come back to be reported with the model's checks.
    fn cite(
        &mut self,
        problems: &mut Vec<ProblemKind>,
        raw: Option<&'de RawValue>,
    ) -> Option<(Sources, Vec<ProblemKind>)> {
        let Some(raw) = raw else {
            problems.push(ProblemKind::MissingField {
                field: key::SOURCES,
            });
            return None;
        };
        let (sources, form, model) = self.sources(raw);
        problems.extend_from_slice(form);
        Some((sources, model.to_vec()))
    }

    fn node(&mut self, index: usize, raw: RawRecord<'de>, mut problems: Vec<ProblemKind>) {
        let [
            id,
            kind,
            name,
            aliases,
            since,
            until,
            date,
            description,
            attributes,
            sources,
        ] = raw.0;
        let (aliases, attributes, sources) = (
            aliases.and_then(Field::raw),
            attributes.and_then(Field::raw),
            sources.and_then(Field::raw),
        );
        let id = required_text(&mut problems, key::ID, id);
        let kind = match required_text(&mut problems, key::KIND, kind) {
            Some(k) => match k.parse::<Kind>() {
                Ok(k) => Some(k),
                Err(_) => {
                    problems.push(ProblemKind::UnknownKind {
                        value: k.into_owned(),
                    });
                    None
                }
            },
            None => None,
        };
        let name = required_text(&mut problems, key::NAME, name);
        let sources = self.cite(&mut problems, sources);
        let aliases = aliases.map(|raw| text_list(&mut problems, key::ALIASES, raw));
        let since = opt_date(&mut problems, key::SINCE, since);
        let until = opt_date(&mut problems, key::UNTIL, until);
        let date = opt_date(&mut problems, key::DATE, date);
        let description = opt_text(&mut problems, key::DESCRIPTION, description);
        let attributes = attributes.map(|raw| read_attributes(&mut problems, raw));
        if let Some(id) = &id {
            let first = match self.graph.index_of(id) {
                Some(i) => self.positions.get(i.index()).copied(),
                None => self.rejected.get(id.as_ref()).copied(),
            };
            if let Some(first) = first {
                problems.push(ProblemKind::DuplicateId {
                    id: id.clone().into_owned(),
                    first,
                });
            }
        }
        // The model's checks, on the fields that could be read.
        if let Some(id) = &id {
            check_text(&mut problems, key::ID, id);
        }
        if let Some(name) = &name {
            check_text(&mut problems, key::NAME, name);
        }
        check_node_span(&mut problems, since, until, date);
        let sources = sources.map(|(sources, model)| {
            problems.extend(model);
            sources
        });
        match (id, kind, name, sources) {
            (Some(id), Some(kind), Some(name), Some(sources)) if problems.is_empty() => {
                let node = Node {
                    id: id.into_owned(),
                    kind,
                    name: name.into_owned(),
                    aliases: aliases.unwrap_or_default(),
                    since,
                    until,
                    date,
                    description,
                    attributes: attributes.unwrap_or_default(),
                    sources,
                };
                self.graph.insert_node(node);
                self.positions.push(index);
            }
            (id, ..) => {
                if let Some(id) = &id {
                    self.rejected
                        .entry(id.clone().into_owned())
                        .or_insert(index);
                }
                let location = Location::Node {
                    index,
                    id: id.map(Cow::into_owned),
                };
                push_all(&mut self.node_problems, &location, problems);
            }
        }
    }

    fn link(&mut self, index: usize, raw: RawRecord<'de>, mut problems: Vec<ProblemKind>) {
        let [
            source,
            target,
            key_raw,
            relation,
            since,
            until,
            role,
            description,
            attributes,
            sources,
        ] = raw.0;
        let (key_raw, attributes, sources) = (
            key_raw.and_then(Field::raw),
            attributes.and_then(Field::raw),
            sources.and_then(Field::raw),
        );
        let source = required_text(&mut problems, key::SOURCE, source);
        let target = required_text(&mut problems, key::TARGET, target);
        let relation = match required_text(&mut problems, key::RELATION, relation) {
            Some(r) => match r.parse::<Relation>() {
                Ok(r) => Some(r),
                Err(_) => {
                    problems.push(ProblemKind::UnknownRelation {
                        value: r.into_owned(),
                    });
                    None
                }
            },
            None => None,
        };
        let sources = self.cite(&mut problems, sources);
        let key = key_raw.and_then(|raw| match raw.get().parse::<u64>() {
            Ok(k) => Some(k),
            Err(_) => {
                problems.push(ProblemKind::WrongType {
                    field: key::KEY.into(),
                    message: format!(
                        "expected a whole number from 0 to {}, found {}",
                        u64::MAX,
                        match found(raw) {
                            "a number" => raw.get(),
                            other => other,
                        }
                    ),
                });
                None
            }
        });
        let since = opt_date(&mut problems, key::SINCE, since);
        let until = opt_date(&mut problems, key::UNTIL, until);
        let role = opt_text(&mut problems, key::ROLE, role);
        let description = opt_text(&mut problems, key::DESCRIPTION, description);
        let attributes = attributes.map(|raw| read_attributes(&mut problems, raw));
        // The model's checks, on the fields that could be read. An end that
        // names a node which failed its own checks is reported at that node,
        // never at the link, whatever else is wrong with the link.
        let mut ends = [None, None];
        for (slot, (end, id)) in ends
            .iter_mut()
            .zip([(End::Source, &source), (End::Target, &target)])
        {
            let Some(id) = id else { continue };
            *slot = self.graph.index_of(id);
            if slot.is_none() && !self.rejected.contains_key(id.as_ref()) {
                problems.push(ProblemKind::UnknownEndpoint {
                    end,
                    id: id.clone().into_owned(),
                });
            }
        }
        if let [Some(s), Some(t)] = ends {
            self.graph.check_ends(&mut problems, s, t, relation, key);
        }
        check_role(&mut problems, relation, role.as_deref());
        check_span(&mut problems, since, until);
        let sources = sources.map(|(sources, model)| {
            problems.extend(model);
            sources
        });
        match (ends, relation, sources) {
            ([Some(s), Some(t)], Some(relation), Some(sources)) if problems.is_empty() => {
                let link = Link {
                    key,
                    relation,
                    since,
                    until,
                    role,
                    description,
                    attributes: attributes.unwrap_or_default(),
                    sources,
                };
                self.graph.insert_link(s, t, link);
            }
            _ if problems.is_empty() => {} // an end was rejected: reported there
            _ => {
                let location = Location::Link {
                    index,
                    source: source.map(Cow::into_owned),
                    target: target.map(Cow::into_owned),
                };
                push_all(&mut self.link_problems, &location, problems);
            }
        }
    }
}

fn push_all(out: &mut Vec<Problem>, location: &Location, problems: Vec<ProblemKind>) {
    out.extend(problems.into_iter().map(|kind| Problem {
        location: location.clone(),
        kind,
    }));
}

fn required_text<'de>(
    problems: &mut Vec<ProblemKind>,
    field: &'static str,
    raw: Option<Field<'de>>,
) -> Option<Cow<'de, str>> {
    match raw {
        None => {
            problems.push(ProblemKind::MissingField { field });
            None
        }
        Some(raw) => read_text(problems, field, raw),
    }
}

fn read_text<'de>(
    problems: &mut Vec<ProblemKind>,
    field: &str,
    value: Field<'de>,
) -> Option<Cow<'de, str>> {
    let found = match value {
        Field::Text(t) => return Some(t),
        Field::Other(found) => found,
        Field::Raw(raw) => match text(raw) {
            Some(t) => return Some(t),
            None => found(raw),
        },
    };
    problems.push(ProblemKind::WrongType {
        field: field.into(),
        message: format!("expected a string, found {found}"),
    });
    None
}

fn opt_text(
    problems: &mut Vec<ProblemKind>,
    field: &'static str,
    raw: Option<Field<'_>>,
) -> Option<String> {
    read_text(problems, field, raw?).map(Cow::into_owned)
}

fn opt_date(
    problems: &mut Vec<ProblemKind>,
    field: &'static str,
    raw: Option<Field<'_>>,
) -> Option<PartialDate> {
    let text = read_text(problems, field, raw?)?;
    match text.parse() {
        Ok(d) => Some(d),
        Err(error) => {
            problems.push(ProblemKind::BadDate { field, error });
            None
        }
    }
}

fn text_list(problems: &mut Vec<ProblemKind>, field: &str, raw: &RawValue) -> Vec<String> {
    let Some(list) = items(raw) else {
        problems.push(wrong_type(field, "an array of strings", raw));
        return Vec::new();
    };
    list.into_iter()
        .enumerate()
        .filter_map(|(i, item)| read_text(problems, &format!("{field}[{i}]"), Field::Raw(item)))
        .map(Cow::into_owned)
        .collect()
}

/// Attribute values are text or numbers; numbers keep their spelling.
fn read_attributes(problems: &mut Vec<ProblemKind>, raw: &RawValue) -> Attributes {
    let Some(list) = entries(raw) else {
        problems.push(wrong_type(key::ATTRIBUTES, "an object", raw));
        return Attributes::new();
    };
    let mut out = Attributes::with_capacity(list.len());
    for (k, value) in list {
        let field = || format!("{}[{:?}]", key::ATTRIBUTES, k);
        if out.contains_key(k.as_ref()) {
            problems.push(ProblemKind::DuplicateField { field: field() });
            continue;
        }
        let parsed = match found(value) {
            "a string" => text(value).map(|t| AttrValue::Text(t.into_owned())),
            "a number" => serde_json::from_str::<serde_json::Number>(value.get())
                .ok()
                .map(AttrValue::Number),
            _ => None,
        };
        match parsed {
            Some(v) => {
                out.insert(k.into_owned(), v);
            }
            None => problems.push(wrong_type(field(), "text or a number", value)),
        }
    }
    out
}

fn parse_sources(raw: &RawValue, problems: &mut Vec<ProblemKind>) -> Vec<Source> {
    let Some(list) = items(raw) else {
        problems.push(wrong_type(key::SOURCES, "an array of citations", raw));
        return Vec::new();
    };
    let mut out = Vec::with_capacity(list.len());
    for (i, item) in list.into_iter().enumerate() {
        let at = format!("{}[{i}]", key::SOURCES);
        let Some(fields) = entries(item) else {
            problems.push(wrong_type(
                at,
                "an object with `document` and `section`",
                item,
            ));
            continue;
        };
        let mut slots = [None, None];
        for (k, value) in fields {
            match key::CITATION.iter().position(|n| *n == k) {
                Some(j) if slots[j].is_none() => slots[j] = Some(value),
                Some(_) => problems.push(ProblemKind::DuplicateField {
                    field: format!("{at}.{k}"),
                }),
                None => problems.push(ProblemKind::UnknownField {
                    field: format!("{at}.{k}"),
                }),
            }
        }
        let document = citation_part(problems, &at, slots[0], key::DOCUMENT);
        let section = citation_part(problems, &at, slots[1], key::SECTION);
        if let (Some(document), Some(section)) = (document, section) {
            out.push(Source {
                document: document.into_owned(),
                section: section.into_owned(),
            });
        }
    }
    out
}

fn citation_part<'de>(
    problems: &mut Vec<ProblemKind>,
    at: &str,
    slot: Option<&'de RawValue>,
    name: &str,
) -> Option<Cow<'de, str>> {
    match slot {
        None => {
            problems.push(ProblemKind::WrongType {
                field: at.to_owned(),
                message: format!("missing field `{name}`"),
            });
            None
        }
        Some(raw) => read_text(problems, &format!("{at}.{name}"), Field::Raw(raw)),
    }
}

/// One node's or link's fields, as slices of the input, in the order of
/// [`node_slot`] or [`link_slot`].
struct RawRecord<'de>([Option<Field<'de>>; 10]);

/// Which slots of a node hold text: all but `aliases`, `attributes` and
/// `sources`.
const NODE_TEXT: u16 = 0b00_1111_0111;
/// Which slots of a link hold text: all but `key`, `attributes` and
/// `sources`.
const LINK_TEXT: u16 = 0b00_1111_1011;

/// The top-level object, read in one pass: `graph` first when it comes
/// first, then `nodes` and `edges` as they stream by; whatever comes before
/// what it needs is kept as a slice and read at the end.
struct Top<'l, 'de>(&'l mut Loader<'de>);

impl<'de> Visitor<'de> for Top<'_, 'de> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let loader = self.0;
        while let Some(k) = map.next_key_seed(KeySeed)? {
            let known = [
                key::DIRECTED,
                key::MULTIGRAPH,
                key::GRAPH,
                key::NODES,
                key::EDGES,
                key::LINKS,
            ]
            .into_iter()
            .find(|n| *n == k);
            let Some(name) = known else {
                map.next_value::<IgnoredAny>()?;
                loader.file_problem(ProblemKind::UnknownField {
                    field: k.into_owned(),
                });
                continue;
            };
            let is_links = name == key::EDGES || name == key::LINKS;
            if loader.seen.contains(&name) {
                map.next_value::<IgnoredAny>()?;
                loader.file_problem(ProblemKind::DuplicateField { field: name.into() });
                continue;
            }
            if is_links
                && loader
                    .seen
                    .iter()
                    .any(|s| *s == key::EDGES || *s == key::LINKS)
            {
                map.next_value::<IgnoredAny>()?;
                loader.seen.push(name);
                loader.file_problem(ProblemKind::BothEdgeKeys);
                continue;
            }
            loader.seen.push(name);
            match name {
                key::NODES if loader.meta_done => {
                    map.next_value_seed(Array {
                        loader: &mut *loader,
                        field: key::NODES,
                    })?;
                    loader.nodes_done = true;
                    if let Some(raw) = loader.pending_links.take() {
                        loader.links(raw).map_err(de::Error::custom)?;
                    }
                }
                key::NODES => loader.pending_nodes = Some(map.next_value()?),
                _ if is_links && loader.nodes_done => map.next_value_seed(Array {
                    loader: &mut *loader,
                    field: key::EDGES,
                })?,
                _ if is_links => loader.pending_links = Some(map.next_value()?),
                key::GRAPH => {
                    let raw = map.next_value()?;
                    loader.meta(raw);
                    if let Some(raw) = loader.pending_nodes.take() {
                        loader.nodes(raw).map_err(de::Error::custom)?;
                        loader.nodes_done = true;
                    }
                    if loader.nodes_done
                        && let Some(raw) = loader.pending_links.take()
                    {
                        loader.links(raw).map_err(de::Error::custom)?;
                    }
                }
                _ => {
                    let raw: &RawValue = map.next_value()?;
                    loader.flag(name, raw);
                }
            }
        }
        Ok(())
    }
}

/// The `nodes` or `edges` array, each item read and inserted as it comes.
struct Array<'l, 'de> {
    loader: &'l mut Loader<'de>,
    field: &'static str,
}

impl<'de> DeserializeSeed<'de> for Array<'_, 'de> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

/// The scalar `visit_*` methods of a visitor whose `wrong(found)` reports
/// a value of the wrong JSON type: each reports what it found and goes on.
macro_rules! scalars_are_wrong {
    () => {
        fn visit_bool<E: de::Error>(self, _: bool) -> Result<(), E> {
            self.wrong("a boolean");
            Ok(())
        }
        fn visit_str<E: de::Error>(self, _: &str) -> Result<(), E> {
            self.wrong("a string");
            Ok(())
        }
        fn visit_unit<E: de::Error>(self) -> Result<(), E> {
            self.wrong("null");
            Ok(())
        }
        fn visit_u64<E: de::Error>(self, _: u64) -> Result<(), E> {
            self.wrong("a number");
            Ok(())
        }
        fn visit_i64<E: de::Error>(self, _: i64) -> Result<(), E> {
            self.wrong("a number");
            Ok(())
        }
        fn visit_f64<E: de::Error>(self, _: f64) -> Result<(), E> {
            self.wrong("a number");
            Ok(())
        }
    };
}

impl<'de> Visitor<'de> for Array<'_, 'de> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let is_nodes = self.field == key::NODES;
        // Room for as many items as the input could hold, so the stores are
        // never copied while growing: memory not written is not used.
        // Capped, so that a huge input never asks for more address space
        // than a small machine grants; past the cap the stores grow as usual.
        let room = (self.loader.text_len / if is_nodes { 64 } else { 48 }).min(1 << 22);
        if is_nodes {
            self.loader.graph.reserve(room, 0);
        } else {
            self.loader.graph.reserve(0, room);
        }
        let mut index = 0;
        while seq
            .next_element_seed(Item {
                loader: &mut *self.loader,
                is_nodes,
                index,
            })?
            .is_some()
        {
            index += 1;
        }
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let first = map.next_key_seed(KeySeed)?;
        let what = match &first {
            Some(k) if k == NUMBER_TOKEN => "a number",
            _ => "an object",
        };
        if first.is_some() {
            map.next_value::<IgnoredAny>()?;
            while map.next_key::<IgnoredAny>()?.is_some() {
                map.next_value::<IgnoredAny>()?;
            }
        }
        self.wrong(what);
        Ok(())
    }

    scalars_are_wrong!();
}

impl Array<'_, '_> {
    fn wrong(self, found: &str) {
        self.loader.file_problem(ProblemKind::WrongType {
            field: self.field.into(),
            message: format!("expected an array, found {found}"),
        });
    }
}

/// One node or link object.
struct Item<'l, 'de> {
    loader: &'l mut Loader<'de>,
    is_nodes: bool,
    index: usize,
}

impl<'de> DeserializeSeed<'de> for Item<'_, 'de> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Item<'_, 'de> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let first = map.next_key_seed(KeySeed)?;
        if first.as_deref() == Some(NUMBER_TOKEN) {
            map.next_value::<IgnoredAny>()?;
            self.wrong("a number");
            return Ok(());
        }
        let mut problems = Vec::new();
        let mut slots = [const { None }; 10];
        if first.is_some() {
            let (slot_of, text): (fn(&str) -> Option<usize>, u16) = if self.is_nodes {
                (node_slot, NODE_TEXT)
            } else {
                (link_slot, LINK_TEXT)
            };
            read_fields(&mut map, first, slot_of, text, &mut slots, &mut problems)?;
        }
        let raw = RawRecord(slots);
        if self.is_nodes {
            self.loader.node(self.index, raw, problems);
        } else {
            self.loader.link(self.index, raw, problems);
        }
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        self.wrong("an array");
        Ok(())
    }
    scalars_are_wrong!();
}

impl Item<'_, '_> {
    fn wrong(self, found: &str) {
        let kind = ProblemKind::WrongType {
            field: "(item)".into(),
            message: format!("expected a JSON object, found {found}"),
        };
        let problem = |location| Problem { location, kind };
        if self.is_nodes {
            self.loader.node_problems.push(problem(Location::Node {
                index: self.index,
                id: None,
            }));
        } else {
            self.loader.link_problems.push(problem(Location::Link {
                index: self.index,
                source: None,
                target: None,
            }));
        }
    }
}

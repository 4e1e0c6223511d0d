//! FollowTheMoney (FtM) entities, one JSON object per line, for OCCRP Aleph,
//! OpenSanctions and the `followthemoney` tools.
//!
//! Each node becomes an entity of the FtM schema that fits its kind, and
//! each link an entity of an FtM interval schema (which carry `startDate`
//! and `endDate`) chosen by the relation and by the schemata of its two
//! ends; where no specific schema admits both ends, `UnknownLink`. The
//! tables are in `docs/formats.md` and in [`NodeSchema::of`] and
//! [`edge_schema`] below.
//!
//! Each node's kind is its first `keywords` value. What FtM has no property
//! for is kept as text rather than dropped: dates a schema cannot hold, the
//! `attributes`, and a node id that FtM does not accept go to `notes`
//! (nodes) or `summary` (links), as `name: value`. Every entity lists its citations in
//! `publisher`, one value per citation (`document: section`), and the
//! cited documents' addresses in `sourceUrl` when the data declares them.
//!
//! Values are given in the form FtM keeps: control characters other than
//! tab, line feed and carriage return are removed, blank values and
//! repeated values of one property are left out. Ids are the node ids where
//! FtM accepts them (letters, digits, `.` and `-`, at most 200 characters),
//! and otherwise `id-` and a hash of the id; link ids join the two ends, the
//! relation and the key.

use std::collections::HashSet;
use std::io::{self, BufWriter, Write};

use indexmap::IndexMap;
use partnership_core::{Attributes, GraphMeta, Kind, PartialDate, Relation, Source};
use serde::Serialize;

use crate::Selection;

/// The FtM schema a node maps to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NodeSchema {
    PublicBody,
    Organization,
    Person,
    Event,
    Project,
    Contract,
    Article,
    Address,
    Note,
}

impl NodeSchema {
    /// The schema for a kind.
    pub(crate) fn of(kind: Kind) -> NodeSchema {
        // A kind added to the core crate maps to `Note`, which takes any
        // name and text, until it is given a schema here.
        #[allow(unreachable_patterns)]
        match kind {
            Kind::State | Kind::Institution | Kind::Unit | Kind::Body => NodeSchema::PublicBody,
            Kind::Organisation | Kind::Fund => NodeSchema::Organization,
            Kind::Person => NodeSchema::Person,
            Kind::Event => NodeSchema::Event,
            Kind::Operation | Kind::Programme | Kind::Project => NodeSchema::Project,
            Kind::Agreement => NodeSchema::Contract,
            Kind::Document => NodeSchema::Article,
            Kind::Place => NodeSchema::Address,
            Kind::Area => NodeSchema::Note,
            _ => NodeSchema::Note,
        }
    }

    pub(crate) fn as_str(self) -> &'static str {
        match self {
            NodeSchema::PublicBody => "PublicBody",
            NodeSchema::Organization => "Organization",
            NodeSchema::Person => "Person",
            NodeSchema::Event => "Event",
            NodeSchema::Project => "Project",
            NodeSchema::Contract => "Contract",
            NodeSchema::Article => "Article",
            NodeSchema::Address => "Address",
            NodeSchema::Note => "Note",
        }
    }

    /// Whether the schema is (or extends) `LegalEntity`.
    fn is_legal_entity(self) -> bool {
        matches!(
            self,
            NodeSchema::PublicBody | NodeSchema::Organization | NodeSchema::Person
        )
    }

    /// Whether the schema is (or extends) `Organization`.
    fn is_organization(self) -> bool {
        matches!(self, NodeSchema::PublicBody | NodeSchema::Organization)
    }

    /// The properties that hold a node's `since`, `until` and `date`, where
    /// the schema has them.
    fn date_properties(self) -> [Option<&'static str>; 3] {
        match self {
            NodeSchema::PublicBody | NodeSchema::Organization => {
                [Some("incorporationDate"), Some("dissolutionDate"), None]
            }
            NodeSchema::Event | NodeSchema::Project => {
                [Some("startDate"), Some("endDate"), Some("date")]
            }
            NodeSchema::Contract => [None, None, Some("contractDate")],
            NodeSchema::Article => [None, None, Some("date")],
            NodeSchema::Person | NodeSchema::Address | NodeSchema::Note => [None, None, None],
        }
    }

    /// Properties besides `name` that repeat the name: the caption of
    /// schemata that are not captioned by `name`, and a required `title`.
    fn name_properties(self) -> &'static [&'static str] {
        match self {
            NodeSchema::Contract | NodeSchema::Article => &["title"],
            NodeSchema::Address => &["full"],
            _ => &[],
        }
    }
}

/// An FtM edge schema and the properties that hold the subject and the
/// object.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct EdgeSchema {
    pub(crate) schema: &'static str,
    pub(crate) subject: &'static str,
    pub(crate) object: &'static str,
}

const UNKNOWN_LINK: EdgeSchema = EdgeSchema {
    schema: "UnknownLink",
    subject: "subject",
    object: "object",
};

/// The edge schema for a link of `relation` from a `subject` to an `object`
/// entity: a specific schema when its ranges admit both ends, else
/// `UnknownLink`. Every schema returned extends `Interest`, so each has
/// `role`, `startDate`, `endDate`, `summary`, `description` and
/// `publisher`.
pub(crate) fn edge_schema(
    relation: Relation,
    subject: NodeSchema,
    object: NodeSchema,
) -> EdgeSchema {
    let edge = |schema, s, o| EdgeSchema {
        schema,
        subject: s,
        object: o,
    };
    let legal = subject.is_legal_entity();
    match relation {
        Relation::MemberOf | Relation::ParticipatesIn if legal && object.is_organization() => {
            edge("Membership", "member", "organization")
        }
        Relation::Leads if legal && object.is_organization() => {
            edge("Directorship", "director", "organization")
        }
        Relation::Executes if legal && object.is_legal_entity() => {
            edge("Representation", "agent", "client")
        }
        Relation::Leads
        | Relation::Executes
        | Relation::ParticipatesIn
        | Relation::ContributesTo
            if legal && object == NodeSchema::Project =>
        {
            edge("ProjectParticipant", "participant", "project")
        }
        Relation::HoldsOffice if subject == NodeSchema::Person && object.is_organization() => {
            edge("Employment", "employee", "employer")
        }
        Relation::SucceededBy if legal && object.is_legal_entity() => {
            edge("Succession", "predecessor", "successor")
        }
        _ => UNKNOWN_LINK,
    }
}

/// The properties of one entity, in the order they are written, each value
/// once.
#[derive(Debug, Default, Serialize)]
struct Properties(IndexMap<&'static str, Vec<String>>);

impl Properties {
    /// Adds `value` in the form FtM keeps, unless it is blank or already
    /// there.
    fn add(&mut self, property: &'static str, value: &str) {
        let value: String = value
            .chars()
            .filter(|c| !c.is_control() || matches!(c, '\t' | '\n' | '\r'))
            .collect();
        if value.trim().is_empty() {
            return;
        }
        let values = self.0.entry(property).or_default();
        if !values.contains(&value) {
            values.push(value);
        }
    }

    fn add_all<'a>(&mut self, property: &'static str, values: impl IntoIterator<Item = &'a str>) {
        for v in values {
            self.add(property, v);
        }
    }

    /// The citations in `publisher`, document addresses in `sourceUrl`.
    fn add_sources(&mut self, sources: &[Source], meta: &GraphMeta) {
        for s in sources {
            self.add("publisher", &format!("{}: {}", s.document, s.section));
        }
        for s in sources {
            if let Some(url) = meta.document(&s.document).and_then(|d| d.url.as_deref()) {
                self.add("sourceUrl", url);
            }
        }
    }

    fn add_attributes(&mut self, property: &'static str, attributes: &Attributes) {
        for (name, value) in attributes {
            self.add(property, &format!("{name}: {value}"));
        }
    }
}

#[derive(Serialize)]
struct Entity<'a> {
    id: &'a str,
    schema: &'a str,
    properties: &'a Properties,
}

/// Writes `selection` as FtM entities, one JSON object per line: the nodes,
/// then the links, each in the selection's order.
pub(crate) fn write<W: Write>(writer: W, selection: &Selection<'_>) -> io::Result<()> {
    let mut w = BufWriter::new(writer);
    let graph = selection.graph();
    let meta = graph.meta();
    let mut ids = FtmIds::default();
    let mut node_ids: Vec<Option<(String, NodeSchema)>> = vec![None; graph.node_count()];

    for (index, node) in selection.nodes() {
        let schema = NodeSchema::of(node.kind);
        let id = ids.fresh(&node.id, || node.id.clone());
        let mut p = Properties::default();
        p.add("name", &node.name);
        for &property in schema.name_properties() {
            p.add(property, &node.name);
        }
        p.add_all("alias", node.aliases.iter().map(String::as_str));
        p.add("keywords", node.kind.as_str());
        if let Some(description) = &node.description {
            p.add("description", description);
        }
        let [since_at, until_at, date_at] = schema.date_properties();
        for (field, value, at) in [
            ("since", node.since, since_at),
            ("until", node.until, until_at),
            ("date", node.date, date_at),
        ] {
            let Some(value) = value else { continue };
            match at {
                Some(property) => p.add(property, &value.to_string()),
                None => p.add("notes", &format!("{field}: {value}")),
            }
        }
        p.add_attributes("notes", &node.attributes);
        if id != node.id {
            p.add("notes", &format!("id: {}", node.id));
        }
        p.add_sources(&node.sources, meta);
        entity(&mut w, &id, schema.as_str(), &p)?;
        node_ids[index.index()] = Some((id, schema));
    }

    for l in selection.links() {
        let (Some((source, s_schema)), Some((target, t_schema))) = (
            node_ids.get(l.source.index()).and_then(Option::as_ref),
            node_ids.get(l.target.index()).and_then(Option::as_ref),
        ) else {
            continue; // a selection never shows a link without its ends
        };
        let link = l.weight;
        let edge = edge_schema(link.relation, *s_schema, *t_schema);
        let key = link.key.unwrap_or(0);
        let relation = link.relation.as_str().replace('_', "-");
        let id = ids.fresh(&format!("{source}.{relation}.{target}.{key}"), || {
            format!("{source}\u{0}{relation}\u{0}{target}\u{0}{key}")
        });
        let mut p = Properties::default();
        p.add(edge.subject, source);
        p.add(edge.object, target);
        p.add("role", link.relation.phrase());
        if let Some(role) = &link.role {
            p.add("role", role);
        }
        add_date(&mut p, "startDate", link.since);
        add_date(&mut p, "endDate", link.until);
        if let Some(description) = &link.description {
            p.add("description", description);
        }
        p.add_attributes("summary", &link.attributes);
        p.add_sources(&link.sources, meta);
        entity(&mut w, &id, edge.schema, &p)?;
    }
    w.flush()
}

fn add_date(p: &mut Properties, property: &'static str, date: Option<PartialDate>) {
    if let Some(date) = date {
        p.add(property, &date.to_string());
    }
}

fn entity<W: Write>(w: &mut W, id: &str, schema: &str, properties: &Properties) -> io::Result<()> {
    serde_json::to_writer(
        &mut *w,
        &Entity {
            id,
            schema,
            properties,
        },
    )?;
    w.write_all(b"\n")
}

/// Hands out FtM entity ids, unique among themselves.
#[derive(Debug, Default)]
struct FtmIds {
    taken: HashSet<String>,
}

/// The longest id FtM accepts.
const MAX_ID: usize = 200;

impl FtmIds {
    /// `wanted` if FtM accepts it as an id, else `id-` and a hash of
    /// `identity()`; either with `-2`, `-3`, ... when already taken.
    fn fresh(&mut self, wanted: &str, identity: impl FnOnce() -> String) -> String {
        let base = if valid_id(wanted) {
            wanted.to_owned()
        } else {
            format!("id-{:016x}", fnv1a(identity().as_bytes()))
        };
        if self.taken.insert(base.clone()) {
            return base;
        }
        let mut n = 2usize;
        loop {
            let suffix = format!("-{n}");
            // Cutting at a character boundary: the base is ASCII here.
            let cut = base.len().min(MAX_ID - suffix.len());
            let candidate = format!("{}{suffix}", base.get(..cut).unwrap_or(&base));
            if valid_id(&candidate) && self.taken.insert(candidate.clone()) {
                return candidate;
            }
            n += 1;
        }
    }
}

/// Whether FtM accepts `id`: letters and digits, with `.` and `-` inside,
/// at most 200 characters.
fn valid_id(id: &str) -> bool {
    let bytes = id.as_bytes();
    let inner = |b: &u8| b.is_ascii_alphanumeric() || *b == b'.' || *b == b'-';
    match (bytes.first(), bytes.last()) {
        (Some(first), Some(last)) => {
            bytes.len() <= MAX_ID
                && first.is_ascii_alphanumeric()
                && last.is_ascii_alphanumeric()
                && bytes.iter().all(inner)
        }
        _ => false,
    }
}

/// The 64-bit FNV-1a hash: small, fixed, the same on every platform.
fn fnv1a(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_node_table_in_the_docs_is_the_mapping() {
        let docs = include_str!("../../../docs/formats.md");
        for &kind in Kind::ALL {
            let row = format!("| {} | {} |", kind.as_str(), NodeSchema::of(kind).as_str());
            assert!(docs.contains(&row), "docs/formats.md lacks the row {row}");
        }
    }

    #[test]
    fn ids_follow_ftm_rules() {
        assert!(valid_id("c4-trust-fund"));
        assert!(valid_id("a.b-2"));
        for bad in ["", "-a", "a-", "a b", "é", "a_b", &"x".repeat(201)] {
            assert!(!valid_id(bad), "{bad:?}");
        }
        let mut ids = FtmIds::default();
        assert_eq!(ids.fresh("nato", || "nato".into()), "nato");
        assert_eq!(ids.fresh("nato", || "nato".into()), "nato-2");
        let hashed = ids.fresh("a b", || "a b".into());
        assert!(hashed.starts_with("id-") && valid_id(&hashed), "{hashed}");
        let long = "y".repeat(200);
        let _ = ids.fresh(&long, || long.clone());
        let again = ids.fresh(&long, || long.clone());
        assert!(valid_id(&again) && again.ends_with("-2"), "{again}");
    }

    #[test]
    fn fnv1a_matches_the_published_test_vectors() {
        // From the FNV reference page: "" and "a".
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
    }

    #[test]
    fn values_are_given_as_ftm_keeps_them() {
        let mut p = Properties::default();
        p.add("alias", "a\u{0}b\u{1b}");
        p.add("alias", "ab");
        p.add("alias", "  ");
        p.add("alias", "c\nd");
        assert_eq!(p.0["alias"], ["ab", "c\nd"]);
    }

    #[test]
    fn links_map_to_specific_schemata_only_when_the_ranges_fit() {
        use NodeSchema as S;
        let e = |r, s, o| edge_schema(r, s, o).schema;
        assert_eq!(
            e(Relation::MemberOf, S::PublicBody, S::Organization),
            "Membership"
        );
        assert_eq!(
            e(Relation::Leads, S::PublicBody, S::Organization),
            "Directorship"
        );
        assert_eq!(
            e(Relation::Leads, S::PublicBody, S::Project),
            "ProjectParticipant"
        );
        assert_eq!(
            e(Relation::Executes, S::PublicBody, S::Organization),
            "Representation"
        );
        assert_eq!(
            e(Relation::HoldsOffice, S::Person, S::PublicBody),
            "Employment"
        );
        assert_eq!(
            e(Relation::SucceededBy, S::PublicBody, S::PublicBody),
            "Succession"
        );
        assert_eq!(
            e(Relation::SucceededBy, S::Project, S::Project),
            "UnknownLink"
        );
        assert_eq!(
            e(Relation::Signs, S::PublicBody, S::Contract),
            "UnknownLink"
        );
    }
}

//! The records stored on the graph: nodes and links.

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

use crate::{Kind, PartialDate, Relation, Source};

/// A value in a node's or link's `attributes`: text or a number.
///
/// Numbers keep the exact spelling they were read with, so saving a loaded
/// file writes them back unchanged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum AttrValue {
    /// A number, as written.
    Number(serde_json::Number),
    /// A piece of text.
    Text(String),
}

impl std::fmt::Display for AttrValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            AttrValue::Number(n) => write!(f, "{n}"),
            AttrValue::Text(t) => f.write_str(t),
        }
    }
}

/// Named figures and facts attached to a node or link, in file order.
pub type Attributes = IndexMap<String, AttrValue>;

/// An entity of the graph: an actor, body, fund, agreement, operation or
/// context item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Node {
    /// Unique, stable id (kebab case in the curated data).
    pub id: String,
    /// What the node is.
    pub kind: Kind,
    /// The full name as the sources give it.
    pub name: String,
    /// Acronyms and short forms.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Start of the node's existence or activity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub since: Option<PartialDate>,
    /// End of the node's existence or activity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<PartialDate>,
    /// The date of a point-in-time node such as an event.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<PartialDate>,
    /// A short summary in the curators' own words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Figures and facts (durations, counts, budgets).
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub attributes: Attributes,
    /// Where the node is attested; at least one.
    pub sources: Vec<Source>,
}

impl Node {
    /// A node with the required fields and nothing else.
    ///
    /// ```
    /// use partnership::model::{Kind, Node, Source};
    /// let n = Node::new("kyiv", Kind::Place, "Kyiv", Source {
    ///     document: "relations-with-ukraine-2017".into(),
    ///     section: "Milestones in relations".into(),
    /// });
    /// assert_eq!(n.name, "Kyiv");
    /// ```
    pub fn new(id: impl Into<String>, kind: Kind, name: impl Into<String>, source: Source) -> Self {
        Node {
            id: id.into(),
            kind,
            name: name.into(),
            aliases: Vec::new(),
            since: None,
            until: None,
            date: None,
            description: None,
            attributes: Attributes::new(),
            sources: vec![source],
        }
    }

    /// The span during which the node counts as active: `since` (or `date`)
    /// to `until` (or, for a dated node with no `since`, its `date`).
    ///
    /// An event dated 2014-09-04 is active only on that day; a fund with
    /// `since: 2014-09` and no `until` is active from then on.
    pub fn span(&self) -> (Option<PartialDate>, Option<PartialDate>) {
        let start = self.since.or(self.date);
        let end = self.until.or(match self.since {
            None => self.date,
            Some(_) => None,
        });
        (start, end)
    }

    /// Whether the node is active at any time within `at`'s interval.
    pub fn active_at(&self, at: &PartialDate) -> bool {
        let (s, u) = self.span();
        crate::date::span_overlaps(s.as_ref(), u.as_ref(), at)
    }
}

/// A directed, typed statement about two nodes: `source relation target`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Link {
    /// The subject's id.
    pub source: String,
    /// The object's id.
    pub target: String,
    /// Distinguishes parallel links of one pair: 0, 1, ... When a file omits
    /// it, links take keys in file order.
    #[serde(default)]
    pub key: Option<u64>,
    /// What the link says.
    pub relation: Relation,
    /// When the link began to hold.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub since: Option<PartialDate>,
    /// When it stopped holding.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<PartialDate>,
    /// The office held, for `holds_office`; a role otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// A short note in the curators' own words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// What was contributed, a count, and similar facts.
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub attributes: Attributes,
    /// Where the link is attested; at least one.
    pub sources: Vec<Source>,
}

impl Link {
    /// A link with the required fields and nothing else.
    pub fn new(
        source: impl Into<String>,
        relation: Relation,
        target: impl Into<String>,
        citation: Source,
    ) -> Self {
        Link {
            source: source.into(),
            target: target.into(),
            key: None,
            relation,
            since: None,
            until: None,
            role: None,
            description: None,
            attributes: Attributes::new(),
            sources: vec![citation],
        }
    }

    /// Whether the link holds at any time within `at`'s interval.
    pub fn active_at(&self, at: &PartialDate) -> bool {
        crate::date::span_overlaps(self.since.as_ref(), self.until.as_ref(), at)
    }
}

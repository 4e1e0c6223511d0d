//! The records stored on the graph: nodes and links.

use indexmap::IndexMap;
use std::sync::Arc;

use serde::Serialize;

use crate::{Kind, PartialDate, Relation, Source};

/// A value in a node's or link's `attributes`: text or a number.
///
/// Numbers keep the digits they were read with: integers of any length
/// (beyond 2^53 and beyond u64), `-0`, `2.50`, `1e-300` are written back
/// exactly as read (the workspace enables serde_json's
/// `arbitrary_precision`). One thing is normalised: an exponent is written
/// in its lower-case, signed form, so `1E5` and `1e5` are saved as `1e+5`,
/// the same value and digits. That is serde_json's exact-number type, which
/// this public type is; a saved file loads and saves again byte for byte.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
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
///
/// It serialises as the node-link JSON object the data file holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    /// Unique, stable id (kebab case in the curated data).
    pub id: String,
    /// What the node is.
    pub kind: Kind,
    /// The full name as the sources give it.
    pub name: String,
    /// Acronyms and short forms.
    pub aliases: Vec<String>,
    /// Start of the node's existence or activity.
    pub since: Option<PartialDate>,
    /// End of the node's existence or activity.
    pub until: Option<PartialDate>,
    /// The date of a point-in-time node such as an event.
    pub date: Option<PartialDate>,
    /// A short summary in the curators' own words.
    pub description: Option<String>,
    /// Figures and facts (durations, counts, budgets).
    pub attributes: Attributes,
    /// Where the node is attested; at least one.
    pub sources: Sources,
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
            sources: Sources::from(vec![source]),
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
///
/// A stored link does not hold its ends' ids: the graph knows its ends.
/// Ask [`crate::Graph::ends`] or [`crate::Graph::end_ids`] for them, or use
/// the `source` and `target` of a [`crate::LinkRef`]. To add a link, build a
/// [`NewLink`] with [`Link::new`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// Distinguishes parallel links of one pair: 0, 1, ... When a file omits
    /// it, links take keys in file order. Always set on a stored link.
    pub key: Option<u64>,
    /// What the link says.
    pub relation: Relation,
    /// When the link began to hold.
    pub since: Option<PartialDate>,
    /// When it stopped holding.
    pub until: Option<PartialDate>,
    /// The office held, for `holds_office`; a role otherwise.
    pub role: Option<String>,
    /// A short note in the curators' own words.
    pub description: Option<String>,
    /// What was contributed, a count, and similar facts.
    pub attributes: Attributes,
    /// Where the link is attested; at least one.
    pub sources: Sources,
}

impl Link {
    /// A link from `source` to `target` (node ids) with the required fields
    /// and nothing else, ready for [`crate::Graph::add_link`]. Set optional
    /// fields on the result as on a [`Link`].
    ///
    /// ```
    /// use partnership_core::{Link, Relation, Source};
    /// let cite = Source { document: "d".into(), section: "s".into() };
    /// let mut link = Link::new("romania", Relation::Leads, "cyber-defence-trust-fund", cite);
    /// link.role = Some("lead nation".into());
    /// assert_eq!(link.source, "romania");
    /// ```
    #[allow(clippy::new_ret_no_self)] // a stored `Link` has no ids; a new one must
    pub fn new(
        source: impl Into<String>,
        relation: Relation,
        target: impl Into<String>,
        citation: Source,
    ) -> NewLink {
        NewLink {
            source: source.into(),
            target: target.into(),
            link: Link {
                key: None,
                relation,
                since: None,
                until: None,
                role: None,
                description: None,
                attributes: Attributes::new(),
                sources: Sources::from(vec![citation]),
            },
        }
    }

    /// Whether the link holds at any time within `at`'s interval.
    pub fn active_at(&self, at: &PartialDate) -> bool {
        crate::date::span_overlaps(self.since.as_ref(), self.until.as_ref(), at)
    }
}

/// A link not yet in a graph: the ids of its ends and the link itself.
///
/// It dereferences to its [`Link`], so `new_link.since = ...` works.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewLink {
    /// The subject's id.
    pub source: String,
    /// The object's id.
    pub target: String,
    /// Everything else.
    pub link: Link,
}

impl std::ops::Deref for NewLink {
    type Target = Link;
    fn deref(&self) -> &Link {
        &self.link
    }
}

impl std::ops::DerefMut for NewLink {
    fn deref_mut(&mut self) -> &mut Link {
        &mut self.link
    }
}

/// A list of citations, shared: the many links and nodes that cite the same
/// documents and sections hold one copy. It dereferences to `[Source]`.
///
/// ```
/// use partnership_core::{Source, Sources};
/// let cite = Source { document: "d".into(), section: "s".into() };
/// let a = Sources::from(vec![cite.clone()]);
/// let b = a.clone(); // no copy of the citations
/// assert_eq!(&b[..], &[cite]);
/// ```
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Sources(Arc<[Source]>);

impl Sources {
    /// Whether `self` and `other` share one list (not just equal ones).
    pub fn shares_with(&self, other: &Sources) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl std::fmt::Debug for Sources {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.0.iter()).finish()
    }
}

impl std::ops::Deref for Sources {
    type Target = [Source];
    fn deref(&self) -> &[Source] {
        &self.0
    }
}

impl AsRef<[Source]> for Sources {
    fn as_ref(&self) -> &[Source] {
        &self.0
    }
}

impl std::borrow::Borrow<[Source]> for Sources {
    fn borrow(&self) -> &[Source] {
        &self.0
    }
}

impl From<Vec<Source>> for Sources {
    fn from(list: Vec<Source>) -> Self {
        Sources(list.into())
    }
}

impl From<&[Source]> for Sources {
    fn from(list: &[Source]) -> Self {
        Sources(list.into())
    }
}

impl FromIterator<Source> for Sources {
    fn from_iter<I: IntoIterator<Item = Source>>(iter: I) -> Self {
        Sources(iter.into_iter().collect())
    }
}

impl<'a> IntoIterator for &'a Sources {
    type Item = &'a Source;
    type IntoIter = std::slice::Iter<'a, Source>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl PartialEq<Vec<Source>> for Sources {
    fn eq(&self, other: &Vec<Source>) -> bool {
        *self.0 == **other
    }
}

impl Serialize for Sources {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter())
    }
}

//! The typed graph and its single validating insertion path.

use std::collections::HashMap;

use indexmap::IndexMap;
use petgraph::Direction;
use petgraph::graph::{DiGraph, EdgeIndex, NodeIndex};
use petgraph::visit::EdgeRef;

use crate::error::{End, ProblemKind, Rejected};
use crate::lookup::NameIndex;
use crate::{GraphMeta, Link, Node, PartialDate, Relation, Source};

/// The relationship graph: typed nodes and links on a petgraph
/// [`DiGraph`], with an index from id to node.
///
/// Every node and link enters through [`Graph::add_node`] and
/// [`Graph::add_link`], which check the model's rules, so a `Graph` always
/// holds valid data. Nodes and links keep their insertion order, which is
/// also the order they are saved in.
///
/// ```
/// use partnership::model::{Graph, Kind, Link, Node, Relation, Source};
/// let cite = Source { document: "relations-with-ukraine-2017".into(),
///                     section: "Trust Fund on Cyber Defence".into() };
/// let mut g = Graph::new();
/// g.add_node(Node::new("romania", Kind::State, "Romania", cite.clone()))?;
/// g.add_node(Node::new("cyber-defence-trust-fund", Kind::Fund,
///                      "Trust Fund on Cyber Defence", cite.clone()))?;
/// g.add_link(Link::new("romania", Relation::Leads, "cyber-defence-trust-fund", cite))?;
/// assert_eq!(g.node_count(), 2);
/// // A fund cannot lead a state:
/// let bad = Link::new("cyber-defence-trust-fund", Relation::Leads, "romania",
///                     g.node_by_id("romania").unwrap().sources[0].clone());
/// assert!(g.add_link(bad).is_err());
/// # Ok::<(), partnership::model::Rejected>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct Graph {
    meta: GraphMeta,
    inner: DiGraph<Node, Link>,
    ids: IndexMap<String, NodeIndex>,
    names: NameIndex,
    pair_keys: HashMap<(NodeIndex, NodeIndex), Vec<u64>>,
}

impl PartialEq for Graph {
    /// Two graphs are equal when their metadata, nodes and links are equal and
    /// in the same order.
    fn eq(&self, other: &Self) -> bool {
        self.meta == other.meta
            && self.inner.node_weights().eq(other.inner.node_weights())
            && self.inner.edge_weights().eq(other.inner.edge_weights())
    }
}

impl Eq for Graph {}

impl Graph {
    /// An empty graph with no declared documents.
    pub fn new() -> Self {
        Self::default()
    }

    /// An empty graph with the given metadata. When `meta.sources` declares
    /// documents, every citation must name one of them (and one of its
    /// sections, when the document lists them).
    pub fn with_meta(meta: GraphMeta) -> Self {
        Graph {
            meta,
            ..Self::default()
        }
    }

    /// The graph's metadata: its name and declared source documents.
    pub fn meta(&self) -> &GraphMeta {
        &self.meta
    }

    /// The underlying petgraph graph, for running petgraph's algorithms.
    pub fn petgraph(&self) -> &DiGraph<Node, Link> {
        &self.inner
    }

    /// Number of nodes.
    pub fn node_count(&self) -> usize {
        self.inner.node_count()
    }

    /// Number of links.
    pub fn link_count(&self) -> usize {
        self.inner.edge_count()
    }

    /// The node at `index`.
    ///
    /// # Panics
    /// If `index` is not a node of this graph (indices come from this graph's
    /// own methods, so this is a programming error, not bad input).
    pub fn node(&self, index: NodeIndex) -> &Node {
        &self.inner[index]
    }

    /// The link at `index`.
    ///
    /// # Panics
    /// If `index` is not a link of this graph.
    pub fn link(&self, index: EdgeIndex) -> &Link {
        &self.inner[index]
    }

    /// The index of the node with this exact id.
    pub fn index_of(&self, id: &str) -> Option<NodeIndex> {
        self.ids.get(id).copied()
    }

    /// The node with this exact id.
    pub fn node_by_id(&self, id: &str) -> Option<&Node> {
        self.index_of(id).map(|i| &self.inner[i])
    }

    /// All nodes with their indices, in insertion order.
    pub fn nodes(&self) -> impl ExactSizeIterator<Item = (NodeIndex, &Node)> + '_ {
        self.inner.node_indices().map(move |i| (i, &self.inner[i]))
    }

    /// All links, in insertion order.
    pub fn links(&self) -> impl Iterator<Item = LinkRef<'_>> + '_ {
        self.inner.edge_references().map(LinkRef::from)
    }

    pub(crate) fn names(&self) -> &NameIndex {
        &self.names
    }

    /// Adds a node after checking it: a non-empty id not used before, a
    /// non-empty name, at least one citation of a declared document and
    /// section, and `since` not after `until`.
    ///
    /// # Errors
    /// [`Rejected`] listing every rule the node breaks; the graph is unchanged.
    pub fn add_node(&mut self, node: Node) -> Result<NodeIndex, Rejected> {
        let problems = self.check_node(&node);
        if !problems.is_empty() {
            return Err(Rejected { problems });
        }
        Ok(self.insert_node(node))
    }

    /// Stores a node that has already passed [`Graph::check_node`] (or the
    /// loader's equivalent checks), without checking it again.
    pub(crate) fn insert_node(&mut self, node: Node) -> NodeIndex {
        let index = self.inner.add_node(node);
        let node = &self.inner[index];
        self.ids.insert(node.id.clone(), index);
        self.names.insert(index, node);
        index
    }

    /// Every rule `node` would break if it were added now; empty when
    /// [`Graph::add_node`] would accept it.
    pub fn check_node(&self, node: &Node) -> Vec<ProblemKind> {
        let mut problems = Vec::new();
        check_text(&mut problems, "id", &node.id);
        check_text(&mut problems, "name", &node.name);
        if let Some(&first) = self.ids.get(&node.id) {
            problems.push(ProblemKind::DuplicateId {
                id: node.id.clone(),
                first: first.index(),
            });
        }
        check_span(&mut problems, node.since, node.until);
        if node.since.is_none() {
            check_span(&mut problems, node.date, node.until);
        }
        self.check_sources(&mut problems, &node.sources);
        problems
    }

    /// Adds a link after checking it: both ends are nodes, the relation allows
    /// their kinds, at least one valid citation, a `role` on `holds_office`,
    /// `since` not after `until`, and a key not used by a parallel link. A
    /// link without a key gets the next free key of its pair.
    ///
    /// # Errors
    /// [`Rejected`] listing every rule the link breaks; the graph is unchanged.
    pub fn add_link(&mut self, link: Link) -> Result<EdgeIndex, Rejected> {
        let problems = self.check_link(&link);
        if !problems.is_empty() {
            return Err(Rejected { problems });
        }
        self.insert_link(link)
    }

    /// Stores a link that has already passed [`Graph::check_link`] (or the
    /// loader's equivalent checks): only its ends are looked up again, and
    /// it gets the next free key of its pair when it has none.
    ///
    /// # Errors
    /// [`Rejected`] with the unknown ends when an end names no node.
    pub(crate) fn insert_link(&mut self, mut link: Link) -> Result<EdgeIndex, Rejected> {
        let (Some(s), Some(t)) = (self.index_of(&link.source), self.index_of(&link.target)) else {
            return Err(Rejected {
                problems: self.unknown_ends(&link),
            });
        };
        let keys = self.pair_keys.entry((s, t)).or_default();
        let key = link
            .key
            .unwrap_or_else(|| (0..).find(|k| !keys.contains(k)).unwrap_or_default());
        keys.push(key);
        link.key = Some(key);
        Ok(self.inner.add_edge(s, t, link))
    }

    /// Every rule `link` would break if it were added now; empty when
    /// [`Graph::add_link`] would accept it.
    pub fn check_link(&self, link: &Link) -> Vec<ProblemKind> {
        let mut problems = self.unknown_ends(link);
        if let (Some(s), Some(t)) = (self.index_of(&link.source), self.index_of(&link.target)) {
            let (subject, object) = (self.inner[s].kind, self.inner[t].kind);
            if !link.relation.allows(subject, object) {
                problems.push(ProblemKind::KindsNotAllowed {
                    relation: link.relation,
                    subject,
                    object,
                });
            }
            if let Some(key) = link.key
                && self
                    .pair_keys
                    .get(&(s, t))
                    .is_some_and(|keys| keys.contains(&key))
            {
                problems.push(ProblemKind::DuplicateKey {
                    key,
                    source_id: link.source.clone(),
                    target_id: link.target.clone(),
                });
            }
        }
        if link.relation == Relation::HoldsOffice
            && link.role.as_deref().is_none_or(|r| r.trim().is_empty())
        {
            problems.push(ProblemKind::MissingRole);
        }
        check_span(&mut problems, link.since, link.until);
        self.check_sources(&mut problems, &link.sources);
        problems
    }

    /// An `UnknownEndpoint` problem for each end of `link` that names no node.
    fn unknown_ends(&self, link: &Link) -> Vec<ProblemKind> {
        [(End::Source, &link.source), (End::Target, &link.target)]
            .into_iter()
            .filter(|(_, id)| self.index_of(id).is_none())
            .map(|(end, id)| ProblemKind::UnknownEndpoint {
                end,
                id: id.clone(),
            })
            .collect()
    }

    fn check_sources(&self, problems: &mut Vec<ProblemKind>, sources: &[Source]) {
        if sources.is_empty() {
            problems.push(ProblemKind::NoSources);
        }
        if self.meta.sources.is_empty() {
            return;
        }
        for cite in sources {
            match self.meta.document(&cite.document) {
                None => problems.push(ProblemKind::UnknownDocument {
                    document: cite.document.clone(),
                }),
                Some(doc) if !doc.sections.is_empty() && !doc.sections.contains(&cite.section) => {
                    problems.push(ProblemKind::UnknownSection {
                        document: cite.document.clone(),
                        section: cite.section.clone(),
                    })
                }
                Some(_) => {}
            }
        }
    }

    /// Links leaving `node`, optionally only those of some relations, in
    /// insertion order.
    pub fn links_from<'g>(
        &'g self,
        node: NodeIndex,
        relations: &'g [Relation],
    ) -> impl Iterator<Item = LinkRef<'g>> + 'g {
        self.links_at(node, Direction::Outgoing, relations)
    }

    /// Links arriving at `node`, optionally only those of some relations, in
    /// insertion order.
    pub fn links_to<'g>(
        &'g self,
        node: NodeIndex,
        relations: &'g [Relation],
    ) -> impl Iterator<Item = LinkRef<'g>> + 'g {
        self.links_at(node, Direction::Incoming, relations)
    }

    fn links_at<'g>(
        &'g self,
        node: NodeIndex,
        dir: Direction,
        relations: &'g [Relation],
    ) -> impl Iterator<Item = LinkRef<'g>> + 'g {
        // petgraph walks a node's adjacency list newest first; reverse to
        // give file order.
        let mut edges: Vec<_> = self
            .inner
            .edges_directed(node, dir)
            .filter(|e| relations.is_empty() || relations.contains(&e.weight().relation))
            .map(LinkRef::from)
            .collect();
        edges.sort_by_key(|e| e.index);
        edges.into_iter()
    }
}

fn check_text(problems: &mut Vec<ProblemKind>, field: &'static str, value: &str) {
    if value.is_empty() || value.trim() != value {
        problems.push(ProblemKind::BlankText {
            field,
            value: value.to_owned(),
        });
    }
}

fn check_span(
    problems: &mut Vec<ProblemKind>,
    since: Option<PartialDate>,
    until: Option<PartialDate>,
) {
    if let (Some(since), Some(until)) = (since, until)
        && since.start() > until.end()
    {
        problems.push(ProblemKind::DateOrder { since, until });
    }
}

/// A link together with its index and the indices of its ends.
#[derive(Debug, Clone, Copy)]
pub struct LinkRef<'g> {
    /// The link's index in the graph.
    pub index: EdgeIndex,
    /// Index of the subject node.
    pub source: NodeIndex,
    /// Index of the object node.
    pub target: NodeIndex,
    /// The link itself.
    pub link: &'g Link,
}

impl<'g> From<petgraph::graph::EdgeReference<'g, Link>> for LinkRef<'g> {
    fn from(e: petgraph::graph::EdgeReference<'g, Link>) -> Self {
        LinkRef {
            index: e.id(),
            source: e.source(),
            target: e.target(),
            link: e.weight(),
        }
    }
}

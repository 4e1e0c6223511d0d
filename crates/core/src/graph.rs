//! The typed graph and its single validating insertion path.

use std::hash::BuildHasher;
use std::sync::OnceLock;

use hashbrown::{DefaultHashBuilder, HashMap, HashTable};
use petgraph::Direction;
use petgraph::graph::{DiGraph, EdgeIndex, NodeIndex};
use petgraph::visit::EdgeRef;

use crate::error::{End, ProblemKind, Rejected};
use crate::lookup::NameIndex;
use crate::{Coverage, GraphMeta, Link, NewLink, Node, PartialDate, Relation, Source};

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
/// // A stored link knows its ends through the graph:
/// let led = g.links().next().unwrap();
/// assert_eq!(g.end_ids(led.index), ("romania", "cyber-defence-trust-fund"));
/// assert!(g.add_link(bad).is_err());
/// # Ok::<(), partnership::model::Rejected>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct Graph {
    meta: GraphMeta,
    inner: DiGraph<Node, Link>,
    ids: IdIndex,
    /// Built on the first name lookup: most commands never need it.
    names: OnceLock<NameIndex>,
    pair_keys: PairKeys,
}

/// Node ids to node indices, hashing the ids the nodes already hold, so that
/// no id is stored twice.
#[derive(Debug, Clone, Default)]
struct IdIndex {
    table: HashTable<NodeIndex>,
    hasher: DefaultHashBuilder,
}

impl IdIndex {
    fn get(&self, nodes: &DiGraph<Node, Link>, id: &str) -> Option<NodeIndex> {
        let hash = self.hasher.hash_one(id);
        self.table
            .find(hash, |&i| nodes.node_weight(i).is_some_and(|n| n.id == id))
            .copied()
    }

    fn insert(&mut self, nodes: &DiGraph<Node, Link>, id: &str, index: NodeIndex) {
        let hasher = &self.hasher;
        let hash = hasher.hash_one(id);
        self.table.insert_unique(hash, index, |&i| {
            hasher.hash_one(nodes.node_weight(i).map_or("", |n| n.id.as_str()))
        });
    }
}

/// The keys used by the parallel links of each pair: every key below the
/// pair's `dense` count, plus the pair's `sparse` keys, all above it. The
/// next free key is always `dense`, so giving keys and checking them is
/// linear overall. Most pairs have keys 0, 1, ... in order and cost one
/// entry of `dense` only.
#[derive(Debug, Clone, Default)]
struct PairKeys {
    dense: HashMap<(NodeIndex, NodeIndex), u64>,
    sparse: HashMap<(NodeIndex, NodeIndex), hashbrown::HashSet<u64>>,
}

impl PairKeys {
    fn contains(&self, pair: (NodeIndex, NodeIndex), key: u64) -> bool {
        key < self.dense.get(&pair).copied().unwrap_or(0)
            || self.sparse.get(&pair).is_some_and(|s| s.contains(&key))
    }

    /// Marks `key` as used by the pair (it must be free), or the pair's next
    /// free key when `None`; returns the key.
    fn take(&mut self, pair: (NodeIndex, NodeIndex), key: Option<u64>) -> u64 {
        let dense = self.dense.entry(pair).or_insert(0);
        let key = key.unwrap_or(*dense);
        if key == *dense {
            *dense = dense.saturating_add(1);
            if let Some(sparse) = self.sparse.get_mut(&pair) {
                while sparse.remove(&*dense) {
                    *dense = dense.saturating_add(1);
                }
                if sparse.is_empty() {
                    self.sparse.remove(&pair);
                }
            }
        } else {
            self.sparse.entry(pair).or_default().insert(key);
        }
        key
    }
}

impl PartialEq for Graph {
    /// Two graphs are equal when their metadata, nodes and links are equal and
    /// in the same order.
    fn eq(&self, other: &Self) -> bool {
        fn links(g: &Graph) -> impl Iterator<Item = (NodeIndex, NodeIndex, &Link)> {
            g.inner
                .raw_edges()
                .iter()
                .map(|e| (e.source(), e.target(), &e.weight))
        }
        self.meta == other.meta
            && self.inner.node_weights().eq(other.inner.node_weights())
            && links(self).eq(links(other))
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

    /// The period the data covers, when the file declares it
    /// (`graph.coverage`).
    ///
    /// ```
    /// let g = partnership::model::dataset();
    /// let c = g.coverage().unwrap();
    /// assert_eq!(c.until.to_string(), "2017-07-11");
    /// ```
    pub fn coverage(&self) -> Option<&Coverage> {
        self.meta.coverage.as_ref()
    }

    /// The coverage, when `date` lies wholly after it: a question asked as
    /// of that date may miss what happened after the data ends. `None` when
    /// the date overlaps the coverage or the graph declares none.
    ///
    /// ```
    /// let g = partnership::model::dataset();
    /// assert!(g.past_coverage("2020".parse().unwrap()).is_some());
    /// assert!(g.past_coverage("2017-07".parse().unwrap()).is_none());
    /// ```
    pub fn past_coverage(&self, date: PartialDate) -> Option<&Coverage> {
        self.coverage().filter(|c| c.is_past(date))
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

    /// The indices of the subject and object of the link at `index`.
    ///
    /// # Panics
    /// If `index` is not a link of this graph.
    pub fn ends(&self, index: EdgeIndex) -> (NodeIndex, NodeIndex) {
        let edge = &self.inner.raw_edges()[index.index()];
        (edge.source(), edge.target())
    }

    /// The ids of the subject and object of the link at `index`.
    ///
    /// # Panics
    /// If `index` is not a link of this graph.
    pub fn end_ids(&self, index: EdgeIndex) -> (&str, &str) {
        let (s, t) = self.ends(index);
        (&self.inner[s].id, &self.inner[t].id)
    }

    /// The index of the node with this exact id.
    pub fn index_of(&self, id: &str) -> Option<NodeIndex> {
        self.ids.get(&self.inner, id)
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
        self.names.get_or_init(|| {
            let mut names = NameIndex::default();
            for (index, node) in self.nodes() {
                names.insert(index, node);
            }
            names
        })
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
        self.ids.insert(&self.inner, &node.id, index);
        if let Some(names) = self.names.get_mut() {
            names.insert(index, node);
        }
        index
    }

    /// Reserves room for `nodes` more nodes and `links` more links.
    pub(crate) fn reserve(&mut self, nodes: usize, links: usize) {
        self.inner.reserve_nodes(nodes);
        self.inner.reserve_edges(links);
    }

    /// Gives back the room [`Graph::reserve`] took and did not use.
    pub(crate) fn shrink_to_fit(&mut self) {
        self.inner.shrink_to_fit();
    }

    /// Every rule `node` would break if it were added now; empty when
    /// [`Graph::add_node`] would accept it.
    pub fn check_node(&self, node: &Node) -> Vec<ProblemKind> {
        let mut problems = Vec::new();
        check_text(&mut problems, "id", &node.id);
        check_text(&mut problems, "name", &node.name);
        if let Some(first) = self.index_of(&node.id) {
            problems.push(ProblemKind::DuplicateId {
                id: node.id.clone(),
                first: first.index(),
            });
        }
        check_node_span(&mut problems, node.since, node.until, node.date);
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
    pub fn add_link(&mut self, link: NewLink) -> Result<EdgeIndex, Rejected> {
        let problems = self.check_link(&link);
        match (self.index_of(&link.source), self.index_of(&link.target)) {
            (Some(s), Some(t)) if problems.is_empty() => Ok(self.insert_link(s, t, link.link)),
            _ => Err(Rejected { problems }),
        }
    }

    /// Stores a link between `s` and `t` that has already passed
    /// [`Graph::check_link`] (or the loader's equivalent checks), giving it
    /// the next free key of its pair when it has none.
    pub(crate) fn insert_link(&mut self, s: NodeIndex, t: NodeIndex, mut link: Link) -> EdgeIndex {
        link.key = Some(self.pair_keys.take((s, t), link.key));
        self.inner.add_edge(s, t, link)
    }

    /// Every rule `link` would break if it were added now; empty when
    /// [`Graph::add_link`] would accept it.
    pub fn check_link(&self, link: &NewLink) -> Vec<ProblemKind> {
        let mut problems = Vec::new();
        let ends = [(End::Source, &link.source), (End::Target, &link.target)];
        for (end, id) in ends {
            if self.index_of(id).is_none() {
                problems.push(ProblemKind::UnknownEndpoint {
                    end,
                    id: id.clone(),
                });
            }
        }
        if let (Some(s), Some(t)) = (self.index_of(&link.source), self.index_of(&link.target)) {
            self.check_ends(&mut problems, s, t, Some(link.relation), link.key);
        }
        check_role(&mut problems, Some(link.relation), link.role.as_deref());
        check_span(&mut problems, link.since, link.until);
        self.check_sources(&mut problems, &link.sources);
        problems
    }

    /// The checks of a link that need its ends: the relation (when known)
    /// allows their kinds, and the key (when given) is free.
    pub(crate) fn check_ends(
        &self,
        problems: &mut Vec<ProblemKind>,
        s: NodeIndex,
        t: NodeIndex,
        relation: Option<Relation>,
        key: Option<u64>,
    ) {
        let (subject, object) = (self.inner[s].kind, self.inner[t].kind);
        if let Some(relation) = relation
            && !relation.allows(subject, object)
        {
            problems.push(ProblemKind::KindsNotAllowed {
                relation,
                subject,
                object,
            });
        }
        if let Some(key) = key
            && self.pair_keys.contains((s, t), key)
        {
            problems.push(ProblemKind::DuplicateKey {
                key,
                source_id: self.inner[s].id.clone(),
                target_id: self.inner[t].id.clone(),
            });
        }
    }

    /// A citation list's problems: empty, or (when `graph.sources` declares
    /// documents) naming an undeclared document or section.
    pub(crate) fn check_sources(&self, problems: &mut Vec<ProblemKind>, sources: &[Source]) {
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

/// A `holds_office` link needs a non-blank `role`.
pub(crate) fn check_role(
    problems: &mut Vec<ProblemKind>,
    relation: Option<Relation>,
    role: Option<&str>,
) {
    if relation == Some(Relation::HoldsOffice) && role.is_none_or(|r| r.trim().is_empty()) {
        problems.push(ProblemKind::MissingRole);
    }
}

/// A node's dates in order: `since` not after `until`, nor `date` after
/// `until` when there is no `since`.
pub(crate) fn check_node_span(
    problems: &mut Vec<ProblemKind>,
    since: Option<PartialDate>,
    until: Option<PartialDate>,
    date: Option<PartialDate>,
) {
    check_span(problems, since, until);
    if since.is_none() {
        check_span(problems, date, until);
    }
}

/// An id or name must be non-empty text without surrounding white space.
pub(crate) fn check_text(problems: &mut Vec<ProblemKind>, field: &'static str, value: &str) {
    if value.is_empty() || value.trim() != value {
        problems.push(ProblemKind::BlankText {
            field,
            value: value.to_owned(),
        });
    }
}

pub(crate) fn check_span(
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
    /// The link itself. `LinkRef` also dereferences to it, so its facts
    /// read directly: `link.since`, `link.relation`.
    pub weight: &'g Link,
}

impl std::ops::Deref for LinkRef<'_> {
    type Target = Link;

    fn deref(&self) -> &Link {
        self.weight
    }
}

impl<'g> From<petgraph::graph::EdgeReference<'g, Link>> for LinkRef<'g> {
    fn from(e: petgraph::graph::EdgeReference<'g, Link>) -> Self {
        LinkRef {
            index: e.id(),
            source: e.source(),
            target: e.target(),
            weight: e.weight(),
        }
    }
}

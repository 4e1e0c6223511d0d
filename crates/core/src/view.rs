//! Views: the graph seen through filters (as of a date, some relations, some
//! kinds), without copying it.

use fixedbitset::FixedBitSet;
use petgraph::graph::{DiGraph, EdgeIndex, EdgeReference, NodeIndex};
use petgraph::visit::{
    Data, EdgeCount, EdgeIndexable, EdgeRef, GraphBase, GraphProp, IntoEdgeReferences, IntoEdges,
    IntoEdgesDirected, IntoNeighbors, IntoNeighborsDirected, IntoNodeIdentifiers,
    IntoNodeReferences, NodeCount, NodeIndexable, Visitable,
};
use petgraph::{Directed, Direction};

use crate::{Graph, Kind, Link, Node, PartialDate, Relation};

/// The graph seen through filters: only some nodes and links are visible.
///
/// A view borrows the graph and keeps one bit per node and per link, so
/// making and narrowing views is cheap. A link is visible only when it passes
/// every filter and both its ends are visible. `&View` implements petgraph's
/// visit traits, so petgraph's algorithms (and this project's analysis crate)
/// run on it directly.
///
/// ```
/// use partnership::model::{dataset, PartialDate, Relation};
/// use petgraph::visit::IntoNodeIdentifiers;
/// let g = dataset();
/// let as_of_2010 = g.view().as_of("2010".parse::<PartialDate>().unwrap());
/// assert!(as_of_2010.node_count() < g.node_count());
/// let leads = g.view().relations(&[Relation::Leads, Relation::Executes]);
/// assert!(leads.links().all(|l| matches!(l.relation, Relation::Leads | Relation::Executes)));
/// assert_eq!((&leads).node_identifiers().count(), g.node_count());
/// ```
#[derive(Debug, Clone)]
pub struct View<'g> {
    graph: &'g Graph,
    nodes: FixedBitSet,
    links: FixedBitSet,
    node_count: usize,
}

impl Graph {
    /// A view of the whole graph, to narrow with [`View::as_of`],
    /// [`View::relations`], [`View::kinds`] and friends.
    pub fn view(&self) -> View<'_> {
        let mut nodes = FixedBitSet::with_capacity(self.node_count());
        nodes.insert_range(..);
        let mut links = FixedBitSet::with_capacity(self.link_count());
        links.insert_range(..);
        View {
            graph: self,
            nodes,
            links,
            node_count: self.node_count(),
        }
    }
}

impl<'g> View<'g> {
    /// The graph this view looks at.
    pub fn graph(&self) -> &'g Graph {
        self.graph
    }

    /// Keeps only the nodes for which `keep` is true (and the links between
    /// them).
    pub fn filter_nodes(mut self, mut keep: impl FnMut(NodeIndex, &Node) -> bool) -> Self {
        for (i, node) in self.graph.nodes() {
            if self.nodes.contains(i.index()) && !keep(i, node) {
                self.nodes.set(i.index(), false);
            }
        }
        self.node_count = self.nodes.count_ones(..);
        self.sync_links();
        self
    }

    /// Keeps only the links for which `keep` is true. Nodes stay visible.
    pub fn filter_links(mut self, mut keep: impl FnMut(EdgeIndex, &Link) -> bool) -> Self {
        for e in self.graph.petgraph().edge_references() {
            if self.links.contains(e.id().index()) && !keep(e.id(), e.weight()) {
                self.links.set(e.id().index(), false);
            }
        }
        self
    }

    /// Keeps what was active at `date`: nodes whose span overlaps it (see
    /// [`Node::span`]) and links whose own `since`/`until` overlap it.
    pub fn as_of(self, date: PartialDate) -> Self {
        self.filter_nodes(|_, n| n.active_at(&date))
            .filter_links(|_, l| l.active_at(&date))
    }

    /// Keeps what was active at some time from the start of `from` to the
    /// end of `to`: nodes whose span overlaps that range and links whose own
    /// `since`/`until` overlap it. `between(d, d)` is `as_of(d)`; a range
    /// that starts after it ends keeps nothing.
    ///
    /// ```
    /// use partnership::model::{dataset, PartialDate};
    /// let g = dataset();
    /// let d = |s: &str| s.parse::<PartialDate>().unwrap();
    /// let span = g.view().between(d("2014"), d("2016"));
    /// assert!(span.node_count() >= g.view().as_of(d("2015")).node_count());
    /// assert_eq!(g.view().between(d("2010"), d("2010")).link_count(), g.view().as_of(d("2010")).link_count());
    /// ```
    pub fn between(self, from: PartialDate, to: PartialDate) -> Self {
        self.filter_nodes(|_, n| {
            let (s, u) = n.span();
            crate::date::span_overlaps_range(s.as_ref(), u.as_ref(), &from, &to)
        })
        .filter_links(|_, l| {
            crate::date::span_overlaps_range(l.since.as_ref(), l.until.as_ref(), &from, &to)
        })
    }

    /// Keeps only links of these relations. Nodes stay visible.
    pub fn relations(self, relations: &[Relation]) -> Self {
        self.filter_links(|_, l| relations.contains(&l.relation))
    }

    /// Keeps only nodes of these kinds.
    pub fn kinds(self, kinds: &[Kind]) -> Self {
        self.filter_nodes(|_, n| kinds.contains(&n.kind))
    }

    /// Hides nodes with no visible link.
    pub fn without_isolated(self) -> Self {
        let mut touched = FixedBitSet::with_capacity(self.graph.node_count());
        for l in self.links() {
            touched.insert(l.source.index());
            touched.insert(l.target.index());
        }
        self.filter_nodes(|i, _| touched.contains(i.index()))
    }

    fn sync_links(&mut self) {
        for e in self.graph.petgraph().edge_references() {
            let i = e.id().index();
            if self.links.contains(i)
                && !(self.nodes.contains(e.source().index())
                    && self.nodes.contains(e.target().index()))
            {
                self.links.set(i, false);
            }
        }
    }

    /// Whether the node is visible.
    pub fn contains_node(&self, index: NodeIndex) -> bool {
        self.nodes.contains(index.index())
    }

    /// Whether the link is visible.
    pub fn contains_link(&self, index: EdgeIndex) -> bool {
        self.links.contains(index.index())
    }

    /// Number of visible nodes.
    pub fn node_count(&self) -> usize {
        self.node_count
    }

    /// Number of visible links.
    pub fn link_count(&self) -> usize {
        self.links.count_ones(..)
    }

    /// Visible nodes, in insertion order.
    pub fn nodes(&self) -> impl Iterator<Item = (NodeIndex, &'g Node)> + '_ {
        let g = self.graph;
        self.nodes
            .ones()
            .map(move |i| (NodeIndex::new(i), g.node(NodeIndex::new(i))))
    }

    /// Visible links, in insertion order.
    pub fn links(&self) -> impl Iterator<Item = crate::LinkRef<'g>> + '_ {
        let g = self.graph.petgraph();
        self.links.ones().map(move |i| {
            let e = EdgeIndex::new(i);
            let (source, target) = g.edge_endpoints(e).unwrap_or_default();
            crate::LinkRef {
                index: e,
                source,
                target,
                weight: &g[e],
            }
        })
    }

    fn inner(&self) -> &'g DiGraph<Node, Link> {
        self.graph.petgraph()
    }
}

impl GraphBase for View<'_> {
    type NodeId = NodeIndex;
    type EdgeId = EdgeIndex;
}

impl Data for View<'_> {
    type NodeWeight = Node;
    type EdgeWeight = Link;
}

impl GraphProp for View<'_> {
    type EdgeType = Directed;
}

impl NodeIndexable for View<'_> {
    fn node_bound(&self) -> usize {
        self.graph.node_count()
    }
    fn to_index(&self, a: NodeIndex) -> usize {
        a.index()
    }
    fn from_index(&self, i: usize) -> NodeIndex {
        NodeIndex::new(i)
    }
}

impl EdgeIndexable for View<'_> {
    fn edge_bound(&self) -> usize {
        self.graph.link_count()
    }
    fn to_index(&self, a: EdgeIndex) -> usize {
        a.index()
    }
    fn from_index(&self, i: usize) -> EdgeIndex {
        EdgeIndex::new(i)
    }
}

impl NodeCount for View<'_> {
    fn node_count(&self) -> usize {
        self.node_count
    }
}

impl EdgeCount for View<'_> {
    fn edge_count(&self) -> usize {
        self.link_count()
    }
}

impl Visitable for View<'_> {
    type Map = FixedBitSet;
    fn visit_map(&self) -> FixedBitSet {
        FixedBitSet::with_capacity(self.graph.node_count())
    }
    fn reset_map(&self, map: &mut FixedBitSet) {
        map.clear();
        map.grow(self.graph.node_count());
    }
}

/// Visible links at one node, in one direction (petgraph adjacency order).
#[derive(Debug, Clone)]
pub struct ViewEdges<'a> {
    inner: petgraph::graph::Edges<'a, Link, Directed>,
    view: &'a FixedBitSet,
}

impl<'a> Iterator for ViewEdges<'a> {
    type Item = EdgeReference<'a, Link>;
    fn next(&mut self) -> Option<Self::Item> {
        self.inner
            .by_ref()
            .find(|e| self.view.contains(e.id().index()))
    }
}

/// Visible neighbours of one node, in one direction.
#[derive(Debug, Clone)]
pub struct ViewNeighbors<'a> {
    edges: ViewEdges<'a>,
    dir: Direction,
}

impl Iterator for ViewNeighbors<'_> {
    type Item = NodeIndex;
    fn next(&mut self) -> Option<NodeIndex> {
        let e = self.edges.next()?;
        Some(match self.dir {
            Direction::Outgoing => e.target(),
            Direction::Incoming => e.source(),
        })
    }
}

/// Every visible link.
#[derive(Debug, Clone)]
pub struct ViewEdgeReferences<'a> {
    inner: petgraph::graph::EdgeReferences<'a, Link>,
    view: &'a FixedBitSet,
}

impl<'a> Iterator for ViewEdgeReferences<'a> {
    type Item = EdgeReference<'a, Link>;
    fn next(&mut self) -> Option<Self::Item> {
        self.inner
            .by_ref()
            .find(|e| self.view.contains(e.id().index()))
    }
}

/// Every visible node index.
#[derive(Clone)]
pub struct ViewNodeIdentifiers<'a> {
    ones: fixedbitset::Ones<'a>,
}

impl Iterator for ViewNodeIdentifiers<'_> {
    type Item = NodeIndex;
    fn next(&mut self) -> Option<NodeIndex> {
        self.ones.next().map(NodeIndex::new)
    }
}

/// Every visible node with its weight.
#[derive(Clone)]
pub struct ViewNodeReferences<'a> {
    ones: fixedbitset::Ones<'a>,
    graph: &'a DiGraph<Node, Link>,
}

impl<'a> Iterator for ViewNodeReferences<'a> {
    type Item = (NodeIndex, &'a Node);
    fn next(&mut self) -> Option<Self::Item> {
        let i = NodeIndex::new(self.ones.next()?);
        Some((i, &self.graph[i]))
    }
}

impl<'a> IntoEdgesDirected for &'a View<'_> {
    type EdgesDirected = ViewEdges<'a>;
    fn edges_directed(self, a: NodeIndex, dir: Direction) -> ViewEdges<'a> {
        ViewEdges {
            inner: self.inner().edges_directed(a, dir),
            view: &self.links,
        }
    }
}

impl<'a> IntoEdges for &'a View<'_> {
    type Edges = ViewEdges<'a>;
    fn edges(self, a: NodeIndex) -> ViewEdges<'a> {
        self.edges_directed(a, Direction::Outgoing)
    }
}

impl<'a> IntoNeighborsDirected for &'a View<'_> {
    type NeighborsDirected = ViewNeighbors<'a>;
    fn neighbors_directed(self, a: NodeIndex, dir: Direction) -> ViewNeighbors<'a> {
        ViewNeighbors {
            edges: self.edges_directed(a, dir),
            dir,
        }
    }
}

impl<'a> IntoNeighbors for &'a View<'_> {
    type Neighbors = ViewNeighbors<'a>;
    fn neighbors(self, a: NodeIndex) -> ViewNeighbors<'a> {
        self.neighbors_directed(a, Direction::Outgoing)
    }
}

impl<'a> IntoEdgeReferences for &'a View<'_> {
    type EdgeRef = EdgeReference<'a, Link>;
    type EdgeReferences = ViewEdgeReferences<'a>;
    fn edge_references(self) -> ViewEdgeReferences<'a> {
        ViewEdgeReferences {
            inner: self.inner().edge_references(),
            view: &self.links,
        }
    }
}

impl<'a> IntoNodeIdentifiers for &'a View<'_> {
    type NodeIdentifiers = ViewNodeIdentifiers<'a>;
    fn node_identifiers(self) -> ViewNodeIdentifiers<'a> {
        ViewNodeIdentifiers {
            ones: self.nodes.ones(),
        }
    }
}

impl<'a> IntoNodeReferences for &'a View<'_> {
    type NodeRef = (NodeIndex, &'a Node);
    type NodeReferences = ViewNodeReferences<'a>;
    fn node_references(self) -> ViewNodeReferences<'a> {
        ViewNodeReferences {
            ones: self.nodes.ones(),
            graph: self.inner(),
        }
    }
}

impl std::fmt::Debug for ViewNodeIdentifiers<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ViewNodeIdentifiers")
            .finish_non_exhaustive()
    }
}

impl std::fmt::Debug for ViewNodeReferences<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ViewNodeReferences").finish_non_exhaustive()
    }
}

//! What to export: the whole graph or a part of it, chosen once and handed to
//! every writer.

use std::str::FromStr;

use fixedbitset::FixedBitSet;
use partnership_core::petgraph::Direction;
use partnership_core::petgraph::visit::EdgeRef;
use partnership_core::petgraph::visit::IntoEdgesDirected;
use partnership_core::{Graph, Kind, LinkRef, Node, NodeIndex, PartialDate, Relation, View};

use crate::error::{Error, Result, parse_name};

/// Which links a neighbourhood follows away from its focus nodes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "clap", derive(clap::ValueEnum))]
pub enum LinkDirection {
    /// Only outgoing links: what the focus nodes lead, join, sign...
    #[cfg_attr(feature = "clap", value(name = "out"))]
    Outgoing,
    /// Only incoming links: who leads, joins, signs the focus nodes.
    #[cfg_attr(feature = "clap", value(name = "in"))]
    Incoming,
    /// Links either way.
    #[default]
    Both,
}

impl LinkDirection {
    /// Every direction, in declaration order.
    pub const ALL: [LinkDirection; 3] = [
        LinkDirection::Outgoing,
        LinkDirection::Incoming,
        LinkDirection::Both,
    ];

    /// The name [`FromStr`] reads: `out`, `in` or `both`.
    pub fn as_str(self) -> &'static str {
        match self {
            LinkDirection::Outgoing => "out",
            LinkDirection::Incoming => "in",
            LinkDirection::Both => "both",
        }
    }

    fn directions(self) -> &'static [Direction] {
        match self {
            LinkDirection::Outgoing => &[Direction::Outgoing],
            LinkDirection::Incoming => &[Direction::Incoming],
            LinkDirection::Both => &[Direction::Outgoing, Direction::Incoming],
        }
    }
}

impl std::fmt::Display for LinkDirection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for LinkDirection {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self> {
        parse_name(
            &LinkDirection::ALL,
            LinkDirection::as_str,
            s,
            "direction",
            "out, in or both",
        )
    }
}

/// What a [`Selection`] keeps, as plain data (a command line fills it in).
///
/// The default keeps the whole graph. Filters apply first (`as_of`, then
/// `kinds`, then `relations`); a neighbourhood is then taken on what the
/// filters left, so it only follows links that pass them.
///
/// ```
/// use partnership::export::{LinkDirection, SelectionOptions};
/// use partnership::model::Relation;
/// let who_leads = SelectionOptions::default()
///     .around(["c4-trust-fund"], 1)
///     .direction(LinkDirection::Incoming)
///     .relations([Relation::Leads, Relation::Executes]);
/// assert_eq!(who_leads.depth, 1);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SelectionOptions {
    /// Ids, names or aliases of the focus nodes (resolved with
    /// [`Graph::resolve`]). Empty: no neighbourhood, the whole (filtered)
    /// graph.
    pub around: Vec<String>,
    /// How many links away from the focus nodes to reach; 0 keeps only the
    /// focus nodes. Ignored without focus nodes.
    pub depth: usize,
    /// Which links the neighbourhood follows. Ignored without focus nodes.
    pub direction: LinkDirection,
    /// Keep only nodes of these kinds; `None` keeps every kind.
    pub kinds: Option<Vec<Kind>>,
    /// Keep only links of these relations; `None` keeps every relation.
    pub relations: Option<Vec<Relation>>,
    /// Keep only what was active at this date (see [`View::as_of`]).
    pub as_of: Option<PartialDate>,
    /// Leave out these nodes (ids, names or aliases) and their links, such
    /// as a hub that would crowd a drawing. Applied before the
    /// neighbourhood is grown, so nothing is reached through them.
    pub exclude: Vec<String>,
    /// Drop nodes left without any link, after everything else.
    pub hide_isolated: bool,
}

impl Default for SelectionOptions {
    fn default() -> Self {
        SelectionOptions {
            around: Vec::new(),
            depth: 1,
            direction: LinkDirection::Both,
            kinds: None,
            relations: None,
            as_of: None,
            exclude: Vec::new(),
            hide_isolated: false,
        }
    }
}

impl SelectionOptions {
    /// The options that keep the whole graph.
    pub fn new() -> Self {
        Self::default()
    }

    /// The neighbourhood of `nodes` (ids, names or aliases) to `depth`.
    pub fn around<I, S>(mut self, nodes: I, depth: usize) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.around = nodes.into_iter().map(Into::into).collect();
        self.depth = depth;
        self
    }

    /// Which links the neighbourhood follows.
    pub fn direction(mut self, direction: LinkDirection) -> Self {
        self.direction = direction;
        self
    }

    /// Only nodes of these kinds.
    pub fn kinds(mut self, kinds: impl IntoIterator<Item = Kind>) -> Self {
        self.kinds = Some(kinds.into_iter().collect());
        self
    }

    /// Only links of these relations.
    pub fn relations(mut self, relations: impl IntoIterator<Item = Relation>) -> Self {
        self.relations = Some(relations.into_iter().collect());
        self
    }

    /// Only what was active at `date`.
    pub fn as_of(mut self, date: PartialDate) -> Self {
        self.as_of = Some(date);
        self
    }

    /// Leave out these nodes (ids, names or aliases) and their links.
    pub fn exclude<I, S>(mut self, nodes: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.exclude = nodes.into_iter().map(Into::into).collect();
        self
    }

    /// Drop nodes left without links.
    pub fn hide_isolated(mut self, hide: bool) -> Self {
        self.hide_isolated = hide;
        self
    }
}

/// The part of a graph to export: a core [`View`] (one bit per node and per
/// link, no copy of the graph) plus the focus nodes it was grown from.
///
/// Every writer takes a `&Selection`, so one selection serves every format.
/// Nodes and links come out in the graph's insertion order, which is what
/// makes every writer's output byte-identical run after run.
///
/// ```
/// use partnership::export::{Selection, SelectionOptions};
/// let g = partnership::model::dataset();
/// let all = Selection::all(g);
/// assert_eq!(all.node_count(), g.node_count());
///
/// let around = Selection::new(g, &SelectionOptions::new().around(["NATO"], 1))?;
/// assert!(around.node_count() <= g.node_count());
/// assert!(Selection::new(g, &SelectionOptions::new().around(["no such thing"], 1)).is_err());
/// # Ok::<(), partnership::export::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Selection<'g> {
    view: View<'g>,
    focus: Vec<NodeIndex>,
}

impl<'g> Selection<'g> {
    /// The whole graph.
    pub fn all(graph: &'g Graph) -> Self {
        Selection {
            view: graph.view(),
            focus: Vec::new(),
        }
    }

    /// Exactly what `view` shows, for selections the options cannot express.
    pub fn from_view(view: View<'g>) -> Self {
        Selection {
            view,
            focus: Vec::new(),
        }
    }

    /// The part of `graph` that `options` describe.
    ///
    /// A selection may be empty (an `as_of` date before anything began, a
    /// kind the graph does not have); every writer then writes a valid file
    /// with nothing in it.
    ///
    /// # Errors
    /// - [`Error::UnknownNode`] when a focus node does not resolve to exactly
    ///   one node;
    /// - [`Error::EmptyFilter`] when `kinds` or `relations` is `Some` but
    ///   empty;
    /// - [`Error::UnknownExcluded`] when an excluded node does not resolve
    ///   to exactly one node, [`Error::FocusExcluded`] when it is also a
    ///   focus node;
    /// - [`Error::FocusKindExcluded`] or [`Error::FocusInactive`] when a focus
    ///   node exists but the filters hide it, since a neighbourhood of a node
    ///   that is not there is a contradiction, not an empty answer.
    ///
    /// # Complexity
    /// O(V + E) time and O(V + E) bits of space beyond the graph.
    pub fn new(graph: &'g Graph, options: &SelectionOptions) -> Result<Self> {
        for (filter, empty) in [
            ("kinds", options.kinds.as_ref().is_some_and(Vec::is_empty)),
            (
                "relations",
                options.relations.as_ref().is_some_and(Vec::is_empty),
            ),
        ] {
            if empty {
                return Err(Error::EmptyFilter { filter });
            }
        }
        let mut focus = Vec::with_capacity(options.around.len());
        for query in &options.around {
            let index = graph.resolve(query).map_err(|source| Error::UnknownNode {
                query: query.clone(),
                source,
            })?;
            if !focus.contains(&index) {
                focus.push(index);
            }
        }

        let mut excluded = Vec::with_capacity(options.exclude.len());
        for query in &options.exclude {
            let index = graph
                .resolve(query)
                .map_err(|source| Error::UnknownExcluded {
                    query: query.clone(),
                    source,
                })?;
            if focus.contains(&index) {
                return Err(Error::FocusExcluded {
                    id: graph.node(index).id.clone(),
                });
            }
            excluded.push(index);
        }

        let mut view = graph.view();
        if !excluded.is_empty() {
            view = view.filter_nodes(|i, _| !excluded.contains(&i));
        }
        if let Some(date) = options.as_of {
            view = view.as_of(date);
        }
        if let Some(kinds) = &options.kinds {
            view = view.kinds(kinds);
        }
        if let Some(relations) = &options.relations {
            view = view.relations(relations);
        }
        for &index in &focus {
            if view.contains_node(index) {
                continue;
            }
            let node = graph.node(index);
            return Err(match options.as_of {
                Some(date) if !node.active_at(&date) => Error::FocusInactive {
                    id: node.id.clone(),
                    date,
                },
                _ => Error::FocusKindExcluded {
                    id: node.id.clone(),
                    kind: node.kind,
                },
            });
        }
        if !focus.is_empty() {
            let reached = neighbourhood(&view, &focus, options.depth, options.direction);
            view = view.filter_nodes(|i, _| reached.contains(i.index()));
        }
        if options.hide_isolated {
            view = view.without_isolated();
        }
        Ok(Selection { view, focus })
    }

    /// The graph the selection is part of.
    pub fn graph(&self) -> &'g Graph {
        self.view.graph()
    }

    /// The selection as a core view, for petgraph algorithms.
    pub fn view(&self) -> &View<'g> {
        &self.view
    }

    /// The focus nodes the selection was grown from, in the order given
    /// (empty for a whole-graph selection).
    pub fn focus(&self) -> &[NodeIndex] {
        &self.focus
    }

    /// Selected nodes, in insertion order.
    pub fn nodes(&self) -> impl Iterator<Item = (NodeIndex, &'g Node)> + '_ {
        self.view.nodes()
    }

    /// Selected links, in insertion order. Both ends of each are selected.
    pub fn links(&self) -> impl Iterator<Item = LinkRef<'g>> + '_ {
        self.view.links()
    }

    /// Whether the node is selected.
    pub fn contains_node(&self, index: NodeIndex) -> bool {
        self.view.contains_node(index)
    }

    /// Number of selected nodes.
    pub fn node_count(&self) -> usize {
        self.view.node_count()
    }

    /// Number of selected links.
    pub fn link_count(&self) -> usize {
        self.view.link_count()
    }

    /// Whether nothing is selected.
    pub fn is_empty(&self) -> bool {
        self.node_count() == 0
    }
}

/// Breadth-first search from `focus` over the links `view` shows, up to
/// `depth` links away; returns the reached nodes as a bit set.
fn neighbourhood(
    view: &View<'_>,
    focus: &[NodeIndex],
    depth: usize,
    direction: LinkDirection,
) -> FixedBitSet {
    let mut reached = FixedBitSet::with_capacity(view.graph().node_count());
    let mut frontier: Vec<NodeIndex> = focus.to_vec();
    for &n in focus {
        reached.insert(n.index());
    }
    let mut next = Vec::new();
    for _ in 0..depth {
        for &node in &frontier {
            for &dir in direction.directions() {
                for edge in view.edges_directed(node, dir) {
                    let other = match dir {
                        Direction::Outgoing => edge.target(),
                        Direction::Incoming => edge.source(),
                    };
                    if !reached.put(other.index()) {
                        next.push(other);
                    }
                }
            }
        }
        if next.is_empty() {
            break;
        }
        std::mem::swap(&mut frontier, &mut next);
        next.clear();
    }
    reached
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

    use super::*;
    use partnership_core::{Link, Source};

    fn cite() -> Source {
        Source {
            document: "test".into(),
            section: "test".into(),
        }
    }

    /// ```text
    /// a ──leads──► f ◄──leads── b      c ──member_of──► o
    ///              ▲
    ///  p ──part_of─┘   (p is a project)
    /// ```
    fn graph() -> Graph {
        let mut g = Graph::new();
        for (id, kind) in [
            ("a", Kind::State),
            ("b", Kind::State),
            ("f", Kind::Fund),
            ("p", Kind::Project),
            ("c", Kind::State),
            ("o", Kind::Organisation),
        ] {
            g.add_node(Node::new(id, kind, id.to_uppercase(), cite()))
                .unwrap();
        }
        for (s, r, t) in [
            ("a", Relation::Leads, "f"),
            ("b", Relation::Leads, "f"),
            ("p", Relation::PartOf, "f"),
            ("c", Relation::MemberOf, "o"),
        ] {
            g.add_link(Link::new(s, r, t, cite())).unwrap();
        }
        g
    }

    fn ids(s: &Selection<'_>) -> Vec<String> {
        s.nodes().map(|(_, n)| n.id.clone()).collect()
    }

    #[test]
    fn neighbourhood_follows_direction_and_depth() {
        let g = graph();
        let both = Selection::new(&g, &SelectionOptions::new().around(["a"], 2)).unwrap();
        assert_eq!(ids(&both), ["a", "b", "f", "p"]);
        let out = Selection::new(
            &g,
            &SelectionOptions::new()
                .around(["a"], 5)
                .direction(LinkDirection::Outgoing),
        )
        .unwrap();
        assert_eq!(ids(&out), ["a", "f"]);
        let zero = Selection::new(&g, &SelectionOptions::new().around(["a"], 0)).unwrap();
        assert_eq!(ids(&zero), ["a"]);
        assert_eq!(zero.link_count(), 0);
    }

    #[test]
    fn neighbourhood_only_follows_links_the_filters_keep() {
        let g = graph();
        let o = SelectionOptions::new()
            .around(["f"], 3)
            .relations([Relation::PartOf]);
        assert_eq!(ids(&Selection::new(&g, &o).unwrap()), ["f", "p"]);
    }

    #[test]
    fn several_focus_nodes_and_isolated_nodes() {
        let g = graph();
        let o = SelectionOptions::new().around(["p", "o"], 1);
        let s = Selection::new(&g, &o).unwrap();
        assert_eq!(ids(&s), ["f", "p", "c", "o"]);
        assert_eq!(s.focus().len(), 2);
        let leads = SelectionOptions::new()
            .relations([Relation::Leads])
            .hide_isolated(true);
        assert_eq!(ids(&Selection::new(&g, &leads).unwrap()), ["a", "b", "f"]);
    }

    #[test]
    fn excluded_nodes_cut_the_neighbourhood() {
        let g = graph();
        // Without f, a reaches nothing.
        let o = SelectionOptions::new().around(["a"], 3).exclude(["F"]);
        assert_eq!(ids(&Selection::new(&g, &o).unwrap()), ["a"]);
        let o = SelectionOptions::new().exclude(["f", "o"]);
        let s = Selection::new(&g, &o).unwrap();
        assert_eq!(ids(&s), ["a", "b", "p", "c"]);
        assert_eq!(s.link_count(), 0);
        let o = SelectionOptions::new().around(["a"], 1).exclude(["a"]);
        assert!(matches!(
            Selection::new(&g, &o),
            Err(Error::FocusExcluded { .. })
        ));
        let o = SelectionOptions::new().exclude(["zzz"]);
        assert!(matches!(
            Selection::new(&g, &o),
            Err(Error::UnknownExcluded { .. })
        ));
    }

    #[test]
    fn bad_options_are_typed_errors() {
        let g = graph();
        let err = Selection::new(&g, &SelectionOptions::new().around(["zz"], 1)).unwrap_err();
        assert!(matches!(err, Error::UnknownNode { ref query, .. } if query == "zz"));
        let err = Selection::new(&g, &SelectionOptions::new().kinds([])).unwrap_err();
        assert_eq!(err, Error::EmptyFilter { filter: "kinds" });
        let err = Selection::new(&g, &SelectionOptions::new().relations([])).unwrap_err();
        assert_eq!(
            err,
            Error::EmptyFilter {
                filter: "relations"
            }
        );
        let o = SelectionOptions::new().around(["a"], 1).kinds([Kind::Fund]);
        assert_eq!(
            Selection::new(&g, &o).unwrap_err(),
            Error::FocusKindExcluded {
                id: "a".into(),
                kind: Kind::State
            }
        );
    }

    #[test]
    fn a_focus_node_that_did_not_exist_yet_is_an_error() {
        let mut g = Graph::new();
        let mut n = Node::new("f", Kind::Fund, "F", cite());
        n.since = Some("2014".parse().unwrap());
        g.add_node(n).unwrap();
        let o = SelectionOptions::new()
            .around(["f"], 1)
            .as_of("2000".parse().unwrap());
        assert!(matches!(
            Selection::new(&g, &o).unwrap_err(),
            Error::FocusInactive { .. }
        ));
        // Without a focus, the same date is simply an empty selection.
        let o = SelectionOptions::new().as_of("2000".parse().unwrap());
        assert!(Selection::new(&g, &o).unwrap().is_empty());
    }

    #[test]
    fn direction_names_parse() {
        for d in LinkDirection::ALL {
            assert_eq!(d.as_str().parse::<LinkDirection>(), Ok(d));
        }
        assert!("sideways".parse::<LinkDirection>().is_err());
    }
}

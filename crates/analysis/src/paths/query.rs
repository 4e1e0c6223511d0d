//! Path questions asked with the model's names, relations, kinds and dates.

use partnership_core::{EdgeIndex, Graph, Kind, NodeIndex, PartialDate, Relation, View};

use super::k_shortest::{KShortestOptions, k_shortest_paths};
use super::path::Path;
use super::shortest::shortest_path;
use super::simple::{PathOrder, SimplePaths, SimplePathsOptions, simple_paths};
use crate::error::{Error, Result};
use crate::options::Reading;

/// Which part of the model a path may use, how links are read, and how
/// many paths are wanted.
///
/// Empty lists mean "no restriction". The default reads links either way
/// over the whole graph and asks for one shortest path, as `partnership
/// path` does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathQuery {
    /// Directed (subject to object only) or undirected (the default).
    pub reading: Reading,
    /// Only links of these relations.
    pub relations: Vec<Relation>,
    /// Only nodes of these kinds (the end points included).
    pub kinds: Vec<Kind>,
    /// Only nodes and links active at this date.
    pub as_of: Option<PartialDate>,
    /// With [`find_paths`]: every simple path up to `max_links` links, not
    /// only one shortest.
    pub all: bool,
    /// With `all`: the longest path wanted, in links.
    pub max_links: usize,
    /// With `all`: at most this many paths, the shortest first; `None` for
    /// every one (their number can grow exponentially with `max_links`).
    pub limit: Option<usize>,
    /// Entities (ids, names or aliases) no path may pass through. Naming an
    /// end of the path is an error.
    pub avoid: Vec<String>,
    /// Also keep out the `avoid_hubs` best-connected entities of the view
    /// (most links, read either way; ties in file order), the two ends and
    /// the entities in `avoid` excepted. 0 avoids none.
    pub avoid_hubs: usize,
}

impl Default for PathQuery {
    fn default() -> Self {
        PathQuery {
            reading: Reading::default(),
            relations: Vec::new(),
            kinds: Vec::new(),
            as_of: None,
            all: false,
            max_links: PathQuery::DEFAULT_MAX_LINKS,
            limit: Some(PathQuery::DEFAULT_LIMIT),
            avoid: Vec::new(),
            avoid_hubs: 0,
        }
    }
}

impl PathQuery {
    /// The default `max_links`: 4 links.
    pub const DEFAULT_MAX_LINKS: usize = 4;
    /// The default `limit`: 100 paths.
    pub const DEFAULT_LIMIT: usize = 100;

    /// The core view this query restricts paths to.
    pub fn view<'g>(&self, graph: &'g Graph) -> View<'g> {
        let mut view = graph.view();
        if !self.relations.is_empty() {
            view = view.relations(&self.relations);
        }
        if !self.kinds.is_empty() {
            view = view.kinds(&self.kinds);
        }
        if let Some(date) = self.as_of {
            view = view.as_of(date);
        }
        view
    }
}

/// The paths [`find_paths`] found, shortest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Connections {
    /// The start.
    pub from: NodeIndex,
    /// The end.
    pub to: NodeIndex,
    /// The paths, by non-decreasing length; never empty.
    pub paths: Vec<Path<NodeIndex, EdgeIndex>>,
    /// The entities kept out of the paths: those of `avoid` in the order
    /// given, then the hubs of `avoid_hubs`, best-connected first.
    pub avoided: Vec<NodeIndex>,
    /// Whether more paths within `max_links` exist than `limit` let through.
    pub truncated: bool,
}

/// A shortest path between two nodes named by id, name or alias.
///
/// Resolves both names with `Graph::resolve`, narrows the graph to the
/// query's view and runs [`shortest_path`] (a bidirectional BFS). Put the
/// result into words with `partnership_core::words::explain`. The query's
/// `all`, `max_links` and `limit` are not used; see [`find_paths`].
///
/// # Arguments
/// - `graph`: the model.
/// - `from`, `to`: ids, names or aliases.
/// - `query`: reading and restrictions.
///
/// # Returns
/// The path, with the heading of each link.
///
/// # Errors
/// [`Error::Lookup`] if a name does not resolve to one node;
/// [`Error::OutsideView`] if an end point is excluded by the kinds or the
/// date; [`Error::NoConnection`] if they are not connected.
///
/// # Complexity
/// O(n + m) to build the view when restricted, plus the search.
///
/// # Example
/// ```text
/// canada ──leads──► c4-trust-fund
/// ```
/// ```
/// use partnership::analysis::{find_path, PathQuery};
/// use partnership::model::Relation;
///
/// let g = partnership::model::dataset();
/// let query = PathQuery { relations: vec![Relation::Leads], ..Default::default() };
/// let path = find_path(g, "Canada", "C4 Trust Fund", &query)?;
/// assert_eq!(path.len(), 1);
/// # Ok::<(), partnership::analysis::Error>(())
/// ```
///
/// # Reference
/// I. Pohl, "Bi-directional search", *Machine Intelligence* 6 (1971).
pub fn find_path(
    graph: &Graph,
    from: &str,
    to: &str,
    query: &PathQuery,
) -> Result<Path<NodeIndex, EdgeIndex>> {
    let (a, b) = (graph.resolve(from)?, graph.resolve(to)?);
    let (view, _) = ends_in_view(graph, query, a, b)?;
    shortest_path(&view, a, b, query.reading).map_err(|e| no_connection(graph, a, b, None, e))
}

/// The connections between two nodes named by id, name or alias: one
/// shortest path, or with `query.all` the shortest simple paths of up to
/// `query.max_links` links, at most `query.limit` of them.
///
/// A node is connected to itself by the path without links, in both modes.
/// With `all`, reachability is checked first, so an unconnected pair
/// answers at once whatever `max_links` is. With a `limit` the paths come
/// from Yen's algorithm ([`k_shortest_paths`]), so they are the shortest
/// ones, ties in node order; without one, every path from
/// [`stream_paths`], collected (their number can grow exponentially with
/// `max_links`: to print or count them in bounded memory, iterate
/// [`stream_paths`] instead).
///
/// # Errors
/// As [`find_path`]; [`Error::NoConnection`] also when the shortest path
/// is longer than `max_links`; [`Error::InvalidOption`] for a `limit` of 0.
///
/// # Example
/// ```
/// use partnership::analysis::{find_paths, PathQuery};
///
/// let g = partnership::model::dataset();
/// let query = PathQuery { all: true, max_links: 2, limit: Some(3), ..Default::default() };
/// let found = find_paths(g, "Canada", "Ukraine", &query)?;
/// assert!(found.paths.len() <= 3);
/// assert!(found.paths.windows(2).all(|w| w[0].len() <= w[1].len()));
///
/// // The same question stepping around Ukraine and the three next hubs.
/// let around = PathQuery { avoid: vec!["Ukraine".into()], avoid_hubs: 3, ..Default::default() };
/// let found = find_paths(g, "Romania", "Verkhovna Rada", &around)?;
/// assert_eq!(found.avoided.len(), 4);
/// assert!(found.paths[0].nodes().iter().all(|n| !found.avoided.contains(n)));
/// # Ok::<(), partnership::analysis::Error>(())
/// ```
pub fn find_paths(graph: &Graph, from: &str, to: &str, query: &PathQuery) -> Result<Connections> {
    if query.limit == Some(0) {
        return Err(Error::InvalidOption {
            option: "limit",
            value: "0".to_owned(),
            expected: "at least one path",
        });
    }
    let (a, b) = (graph.resolve(from)?, graph.resolve(to)?);
    let (view, avoided) = ends_in_view(graph, query, a, b)?;
    let within = query.all.then_some(query.max_links);
    let shortest = shortest_path(&view, a, b, query.reading)
        .map_err(|e| no_connection(graph, a, b, within, e))?;
    let connections = |paths, truncated| Connections {
        from: a,
        to: b,
        paths,
        avoided: avoided.clone(),
        truncated,
    };
    if !query.all || a == b {
        return Ok(connections(vec![shortest], false));
    }
    if shortest.len() > query.max_links {
        return Err(no_connection(
            graph,
            a,
            b,
            within,
            Error::NoPath {
                from: String::new(),
                to: String::new(),
            },
        ));
    }
    let (paths, truncated) = match query.limit {
        Some(limit) => {
            let options = KShortestOptions {
                k: limit.saturating_add(1),
                reading: query.reading,
                max_links: Some(query.max_links),
            };
            let mut paths = k_shortest_paths(&view, a, b, &options)?;
            let truncated = paths.len() > limit;
            paths.truncate(limit);
            (paths, truncated)
        }
        None => (
            stream(graph, a, b, query, &view, avoided.clone())?.collect(),
            false,
        ),
    };
    Ok(connections(paths, truncated))
}

/// Every connection within `max_links` between two nodes, shortest first,
/// found one at a time: what [`find_paths`] gives without a `limit`, in
/// O(n + m) memory however many paths there are.
///
/// Both names are resolved and reachability is checked before the
/// iterator is returned, so an unconnected pair fails at once. A node is
/// connected to itself by the one path without links. Paths of one length
/// come in depth-first order, neighbours by ascending node index.
/// `query.all` and `query.limit` are not used: take as many paths as
/// wanted from the iterator.
///
/// # Errors
/// As [`find_paths`].
///
/// # Complexity
/// O(n + m) to start; then, per path, at most `max_links` pruned
/// depth-first searches' worth of work ([`PathOrder::ShortestFirst`]).
///
/// # Example
/// ```
/// use partnership::analysis::{stream_paths, PathQuery};
///
/// let g = partnership::model::dataset();
/// let query = PathQuery { max_links: 3, ..Default::default() };
/// let stream = stream_paths(g, "Canada", "Ukraine", &query)?;
/// let mut last = 0;
/// for path in stream.take(50) {
///     assert!(path.len() >= last && path.len() <= 3);
///     last = path.len();
/// }
/// # Ok::<(), partnership::analysis::Error>(())
/// ```
pub fn stream_paths(graph: &Graph, from: &str, to: &str, query: &PathQuery) -> Result<PathStream> {
    let (a, b) = (graph.resolve(from)?, graph.resolve(to)?);
    let (view, avoided) = ends_in_view(graph, query, a, b)?;
    stream(graph, a, b, query, &view, avoided)
}

/// [`stream_paths`] on resolved ends and their view.
fn stream(
    graph: &Graph,
    a: NodeIndex,
    b: NodeIndex,
    query: &PathQuery,
    view: &View<'_>,
    avoided: Vec<NodeIndex>,
) -> Result<PathStream> {
    let within = Some(query.max_links);
    let shortest = shortest_path(view, a, b, query.reading)
        .map_err(|e| no_connection(graph, a, b, within, e))?;
    if shortest.len() > query.max_links {
        return Err(no_connection(
            graph,
            a,
            b,
            within,
            Error::NoPath {
                from: String::new(),
                to: String::new(),
            },
        ));
    }
    let options = SimplePathsOptions {
        reading: query.reading,
        max_links: Some(query.max_links),
        limit: None,
        order: PathOrder::ShortestFirst,
    };
    let rest = simple_paths(view, a, b, &options)?;
    Ok(PathStream {
        from: a,
        to: b,
        avoided,
        own: (a == b).then_some(shortest),
        rest,
    })
}

/// The iterator [`stream_paths`] returns: connections between two nodes,
/// shortest first.
#[derive(Debug)]
pub struct PathStream {
    /// The start.
    pub from: NodeIndex,
    /// The end.
    pub to: NodeIndex,
    /// The entities the paths step around (`avoid` and `avoid_hubs`).
    pub avoided: Vec<NodeIndex>,
    /// The path without links, when the ends coincide.
    own: Option<Path<NodeIndex, EdgeIndex>>,
    rest: SimplePaths<NodeIndex, EdgeIndex>,
}

impl Iterator for PathStream {
    type Item = Path<NodeIndex, EdgeIndex>;

    fn next(&mut self) -> Option<Self::Item> {
        self.own.take().or_else(|| self.rest.next())
    }
}

/// The query's view without the avoided entities, after checking that both
/// ends are in it; and the entities avoided.
fn ends_in_view<'g>(
    graph: &'g Graph,
    query: &PathQuery,
    a: NodeIndex,
    b: NodeIndex,
) -> Result<(View<'g>, Vec<NodeIndex>)> {
    let view = query.view(graph);
    for end in [a, b] {
        if !view.contains_node(end) {
            let node = graph.node(end);
            return Err(match query.as_of {
                Some(date) if !node.active_at(&date) => Error::Inactive {
                    name: node.name.clone(),
                    date,
                },
                _ => Error::OutsideView {
                    id: node.id.clone(),
                },
            });
        }
    }
    let mut avoided: Vec<NodeIndex> = Vec::new();
    for name in &query.avoid {
        let index = graph.resolve(name)?;
        if index == a || index == b {
            return Err(Error::InvalidOption {
                option: "avoid",
                value: name.clone(),
                expected: "an entity other than the two ends of the path",
            });
        }
        if !avoided.contains(&index) {
            avoided.push(index);
        }
    }
    let named = avoided.len();
    avoided.extend(hubs(&view, query.avoid_hubs, |i| {
        i == a || i == b || avoided[..named].contains(&i)
    }));
    let view = if avoided.is_empty() {
        view
    } else {
        view.filter_nodes(|i, _| !avoided.contains(&i))
    };
    Ok((view, avoided))
}

/// The `n` visible nodes with the most visible links (a self-link counting
/// once), best first, ties in index order, leaving out those `skip` names.
fn hubs(view: &View<'_>, n: usize, skip: impl Fn(NodeIndex) -> bool) -> Vec<NodeIndex> {
    if n == 0 {
        return Vec::new();
    }
    let mut degree = vec![0usize; view.graph().node_count()];
    for l in view.links() {
        degree[l.source.index()] += 1;
        if l.target != l.source {
            degree[l.target.index()] += 1;
        }
    }
    let mut nodes: Vec<NodeIndex> = view.nodes().map(|(i, _)| i).filter(|&i| !skip(i)).collect();
    nodes.sort_by(|x, y| degree[y.index()].cmp(&degree[x.index()]).then(x.cmp(y)));
    nodes.truncate(n);
    nodes
}

/// A search's "no path" in the model's words; other errors pass through.
fn no_connection(
    graph: &Graph,
    a: NodeIndex,
    b: NodeIndex,
    within: Option<usize>,
    e: Error,
) -> Error {
    match e {
        Error::NoPath { .. } => Error::NoConnection {
            from: graph.node(a).name.clone(),
            to: graph.node(b).name.clone(),
            within,
        },
        other => other,
    }
}

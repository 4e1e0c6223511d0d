//! Path questions asked with the model's names, relations, kinds and dates.

use partnership_core::{EdgeIndex, Graph, Kind, NodeIndex, PartialDate, Relation, View};

use super::path::Path;
use super::shortest::shortest_path;
use crate::error::{Error, Result};
use crate::options::Reading;

/// Which part of the model a path may use, and how links are read.
///
/// Empty lists mean "no restriction". The default is the whole graph in the
/// directed reading.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PathQuery {
    /// Directed (subject to object only) or undirected.
    pub reading: Reading,
    /// Only links of these relations.
    pub relations: Vec<Relation>,
    /// Only nodes of these kinds (the end points included).
    pub kinds: Vec<Kind>,
    /// Only nodes and links active at this date.
    pub as_of: Option<PartialDate>,
}

impl PathQuery {
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

/// A shortest path between two nodes named by id, name or alias.
///
/// Resolves both names with `Graph::resolve`, narrows the graph to the
/// query's view and runs [`shortest_path`] (a
/// bidirectional BFS). Explain the result with
/// [`explain`](crate::explain).
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
/// date; [`Error::NoPath`] (with the nodes' ids) if they are not connected.
///
/// # Complexity
/// O(n + m) to build the view when restricted, plus the search.
///
/// # Example
/// ```text
/// canada ──leads──► c4-trust-fund
/// ```
/// ```
/// use partnership_analysis::{find_path, PathQuery};
/// use partnership_core::Relation;
///
/// let g = partnership_core::dataset();
/// let query = PathQuery { relations: vec![Relation::Leads], ..Default::default() };
/// let path = find_path(g, "Canada", "C4 Trust Fund", &query)?;
/// assert_eq!(path.len(), 1);
/// # Ok::<(), partnership_analysis::Error>(())
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
    let id = |i: NodeIndex| graph.node(i).id.clone();
    let view = query.view(graph);
    for end in [a, b] {
        if !view.contains_node(end) {
            return Err(Error::OutsideView { id: id(end) });
        }
    }
    shortest_path(&view, a, b, query.reading).map_err(|e| match e {
        Error::NoPath { .. } => Error::NoPath {
            from: id(a),
            to: id(b),
        },
        other => other,
    })
}

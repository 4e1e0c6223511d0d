//! The one error type of the crate.

/// Everything that can go wrong in a path or centrality query.
///
/// Messages are lower case and quote the offending value, so that a binary
/// can print them after `error: ` as they are.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A node handle does not belong to the graph (its index is past the
    /// graph's node bound).
    #[error("node #{index} is not in the graph")]
    UnknownNode {
        /// The node's index, as `petgraph::visit::NodeIndexable::to_index` gives it.
        index: usize,
    },
    /// A node id, name or alias did not resolve to exactly one node.
    #[error(transparent)]
    Lookup(#[from] partnership_core::LookupError),
    /// An end point of a path query is excluded by the query's kinds or
    /// date.
    #[error("{id:?} is outside the view (excluded by its kind or date)")]
    OutsideView {
        /// The node's id.
        id: String,
    },
    /// The two nodes are not connected in the reading and view asked for.
    #[error("no path from {from:?} to {to:?}")]
    NoPath {
        /// The start: a model id, or `#index` for a plain petgraph graph.
        from: String,
        /// The end: a model id, or `#index` for a plain petgraph graph.
        to: String,
    },
    /// A model-level path query found no connection between two entities,
    /// or none of at most `within` links.
    #[error("no connection from {from} to {to}{}", within.map(|n| format!(" within {n} links")).unwrap_or_default())]
    NoConnection {
        /// The start's name.
        from: String,
        /// The end's name.
        to: String,
        /// The longest path that was allowed, when there was a limit.
        within: Option<usize>,
    },
    /// An end point of a model-level query is not active at the query's
    /// date.
    #[error("{name} was not active as of {date}")]
    Inactive {
        /// The entity's name.
        name: String,
        /// The date asked for.
        date: partnership_core::PartialDate,
    },
    /// An option is out of its domain.
    #[error("invalid {option} {value:?}: expected {expected}")]
    InvalidOption {
        /// The option's name, as the options struct spells it.
        option: &'static str,
        /// The value given.
        value: String,
        /// What the option accepts.
        expected: &'static str,
    },
    /// A power iteration did not reach its tolerance.
    #[error("{measure} did not converge within {iterations} iterations")]
    NotConverged {
        /// `"pagerank"` or `"eigenvector"`.
        measure: &'static str,
        /// The iteration limit that was reached.
        iterations: usize,
    },
    /// The measure is undefined on a graph without nodes.
    #[error("{measure} is undefined on a graph without nodes")]
    EmptyGraph {
        /// The measure asked for.
        measure: &'static str,
    },
    /// The graph does not fit the 32-bit positions used internally.
    #[error("graph too large: {nodes} nodes and {links} links (the limit is {limit} of each)")]
    TooLarge {
        /// Nodes in the graph (its node bound).
        nodes: usize,
        /// Links in the graph.
        links: usize,
        /// The largest supported count.
        limit: usize,
    },
}

/// Shorthand for results of this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

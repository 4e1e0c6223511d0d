//! Options shared by many algorithms.

/// How links are read when walking the graph.
///
/// The default, here and on the command line, is [`Reading::Undirected`]:
/// a link of the model is a statement ("Ukraine attends the summit", "the
/// summit is attended by Ukraine") whose direction is grammar, not a flow,
/// so questions of connection and centrality read it both ways unless asked
/// otherwise.
///
/// On a graph that is itself undirected (`GraphProp::is_directed` is
/// false) both readings are the undirected one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Reading {
    /// Links are walked from subject to object only.
    Directed,
    /// The default. Links are walked both ways: NetworkX on an `nx.MultiGraph` holding
    /// one undirected edge per link (so `u → v` and `v → u` become two
    /// parallel links).
    #[default]
    Undirected,
}

/// Whether per-source work is spread over rayon's thread pool.
///
/// Both give bit-identical results: work is cut into a fixed number of
/// blocks that does not depend on the number of threads, each block is
/// summed in source order, and the blocks are added in block order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Execution {
    /// The default: use rayon's thread pool when the work is large enough
    /// to repay waking it (about a million adjacency visits), else stay on
    /// the calling thread.
    #[default]
    Auto,
    /// Always spread the work over rayon's thread pool (the current one, so
    /// `ThreadPool::install` chooses how many threads), however small it is.
    Parallel,
    /// Stay on the calling thread.
    Serial,
}

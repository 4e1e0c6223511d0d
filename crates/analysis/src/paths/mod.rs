//! Paths between nodes, reachability and connected components.

mod components;
mod k_shortest;
mod path;
mod query;
mod reach;
mod shortest;
mod simple;

pub use components::{strongly_connected_components, weakly_connected_components};
pub use k_shortest::{KShortestOptions, k_shortest_paths};
pub use path::{Path, Step};
pub use query::{Connections, PathQuery, PathStream, find_path, find_paths, stream_paths};
pub use reach::reachable_within;
pub use shortest::shortest_path;
pub use simple::{PathOrder, SimplePaths, SimplePathsOptions, all_simple_paths, simple_paths};

//! Paths between nodes, reachability and connected components.

mod components;
mod explain;
mod k_shortest;
mod path;
mod query;
mod reach;
mod shortest;
mod simple;

pub use components::{strongly_connected_components, weakly_connected_components};
pub use explain::explain;
pub use k_shortest::k_shortest_paths;
pub use path::{Heading, Path, Step};
pub use query::{PathQuery, find_path};
pub use reach::reachable_within;
pub use shortest::shortest_path;
pub use simple::{SimplePathsOptions, all_simple_paths};

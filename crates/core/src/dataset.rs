//! The curated dataset, compiled into the library.

use std::sync::OnceLock;

use crate::{Graph, LoadError};

/// The curated NATO-Ukraine dataset as node-link JSON text, exactly as
/// shipped in `data/nato-ukraine.json`.
pub const DATASET_JSON: &str = include_str!("../data/nato-ukraine.json");

/// The curated NATO-Ukraine dataset, loaded once and shared.
///
/// ```
/// let g = partnership::model::dataset();
/// assert!(g.node_count() > 0);
/// assert!(g.resolve("Ukraine").is_ok());
/// ```
///
/// # Panics
/// Never in a released build: the embedded file is checked by this crate's
/// tests. Use [`try_dataset`] to get the error instead.
pub fn dataset() -> &'static Graph {
    static DATA: OnceLock<Graph> = OnceLock::new();
    DATA.get_or_init(|| match try_dataset() {
        Ok(g) => g,
        // The embedded file is a build input validated by the test suite;
        // failing here means the crate itself was built from broken data.
        #[allow(clippy::panic)]
        Err(e) => panic!("embedded dataset is invalid: {e}"),
    })
}

/// Loads the embedded dataset afresh, returning any problem.
///
/// # Errors
/// As [`Graph::from_json_str`].
pub fn try_dataset() -> Result<Graph, LoadError> {
    Graph::from_json_str(DATASET_JSON)
}

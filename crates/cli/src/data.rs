//! Where the graph comes from: the embedded dataset or a `--data` file.

use std::path::Path;

use partnership_core::json::{DEFAULT_MAX_BYTES, LoadOptions};
use partnership_core::{Graph, LoadError, NodeIndex};

use crate::error::Error;

/// The default of `--max-data-mib`: the library's default limit, in MiB.
pub(crate) const DEFAULT_MAX_MIB: u64 = DEFAULT_MAX_BYTES >> 20;

/// Loads the graph from `path` (`-` for standard input), or the embedded
/// dataset when there is none, refusing input over `max_mib` MiB.
///
/// # Errors
/// [`Error::Load`] when the file cannot be read or breaks the model;
/// [`Error::Embedded`] if the embedded dataset is broken.
pub(crate) fn load(path: Option<&Path>, max_mib: u64) -> Result<Graph, Error> {
    match path {
        Some(path) => read(path, max_mib).map_err(|source| Error::Load {
            path: path.to_owned(),
            source,
        }),
        None => partnership_core::try_dataset().map_err(Error::Embedded),
    }
}

/// Reads a graph from the file at `path`, or standard input for `-`.
///
/// # Errors
/// As [`Graph::from_json_path_with`] and [`Graph::from_json_reader`].
pub(crate) fn read(path: &Path, max_mib: u64) -> Result<Graph, LoadError> {
    let options = LoadOptions {
        max_bytes: max_mib.saturating_mul(1 << 20),
    };
    if path.as_os_str() == "-" {
        Graph::from_json_reader(std::io::stdin().lock(), &options)
    } else {
        Graph::from_json_path_with(path, &options)
    }
}

/// Finds the one entity an argument names.
///
/// # Errors
/// [`Error::Lookup`] with the candidates or the nearest names.
pub(crate) fn resolve(graph: &Graph, name: &str) -> Result<NodeIndex, Error> {
    Ok(graph.resolve(name)?)
}

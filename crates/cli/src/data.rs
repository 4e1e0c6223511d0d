//! Where the graph comes from: the embedded dataset or a `--data` file.

use std::io::Read;
use std::path::Path;

use partnership_core::{Graph, LoadError, NodeIndex};

use crate::error::Error;

/// Loads the graph from `path`, or the embedded dataset when there is none.
///
/// # Errors
/// [`Error::Load`] when the file cannot be read or breaks the model;
/// [`Error::Embedded`] if the embedded dataset is broken.
pub(crate) fn load(path: Option<&Path>) -> Result<Graph, Error> {
    match path {
        Some(path) => read(path).map_err(|source| Error::Load {
            path: path.to_owned(),
            source,
        }),
        None => partnership_core::try_dataset().map_err(Error::Embedded),
    }
}

/// Reads and checks the graph in `path`; `-` is standard input.
///
/// # Errors
/// The library's [`LoadError`]s.
pub(crate) fn read(path: &Path) -> Result<Graph, LoadError> {
    if path != Path::new("-") {
        return Graph::from_json_path(path);
    }
    let mut text = String::new();
    std::io::stdin()
        .lock()
        .read_to_string(&mut text)
        .map_err(|source| LoadError::Io {
            path: path.to_owned(),
            source,
        })?;
    Graph::from_json_str(&text)
}

/// Finds the one entity an argument names.
///
/// # Errors
/// [`Error::Lookup`] with the candidates or the nearest names.
pub(crate) fn resolve(graph: &Graph, name: &str) -> Result<NodeIndex, Error> {
    Ok(graph.resolve(name)?)
}

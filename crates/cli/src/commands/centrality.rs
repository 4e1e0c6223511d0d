//! `partnership centrality`.

use std::io::Write;

use partnership_core::Graph;

use crate::args::CentralityArgs;
use crate::error::Error;

/// Not wired yet: waits on the analysis and export crates.
///
/// # Errors
/// Always.
pub fn run(_args: &CentralityArgs, _graph: &Graph, _out: &mut dyn Write) -> Result<(), Error> {
    Err(Error::NotFound("not available yet".into()))
}

//! `partnership path`.

use std::io::Write;

use partnership_core::Graph;

use crate::args::PathArgs;
use crate::error::Error;

/// Not wired yet: waits on the analysis and export crates.
///
/// # Errors
/// Always.
pub fn run(_args: &PathArgs, _graph: &Graph, _out: &mut dyn Write) -> Result<(), Error> {
    Err(Error::NotFound("not available yet".into()))
}

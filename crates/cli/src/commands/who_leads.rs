//! `partnership who-leads ENTITY`: lead nations and executing agents.

use std::io::Write;

use partnership_core::Graph;

use super::leadership::{self, Side};
use crate::args::WhoLeadsArgs;
use crate::data;
use crate::error::Error;

/// Prints who leads and who executes the entity.
///
/// # Errors
/// [`Error::Lookup`] when the entity is unknown or ambiguous; any error
/// writing to `out`.
pub(crate) fn run(args: &WhoLeadsArgs, graph: &Graph, out: &mut dyn Write) -> Result<(), Error> {
    let entity = data::resolve(graph, &args.entity)?;
    let found = graph.leaders(entity);
    leadership::write(graph, entity, &found, Side::Led, args.output.format, out)
}

//! `partnership led-by ACTOR`: what an actor leads or executes.

use std::io::Write;

use partnership_core::Graph;

use super::leadership::{self, Side};
use crate::args::LedByArgs;
use crate::data;
use crate::error::Error;

/// Prints what the actor leads and executes.
///
/// # Errors
/// [`Error::Lookup`] when the actor is unknown or ambiguous; any error
/// writing to `out`.
pub(crate) fn run(args: &LedByArgs, graph: &Graph, out: &mut dyn Write) -> Result<(), Error> {
    let actor = data::resolve(graph, &args.actor)?;
    let found = graph.led_by(actor);
    leadership::write(graph, actor, &found, Side::Leader, args.output.format, out)
}

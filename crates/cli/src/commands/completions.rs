//! `partnership completions SHELL` and `partnership man`: the command line
//! described for shells and for `man`, generated from the clap definition.

use std::io::Write;

use clap::CommandFactory;
use clap_complete::Shell;

use crate::args::Cli;
use crate::error::Error;

/// Prints the completion script for `shell`.
///
/// # Errors
/// Any error writing to `out`.
pub(crate) fn completions(shell: Shell, out: &mut dyn Write) -> Result<(), Error> {
    let mut command = Cli::command();
    // clap_complete panics when its writer fails (a closed pipe), so the
    // script is made in memory and written here.
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut command, "partnership", &mut script);
    out.write_all(&script)?;
    Ok(())
}

/// Prints the manual page, `partnership(1)`, as roff: the synopsis, every
/// option and subcommand, and the examples.
///
/// # Errors
/// Any error writing to `out`.
pub(crate) fn man(out: &mut dyn Write) -> Result<(), Error> {
    let page = clap_mangen::Man::new(Cli::command());
    page.render(out)?;
    Ok(())
}

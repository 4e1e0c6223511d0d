//! `partnership completions SHELL` and `partnership man`: the command line
//! described for shells and for `man`, generated from the clap definition.

use std::io::Write;

use clap::CommandFactory;
use clap_complete::Shell;

use crate::args::{Cli, ManArgs};
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

/// Prints a manual page as roff: `partnership(1)` (the synopsis, every
/// option and subcommand, and the examples) or one subcommand's
/// `partnership-NAME(1)`; or with `--dir` writes all of them into a folder.
///
/// # Errors
/// [`Error::Usage`] for an unknown subcommand; [`Error::Write`] when the
/// folder cannot be written; any error writing to `out`.
pub(crate) fn man(args: &ManArgs, out: &mut dyn Write) -> Result<(), Error> {
    // `partnership help` needs no page of its own (nor pages per topic).
    let mut command = Cli::command().disable_help_subcommand(true);
    command.build();
    if let Some(dir) = &args.dir {
        clap_mangen::generate_to(command, dir).map_err(|source| Error::Write {
            path: dir.clone(),
            source,
        })?;
        return Ok(());
    }
    let page = match &args.subcommand {
        None => command,
        Some(name) => {
            let Some(sub) = command.find_subcommand(name) else {
                let names: Vec<_> = command
                    .get_subcommands()
                    .map(|c| c.get_name().to_owned())
                    .collect();
                return Err(Error::Usage(format!(
                    "no subcommand {name:?}; the subcommands are {}",
                    names.join(", ")
                )));
            };
            // Built, the subcommand's display name is `partnership-NAME`.
            sub.clone()
        }
    };
    clap_mangen::Man::new(page).render(out)?;
    Ok(())
}

//! The `partnership` command: who leads what in the NATO-Ukraine
//! relationship, how actors connect, and diagrams of it.
//!
//! `main` parses the arguments, runs one command and turns its outcome into
//! an exit code; everything else lives in [`commands`].

mod args;
mod commands;
mod data;
mod error;
mod output;

use std::io::{self, Write};

use clap::Parser;
use clap::error::ErrorKind;

use crate::args::{Cli, Command};
use crate::error::{Error, ExitCode};

fn main() -> std::process::ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => return usage_error(&err).into(),
    };
    output::set_width(output::terminal_width());
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let result = run(&cli, &mut out).and_then(|()| out.flush().map_err(Error::from));
    // Whatever was printed goes out before the error line.
    let _ = out.flush();
    match result {
        Ok(()) => ExitCode::Success.into(),
        Err(err) if err.is_broken_pipe() => ExitCode::Success.into(),
        Err(err) => {
            output::error(&err.chain());
            err.exit_code().into()
        }
    }
}

/// Runs the command `cli` names, printing to `out`.
fn run(cli: &Cli, out: &mut dyn Write) -> Result<(), Error> {
    let graph = || data::load(cli.data.as_deref(), cli.max_data_mib);
    match &cli.command {
        Command::WhoLeads(args) => commands::who_leads::run(args, &graph()?, out),
        Command::LedBy(args) => commands::led_by::run(args, &graph()?, out),
        Command::Show(args) => commands::show::run(args, &graph()?, out),
        Command::Search(args) => commands::search::run(args, &graph()?, out),
        Command::Links(args) => commands::links::run(args, &graph()?, out),
        Command::List(args) => commands::list::run(args, &graph()?, out),
        Command::Path(args) => commands::path::run(args, &graph()?, out),
        Command::Centrality(args) => commands::centrality::run(args, &graph()?, out),
        Command::Timeline(args) => commands::timeline::run(args, &graph()?, out),
        Command::Changes(args) => commands::changes::run(args, &graph()?, out),
        Command::Export(args) => commands::export::run(args, &graph()?, out),
        Command::Stats(args) => commands::stats::run(args, &graph()?, out),
        // `validate` loads its own FILE (or --data) and reports every
        // problem in it.
        Command::Validate(args) => {
            commands::validate::run(args, cli.data.as_deref(), cli.max_data_mib, out)
        }
        Command::Completions(args) => commands::completions::completions(args.shell, out),
        Command::Man(args) => commands::completions::man(args, out),
    }
}

/// Prints a clap error: help and version go to standard output as usual;
/// a usage error becomes one line on standard error.
fn usage_error(err: &clap::Error) -> ExitCode {
    match err.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            let _ = err.print();
            ExitCode::Success
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = err.print();
            ExitCode::Usage
        }
        _ => {
            output::error(&one_line(&err.render().to_string()));
            ExitCode::Usage
        }
    }
}

/// Folds clap's multi-paragraph message into one line: the message, any
/// tips, and the usage line.
fn one_line(rendered: &str) -> String {
    let mut paragraphs = rendered
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty());
    let mut line = paragraphs
        .next()
        .unwrap_or_default()
        .trim_start_matches("error:")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    for p in paragraphs {
        if p.starts_with("tip:") || p.starts_with("Usage:") {
            let p = p.split_whitespace().collect::<Vec<_>>().join(" ");
            line.push_str("; ");
            line.push_str(&p.replacen("Usage:", "usage:", 1));
        }
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clap_messages_fold_into_one_line() {
        let rendered = "error: the following required arguments were not provided:\n  <ENTITY>\n\n\
                        Usage: partnership who-leads <ENTITY>\n\nFor more information, try '--help'.\n";
        assert_eq!(
            one_line(rendered),
            "the following required arguments were not provided: <ENTITY>; \
             usage: partnership who-leads <ENTITY>"
        );
    }
}

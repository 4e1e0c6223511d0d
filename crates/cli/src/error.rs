//! What can make a command fail, and the exit code each failure gets.

use std::io;
use std::path::PathBuf;

use partnership_core::{LoadError, LookupError};

/// The process exit codes, in one place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitCode {
    /// The command did what was asked.
    Success = 0,
    /// Something other than the input went wrong (an output file, an
    /// analysis that found nothing).
    Failure = 1,
    /// The arguments or the input are wrong: a usage error, an unknown or
    /// ambiguous entity, an invalid data file, a bad date.
    Usage = 2,
}

impl From<ExitCode> for std::process::ExitCode {
    fn from(code: ExitCode) -> Self {
        std::process::ExitCode::from(code as u8)
    }
}

/// Why a command failed. Messages are lower case and fit on one line after
/// `partnership: error: `.
#[derive(Debug, thiserror::Error)]
pub(crate) enum Error {
    /// An entity argument named no entity, or several.
    #[error(transparent)]
    Lookup(#[from] LookupError),
    /// The data file could not be read or is not valid.
    #[error("{}", load_message(path, source))]
    Load {
        /// The file given with `--data` or to `validate`.
        path: PathBuf,
        /// Why loading failed.
        source: LoadError,
    },
    /// The embedded dataset does not load (a broken build, not bad input).
    #[error("the embedded dataset is invalid: {0}")]
    Embedded(LoadError),
    /// `validate` found problems; they have been listed on standard output.
    #[error("{}: {count} problem{}", file_name(path), if *count == 1 { "" } else { "s" })]
    Invalid {
        /// The file checked.
        path: PathBuf,
        /// How many problems were listed.
        count: usize,
    },
    /// The arguments are consistent for clap but not for the command.
    #[error("{0}")]
    Usage(String),
    /// A search or filter found nothing (exit code 1, as `grep`).
    #[error("{0}")]
    NothingFound(String),
    /// A path or centrality query failed.
    #[error(transparent)]
    Analysis(#[from] partnership_analysis::Error),
    /// The export options contradict each other or the data (a focus
    /// entity that the filters hide).
    #[error(transparent)]
    Export(#[from] partnership_export::Error),
    /// Writing an output file failed.
    #[error("cannot write {}: {source}", path.display())]
    Write {
        /// The file.
        path: PathBuf,
        /// The operating system's error.
        source: io::Error,
    },
    /// Writing to standard output failed.
    #[error("cannot write output: {0}")]
    Output(#[from] io::Error),
}

/// A file name as messages give it: `standard input` for `-`.
pub(crate) fn file_name(path: &std::path::Path) -> String {
    if path == std::path::Path::new("-") {
        "standard input".to_owned()
    } else {
        path.display().to_string()
    }
}

fn load_message(path: &std::path::Path, error: &LoadError) -> String {
    let file = file_name(path);
    match error {
        LoadError::Io { source, .. } => format!("cannot read {file}: {source}"),
        LoadError::Syntax {
            line,
            column,
            message,
        } => format!("{file}:{line}:{column}: invalid JSON: {message}"),
        LoadError::NotAFile { what, .. } => format!(
            "cannot read {file}: it is {what}, not a regular file; pipe a stream to `--data -`"
        ),
        LoadError::TooLarge { limit } => format!(
            "{file} is larger than the limit of {} MiB; raise it with --max-data-mib",
            limit >> 20
        ),
        LoadError::Invalid { problems } if problems.len() == 1 => {
            format!("{file}: {}", problems[0])
        }
        LoadError::Invalid { problems } => {
            let again = if path == std::path::Path::new("-") {
                "`partnership validate -` on the same input".to_owned()
            } else {
                format!("`partnership validate {}`", path.display())
            };
            format!(
                "{file}: {} problems, the first: {}; run {again} to list them all",
                problems.len(),
                problems
                    .first()
                    .map(ToString::to_string)
                    .unwrap_or_default(),
            )
        }
        other => format!("{file}: {other}"),
    }
}

impl Error {
    /// The exit code this failure maps to.
    pub(crate) fn exit_code(&self) -> ExitCode {
        match self {
            Error::Lookup(_)
            | Error::Load { .. }
            | Error::Invalid { .. }
            | Error::Usage(_)
            | Error::Export(_)
            | Error::Analysis(
                partnership_analysis::Error::Lookup(_)
                | partnership_analysis::Error::InvalidOption { .. },
            ) => ExitCode::Usage,
            Error::Embedded(_)
            | Error::Analysis(_)
            | Error::Write { .. }
            | Error::Output(_)
            | Error::NothingFound(_) => ExitCode::Failure,
        }
    }

    /// The message and, after `: `, each underlying cause's message that it
    /// does not already contain: the whole chain of `source()`s on one line.
    pub(crate) fn chain(&self) -> String {
        let mut text = self.to_string();
        // A load error's message already says all its cause says, in other
        // words (the first problem of many, the line of a syntax error).
        if matches!(self, Error::Load { .. }) {
            return text;
        }
        let mut cause = std::error::Error::source(self);
        while let Some(e) = cause {
            let message = e.to_string();
            if !text.contains(&message) {
                text.push_str(": ");
                text.push_str(&message);
            }
            cause = e.source();
        }
        text
    }

    /// Whether this is standard output closing early (`partnership ... | head`),
    /// which is not a failure.
    pub(crate) fn is_broken_pipe(&self) -> bool {
        matches!(self, Error::Output(e) if e.kind() == io::ErrorKind::BrokenPipe)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn input_errors_exit_with_two() {
        let err = Error::Lookup(LookupError::NotFound {
            query: "x".into(),
            suggestions: vec![],
        });
        assert_eq!(err.exit_code(), ExitCode::Usage);
        let err = Error::Load {
            path: "f.json".into(),
            source: LoadError::Syntax {
                line: 3,
                column: 7,
                message: "expected value".into(),
            },
        };
        assert_eq!(err.exit_code(), ExitCode::Usage);
        assert_eq!(err.to_string(), "f.json:3:7: invalid JSON: expected value");
    }

    #[test]
    fn the_chain_names_each_cause_once() {
        let lookup = LookupError::NotFound {
            query: "Kanada".into(),
            suggestions: vec![],
        };
        let err = Error::Export(partnership_export::Error::UnknownNode {
            query: "Kanada".into(),
            source: lookup.clone(),
        });
        assert_eq!(
            err.chain(),
            format!("cannot select around \"Kanada\": {lookup}")
        );
        // A transparent wrapper is not repeated.
        assert_eq!(Error::Lookup(lookup.clone()).chain(), lookup.to_string());
    }

    #[test]
    fn a_load_error_is_said_once() {
        let err = Error::Load {
            path: "-".into(),
            source: LoadError::Syntax {
                line: 1,
                column: 2,
                message: "eof".into(),
            },
        };
        assert_eq!(err.chain(), "standard input:1:2: invalid JSON: eof");
    }

    #[test]
    fn broken_pipe_is_recognised() {
        let err = Error::Output(io::Error::from(io::ErrorKind::BrokenPipe));
        assert!(err.is_broken_pipe());
        assert_eq!(err.exit_code(), ExitCode::Failure);
    }
}

//! Loads a node-link JSON file and saves it to standard output: a whole
//! process to profile the loader and the writer with, for example,
//! `valgrind --tool=callgrind`.
//!
//! ```text
//! cargo run --release -p partnership-core --example load_save -- g10k.json > /dev/null
//! ```

use std::io::Write;
use std::process::ExitCode;

use partnership_core::Graph;
use partnership_core::json::WriteOptions;

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: load_save FILE.json > out.json");
        return ExitCode::from(2);
    };
    let graph = match Graph::from_json_path(&path) {
        Ok(g) => g,
        Err(e) => {
            eprintln!("error: {path}: {e}");
            return ExitCode::from(2);
        }
    };
    let out = std::io::stdout();
    let mut out = std::io::BufWriter::with_capacity(1 << 16, out.lock());
    match graph
        .write_json(&mut out, WriteOptions::default())
        .and_then(|()| out.flush())
    {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

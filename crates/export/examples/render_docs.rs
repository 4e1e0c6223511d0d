//! Renders the pictures in `docs/` from the embedded dataset with Graphviz:
//!
//! - `docs/partnership.svg`: the whole graph, parts drawn inside what they
//!   are part of;
//! - `docs/trust-funds.svg`: who leads and who executes each trust fund.
//!
//! ```text
//! cargo run -p partnership-export --example render_docs [OUTPUT_DIR]
//! ```
//!
//! `OUTPUT_DIR` defaults to the workspace's `docs/`. Needs Graphviz's `dot`
//! on the `PATH` (`apt-get install graphviz`); fails if it prints any warning.

use std::error::Error;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use partnership_core::{Kind, Relation};
use partnership_export::{
    ExportOptions, Format, Layout, LinkDirection, Selection, SelectionOptions, export,
};

fn main() -> Result<(), Box<dyn Error>> {
    let out_dir = std::env::args_os().nth(1).map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs"),
        PathBuf::from,
    );
    std::fs::create_dir_all(&out_dir)?;
    let out_dir = out_dir.canonicalize()?;
    let g = partnership_core::dataset();

    let whole = Selection::all(g);
    let options = ExportOptions {
        clusters: true,
        ..ExportOptions::default()
    };
    render(&whole, &options, &out_dir.join("partnership.svg"))?;

    let funds: Vec<String> = g
        .nodes()
        .filter(|(_, n)| n.kind == Kind::Fund)
        .map(|(_, n)| n.id.clone())
        .collect();
    let who_leads = SelectionOptions::new()
        .around(funds, 1)
        .direction(LinkDirection::Incoming)
        .relations([Relation::Leads, Relation::Executes]);
    let options = ExportOptions {
        layout: Layout::LeftToRight,
        title: Some("Who leads the trust funds".into()),
        ..ExportOptions::default()
    };
    render(
        &Selection::new(g, &who_leads)?,
        &options,
        &out_dir.join("trust-funds.svg"),
    )?;
    Ok(())
}

/// Writes `selection` as DOT through `dot -Tsvg` into `path`.
fn render(
    selection: &Selection<'_>,
    options: &ExportOptions,
    path: &Path,
) -> Result<(), Box<dyn Error>> {
    let mut dot = Vec::new();
    export(&mut dot, selection, Format::Dot, options)?;
    let mut child = Command::new("dot")
        .arg("-Tsvg")
        .arg("-o")
        .arg(path)
        .stdin(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run Graphviz `dot` (is it installed?): {e}"))?;
    child.stdin.take().ok_or("no stdin")?.write_all(&dot)?;
    let out = child.wait_with_output()?;
    let stderr = String::from_utf8_lossy(&out.stderr);
    if !out.status.success() || !stderr.trim().is_empty() {
        return Err(format!("dot failed for {}: {stderr}", path.display()).into());
    }
    println!(
        "wrote {} ({} nodes, {} links)",
        path.display(),
        selection.node_count(),
        selection.link_count()
    );
    Ok(())
}

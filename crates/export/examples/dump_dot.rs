//! Scratch: writes the dataset's DOT with clusters to stdout.
#![allow(missing_docs)]
use partnership_export::{export, ExportOptions, Format, Selection};
fn main() -> std::io::Result<()> {
    let g = partnership_core::dataset();
    let o = ExportOptions { clusters: true, ..Default::default() };
    export(std::io::stdout(), &Selection::all(g), Format::Dot, &o)
}

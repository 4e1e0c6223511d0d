//! Draw who leads which trust fund: a selection of the graph written as a
//! Graphviz DOT file.
//!
//! ```text
//! cargo run --example diagram                  # writes to the temp folder
//! cargo run --example diagram -- funds.dot
//! dot -Tsvg funds.dot -o funds.svg             # render it with Graphviz
//! ```
//!
//! A [`SelectionOptions`] says what to keep (kinds, relations, a date, the
//! neighbourhood of some entities); [`Selection::new`] applies it to the
//! graph without copying it, and every writer of the export crate takes the
//! same selection.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::PathBuf;

use partnership::export::{ExportOptions, Format, Selection, SelectionOptions, export};
use partnership::model::{Kind, Relation, dataset};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| std::env::temp_dir().join("trust-funds.dot"));

    let g = dataset();
    // Funds and the actors and bodies that lead or execute them; everything
    // else, and anyone left without such a link, is left out.
    let options = SelectionOptions::new()
        .kinds([
            Kind::Fund,
            Kind::State,
            Kind::Organisation,
            Kind::Institution,
            Kind::Body,
        ])
        .relations([Relation::Leads, Relation::Executes])
        .hide_isolated(true);
    let selection = Selection::new(g, &options)?;

    let diagram = ExportOptions {
        title: Some("Who leads and executes the trust funds".to_owned()),
        ..ExportOptions::default()
    };
    let mut file = BufWriter::new(File::create(&path)?);
    export(&mut file, &selection, Format::Dot, &diagram)?;
    file.flush()?;

    println!(
        "wrote {} entities and {} links to {}",
        selection.node_count(),
        selection.link_count(),
        path.display()
    );
    println!(
        "render it with: dot -Tsvg {} -o trust-funds.svg",
        path.display()
    );
    Ok(())
}

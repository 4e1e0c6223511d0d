//! Renders the three time pictures in `docs/` from the embedded dataset:
//!
//! - `docs/centrality-over-time.png`: betweenness year by year, 1997 to
//!   2017, of the eight entities with the highest peak;
//! - `docs/bodies-over-time.png`: the same for bodies only (where the
//!   NATO-Ukraine Commission stood);
//! - `docs/timeline.png`: the Gantt chart of programmes, funds, agreements,
//!   bodies and operations.
//!
//! ```text
//! cargo run --example render_charts [OUTPUT_DIR]
//! ```
//!
//! Each SVG is written next to its PNG's name in a temporary folder and
//! converted with `rsvg-convert` (Debian's `librsvg2-bin`); any warning it
//! prints is an error. `OUTPUT_DIR` defaults to the workspace's `docs/`.

use std::error::Error;
use std::path::{Path, PathBuf};
use std::process::Command;

use partnership::analysis::{
    BetweennessOptions, Centrality, DateRange, DateStep, Execution, Reading, centrality_over_time,
};
use partnership::export::{GanttOptions, LineChart, write_gantt, write_line_chart};
use partnership::model::{Kind, dataset};

fn main() -> Result<(), Box<dyn Error>> {
    let out_dir = std::env::args_os().nth(1).map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("docs"),
        PathBuf::from,
    );
    std::fs::create_dir_all(&out_dir)?;
    let scratch = std::env::temp_dir().join(format!("partnership-charts-{}", std::process::id()));
    std::fs::create_dir_all(&scratch)?;
    let g = dataset();

    let dates = "1997..2017"
        .parse::<DateRange>()?
        .dates(DateStep::Years(1))?;
    let measure = Centrality::Betweenness(BetweennessOptions {
        reading: Reading::Undirected,
        ..BetweennessOptions::default()
    });
    let over = centrality_over_time(&g.view(), &measure, &dates, Execution::Auto)?;
    for (name, kinds, top, title) in [
        (
            "centrality-over-time",
            &[][..],
            8,
            "Betweenness centrality as of each year, 1997 to 2017: the eight highest peaks",
        ),
        (
            "bodies-over-time",
            &[Kind::Body][..],
            6,
            "Betweenness centrality of bodies as of each year, 1997 to 2017",
        ),
    ] {
        let series = over.top(top, |i| kinds.is_empty() || kinds.contains(&g.node(i).kind));
        let chart = LineChart::over_time(
            g,
            title,
            "betweenness (links read either way)",
            over.dates(),
            series.iter().map(|s| (s.node, s.values)),
        );
        let svg = scratch.join(format!("{name}.svg"));
        write_line_chart(&mut std::fs::File::create(&svg)?, &chart)?;
        png(&svg, &out_dir.join(format!("{name}.png")))?;
    }

    let svg = scratch.join("timeline.svg");
    let drawn = write_gantt(
        &mut std::fs::File::create(&svg)?,
        g,
        &GanttOptions::default(),
    )?;
    png(&svg, &out_dir.join("timeline.png"))?;
    println!(
        "timeline: {} rows, {} event marks, {} undated entities left out",
        drawn.rows, drawn.events, drawn.undated
    );
    std::fs::remove_dir_all(&scratch)?;
    Ok(())
}

/// Converts `svg` to `png` with rsvg-convert, failing on any warning.
fn png(svg: &Path, png: &Path) -> Result<(), Box<dyn Error>> {
    let out = Command::new("rsvg-convert")
        .arg("--background-color=white")
        .arg(svg)
        .arg("-o")
        .arg(png)
        .output()
        .map_err(|e| format!("cannot run rsvg-convert (apt-get install librsvg2-bin): {e}"))?;
    let stderr = String::from_utf8_lossy(&out.stderr);
    if !out.status.success() || !stderr.trim().is_empty() {
        return Err(format!("rsvg-convert failed on {}: {stderr}", svg.display()).into());
    }
    println!("wrote {}", png.display());
    Ok(())
}

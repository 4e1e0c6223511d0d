//! A Gantt chart of the graph's timeline: one bar per dated entity, events
//! as marks on the rows of what they concern.

use std::fmt::Write as _;
use std::io;

use partnership_core::{Day, Family, Graph, Kind, NodeIndex, PartialDate, words};

use super::svg::{self, clip, escape, num};
use crate::style::{NEUTRAL, node_style};

/// What a [`write_gantt`] chart shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GanttOptions {
    /// Rows for entities of these kinds.
    pub kinds: Vec<Kind>,
    /// Only what is active on or after this date; the axis starts there.
    pub from: Option<PartialDate>,
    /// Only what is active on or before this date; the axis ends there.
    pub to: Option<PartialDate>,
    /// Only this entity and the entities linked to it.
    pub involving: Option<NodeIndex>,
    /// Where open spans end: by default the latest date of the declared
    /// source documents, else the latest date in the data.
    pub coverage: Option<PartialDate>,
    /// The heading; by default one naming the graph.
    pub title: Option<String>,
}

impl Default for GanttOptions {
    /// Programmes, funds, agreements, bodies (offices among them) and
    /// operations; no date limits.
    fn default() -> Self {
        GanttOptions {
            kinds: GANTT_KINDS.to_vec(),
            from: None,
            to: None,
            involving: None,
            coverage: None,
            title: None,
        }
    }
}

/// The kinds a Gantt chart draws by default.
pub const GANTT_KINDS: &[Kind] = &[
    Kind::Body,
    Kind::Fund,
    Kind::Agreement,
    Kind::Operation,
    Kind::Programme,
];

/// What [`write_gantt`] drew.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct GanttSummary {
    /// Bars drawn.
    pub rows: usize,
    /// Event marks drawn.
    pub events: usize,
    /// Entities of the kinds asked for that have no date at all, so no bar.
    pub undated: usize,
}

struct Row {
    node: NodeIndex,
    start: Option<Day>,
    end: Option<Day>,
    events: Vec<(Day, NodeIndex)>,
}

const WIDTH: f64 = 1200.0;
const LABEL_W: f64 = 360.0;
const RIGHT: f64 = 30.0;
const ROW_H: f64 = 18.0;
const HEADER_H: f64 = 24.0;
const TOP: f64 = 70.0;

/// A date as a fractional year, for the x axis.
fn year_of(d: Day) -> f64 {
    let before: u32 = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        .iter()
        .take(usize::from(d.month.saturating_sub(1)))
        .sum();
    f64::from(d.year) + (f64::from(before) + f64::from(d.day) - 1.0) / 365.0
}

/// The latest date of the declared documents, else of the data.
fn coverage(graph: &Graph) -> Option<PartialDate> {
    let documents = graph.meta().sources.iter().filter_map(|d| d.date).max();
    documents.or_else(|| {
        graph
            .nodes()
            .flat_map(|(_, n)| [n.since, n.until, n.date])
            .chain(graph.links().flat_map(|l| [l.since, l.until]))
            .flatten()
            .max()
    })
}

/// Writes the timeline of `graph` as a Gantt chart in SVG.
///
/// - One row per entity of `options.kinds` with at least one date, its bar
///   from the start of its span ([`Node::span`](partnership_core::Node::span))
///   to its end; rows are grouped by family (bodies, funds, agreements,
///   operations, programmes and projects), then ordered by start date.
/// - A span with no end runs to the coverage date and ends in an arrow,
///   marked as open; a span with no start begins at the axis with a
///   faded edge.
/// - Every event linked to a row's entity (either way) is a diamond on that
///   row at the event's date.
/// - A year axis on top and at the bottom, with a grid line per tick.
/// - `from`/`to` keep the rows whose span overlaps the window and clip the
///   axis to it; `involving` keeps the entity and its neighbours.
///
/// Entities without any date cannot be placed and are only counted
/// ([`GanttSummary::undated`], also written under the chart).
///
/// # Errors
/// Any error of `out`.
///
/// ```
/// use partnership::export::{write_gantt, GanttOptions};
/// let g = partnership::model::dataset();
/// let mut svg = Vec::new();
/// let drawn = write_gantt(&mut svg, g, &GanttOptions::default())?;
/// assert!(drawn.rows > 10 && drawn.events > 0);
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn write_gantt(
    out: &mut dyn io::Write,
    graph: &Graph,
    options: &GanttOptions,
) -> io::Result<GanttSummary> {
    let cover = options.coverage.or_else(|| coverage(graph));
    let neighbours = |i: NodeIndex| -> bool {
        match options.involving {
            None => true,
            Some(who) => {
                i == who
                    || graph.links().any(|l| {
                        (l.source == who && l.target == i) || (l.target == who && l.source == i)
                    })
            }
        }
    };
    let mut summary = GanttSummary::default();
    let mut rows: Vec<Row> = Vec::new();
    for (i, node) in graph.nodes() {
        if !options.kinds.contains(&node.kind) || !neighbours(i) {
            continue;
        }
        let (s, u) = node.span();
        if s.is_none() && u.is_none() {
            summary.undated += 1;
            continue;
        }
        let start = s.map(|d| d.start());
        let end = u.map(|d| d.end());
        if let Some(from) = options.from
            && end.is_some_and(|e| e < from.start())
        {
            continue;
        }
        if let Some(to) = options.to
            && start.is_some_and(|b| b > to.end())
        {
            continue;
        }
        rows.push(Row {
            node: i,
            start,
            end,
            events: Vec::new(),
        });
    }
    // Events on the rows of what they concern.
    for row in &mut rows {
        for l in graph.links() {
            let other = if l.source == row.node {
                l.target
            } else if l.target == row.node {
                l.source
            } else {
                continue;
            };
            let event = graph.node(other);
            if event.kind != Kind::Event {
                continue;
            }
            if let Some(d) = event.date.or(event.since) {
                let day = d.start();
                let inside = options.from.is_none_or(|f| day >= f.start())
                    && options.to.is_none_or(|t| day <= t.end());
                if inside && !row.events.iter().any(|e| e.1 == other) {
                    row.events.push((day, other));
                }
            }
        }
        row.events.sort();
    }
    let family_rank = |k: Kind| {
        Family::ALL
            .iter()
            .position(|&f| f == k.family())
            .unwrap_or(0)
    };
    rows.sort_by(|a, b| {
        let (ka, kb) = (graph.node(a.node).kind, graph.node(b.node).kind);
        family_rank(ka)
            .cmp(&family_rank(kb))
            .then(a.start.or(a.end).cmp(&b.start.or(b.end)))
            .then(a.node.cmp(&b.node))
    });

    // The axis: from the earliest date drawn to the coverage date.
    let cover_day = cover.map(|c| c.end());
    let mut lo = rows
        .iter()
        .flat_map(|r| {
            [r.start, r.end]
                .into_iter()
                .chain(r.events.iter().map(|e| Some(e.0)))
        })
        .flatten()
        .map(year_of)
        .fold(f64::INFINITY, f64::min);
    let mut hi = rows
        .iter()
        .flat_map(|r| {
            [r.start, r.end]
                .into_iter()
                .chain(r.events.iter().map(|e| Some(e.0)))
        })
        .flatten()
        .chain(cover_day)
        .map(|d| year_of(d) + 1.0 / 365.0)
        .fold(f64::NEG_INFINITY, f64::max);
    if let Some(f) = options.from {
        lo = year_of(f.start());
    }
    if let Some(t) = options.to {
        hi = year_of(t.end()) + 1.0 / 365.0;
    }
    if !lo.is_finite() || !hi.is_finite() || hi <= lo {
        lo = 1990.0;
        hi = 2020.0;
    }
    let (lo, hi) = (lo.floor(), hi.ceil());
    let open_at = cover_day.map_or(hi, |d| year_of(d).min(hi)).max(lo);

    let groups = {
        let mut g: Vec<Family> = rows
            .iter()
            .map(|r| graph.node(r.node).kind.family())
            .collect();
        g.dedup();
        g.len()
    };
    let height = TOP + rows.len() as f64 * ROW_H + groups as f64 * HEADER_H + 80.0;
    let plot_l = LABEL_W;
    let plot_r = WIDTH - RIGHT;
    let x_of = |y: f64| plot_l + (y - lo) / (hi - lo) * (plot_r - plot_l);
    let bottom = height - 60.0;

    let title = options.title.clone().unwrap_or_else(|| {
        let name = graph
            .meta()
            .name
            .clone()
            .unwrap_or_else(|| "The graph".into());
        format!("{name}: what was active when")
    });
    let mut s = String::new();
    svg::open(&mut s, WIDTH, height, &title);
    svg::text(
        &mut s,
        16.0,
        26.0,
        "font-size=\"16\" font-weight=\"bold\"",
        &title,
    );
    let mut note = String::from(
        "Bars: active span. ◆ an event concerning the row. ▶ open end: still active at ",
    );
    match cover {
        Some(c) => note.push_str(&format!("the data's coverage date, {c}.")),
        None => note.push_str("the end of the axis."),
    }
    svg::text(
        &mut s,
        16.0,
        46.0,
        &format!("font-size=\"11\" fill=\"{NEUTRAL}\""),
        &note,
    );

    // Year grid and labels.
    let span = hi - lo;
    let step = [1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0]
        .into_iter()
        .find(|st| span / st <= 16.0)
        .unwrap_or(100.0);
    let mut year = (lo / step).ceil() * step;
    while year <= hi {
        let x = x_of(year);
        svg::line(
            &mut s,
            (x, TOP - 6.0),
            (x, bottom),
            "stroke=\"#E5E5E5\" stroke-width=\"1\"",
        );
        let label = format!("{year:.0}");
        let attrs = format!("text-anchor=\"middle\" font-size=\"11\" fill=\"{NEUTRAL}\"");
        svg::text(&mut s, x, TOP - 10.0, &attrs, &label);
        svg::text(&mut s, x, bottom + 16.0, &attrs, &label);
        year += step;
    }
    svg::text(
        &mut s,
        (plot_l + plot_r) / 2.0,
        bottom + 36.0,
        "text-anchor=\"middle\" fill=\"#333333\"",
        "year",
    );
    if let Some(c) = cover_day.filter(|_| open_at < hi) {
        let x = x_of(open_at);
        svg::line(
            &mut s,
            (x, TOP - 4.0),
            (x, bottom),
            &format!("stroke=\"{NEUTRAL}\" stroke-width=\"1\" stroke-dasharray=\"4 3\""),
        );
        svg::text(
            &mut s,
            x - 3.0,
            bottom - 4.0,
            &format!("text-anchor=\"end\" font-size=\"10\" fill=\"{NEUTRAL}\""),
            &format!("coverage {c}"),
        );
    }

    let mut y = TOP;
    let mut current: Option<Family> = None;
    for row in &rows {
        let node = graph.node(row.node);
        let family = node.kind.family();
        if current != Some(family) {
            current = Some(family);
            y += 4.0;
            svg::text(
                &mut s,
                16.0,
                y + 14.0,
                "font-weight=\"bold\" font-size=\"13\"",
                &family_heading(family),
            );
            svg::line(
                &mut s,
                (16.0, y + HEADER_H - 4.0),
                (plot_r, y + HEADER_H - 4.0),
                "stroke=\"#BBBBBB\" stroke-width=\"0.8\"",
            );
            y += HEADER_H - 4.0;
        }
        let mid = y + ROW_H / 2.0;
        let _ = writeln!(
            s,
            "<g>\n<title>{}</title>",
            escape(&row_tooltip(graph, row))
        );
        svg::text(
            &mut s,
            24.0,
            mid + 4.0,
            "font-size=\"11\"",
            &clip(&node.name, 54),
        );
        let start = row.start.map_or(lo, year_of).max(lo);
        let open = row.end.is_none();
        let end = row
            .end
            .map_or(open_at, |d| year_of(d) + 1.0 / 365.0)
            .min(hi);
        let (x1, x2) = (x_of(start), x_of(end).max(x_of(start) + 3.0));
        let fill = node_style(node.kind).fill;
        let _ = writeln!(
            s,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"2\" fill=\"{fill}\" stroke=\"#555555\" stroke-width=\"0.7\"{}/>",
            num(x1),
            num(y + 3.0),
            num(x2 - x1),
            num(ROW_H - 6.0),
            if row.start.is_none() {
                " stroke-dasharray=\"3 2\""
            } else {
                ""
            }
        );
        if open {
            let _ = writeln!(
                s,
                "<path d=\"M{} {} L{} {} L{} {} Z\" fill=\"#555555\"/>",
                num(x2),
                num(y + 2.0),
                num(x2 + 8.0),
                num(mid),
                num(x2),
                num(y + ROW_H - 2.0)
            );
        }
        for &(day, event) in &row.events {
            let x = x_of(year_of(day));
            let _ = writeln!(
                s,
                "<path d=\"M{} {} L{} {} L{} {} L{} {} Z\" fill=\"#222222\" stroke=\"#FFFFFF\" stroke-width=\"0.6\"><title>{}</title></path>",
                num(x),
                num(mid - 5.0),
                num(x + 5.0),
                num(mid),
                num(x),
                num(mid + 5.0),
                num(x - 5.0),
                num(mid),
                escape(&format!("{} ({})", graph.node(event).name, day))
            );
            summary.events += 1;
        }
        s.push_str("</g>\n");
        summary.rows += 1;
        y += ROW_H;
    }
    if rows.is_empty() {
        svg::text(
            &mut s,
            plot_l,
            TOP + 20.0,
            &format!("fill=\"{NEUTRAL}\""),
            "Nothing dated to draw.",
        );
    }
    if summary.undated > 0 {
        svg::text(
            &mut s,
            16.0,
            height - 10.0,
            &format!("font-size=\"11\" fill=\"{NEUTRAL}\""),
            &format!(
                "{} more {} of these kinds have no date and are not drawn.",
                summary.undated,
                if summary.undated == 1 {
                    "entity"
                } else {
                    "entities"
                }
            ),
        );
    }
    s.push_str("</svg>\n");
    out.write_all(s.as_bytes())?;
    Ok(summary)
}

fn family_heading(f: Family) -> String {
    match f {
        Family::Actor => "Actors",
        Family::Body => "Bodies and offices",
        Family::Fund => "Trust funds",
        Family::Agreement => "Agreements and documents",
        Family::Operation => "Operations",
        Family::Context => "Programmes, projects and context",
        #[allow(unreachable_patterns)]
        _ => "Other",
    }
    .to_owned()
}

fn row_tooltip(graph: &Graph, row: &Row) -> String {
    let node = graph.node(row.node);
    match words::node_span(node) {
        Some(span) => format!("{}, {span}", words::label(node)),
        None => words::label(node),
    }
}

//! A line chart of values over a series of dates.

use std::fmt::Write as _;
use std::io;

use partnership_core::{Graph, Node, NodeIndex, PartialDate};

use super::svg::{self, clip, escape, num, text_width};
use crate::style::{NEUTRAL, SERIES};

/// One line of a [`LineChart`].
#[derive(Debug, Clone, PartialEq)]
pub struct LineSeries {
    /// The name written at the line's end.
    pub label: String,
    /// One value per point of the x axis; `None` leaves a gap.
    pub values: Vec<Option<f64>>,
}

/// A line chart: values of several series at the same points, such as a
/// centrality measure year by year.
///
/// ```
/// use partnership::export::{LineChart, LineSeries, write_line_chart};
/// let chart = LineChart {
///     title: "Betweenness by year".into(),
///     x_label: "year".into(),
///     y_label: "betweenness".into(),
///     x: vec!["2014".into(), "2015".into(), "2016".into()],
///     series: vec![LineSeries { label: "NUC".into(), values: vec![Some(0.1), None, Some(0.2)] }],
/// };
/// let mut svg = Vec::new();
/// write_line_chart(&mut svg, &chart)?;
/// assert!(String::from_utf8(svg).unwrap().contains(">NUC</text>"));
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LineChart {
    /// The heading above the chart.
    pub title: String,
    /// The x axis' name.
    pub x_label: String,
    /// The y axis' name.
    pub y_label: String,
    /// The points of the x axis, in order, as written under it.
    pub x: Vec<String>,
    /// The lines, drawn in order; each takes the next colour of the DOT
    /// palette, and from the eighth on a dash pattern too.
    pub series: Vec<LineSeries>,
}

impl LineChart {
    /// A chart of one measure over time: one line per entity, named by its
    /// name (or its shortest alias when the name would not fit at the
    /// line's end), the dates along the x axis.
    ///
    /// `series` gives each entity's values aligned with `dates`, in the
    /// order the lines should take colours (best first).
    pub fn over_time<'a>(
        graph: &Graph,
        title: impl Into<String>,
        measure: &str,
        dates: &[PartialDate],
        series: impl IntoIterator<Item = (NodeIndex, &'a [Option<f64>])>,
    ) -> Self {
        LineChart {
            title: title.into(),
            x_label: "as of".into(),
            y_label: measure.into(),
            x: dates.iter().map(ToString::to_string).collect(),
            series: series
                .into_iter()
                .map(|(i, values)| LineSeries {
                    label: short_name(graph.node(i)),
                    values: values.to_vec(),
                })
                .collect(),
        }
    }
}

/// The name, or the shortest alias when the name is too long for a label.
fn short_name(node: &Node) -> String {
    if node.name.chars().count() <= LABEL_CHARS {
        return node.name.clone();
    }
    node.aliases
        .iter()
        .filter(|a| !a.trim().is_empty())
        .min_by_key(|a| a.chars().count())
        .cloned()
        .unwrap_or_else(|| node.name.clone())
}

const WIDTH: f64 = 1000.0;
const HEIGHT: f64 = 560.0;
const LEFT: f64 = 80.0;
const TOP: f64 = 56.0;
const BOTTOM: f64 = 64.0;
const LABEL_SIZE: f64 = 12.0;
const LABEL_CHARS: usize = 46;
const LABEL_GAP: f64 = 15.0;

/// Dash patterns for series past the palette's length.
const DASHES: [&str; 3] = ["", "6 3", "2 3"];

/// Writes `chart` as a standalone SVG document: labelled axes, one line per
/// series with a dot at each value, and each series' name at its last value
/// (moved apart when names would overlap, with a thin leader line back).
///
/// # Errors
/// Any error of `out`.
pub fn write_line_chart(out: &mut dyn io::Write, chart: &LineChart) -> io::Result<()> {
    let labels: Vec<String> = chart
        .series
        .iter()
        .map(|s| clip(&s.label, LABEL_CHARS))
        .collect();
    let label_room = labels
        .iter()
        .map(|l| text_width(l, LABEL_SIZE) * 1.12)
        .fold(0.0, f64::max)
        + 30.0;
    let right = WIDTH - label_room.clamp(40.0, 400.0);
    let bottom = HEIGHT - BOTTOM;
    let mut s = String::new();
    svg::open(&mut s, WIDTH, HEIGHT, &chart.title);
    svg::text(
        &mut s,
        LEFT,
        28.0,
        "font-size=\"16\" font-weight=\"bold\"",
        &chart.title,
    );

    let max = chart
        .series
        .iter()
        .flat_map(|l| l.values.iter().flatten())
        .copied()
        .filter(|v| v.is_finite())
        .fold(0.0, f64::max);
    let min = chart
        .series
        .iter()
        .flat_map(|l| l.values.iter().flatten())
        .copied()
        .filter(|v| v.is_finite())
        .fold(0.0, f64::min);
    let ticks = svg::nice_ticks(min, if max > min { max } else { min + 1.0 }, 5);
    let (lo, hi) = (
        ticks.first().copied().unwrap_or(0.0),
        ticks.last().copied().unwrap_or(1.0),
    );
    let y_of = |v: f64| bottom - (v - lo) / (hi - lo).max(f64::MIN_POSITIVE) * (bottom - TOP);
    let points = chart.x.len();
    let x_of = |i: usize| {
        if points <= 1 {
            (LEFT + right) / 2.0
        } else {
            LEFT + 16.0 + i as f64 * (right - LEFT - 32.0) / (points - 1) as f64
        }
    };

    // Grid and y axis.
    let decimals = decimals(&ticks);
    for &t in &ticks {
        let y = y_of(t);
        svg::line(
            &mut s,
            (LEFT, y),
            (right, y),
            "stroke=\"#E5E5E5\" stroke-width=\"1\"",
        );
        svg::text(
            &mut s,
            LEFT - 8.0,
            y + 4.0,
            &format!("text-anchor=\"end\" fill=\"{NEUTRAL}\""),
            &format!("{t:.decimals$}"),
        );
    }
    let axis = format!("stroke=\"{NEUTRAL}\" stroke-width=\"1\"");
    svg::line(&mut s, (LEFT, TOP), (LEFT, bottom), &axis);
    svg::line(&mut s, (LEFT, bottom), (right, bottom), &axis);
    let _ = writeln!(
        s,
        "<text x=\"0\" y=\"0\" transform=\"translate(20 {}) rotate(-90)\" text-anchor=\"middle\" fill=\"#333333\">{}</text>",
        num((TOP + bottom) / 2.0),
        escape(&chart.y_label)
    );

    // X axis: a tick at every point, a label at every k-th so that labels
    // do not touch.
    let widest = chart
        .x
        .iter()
        .map(|l| text_width(l, 11.0))
        .fold(0.0, f64::max)
        + 8.0;
    let spacing = if points > 1 {
        (right - LEFT - 32.0) / (points - 1) as f64
    } else {
        widest
    };
    let every = (widest / spacing.max(1.0)).ceil().max(1.0) as usize;
    for (i, label) in chart.x.iter().enumerate() {
        let x = x_of(i);
        svg::line(&mut s, (x, bottom), (x, bottom + 4.0), &axis);
        if i % every == 0 || i + 1 == points {
            if i + 1 == points && i % every != 0 && spacing * ((i % every) as f64) < widest {
                continue;
            }
            svg::text(
                &mut s,
                x,
                bottom + 18.0,
                &format!("text-anchor=\"middle\" font-size=\"11\" fill=\"{NEUTRAL}\""),
                label,
            );
        }
    }
    svg::text(
        &mut s,
        (LEFT + right) / 2.0,
        HEIGHT - 18.0,
        "text-anchor=\"middle\" fill=\"#333333\"",
        &chart.x_label,
    );

    // Lines, then their end labels.
    let mut ends: Vec<(usize, f64, f64)> = Vec::new();
    for (k, line) in chart.series.iter().enumerate() {
        let colour = SERIES[k % SERIES.len()];
        let dash = DASHES[(k / SERIES.len()) % DASHES.len()];
        let dash = if dash.is_empty() {
            String::new()
        } else {
            format!(" stroke-dasharray=\"{dash}\"")
        };
        let _ = writeln!(s, "<g>\n<title>{}</title>", escape(&line.label));
        let mut run: Vec<(f64, f64)> = Vec::new();
        let mut last = None;
        let flush = |s: &mut String, run: &mut Vec<(f64, f64)>| {
            if run.len() > 1 {
                let pts: Vec<String> = run
                    .iter()
                    .map(|(x, y)| format!("{},{}", num(*x), num(*y)))
                    .collect();
                let _ = writeln!(
                    s,
                    "<polyline points=\"{}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"2.2\"{dash}/>",
                    pts.join(" ")
                );
            }
            run.clear();
        };
        for (i, v) in line.values.iter().take(points).enumerate() {
            match v.filter(|v| v.is_finite()) {
                Some(v) => {
                    let p = (x_of(i), y_of(v));
                    run.push(p);
                    last = Some(p);
                }
                None => flush(&mut s, &mut run),
            }
        }
        flush(&mut s, &mut run);
        for (i, v) in line.values.iter().take(points).enumerate() {
            if let Some(v) = v.filter(|v| v.is_finite()) {
                let _ = writeln!(
                    s,
                    "<circle cx=\"{}\" cy=\"{}\" r=\"2.6\" fill=\"{colour}\"/>",
                    num(x_of(i)),
                    num(y_of(v))
                );
            }
        }
        s.push_str("</g>\n");
        if let Some((x, y)) = last {
            ends.push((k, x, y));
        }
    }
    let placed = spread(
        ends.iter().map(|e| e.2).collect(),
        LABEL_GAP,
        TOP,
        bottom + 10.0,
    );
    let label_x = right + 14.0;
    for ((k, x, y), ly) in ends.iter().zip(placed) {
        let colour = SERIES[k % SERIES.len()];
        let dash = DASHES[(k / SERIES.len()) % DASHES.len()];
        let dash = if dash.is_empty() {
            String::new()
        } else {
            format!(" stroke-dasharray=\"{dash}\"")
        };
        svg::line(
            &mut s,
            (*x + 4.0, *y),
            (label_x - 3.0, ly),
            &format!("stroke=\"{colour}\" stroke-width=\"1.4\"{dash}"),
        );
        svg::text(
            &mut s,
            label_x,
            ly + 4.0,
            &format!("fill=\"{colour}\" font-weight=\"bold\""),
            &labels[*k],
        );
    }
    s.push_str("</svg>\n");
    out.write_all(s.as_bytes())
}

/// Enough decimals to tell the ticks apart.
fn decimals(ticks: &[f64]) -> usize {
    let step = match ticks {
        [a, b, ..] => (b - a).abs(),
        _ => 1.0,
    };
    if step >= 1.0 || step <= 0.0 {
        0
    } else {
        (-step.log10()).ceil().clamp(0.0, 8.0) as usize
    }
}

/// Label positions near `wanted`, at least `gap` apart, within
/// `[low, high]` when they fit: sorted, pushed down past their
/// predecessor, then pulled back up from the bottom.
fn spread(wanted: Vec<f64>, gap: f64, low: f64, high: f64) -> Vec<f64> {
    let mut order: Vec<usize> = (0..wanted.len()).collect();
    order.sort_by(|&a, &b| wanted[a].total_cmp(&wanted[b]).then(a.cmp(&b)));
    let mut placed = wanted.clone();
    let mut prev = f64::NEG_INFINITY;
    for &i in &order {
        let y = wanted[i].max(prev + gap).max(low);
        placed[i] = y;
        prev = y;
    }
    let mut next = f64::INFINITY;
    for &i in order.iter().rev() {
        let y = placed[i].min(next - gap).min(high);
        placed[i] = y;
        next = y;
    }
    placed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_spread_apart() {
        let p = spread(vec![100.0, 101.0, 300.0, 99.0], 15.0, 0.0, 500.0);
        let mut sorted = p.clone();
        sorted.sort_by(f64::total_cmp);
        for w in sorted.windows(2) {
            assert!(w[1] - w[0] >= 15.0 - 1e-9);
        }
        assert_eq!(p[2], 300.0);
        // Crowded at the bottom: pulled back up inside the range.
        let p = spread(vec![499.0, 500.0], 15.0, 0.0, 500.0);
        assert!(p.iter().all(|y| *y <= 500.0));
    }
}

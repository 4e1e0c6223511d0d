//! Pictures as standalone SVG: a line chart of values over time and a
//! Gantt chart of the timeline, drawn in the DOT palette.

mod gantt;
mod line;
mod svg;

pub use gantt::{GANTT_KINDS, GanttOptions, GanttSummary, write_gantt};
pub use line::{LineChart, LineSeries, write_line_chart};

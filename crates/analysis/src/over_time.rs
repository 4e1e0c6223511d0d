//! Centrality over time: one measure run on the graph as it stood at each
//! of a series of dates.

use std::fmt;
use std::str::FromStr;

use partnership_core::{NodeIndex, PartialDate, View};
use rayon::prelude::*;

use crate::centrality::betweenness::{Brandes, betweenness_reusing};
use crate::centrality::closeness::closeness_reusing;
use crate::centrality::harmonic::harmonic_reusing;
use crate::error::{Error, Result};
use crate::options::Execution;
use crate::readable::Readable;
use crate::scores::{Scores, rank_order};
use crate::traverse::Bfs;
use crate::{
    BetweennessOptions, ClosenessOptions, Degree, EigenvectorOptions, HarmonicOptions,
    PageRankOptions, betweenness_centrality, closeness_centrality, degree_centrality,
    eigenvector_centrality, harmonic_centrality, pagerank,
};

/// A node centrality measure with its options: one value names any
/// measure of the crate, so that code can take "a measure" as data.
///
/// ```
/// use partnership::analysis::{BetweennessOptions, Centrality};
/// use petgraph::graph::DiGraph;
///
/// let g = DiGraph::<(), ()>::from_edges([(0, 1), (1, 2)]);
/// let measure = Centrality::Betweenness(BetweennessOptions { normalized: false, ..Default::default() });
/// assert_eq!(measure.compute(&g)?.values(), &[0.0, 1.0, 0.0]);
/// assert_eq!(measure.name(), "betweenness");
/// # Ok::<(), partnership::analysis::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Centrality {
    /// [`degree_centrality`].
    Degree(Degree),
    /// [`betweenness_centrality`].
    Betweenness(BetweennessOptions),
    /// [`closeness_centrality`].
    Closeness(ClosenessOptions),
    /// [`harmonic_centrality`].
    Harmonic(HarmonicOptions),
    /// [`pagerank`].
    PageRank(PageRankOptions),
    /// [`eigenvector_centrality`].
    Eigenvector(EigenvectorOptions),
}

impl Centrality {
    /// The measure's name in lower case: `degree`, `betweenness`,
    /// `closeness`, `harmonic`, `pagerank` or `eigenvector`.
    pub fn name(&self) -> &'static str {
        match self {
            Centrality::Degree(_) => "degree",
            Centrality::Betweenness(_) => "betweenness",
            Centrality::Closeness(_) => "closeness",
            Centrality::Harmonic(_) => "harmonic",
            Centrality::PageRank(_) => "pagerank",
            Centrality::Eigenvector(_) => "eigenvector",
        }
    }

    /// Runs the measure on `g`, exactly as calling its function does.
    ///
    /// # Errors
    /// Those of the measure's function.
    pub fn compute<G: Readable>(&self, g: G) -> Result<Scores<G::NodeId>> {
        match self {
            Centrality::Degree(d) => degree_centrality(g, *d),
            Centrality::Betweenness(o) => betweenness_centrality(g, o),
            Centrality::Closeness(o) => closeness_centrality(g, o),
            Centrality::Harmonic(o) => harmonic_centrality(g, o),
            Centrality::PageRank(o) => pagerank(g, o),
            Centrality::Eigenvector(o) => eigenvector_centrality(g, o),
        }
    }

    /// Runs the measure on the calling thread, reusing `buffers` for its
    /// searches. Every measure gives the same result on one thread as on
    /// many, so this equals [`compute`](Self::compute) to the bit.
    fn compute_reusing<G: Readable>(
        &self,
        g: G,
        buffers: &mut Buffers,
    ) -> Result<Scores<G::NodeId>> {
        let serial = Execution::Serial;
        match *self {
            Centrality::Betweenness(o) => betweenness_reusing(
                g,
                &BetweennessOptions {
                    execution: serial,
                    ..o
                },
                &mut buffers.brandes,
            ),
            Centrality::Closeness(o) => closeness_reusing(g, &o, &mut buffers.bfs),
            Centrality::Harmonic(o) => harmonic_reusing(g, &o, &mut buffers.bfs),
            Centrality::PageRank(o) => pagerank(
                g,
                &PageRankOptions {
                    execution: serial,
                    ..o
                },
            ),
            Centrality::Degree(_) | Centrality::Eigenvector(_) => self.compute(g),
        }
    }
}

/// Traversal buffers kept from snapshot to snapshot: allocated for the
/// first graph, grown when a later one is larger, never shrunk.
#[derive(Default)]
struct Buffers {
    brandes: Option<Brandes>,
    bfs: Option<Bfs>,
}

/// The distance between two dates of a series: some years or some months.
///
/// Parsed from `1y`, `5y`, `6m` (a number then `y` or `m`).
///
/// ```
/// use partnership::analysis::DateStep;
/// assert_eq!("2y".parse::<DateStep>()?, DateStep::Years(2));
/// assert_eq!("6m".parse::<DateStep>()?.to_string(), "6m");
/// assert!("0y".parse::<DateStep>().is_err());
/// # Ok::<(), partnership::analysis::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DateStep {
    /// Every `n` years; the dates are whole years.
    Years(u16),
    /// Every `n` months; the dates are months.
    Months(u16),
}

impl Default for DateStep {
    /// One year.
    fn default() -> Self {
        DateStep::Years(1)
    }
}

impl fmt::Display for DateStep {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateStep::Years(n) => write!(f, "{n}y"),
            DateStep::Months(n) => write!(f, "{n}m"),
        }
    }
}

impl FromStr for DateStep {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self> {
        let bad = || Error::InvalidOption {
            option: "step",
            value: s.to_owned(),
            expected: "a positive number of years or months, such as 1y, 2y or 6m",
        };
        let (number, unit) = s.split_at(s.len().saturating_sub(1));
        let n: u16 = number.parse().map_err(|_| bad())?;
        if n == 0 || !number.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
        match unit {
            "y" | "Y" => Ok(DateStep::Years(n)),
            "m" | "M" => Ok(DateStep::Months(n)),
            _ => Err(bad()),
        }
    }
}

/// The most dates a series may hold (a guard against typing `1..9999` by
/// mistake with a monthly step).
pub const MAX_DATES: usize = 2_000;

/// A span of dates to sample, `FROM..TO` (both included), as the command
/// line's `--over-time 1997..2017` spells it.
///
/// ```
/// use partnership::analysis::{DateRange, DateStep};
/// let range: DateRange = "1997..2017".parse()?;
/// let dates = range.dates(DateStep::Years(5))?;
/// let text: Vec<String> = dates.iter().map(ToString::to_string).collect();
/// assert_eq!(text, ["1997", "2002", "2007", "2012", "2017"]);
/// let months = "2014-01..2014-12".parse::<DateRange>()?.dates(DateStep::Months(6))?;
/// assert_eq!(months.len(), 2);
/// # Ok::<(), partnership::analysis::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DateRange {
    /// The first date.
    pub from: PartialDate,
    /// The last date (included).
    pub to: PartialDate,
}

impl fmt::Display for DateRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.from, self.to)
    }
}

impl FromStr for DateRange {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self> {
        let bad = || Error::InvalidOption {
            option: "over_time",
            value: s.to_owned(),
            expected: "two dates joined by `..`, such as 1997..2017",
        };
        let (from, to) = s.split_once("..").ok_or_else(bad)?;
        let from: PartialDate = from.trim().parse().map_err(|_| bad())?;
        let to: PartialDate = to.trim().parse().map_err(|_| bad())?;
        if from.start() > to.start() {
            return Err(Error::InvalidOption {
                option: "over_time",
                value: s.to_owned(),
                expected: "a first date no later than the last",
            });
        }
        Ok(DateRange { from, to })
    }
}

impl DateRange {
    /// The dates from `from` to `to` every `step`: whole years for a step
    /// in years (from `from`'s year to `to`'s), months for a step in months
    /// (from `from`'s first month to `to`'s last).
    ///
    /// # Errors
    /// [`Error::InvalidOption`] when the series would hold more than
    /// [`MAX_DATES`] dates.
    pub fn dates(&self, step: DateStep) -> Result<Vec<PartialDate>> {
        let too_many = || Error::InvalidOption {
            option: "step",
            value: format!("{step} over {self}"),
            expected: "at most 2000 dates",
        };
        let mut dates = Vec::new();
        match step {
            DateStep::Years(n) => {
                let (first, last) = (self.from.year_number(), self.to.year_number());
                let mut y = first;
                while y <= last {
                    if dates.len() == MAX_DATES {
                        return Err(too_many());
                    }
                    if let Ok(d) = PartialDate::year(y) {
                        dates.push(d);
                    }
                    y = match y.checked_add(n) {
                        Some(next) => next,
                        None => break,
                    };
                }
            }
            DateStep::Months(n) => {
                let month_of = |d: &PartialDate, last: bool| {
                    let day = if last { d.end() } else { d.start() };
                    u32::from(day.year) * 12 + u32::from(day.month) - 1
                };
                let (first, last) = (month_of(&self.from, false), month_of(&self.to, true));
                let mut m = first;
                while m <= last {
                    if dates.len() == MAX_DATES {
                        return Err(too_many());
                    }
                    if let (Ok(y), Ok(mo)) = (u16::try_from(m / 12), u8::try_from(m % 12 + 1))
                        && let Ok(d) = PartialDate::month(y, mo)
                    {
                        dates.push(d);
                    }
                    m += u32::from(n);
                }
            }
        }
        Ok(dates)
    }
}

/// A centrality measure's scores at each of a series of dates, one series
/// per entity. Made by [`centrality_over_time`].
#[derive(Debug, Clone, PartialEq)]
pub struct OverTime {
    measure: &'static str,
    dates: Vec<PartialDate>,
    nodes: Vec<NodeIndex>,
    /// `nodes.len()` rows of `dates.len()` values.
    values: Vec<Option<f64>>,
}

/// One entity's scores over time, aligned with [`OverTime::dates`]; `None`
/// where the entity was not active at that date (so not in the snapshot).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Series<'a> {
    /// The entity.
    pub node: NodeIndex,
    /// Its score at each date.
    pub values: &'a [Option<f64>],
}

impl Series<'_> {
    /// The highest score of the series (`None` if never active).
    pub fn peak(&self) -> Option<f64> {
        self.values
            .iter()
            .flatten()
            .copied()
            .min_by(|a, b| rank_order(*a, *b))
    }
}

impl OverTime {
    /// The measure's name (see [`Centrality::name`]).
    pub fn measure(&self) -> &'static str {
        self.measure
    }

    /// The dates, in the order given.
    pub fn dates(&self) -> &[PartialDate] {
        &self.dates
    }

    /// Number of entities with a series.
    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    /// Whether no entity was active at any of the dates.
    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    /// Every entity active at one date at least, in ascending node index.
    pub fn series(&self) -> impl ExactSizeIterator<Item = Series<'_>> + '_ {
        let width = self.dates.len();
        self.nodes.iter().enumerate().map(move |(i, &node)| Series {
            node,
            values: self.values.get(i * width..(i + 1) * width).unwrap_or(&[]),
        })
    }

    /// The series of `node`, if it was active at one of the dates.
    pub fn get(&self, node: NodeIndex) -> Option<Series<'_>> {
        let i = self.nodes.binary_search(&node).ok()?;
        self.series().nth(i)
    }

    /// The scores at the `i`-th date, as the measure run on that snapshot
    /// alone would return them.
    pub fn at(&self, i: usize) -> Option<Scores<NodeIndex>> {
        if i >= self.dates.len() {
            return None;
        }
        let (nodes, values) = self
            .series()
            .filter_map(|s| s.values[i].map(|v| (s.node, v)))
            .unzip();
        Some(Scores::new(nodes, values))
    }

    /// The series that `keep` accepts, ranked by their peak (highest first;
    /// ties by ascending node index), at most `k` of them.
    pub fn top(&self, k: usize, mut keep: impl FnMut(NodeIndex) -> bool) -> Vec<Series<'_>> {
        let mut kept: Vec<(Series<'_>, f64)> = self
            .series()
            .filter(|s| keep(s.node))
            .filter_map(|s| s.peak().map(|p| (s, p)))
            .collect();
        kept.sort_by(|a, b| rank_order(a.1, b.1).then(a.0.node.cmp(&b.0.node)));
        kept.into_iter().take(k).map(|(s, _)| s).collect()
    }
}

/// Runs `measure` on `base` as of each date and gathers the scores into
/// one series per entity.
///
/// Each snapshot is `base.clone().as_of(date)` (the core crate's
/// [`View::as_of`]: the entities and links active at some time within the
/// date), so narrow `base` first to restrict relations or kinds. The scores
/// at each date are bit-identical to running the measure on that snapshot
/// alone ([`Centrality::compute`]).
///
/// With [`Execution::Auto`] or [`Execution::Parallel`] and more than one
/// date, snapshots are spread over rayon's threads (one snapshot is small
/// next to the whole series, so `Auto` always does), each thread running its snapshots one
/// after the other in traversal buffers it keeps from one snapshot to the
/// next; with [`Execution::Serial`] one set of buffers serves every
/// snapshot on the calling thread. A date at which nothing is active gives
/// no score to anyone.
///
/// # Errors
/// The first error of the measure, in date order (for instance
/// [`Error::NotConverged`]).
///
/// # Complexity
/// The measure's cost on each snapshot, plus O(n + m) per date to build it.
///
/// ```
/// use partnership::analysis::{centrality_over_time, BetweennessOptions, Centrality, DateRange, Execution, DateStep};
///
/// let g = partnership::model::dataset();
/// let dates = "2010..2016".parse::<DateRange>()?.dates(DateStep::Years(2))?;
/// let measure = Centrality::Betweenness(BetweennessOptions::default());
/// let over = centrality_over_time(&g.view(), &measure, &dates, Execution::Parallel)?;
/// let nuc = g.resolve("NUC")?;
/// assert_eq!(over.get(nuc).unwrap().values.len(), 4);
/// let alone = measure.compute(&g.view().as_of(dates[3]))?;
/// assert_eq!(over.get(nuc).unwrap().values[3], alone.get(nuc));
/// # Ok::<(), partnership::analysis::Error>(())
/// ```
pub fn centrality_over_time(
    base: &View<'_>,
    measure: &Centrality,
    dates: &[PartialDate],
    execution: Execution,
) -> Result<OverTime> {
    let one = |buffers: &mut Buffers, date: &PartialDate| -> Result<Option<Scores<NodeIndex>>> {
        let view = base.clone().as_of(*date);
        if view.node_count() == 0 {
            return Ok(None);
        }
        measure.compute_reusing(&view, buffers).map(Some)
    };
    let results: Vec<Result<Option<Scores<NodeIndex>>>> =
        if execution != Execution::Serial && dates.len() > 1 && rayon::current_num_threads() > 1 {
            #[cfg(test)]
            tests::PARALLEL_RUNS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            dates.par_iter().map_init(Buffers::default, one).collect()
        } else {
            let mut buffers = Buffers::default();
            dates.iter().map(|d| one(&mut buffers, d)).collect()
        };
    let mut snapshots = Vec::with_capacity(dates.len());
    for r in results {
        snapshots.push(r?);
    }
    // Every node scored at least once, ascending.
    let bound = base.graph().node_count();
    let mut row = vec![usize::MAX; bound];
    let mut nodes = Vec::new();
    for scores in snapshots.iter().flatten() {
        for &k in scores.keys() {
            if let Some(slot) = row.get_mut(k.index())
                && *slot == usize::MAX
            {
                *slot = 0;
            }
        }
    }
    for (i, slot) in row.iter_mut().enumerate() {
        if *slot == 0 {
            *slot = nodes.len();
            nodes.push(NodeIndex::new(i));
        }
    }
    let width = dates.len();
    let mut values = vec![None; nodes.len() * width];
    for (d, scores) in snapshots.iter().enumerate() {
        for (k, v) in scores.iter().flat_map(|s| s.iter()) {
            if let Some(&r) = row.get(k.index())
                && let Some(cell) = values.get_mut(r * width + d)
            {
                *cell = Some(v);
            }
        }
    }
    Ok(OverTime {
        measure: measure.name(),
        dates: dates.to_vec(),
        nodes,
        values,
    })
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::{Degree, Reading};
    use std::sync::atomic::{AtomicUsize, Ordering};

    /// How many times [`centrality_over_time`] took its parallel path.
    pub(crate) static PARALLEL_RUNS: AtomicUsize = AtomicUsize::new(0);

    fn measures() -> Vec<Centrality> {
        let und = Reading::Undirected;
        vec![
            Centrality::Betweenness(BetweennessOptions::default()),
            Centrality::Betweenness(BetweennessOptions {
                reading: und,
                endpoints: true,
                ..Default::default()
            }),
            Centrality::Closeness(ClosenessOptions {
                reading: und,
                ..Default::default()
            }),
            Centrality::Harmonic(HarmonicOptions::default()),
            Centrality::PageRank(PageRankOptions {
                reading: und,
                ..Default::default()
            }),
            Centrality::Degree(Degree::Total),
            Centrality::Eigenvector(EigenvectorOptions {
                reading: und,
                ..Default::default()
            }),
        ]
    }

    /// The dates go up and down in size (1991 is nearly empty, 2017 full,
    /// 1850 empty), so buffers grown for a large snapshot serve a small one
    /// and the other way round, on every thread.
    fn dates() -> Vec<PartialDate> {
        [
            "2017", "1991", "2005", "1850", "1997", "2014-09", "2000", "2016", "1994", "2010",
            "2012", "2003",
        ]
        .iter()
        .map(|d| d.parse().unwrap())
        .collect()
    }

    #[test]
    fn parallel_series_equal_single_runs_to_the_bit() {
        let g = partnership_core::dataset();
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(4)
            .build()
            .unwrap();
        let dates = dates();
        for measure in measures() {
            let before = PARALLEL_RUNS.load(Ordering::Relaxed);
            let over = pool
                .install(|| centrality_over_time(&g.view(), &measure, &dates, Execution::Parallel))
                .unwrap();
            assert!(
                PARALLEL_RUNS.load(Ordering::Relaxed) > before,
                "the parallel path was not taken"
            );
            let serial =
                centrality_over_time(&g.view(), &measure, &dates, Execution::Serial).unwrap();
            for (i, date) in dates.iter().enumerate() {
                let view = g.view().as_of(*date);
                let alone = if view.node_count() == 0 {
                    Scores::new(Vec::new(), Vec::new())
                } else {
                    measure.compute(&view).unwrap()
                };
                // Bits, not tolerance: the same additions in the same order.
                let bits = |s: &Scores<NodeIndex>| -> Vec<(usize, u64)> {
                    s.iter().map(|(k, v)| (k.index(), v.to_bits())).collect()
                };
                for (how, got) in [("parallel", &over), ("serial", &serial)] {
                    let got = got.at(i).unwrap();
                    assert!(
                        bits(&got) == bits(&alone),
                        "{how} {} at {date} differs from a single run",
                        measure.name()
                    );
                }
            }
            assert!(over == serial, "{}", measure.name());
        }
    }

    #[test]
    fn absent_entities_have_gaps() {
        let g = partnership_core::dataset();
        let dates: Vec<PartialDate> = ["1991", "2016"]
            .iter()
            .map(|d| d.parse().unwrap())
            .collect();
        let measure = Centrality::Degree(Degree::Total);
        let over = centrality_over_time(&g.view(), &measure, &dates, Execution::Serial).unwrap();
        // The Cyber Defence Trust Fund began in 2014.
        let fund = g.resolve("Trust Fund on Cyber Defence").unwrap();
        let s = over.get(fund).unwrap();
        assert_eq!(s.values[0], None);
        assert!(s.values[1].is_some());
        assert_eq!(over.top(3, |_| true).len(), 3);
    }

    #[test]
    fn steps_and_ranges_parse() {
        assert_eq!("1y".parse::<DateStep>().unwrap(), DateStep::Years(1));
        assert_eq!("12m".parse::<DateStep>().unwrap(), DateStep::Months(12));
        for bad in ["", "y", "0m", "-1y", "1d", "1.5y", "+1y", "99999y"] {
            assert!(bad.parse::<DateStep>().is_err(), "{bad}");
        }
        for bad in ["1997", "2017..1997", "1997..20x7", "..2017"] {
            assert!(bad.parse::<DateRange>().is_err(), "{bad}");
        }
        let r: DateRange = "1997..2017".parse().unwrap();
        assert_eq!(r.dates(DateStep::Years(1)).unwrap().len(), 21);
        assert_eq!(r.dates(DateStep::Years(7)).unwrap().len(), 3);
        let m: DateRange = "2014-11..2015".parse().unwrap();
        let months: Vec<String> = m
            .dates(DateStep::Months(5))
            .unwrap()
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(months, ["2014-11", "2015-04", "2015-09"]);
        let huge: DateRange = "0001..9999".parse().unwrap();
        assert!(huge.dates(DateStep::Months(1)).is_err());
    }
}

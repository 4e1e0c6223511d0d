//! The command line, declared with clap's derive API.
//!
//! Every option that names a date, kind or relation is parsed here, so a bad
//! value is a usage error before any command runs.

use std::path::PathBuf;

use clap::builder::{PossibleValuesParser, TypedValueParser};
use clap::{Args, Parser, Subcommand, ValueEnum};
use partnership_analysis::{DateRange, DateStep, PathQuery};
use partnership_core::json::LinksKey;
use partnership_core::{EntityOrder, Kind, PartialDate, Relation};
use partnership_export::{AnyFormat, Layout, LinkDirection};

const AFTER_HELP: &str = "\
Entities may be named by id, name, alias or acronym, in any case.

Examples:
  partnership who-leads \"C4 Trust Fund\"
  partnership links --from Ukraine --relation signs
  partnership list --kind fund --sort date
  partnership path Romania \"Verkhovna Rada\" --avoid Ukraine --avoid-hubs 3
  partnership centrality --measure betweenness --kind body --as-of 2016
  partnership centrality --measure betweenness --over-time 1997..2017 --format svg > nuc.svg
  partnership changes --from 2010 --to 2016
  partnership timeline --format svg > timeline.svg
  partnership export --around NUC --depth 1 -o nuc.dot
  partnership --data my-graph.json stats";

/// Who leads what in the NATO-Ukraine relationship: query, analyse and draw
/// the graph of actors, bodies, funds, agreements and operations.
#[derive(Debug, Parser)]
#[command(
    name = "partnership",
    version,
    propagate_version = true,
    arg_required_else_help = true,
    max_term_width = 100,
    after_help = AFTER_HELP
)]
pub(crate) struct Cli {
    /// Read the graph from this node-link JSON file instead of the embedded
    /// dataset; `-` reads standard input.
    #[arg(long, global = true, value_name = "PATH")]
    pub data: Option<PathBuf>,

    /// Refuse a data file or stream larger than this many MiB. Loading needs
    /// about three times the file's size in memory.
    #[arg(long, global = true, value_name = "MIB", default_value_t = crate::data::DEFAULT_MAX_MIB)]
    pub max_data_mib: u64,

    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Lead nations and executing agents of a fund, project, programme, body
    /// or operation.
    WhoLeads(WhoLeadsArgs),
    /// What an actor leads or executes.
    LedBy(LedByArgs),
    /// One entity: kind, names, dates, description, links and sources.
    Show(ShowArgs),
    /// Entities whose names, aliases or descriptions match a text, best first.
    Search(SearchArgs),
    /// Links filtered by relation, subject, object and date, as sentences.
    Links(LinksArgs),
    /// Entities of some kinds with their dates and numbers of links.
    List(ListArgs),
    /// How two entities are connected, explained in sentences.
    Path(PathArgs),
    /// The most central entities by a centrality measure.
    Centrality(CentralityArgs),
    /// Dated events and links in date order, or a Gantt chart of them.
    Timeline(TimelineArgs),
    /// What began and what ended between two dates.
    Changes(ChangesArgs),
    /// Write the graph, or a selection of it, as DOT, JSON, GraphML,
    /// Mermaid, the HTML explorer, GEXF, FollowTheMoney, or CSV for Neo4j
    /// or spreadsheets.
    Export(ExportArgs),
    /// Load and check a data file, listing every problem.
    Validate(ValidateArgs),
    /// Counts by kind and relation, date range and sources.
    Stats(StatsArgs),
    /// Print a shell completion script.
    Completions(CompletionsArgs),
    /// Print the manual page (roff), or write every page to a folder.
    Man(ManArgs),
}

/// How a query command prints its answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub(crate) enum OutputFormat {
    /// Aligned tables for a terminal.
    #[default]
    Text,
    /// JSON for scripts.
    Json,
    /// Comma-separated values, one header line, for spreadsheets.
    Csv,
}

/// The `--format` option shared by commands that print tables.
#[derive(Debug, Clone, Copy, Args)]
pub(crate) struct Output {
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    pub format: OutputFormat,
}

/// How `path` prints its answer: sentences are no table, so no CSV.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub(crate) enum PathFormat {
    /// Sentences for a terminal.
    #[default]
    Text,
    /// JSON for scripts.
    Json,
}

/// When: one date, or a range (the two options conflict).
#[derive(Debug, Clone, Args)]
pub(crate) struct Dates {
    /// Only what was active at this date (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = date_parser, conflicts_with = "between")]
    pub as_of: Option<PartialDate>,
    /// Only what was active at some time from the start of FROM to the end
    /// of TO.
    #[arg(long, num_args = 2, value_names = ["FROM", "TO"], value_parser = date_parser)]
    pub between: Vec<PartialDate>,
}

/// Arguments of `who-leads`.
#[derive(Debug, Args)]
pub(crate) struct WhoLeadsArgs {
    /// The fund, project, programme, body or operation: id, name, alias or
    /// acronym.
    pub entity: String,
    #[command(flatten)]
    #[allow(missing_docs)]
    pub output: Output,
}

/// Arguments of `led-by`.
#[derive(Debug, Args)]
pub(crate) struct LedByArgs {
    /// The actor: id, name, alias or acronym.
    pub actor: String,
    #[command(flatten)]
    #[allow(missing_docs)]
    pub output: Output,
}

/// Arguments of `show`.
#[derive(Debug, Args)]
pub(crate) struct ShowArgs {
    /// The entity: id, name, alias or acronym.
    pub entity: String,
    /// Only links of these relations (comma-separated).
    #[arg(long = "relation", visible_alias = "relations", value_name = "RELATION", value_delimiter = ',', value_parser = relation_parser(), hide_possible_values = true)]
    pub relations: Vec<Relation>,
    #[command(flatten)]
    #[allow(missing_docs)]
    pub output: Output,
}

/// Arguments of `links`.
#[derive(Debug, Args)]
pub(crate) struct LinksArgs {
    /// Only links of these relations (comma-separated), such as signs or
    /// leads,executes.
    #[arg(long = "relation", visible_alias = "relations", value_name = "RELATION", value_delimiter = ',', value_parser = relation_parser(), hide_possible_values = true)]
    pub relations: Vec<Relation>,
    /// Only links whose subject is this entity (repeat for several).
    #[arg(long, value_name = "ENTITY")]
    pub from: Vec<String>,
    /// Only links whose subject is of these kinds (comma-separated).
    #[arg(long, value_name = "KIND", value_delimiter = ',', value_parser = kind_parser(), hide_possible_values = true)]
    pub from_kind: Vec<Kind>,
    /// Only links whose object is this entity (repeat for several).
    #[arg(long, value_name = "ENTITY")]
    pub to: Vec<String>,
    /// Only links whose object is of these kinds (comma-separated).
    #[arg(long, value_name = "KIND", value_delimiter = ',', value_parser = kind_parser(), hide_possible_values = true)]
    pub to_kind: Vec<Kind>,
    #[command(flatten)]
    #[allow(missing_docs)]
    pub dates: Dates,
    #[command(flatten)]
    #[allow(missing_docs)]
    pub output: Output,
}

/// Arguments of `list`.
#[derive(Debug, Args)]
pub(crate) struct ListArgs {
    /// Only entities of these kinds (comma-separated), such as fund,body.
    #[arg(long, visible_alias = "kinds", value_name = "KIND", value_delimiter = ',', value_parser = kind_parser(), hide_possible_values = true)]
    pub kind: Vec<Kind>,
    /// Order by name, or by the date each entity starts (undated last).
    #[arg(long, value_enum, default_value_t = EntityOrder::Name)]
    pub sort: EntityOrder,
    #[command(flatten)]
    #[allow(missing_docs)]
    pub dates: Dates,
    #[command(flatten)]
    #[allow(missing_docs)]
    pub output: Output,
}

/// Arguments of `completions`.
#[derive(Debug, Args)]
pub(crate) struct CompletionsArgs {
    /// The shell.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// Arguments of `man`.
#[derive(Debug, Args)]
pub(crate) struct ManArgs {
    /// The page of this subcommand (`partnership-links(1)`) instead of
    /// `partnership(1)`.
    #[arg(value_name = "SUBCOMMAND")]
    pub subcommand: Option<String>,
    /// Write `partnership.1` and one page per subcommand into this folder
    /// instead of printing one page.
    #[arg(long, value_name = "DIR", conflicts_with = "subcommand")]
    pub dir: Option<PathBuf>,
}

/// Arguments of `search`.
#[derive(Debug, Args)]
pub(crate) struct SearchArgs {
    /// Words to look for in ids, names, aliases and descriptions.
    #[arg(required = true, num_args = 1..)]
    pub text: Vec<String>,
    #[command(flatten)]
    #[allow(missing_docs)]
    pub output: Output,
}

/// Arguments of `path`.
#[derive(Debug, Args)]
pub(crate) struct PathArgs {
    /// Where the connection starts: id, name, alias or acronym.
    pub from: String,
    /// Where it ends.
    pub to: String,
    /// Follow links only from subject to object (default: either way).
    #[arg(long)]
    pub directed: bool,
    /// Follow only links of these relations (comma-separated), such as
    /// leads,executes.
    #[arg(long = "relation", visible_alias = "relations", value_name = "RELATION", value_delimiter = ',', value_parser = relation_parser(), hide_possible_values = true)]
    pub relations: Vec<Relation>,
    /// Use only what was active at this date (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = date_parser)]
    pub as_of: Option<PartialDate>,
    /// List every simple path up to --max-len links, shortest first, instead
    /// of one shortest path.
    #[arg(long)]
    pub all: bool,
    /// With --all: the longest path to list, in links.
    #[arg(long, value_name = "N", default_value_t = PathQuery::DEFAULT_MAX_LINKS, requires = "all")]
    pub max_len: usize,
    /// With --all: list at most N paths, the shortest first (0: every path,
    /// printed as it is found).
    #[arg(long, value_name = "N", default_value_t = PathQuery::DEFAULT_LIMIT, requires = "all")]
    pub limit: usize,
    /// Step around these entities (comma-separated, or repeat the option;
    /// name one with a comma in its name by id or alias).
    #[arg(long, value_name = "ENTITY", value_delimiter = ',')]
    pub avoid: Vec<String>,
    /// Step around the N best-connected entities too (most links, the two
    /// ends and --avoid excepted).
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub avoid_hubs: usize,
    /// Output format.
    #[arg(long, value_enum, default_value_t = PathFormat::Text)]
    pub format: PathFormat,
}

/// A centrality measure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum Measure {
    /// Number of links, normalised by the number of other nodes.
    Degree,
    /// Share of shortest paths passing through the node.
    Betweenness,
    /// How near the node is to the nodes that reach it.
    Closeness,
    /// Sum of inverse distances from the other nodes; robust on
    /// disconnected graphs.
    Harmonic,
    /// PageRank with damping 0.85.
    Pagerank,
    /// Central when linked from central nodes.
    Eigenvector,
}

/// Arguments of `centrality`.
#[derive(Debug, Args)]
pub(crate) struct CentralityArgs {
    /// The measure.
    #[arg(long, value_enum, default_value_t = Measure::Degree)]
    pub measure: Measure,
    /// List only entities of these kinds (comma-separated), such as
    /// body,fund; scores are still computed on the whole graph.
    #[arg(long, visible_alias = "kinds", value_name = "KIND", value_delimiter = ',', value_parser = kind_parser(), hide_possible_values = true)]
    pub kind: Vec<Kind>,
    /// How many entities to list; 0 lists every one.
    #[arg(long, value_name = "N", default_value_t = 10)]
    pub top: usize,
    /// Use only what was active at this date.
    #[arg(long, value_name = "DATE", value_parser = date_parser, conflicts_with = "over_time")]
    pub as_of: Option<PartialDate>,
    /// Score the graph as of each date from A to B (such as 1997..2017),
    /// every --step; lists the top entities by their peak score.
    #[arg(long, value_name = "A..B", value_parser = range_parser)]
    pub over_time: Option<DateRange>,
    /// With --over-time: the time between snapshots, in years or months
    /// (1y, 2y, 6m).
    #[arg(long, value_name = "STEP", default_value = "1y", value_parser = step_parser, requires = "over_time")]
    pub step: DateStep,
    /// Read links only from subject to object (default: either way);
    /// degree then counts incoming links only.
    #[arg(long)]
    pub directed: bool,
    /// Output format; csv and svg (a line chart of the top entities) need
    /// --over-time.
    #[arg(long, value_enum, default_value_t = CentralityFormat::Text)]
    pub format: CentralityFormat,
}

/// How `centrality` prints its answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub(crate) enum CentralityFormat {
    /// Aligned tables for a terminal.
    #[default]
    Text,
    /// JSON for scripts.
    Json,
    /// CSV, one row per entity (with --over-time).
    Csv,
    /// An SVG line chart (with --over-time).
    Svg,
}

/// How `timeline` prints its answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub(crate) enum TimelineFormat {
    /// Aligned tables for a terminal.
    #[default]
    Text,
    /// JSON for scripts.
    Json,
    /// Comma-separated values, one header line, for spreadsheets.
    Csv,
    /// An SVG Gantt chart: a bar per programme, fund, agreement, body and
    /// operation, events as marks.
    Svg,
}

/// How `changes` prints its answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub(crate) enum ChangesFormat {
    /// Sentences grouped by kind and relation.
    #[default]
    Text,
    /// JSON for scripts.
    Json,
    /// CSV, one row per change.
    Csv,
}

/// Arguments of `changes`.
#[derive(Debug, Args)]
pub(crate) struct ChangesArgs {
    /// The earlier date (YYYY, YYYY-MM or YYYY-MM-DD): the graph as of this
    /// date is the starting point.
    #[arg(long, value_name = "DATE", value_parser = date_parser)]
    pub from: PartialDate,
    /// The later date: lists what began by it, and what ended before it,
    /// that was not so as of --from.
    #[arg(long, value_name = "DATE", value_parser = date_parser)]
    pub to: PartialDate,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ChangesFormat::Text)]
    pub format: ChangesFormat,
}

/// Arguments of `timeline`.
#[derive(Debug, Args)]
pub(crate) struct TimelineArgs {
    /// Only entries on or after this date.
    #[arg(long, value_name = "DATE", value_parser = date_parser)]
    pub from: Option<PartialDate>,
    /// Only entries on or before this date.
    #[arg(long, value_name = "DATE", value_parser = date_parser)]
    pub to: Option<PartialDate>,
    /// Only entries about this entity or its links.
    #[arg(long, value_name = "ENTITY")]
    pub involving: Option<String>,
    /// Only links of these relations (comma-separated); entities' own dates
    /// are left out.
    #[arg(long = "relation", visible_alias = "relations", value_name = "RELATION", value_delimiter = ',', value_parser = relation_parser(), hide_possible_values = true)]
    pub relations: Vec<Relation>,
    /// Only entries about entities of these kinds (comma-separated): their
    /// own dates, and links with an end of one of these kinds; for svg, the
    /// kinds that get a row (default: programme, fund, agreement, body,
    /// operation).
    #[arg(long, visible_alias = "kinds", value_name = "KIND", value_delimiter = ',', value_parser = kind_parser(), hide_possible_values = true)]
    pub kind: Vec<Kind>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = TimelineFormat::Text)]
    pub format: TimelineFormat,
}

/// Arguments of `export`.
#[derive(Debug, Args)]
pub(crate) struct ExportArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = AnyFormat::Dot)]
    pub format: AnyFormat,
    /// Only the neighbourhood of this entity.
    #[arg(long, value_name = "ENTITY")]
    pub around: Option<String>,
    /// With --around: how many links away to go.
    #[arg(long, value_name = "K", default_value_t = 1, requires = "around")]
    pub depth: usize,
    /// With --around: which links to follow.
    #[arg(long, value_enum, default_value_t = LinkDirection::Both, requires = "around")]
    pub direction: LinkDirection,
    /// Only entities of these kinds (comma-separated), such as state,fund.
    #[arg(long = "kind", visible_alias = "kinds", value_name = "KIND", value_delimiter = ',', value_parser = kind_parser(), hide_possible_values = true)]
    pub kinds: Vec<Kind>,
    /// Only links of these relations (comma-separated), such as
    /// leads,executes.
    #[arg(long = "relation", visible_alias = "relations", value_name = "RELATION", value_delimiter = ',', value_parser = relation_parser(), hide_possible_values = true)]
    pub relations: Vec<Relation>,
    /// Only what was active at this date.
    #[arg(long, value_name = "DATE", value_parser = date_parser)]
    pub as_of: Option<PartialDate>,
    /// Leave out these entities and their links (comma-separated, or repeat
    /// the option), such as a hub that crowds the drawing.
    #[arg(long, value_name = "ENTITY", value_delimiter = ',')]
    pub exclude: Vec<String>,
    /// Leave out entities that end up without any link.
    #[arg(long)]
    pub hide_isolated: bool,
    /// Diagram direction (dot, mermaid).
    #[arg(long, value_enum, default_value_t = Layout::LeftToRight)]
    pub layout: Layout,
    /// Draw what is part of something inside a box around it (dot).
    #[arg(long)]
    pub clusters: bool,
    /// Leave out the legend of kinds and relations (dot).
    #[arg(long)]
    pub no_legend: bool,
    /// Caption of the diagram (dot; default: the graph's name).
    #[arg(long, value_name = "TEXT")]
    pub title: Option<String>,
    /// Key holding the links (json).
    #[arg(long, value_enum, default_value_t = LinksKey::Edges)]
    pub links_key: LinksKey,
    /// Write to this file instead of standard output (`-`: standard
    /// output); for neo4j and csv, the folder to write the files into.
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,
}

/// Arguments of `validate`.
#[derive(Debug, Args)]
pub(crate) struct ValidateArgs {
    /// The node-link JSON file to check (`-`: standard input); without it,
    /// the file given with --data.
    pub file: Option<PathBuf>,
    #[command(flatten)]
    #[allow(missing_docs)]
    pub output: Output,
}

/// Arguments of `stats`.
#[derive(Debug, Args)]
pub(crate) struct StatsArgs {
    #[command(flatten)]
    #[allow(missing_docs)]
    pub output: Output,
}

fn date_parser(text: &str) -> Result<PartialDate, partnership_core::DateError> {
    text.parse()
}

fn range_parser(text: &str) -> Result<DateRange, partnership_analysis::Error> {
    text.parse()
}

fn step_parser(text: &str) -> Result<DateStep, partnership_analysis::Error> {
    text.parse()
}

fn kind_parser() -> impl TypedValueParser<Value = Kind> {
    PossibleValuesParser::new(Kind::ALL.iter().map(|k| k.as_str()))
        .try_map(|text| text.parse::<Kind>())
}

fn relation_parser() -> impl TypedValueParser<Value = Relation> {
    PossibleValuesParser::new(Relation::ALL.iter().map(|r| r.as_str()))
        .try_map(|text| text.parse::<Relation>())
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn clap_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn data_is_accepted_before_and_after_the_subcommand() {
        for argv in [
            ["partnership", "--data", "x.json", "stats"],
            ["partnership", "stats", "--data", "x.json"],
        ] {
            let cli = Cli::try_parse_from(argv).unwrap();
            assert_eq!(cli.data, Some(PathBuf::from("x.json")));
        }
    }

    #[test]
    fn lists_split_on_commas() {
        let cli = Cli::try_parse_from([
            "partnership",
            "export",
            "--kinds",
            "fund,body",
            "--relations",
            "leads",
        ])
        .unwrap();
        let Command::Export(args) = cli.command else {
            panic!("not export")
        };
        assert_eq!(args.kinds, [Kind::Fund, Kind::Body]);
        assert_eq!(args.relations, [Relation::Leads]);
    }

    #[test]
    fn bad_dates_are_usage_errors() {
        let err =
            Cli::try_parse_from(["partnership", "timeline", "--from", "2014-13"]).unwrap_err();
        assert_eq!(err.kind(), clap::error::ErrorKind::ValueValidation);
    }
}

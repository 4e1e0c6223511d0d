//! `partnership timeline`: dated events and links in date order.

use std::io::Write;

use partnership_core::{Graph, LinkRef, NodeIndex, PartialDate, Relation, Source, words};
use serde::Serialize;

use partnership_export::{GANTT_KINDS, GanttOptions, write_gantt};

use crate::args::{TimelineArgs, TimelineFormat};
use crate::data;
use crate::error::Error;
use crate::output::{self, EntityJson, Table};

const CSV_HEADER: [&str; 8] = [
    "DATE",
    "UNTIL",
    "TYPE",
    "SUBJECT_ID",
    "RELATION",
    "OBJECT_ID",
    "ENTRY",
    "SOURCES",
];

/// What happens at an entry's date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
enum Mark {
    /// A dated entity: an event, a signing.
    Date,
    /// An entity or link begins (`since`).
    Start,
    /// An entity or link ends (`until`).
    End,
}

impl Mark {
    fn as_str(self) -> &'static str {
        match self {
            Mark::Date => "date",
            Mark::Start => "start",
            Mark::End => "end",
        }
    }
}

/// One dated line of the timeline.
#[derive(Debug, Clone, Copy)]
struct Entry<'g> {
    date: PartialDate,
    /// The end of a multi-day event.
    until: Option<PartialDate>,
    mark: Mark,
    subject: NodeIndex,
    link: Option<LinkRef<'g>>,
}

#[derive(Serialize)]
struct EntryJson<'g> {
    date: PartialDate,
    #[serde(skip_serializing_if = "Option::is_none")]
    until: Option<PartialDate>,
    #[serde(rename = "type")]
    mark: Mark,
    subject: EntityJson<'g>,
    #[serde(skip_serializing_if = "Option::is_none")]
    relation: Option<Relation>,
    #[serde(skip_serializing_if = "Option::is_none")]
    object: Option<EntityJson<'g>>,
    text: String,
    sources: &'g [Source],
}

/// Prints the dated entries within `--from`/`--to` that involve
/// `--involving`, oldest first.
///
/// # Errors
/// [`Error::Usage`] when `--from` is after `--to`; [`Error::Lookup`] when
/// `--involving` names no entity or several; [`Error::NothingFound`] when
/// no entry is left; any error writing to `out`.
pub(crate) fn run(args: &TimelineArgs, graph: &Graph, out: &mut dyn Write) -> Result<(), Error> {
    if let (Some(from), Some(to)) = (args.from, args.to)
        && from.start() > to.end()
    {
        return Err(Error::Usage(format!("--from {from} is after --to {to}")));
    }
    let involving = args
        .involving
        .as_deref()
        .map(|name| data::resolve(graph, name))
        .transpose()?;
    if args.format == TimelineFormat::Svg {
        let options = GanttOptions {
            kinds: if args.kind.is_empty() {
                GANTT_KINDS.to_vec()
            } else {
                args.kind.clone()
            },
            from: args.from,
            to: args.to,
            involving,
            ..GanttOptions::default()
        };
        write_gantt(out, graph, &options)?;
        return Ok(());
    }
    let of_kind = |i: NodeIndex| args.kind.contains(&graph.node(i).kind);
    let entries: Vec<Entry<'_>> = entries(graph)
        .into_iter()
        .filter(|e| args.from.is_none_or(|from| e.date.end() >= from.start()))
        .filter(|e| args.to.is_none_or(|to| e.date.start() <= to.end()))
        .filter(|e| {
            args.kind.is_empty()
                || match e.link {
                    Some(l) => of_kind(l.source) || of_kind(l.target),
                    None => of_kind(e.subject),
                }
        })
        .filter(|e| {
            involving.is_none_or(|who| match e.link {
                Some(l) => l.source == who || l.target == who,
                None => e.subject == who,
            })
        })
        .filter(|e| {
            args.relations.is_empty()
                || e.link.is_some_and(|l| args.relations.contains(&l.relation))
        })
        .collect();

    if entries.is_empty() {
        match args.format {
            TimelineFormat::Json => output::json(out, &Vec::<EntryJson<'_>>::new())?,
            TimelineFormat::Csv => Table::new(&CSV_HEADER).write_csv(out)?,
            TimelineFormat::Text | TimelineFormat::Svg => {}
        }
        return Err(Error::NothingFound("no dated entry matches".to_owned()));
    }
    if args.format == TimelineFormat::Csv {
        let mut table = Table::new(&CSV_HEADER);
        for e in &entries {
            let subject = graph.node(e.subject);
            let (relation, object) = match e.link {
                Some(l) => (
                    l.relation.as_str().to_owned(),
                    graph.node(l.target).id.clone(),
                ),
                None => (String::new(), String::new()),
            };
            let sources = match e.link {
                Some(l) => &l.weight.sources,
                None => &subject.sources,
            };
            table.row([
                e.date.to_string(),
                output::date_cell(e.until),
                e.mark.as_str().to_owned(),
                subject.id.clone(),
                relation,
                object,
                text(graph, e),
                output::citations(sources),
            ]);
        }
        return Ok(table.write_csv(out)?);
    }

    if args.format == TimelineFormat::Json {
        let json: Vec<_> = entries
            .iter()
            .map(|e| EntryJson {
                date: e.date,
                until: e.until,
                mark: e.mark,
                subject: EntityJson::new(graph, e.subject),
                relation: e.link.map(|l| l.relation),
                object: e.link.map(|l| EntityJson::new(graph, l.target)),
                text: text(graph, e),
                sources: match e.link {
                    Some(l) => &l.weight.sources,
                    None => &graph.node(e.subject).sources,
                },
            })
            .collect();
        return Ok(output::json(out, &json)?);
    }
    let mut table = Table::new(&["DATE", "WHAT", "ENTRY"]);
    for e in &entries {
        table.row([
            e.date.to_string(),
            e.mark.as_str().to_owned(),
            text(graph, e),
        ]);
    }
    table.write(out)?;
    Ok(())
}

/// Every dated entry of the graph, by date; on the same date entities come
/// before links, each in file order.
fn entries(graph: &Graph) -> Vec<Entry<'_>> {
    let mut entries = Vec::new();
    for (index, node) in graph.nodes() {
        let entry = |date, until, mark| Entry {
            date,
            until,
            mark,
            subject: index,
            link: None,
        };
        if let Some(date) = node.date {
            let until = if node.since.is_none() {
                node.until
            } else {
                None
            };
            entries.push(entry(date, until, Mark::Date));
        }
        if let Some(since) = node.since.filter(|s| Some(*s) != node.date) {
            entries.push(entry(since, None, Mark::Start));
        }
        if let Some(until) = node
            .until
            .filter(|_| node.since.is_some() || node.date.is_none())
        {
            entries.push(entry(until, None, Mark::End));
        }
    }
    for link in graph.links() {
        let entry = |date, mark| Entry {
            date,
            until: None,
            mark,
            subject: link.source,
            link: Some(link),
        };
        if let Some(since) = link.since {
            entries.push(entry(since, Mark::Start));
        }
        if let Some(until) = link.until {
            entries.push(entry(until, Mark::End));
        }
    }
    entries.sort_by_key(|e| e.date);
    entries
}

fn text(graph: &Graph, entry: &Entry<'_>) -> String {
    match entry.link {
        Some(l) => words::link_sentence(graph, l.index),
        None => {
            let mut text = words::label(graph.node(entry.subject));
            if let Some(until) = entry.until {
                text.push_str(&format!(", until {until}"));
            }
            text
        }
    }
}

//! The formats written as a folder of files: CSV tables for spreadsheets,
//! and CSV files for `neo4j-admin database import` that also load into
//! Ladybug and Kuzu with `COPY FROM`.
//!
//! Both render every file in memory first ([`crate::FolderFormat::files`]),
//! so that a caller can write them anywhere, and the folder writer only
//! touches the disk once everything rendered.

use std::collections::BTreeMap;
use std::io;

use partnership_core::{Attributes, Kind, Link, Node, PartialDate, Relation, Source};

use crate::Selection;
use crate::xml::json;

/// One file of a folder format: its name inside the folder and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    /// The file name, relative to the folder (no separators).
    pub name: String,
    /// The whole content.
    pub content: Vec<u8>,
}

impl OutputFile {
    fn new(name: impl Into<String>, content: Vec<u8>) -> OutputFile {
        OutputFile {
            name: name.into(),
            content,
        }
    }
}

fn csv_writer(terminator: csv::Terminator) -> csv::Writer<Vec<u8>> {
    csv::WriterBuilder::new()
        .terminator(terminator)
        .from_writer(Vec::new())
}

fn finish(writer: csv::Writer<Vec<u8>>) -> io::Result<Vec<u8>> {
    writer
        .into_inner()
        .map_err(|e| io::Error::other(e.to_string()))
}

fn date(d: Option<PartialDate>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

fn first_day(d: Option<PartialDate>) -> String {
    d.map(|d| d.start().to_string()).unwrap_or_default()
}

fn last_day(d: Option<PartialDate>) -> String {
    d.map(|d| d.end().to_string()).unwrap_or_default()
}

fn attributes(a: &Attributes) -> io::Result<String> {
    if a.is_empty() {
        Ok(String::new())
    } else {
        json(a)
    }
}

fn aliases_json(aliases: &[String]) -> io::Result<String> {
    if aliases.is_empty() {
        Ok(String::new())
    } else {
        json(&aliases)
    }
}

fn sources(s: &[Source]) -> io::Result<String> {
    json(&s)
}

// ---------------------------------------------------------------------------
// Spreadsheet tables

/// The columns of the spreadsheet `nodes.csv`.
pub(crate) const SHEET_NODE_COLUMNS: &[&str] = &[
    "id",
    "name",
    "kind",
    "family",
    "aliases",
    "since",
    "until",
    "date",
    "start",
    "end",
    "description",
    "attributes",
    "sources",
];

/// The columns of the spreadsheet `links.csv`.
pub(crate) const SHEET_LINK_COLUMNS: &[&str] = &[
    "source",
    "relation",
    "target",
    "key",
    "source_name",
    "phrase",
    "target_name",
    "since",
    "until",
    "start",
    "end",
    "role",
    "description",
    "attributes",
    "sources",
];

/// `nodes.csv` and `links.csv`, flat, one row per node and per link.
pub(crate) fn spreadsheet(selection: &Selection<'_>) -> io::Result<Vec<OutputFile>> {
    let graph = selection.graph();
    let mut nodes = csv_writer(csv::Terminator::CRLF);
    nodes.write_record(SHEET_NODE_COLUMNS)?;
    for (_, node) in selection.nodes() {
        let (start, end) = node.span();
        nodes.write_record([
            node.id.as_str(),
            &node.name,
            node.kind.as_str(),
            node.kind.family().as_str(),
            &aliases_json(&node.aliases)?,
            &date(node.since),
            &date(node.until),
            &date(node.date),
            &first_day(start),
            &last_day(end),
            node.description.as_deref().unwrap_or(""),
            &attributes(&node.attributes)?,
            &sources(&node.sources)?,
        ])?;
    }
    let mut links = csv_writer(csv::Terminator::CRLF);
    links.write_record(SHEET_LINK_COLUMNS)?;
    for l in selection.links() {
        let (source, target, link) = (graph.node(l.source), graph.node(l.target), l.weight);
        links.write_record([
            source.id.as_str(),
            link.relation.as_str(),
            &target.id,
            &link.key.unwrap_or(0).to_string(),
            &source.name,
            link.relation.phrase(),
            &target.name,
            &date(link.since),
            &date(link.until),
            &first_day(link.since),
            &last_day(link.until),
            link.role.as_deref().unwrap_or(""),
            link.description.as_deref().unwrap_or(""),
            &attributes(&link.attributes)?,
            &sources(&link.sources)?,
        ])?;
    }
    Ok(vec![
        OutputFile::new("nodes.csv", finish(nodes)?),
        OutputFile::new("links.csv", finish(links)?),
    ])
}

// ---------------------------------------------------------------------------
// Neo4j and Ladybug / Kuzu

/// A column of a Neo4j CSV file: its header, and its name and type in a
/// Ladybug/Kuzu table (`None` for Neo4j's `:START_ID`/`:END_ID`, which Kuzu
/// takes as the FROM and TO columns of a relationship table).
struct Column {
    header: &'static str,
    kuzu: Option<(&'static str, &'static str)>,
}

const fn col(header: &'static str, name: &'static str, ty: &'static str) -> Column {
    Column {
        header,
        kuzu: Some((name, ty)),
    }
}

/// The columns of `nodes.csv`, in order.
const NODE_COLUMNS: &[Column] = &[
    col("id:ID", "id", "STRING"),
    col(":LABEL", "labels", "STRING"),
    col("kind", "kind", "STRING"),
    col("family", "family", "STRING"),
    col("name", "name", "STRING"),
    col("aliases:string[]", "aliases", "STRING"),
    col("since:date", "since", "DATE"),
    col("until:date", "until", "DATE"),
    col("date:date", "date", "DATE"),
    col("since_text", "since_text", "STRING"),
    col("until_text", "until_text", "STRING"),
    col("date_text", "date_text", "STRING"),
    col("description", "description", "STRING"),
    col("attributes", "attributes", "STRING"),
    col("sources", "sources", "STRING"),
];

/// The columns of each relationship file, in order.
const LINK_COLUMNS: &[Column] = &[
    Column {
        header: ":START_ID",
        kuzu: None,
    },
    Column {
        header: ":END_ID",
        kuzu: None,
    },
    col(":TYPE", "type", "STRING"),
    col("key:long", "key", "INT64"),
    col("since:date", "since", "DATE"),
    col("until:date", "until", "DATE"),
    col("since_text", "since_text", "STRING"),
    col("until_text", "until_text", "STRING"),
    col("role", "role", "STRING"),
    col("phrase", "phrase", "STRING"),
    col("description", "description", "STRING"),
    col("attributes", "attributes", "STRING"),
    col("sources", "sources", "STRING"),
];

/// Characters tried, in order, to separate array elements (labels and
/// aliases): the first that no alias contains.
const ARRAY_DELIMITERS: &[char] = &[';', '|', '\u{1f}'];

/// The Neo4j label of a kind: `State`, `Fund`, ...
fn label(kind: Kind) -> String {
    let mut out = String::new();
    for part in kind.as_str().split('_') {
        let mut chars = part.chars();
        if let Some(first) = chars.next() {
            out.extend(first.to_uppercase());
            out.extend(chars);
        }
    }
    out
}

/// The Neo4j relationship type of a relation: `LEADS`, `MEMBER_OF`, ...
fn rel_type(relation: Relation) -> String {
    relation.as_str().to_ascii_uppercase()
}

/// The relationship file of a relation.
fn rel_file(relation: Relation) -> String {
    format!("rel_{}.csv", rel_type(relation))
}

/// The folder for `neo4j-admin database import` and Ladybug/Kuzu.
pub(crate) fn neo4j(selection: &Selection<'_>) -> io::Result<Vec<OutputFile>> {
    let graph = selection.graph();
    let delimiter = ARRAY_DELIMITERS
        .iter()
        .copied()
        .find(|d| {
            !selection
                .nodes()
                .any(|(_, n)| n.aliases.iter().any(|a| a.contains(*d)))
        })
        .unwrap_or(';');
    let d = delimiter.to_string();

    let mut nodes = csv_writer(csv::Terminator::Any(b'\n'));
    nodes.write_record(NODE_COLUMNS.iter().map(|c| c.header))?;
    for (_, node) in selection.nodes() {
        write_node(&mut nodes, node, &d)?;
    }

    // One file per relation, in the order relations are declared.
    let mut by_relation: BTreeMap<usize, (Relation, csv::Writer<Vec<u8>>)> = BTreeMap::new();
    for l in selection.links() {
        let relation = l.weight.relation;
        let order = Relation::ALL
            .iter()
            .position(|r| *r == relation)
            .unwrap_or(usize::MAX);
        let entry = match by_relation.entry(order) {
            std::collections::btree_map::Entry::Occupied(e) => e.into_mut(),
            std::collections::btree_map::Entry::Vacant(e) => {
                let mut w = csv_writer(csv::Terminator::Any(b'\n'));
                w.write_record(LINK_COLUMNS.iter().map(|c| c.header))?;
                e.insert((relation, w))
            }
        };
        let (source, target) = (graph.node(l.source), graph.node(l.target));
        write_link(&mut entry.1, &source.id, &target.id, l.weight)?;
    }

    let relations: Vec<Relation> = by_relation.values().map(|(r, _)| *r).collect();
    let mut files = vec![OutputFile::new("nodes.csv", finish(nodes)?)];
    for (_, (relation, w)) in by_relation {
        files.push(OutputFile::new(rel_file(relation), finish(w)?));
    }
    files.push(OutputFile::new(
        "schema.cypher",
        neo4j_schema().into_bytes(),
    ));
    files.push(OutputFile::new(
        "ladybug.cypher",
        ladybug_script(&relations).into_bytes(),
    ));
    files.push(OutputFile::new(
        "README.md",
        readme(&relations, delimiter, selection).into_bytes(),
    ));
    Ok(files)
}

fn write_node(w: &mut csv::Writer<Vec<u8>>, node: &Node, delimiter: &str) -> io::Result<()> {
    let labels = format!("Entity{delimiter}{}", label(node.kind));
    w.write_record([
        node.id.as_str(),
        &labels,
        node.kind.as_str(),
        node.kind.family().as_str(),
        &node.name,
        &node.aliases.join(delimiter),
        &first_day(node.since),
        &last_day(node.until),
        &first_day(node.date),
        &date(node.since),
        &date(node.until),
        &date(node.date),
        node.description.as_deref().unwrap_or(""),
        &attributes(&node.attributes)?,
        &sources(&node.sources)?,
    ])?;
    Ok(())
}

fn write_link(
    w: &mut csv::Writer<Vec<u8>>,
    source: &str,
    target: &str,
    link: &Link,
) -> io::Result<()> {
    w.write_record([
        source,
        target,
        &rel_type(link.relation),
        &link.key.unwrap_or(0).to_string(),
        &first_day(link.since),
        &last_day(link.until),
        &date(link.since),
        &date(link.until),
        link.role.as_deref().unwrap_or(""),
        link.relation.phrase(),
        link.description.as_deref().unwrap_or(""),
        &attributes(&link.attributes)?,
        &sources(&link.sources)?,
    ])?;
    Ok(())
}

/// Constraints and indexes for Neo4j 5, to run after the import.
fn neo4j_schema() -> String {
    "// Run after `neo4j-admin database import` (see README.md), for example\n\
     // with `cypher-shell -f schema.cypher`.\n\
     CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (e:Entity) REQUIRE e.id IS UNIQUE;\n\
     CREATE INDEX entity_name IF NOT EXISTS FOR (e:Entity) ON (e.name);\n\
     CREATE INDEX entity_kind IF NOT EXISTS FOR (e:Entity) ON (e.kind);\n\
     CREATE INDEX entity_since IF NOT EXISTS FOR (e:Entity) ON (e.since);\n\
     CREATE FULLTEXT INDEX entity_text IF NOT EXISTS FOR (e:Entity) ON EACH [e.name, e.description];\n"
        .to_owned()
}

fn kuzu_columns(columns: &[Column]) -> String {
    columns
        .iter()
        .filter_map(|c| c.kuzu)
        .map(|(name, ty)| format!("{name} {ty}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The statements that create the tables and load the CSV files into a
/// Ladybug or Kuzu database, one per `;`, paths relative to the folder.
fn ladybug_script(relations: &[Relation]) -> String {
    let copy = "(HEADER=true, PARALLEL=false)";
    let mut out = format!(
        "CREATE NODE TABLE Entity({}, PRIMARY KEY(id));\n",
        kuzu_columns(NODE_COLUMNS)
    );
    for &relation in relations {
        out.push_str(&format!(
            "CREATE REL TABLE {}(FROM Entity TO Entity, {});\n",
            rel_type(relation),
            kuzu_columns(LINK_COLUMNS)
        ));
    }
    out.push_str(&format!("COPY Entity FROM 'nodes.csv' {copy};\n"));
    for &relation in relations {
        out.push_str(&format!(
            "COPY {} FROM '{}' {copy};\n",
            rel_type(relation),
            rel_file(relation)
        ));
    }
    out
}

/// The folder's README: what is in it and the exact commands.
fn readme(relations: &[Relation], delimiter: char, selection: &Selection<'_>) -> String {
    let delimiter_arg = match delimiter {
        '\u{1f}' => "U+001F".to_owned(),
        d => d.to_string(),
    };
    // Neo4j 5.19 and later read the database name before the options.
    let mut command = String::from(
        "neo4j-admin database import full neo4j \\\n  --overwrite-destination=true \\\n",
    );
    command.push_str(&format!(
        "  --array-delimiter='{delimiter_arg}' --multiline-fields=true \\\n  --nodes=nodes.csv"
    ));
    for &relation in relations {
        command.push_str(&format!(" \\\n  --relationships={}", rel_file(relation)));
    }
    command.push('\n');
    format!(
        "# {name}: {nodes} entities and {links} links for Neo4j and Ladybug/Kuzu\n\
         \n\
         Written by `partnership export --format neo4j`. Every entity is one row of\n\
         `nodes.csv` with the labels `Entity` and its kind (`State`, `Fund`, ...); every\n\
         link is one row of the `rel_<TYPE>.csv` file of its relation.\n\
         \n\
         ## Neo4j\n\
         \n\
         Stop the database, then, from this folder (Neo4j 5):\n\
         \n\
         ```sh\n{command}```\n\
         \n\
         Start it again and create the constraints and indexes:\n\
         \n\
         ```sh\n\
         cypher-shell -d neo4j -f schema.cypher\n\
         ```\n\
         \n\
         Who leads the C4 Trust Fund:\n\
         \n\
         ```cypher\n\
         MATCH (lead:Entity)-[:LEADS]->(:Entity {{id: 'c4-trust-fund'}}) RETURN lead.name;\n\
         ```\n\
         \n\
         ## Ladybug or Kuzu\n\
         \n\
         `ladybug.cypher` creates the tables and copies the files in, one statement\n\
         per `;`, with paths relative to this folder. In Python, from this folder:\n\
         \n\
         ```python\n\
         import ladybug\n\
         db = ladybug.Database(\"partnership.lbug\")\n\
         conn = ladybug.Connection(db)\n\
         for statement in open(\"ladybug.cypher\").read().split(\";\"):\n\
         \x20   if statement.strip():\n\
         \x20       conn.execute(statement)\n\
         ```\n\
         \n\
         The same query then works as in Neo4j. There `aliases` is the text of the\n\
         list, its elements separated by `{delimiter_arg}`, and `labels` the labels\n\
         as one text.\n\
         \n\
         ## Columns\n\
         \n\
         Dates: `since` is the first day of the `since` date, `until` the last day of\n\
         the `until` date, `date` the first day of `date`; `*_text` keep each date as\n\
         the source gives it (`2014`, `2014-09` or `2014-09-04`). `attributes` and\n\
         `sources` are JSON text. See docs/formats.md in the partnership repository.\n",
        name = selection.graph().meta().name.as_deref().unwrap_or("graph"),
        nodes = selection.node_count(),
        links = selection.link_count(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_and_types_are_spelled_as_neo4j_expects() {
        assert_eq!(label(Kind::State), "State");
        assert_eq!(label(Kind::Organisation), "Organisation");
        assert_eq!(rel_type(Relation::MemberOf), "MEMBER_OF");
        assert_eq!(rel_file(Relation::Leads), "rel_LEADS.csv");
    }

    #[test]
    fn the_ladybug_script_has_one_statement_per_semicolon() {
        let script = ladybug_script(&[Relation::Leads, Relation::MemberOf]);
        let statements: Vec<&str> = script
            .split(';')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect();
        assert_eq!(statements.len(), 6);
        assert!(statements[0].starts_with("CREATE NODE TABLE Entity(id STRING, labels STRING"));
        assert_eq!(
            statements[5],
            "COPY MEMBER_OF FROM 'rel_MEMBER_OF.csv' (HEADER=true, PARALLEL=false)"
        );
    }

    #[test]
    fn every_csv_column_has_a_table_column() {
        // Kuzu maps CSV columns by position: the tables must list them all,
        // in order (the two link ends are the FROM and TO of the table).
        assert_eq!(
            NODE_COLUMNS.iter().filter(|c| c.kuzu.is_some()).count(),
            NODE_COLUMNS.len()
        );
        assert_eq!(
            LINK_COLUMNS.iter().filter(|c| c.kuzu.is_none()).count(),
            2,
            "only :START_ID and :END_ID lack a table column"
        );
    }
}

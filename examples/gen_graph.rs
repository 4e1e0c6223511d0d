//! Writes a deterministic synthetic scale-free graph as node-link JSON.
//!
//! ```text
//! cargo run --release --example gen_graph -- --nodes 10000 --links-per-node 5 --seed 42 > g10k.json
//! ```
//!
//! The graph is `partnership_analysis::synthetic::scale_free_links`:
//! preferential attachment (Barabási–Albert) with random link directions,
//! from a SplitMix64 generator seeded with `--seed`, so the same arguments
//! give the same file on every platform, and the benches measure the same
//! graph. Nodes are `body` nodes `n0`, `n1`, … named "Body 0", …; links
//! are `supports`; everything cites the declared document `synthetic`. The
//! file is valid under the model (shared/MODEL.md) and loads in NetworkX
//! with `networkx.node_link_graph(data)`.

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use partnership_analysis::synthetic::scale_free_links;

struct Args {
    nodes: usize,
    links_per_node: usize,
    seed: u64,
}

const USAGE: &str = "usage: gen_graph --nodes N --links-per-node M --seed S > graph.json";

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        nodes: 1000,
        links_per_node: 5,
        seed: 42,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let value = it
            .next()
            .ok_or_else(|| format!("{flag} needs a value\n{USAGE}"))?;
        let number = |v: &str| {
            v.parse::<u64>()
                .map_err(|e| format!("bad value `{v}` for {flag}: {e}"))
        };
        match flag.as_str() {
            "--nodes" => args.nodes = number(&value)? as usize,
            "--links-per-node" => args.links_per_node = number(&value)? as usize,
            "--seed" => args.seed = number(&value)?,
            _ => return Err(format!("unknown flag `{flag}`\n{USAGE}")),
        }
    }
    Ok(args)
}

#[path = "../benches/common/gen_text.rs"]
mod gen_text;

fn write_json(out: &mut impl Write, args: &Args, links: &[(u32, u32)]) -> io::Result<()> {
    gen_text::write_synthetic(out, args.nodes, args.links_per_node, args.seed, links)
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(message) => {
            eprintln!("error: {message}");
            return ExitCode::from(2);
        }
    };
    let links = match scale_free_links(args.nodes, args.links_per_node, args.seed) {
        Ok(links) => links,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let stdout = io::stdout();
    let mut out = BufWriter::with_capacity(1 << 20, stdout.lock());
    match write_json(&mut out, &args, &links) {
        Ok(()) => ExitCode::SUCCESS,
        // A closed pipe (`| head`) is not an error.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

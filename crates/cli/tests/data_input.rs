//! Where the data comes from: standard input with `--data -`, and the
//! limits on what is read (directories, FIFOs, devices, size, encoding).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::io::Write;
use std::process::Stdio;

use common::{USER_FILE, command, partnership, temp_file};

/// Runs the binary with `args`, writing `input` to its standard input.
fn with_stdin(args: &[&str], input: &[u8]) -> common::Run {
    let mut child = command()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    // The binary may stop reading early (past the limit): ignore a closed pipe.
    let _ = stdin.write_all(input);
    drop(stdin);
    let out = child.wait_with_output().unwrap();
    common::Run {
        code: out.status.code().unwrap(),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    }
}

#[test]
fn data_dash_reads_standard_input() {
    let from_stdin = with_stdin(&["--data", "-", "who-leads", "DTF"], USER_FILE.as_bytes()).ok();
    let file = temp_file("mine.json", USER_FILE);
    let from_file = partnership(&["--data", file.to_str().unwrap(), "who-leads", "DTF"]).ok();
    assert_eq!(from_stdin, from_file);
    assert!(from_stdin.contains("Alphaland"), "{from_stdin}");
    // `validate -` too.
    let out = with_stdin(&["validate", "-"], USER_FILE.as_bytes()).ok();
    assert!(out.contains("valid"), "{out}");
}

#[test]
fn standard_input_past_the_limit_is_refused() {
    let big = vec![b' '; 3 << 20];
    let err = with_stdin(&["--data", "-", "--max-data-mib", "1", "stats"], &big).fails(2);
    assert!(err.contains("larger than the limit of 1 MiB"), "{err}");
    assert!(err.contains("--max-data-mib"), "{err}");
}

#[test]
fn a_file_past_the_limit_is_refused() {
    let path = temp_file("big.json", &" ".repeat(2 << 20));
    let err = partnership(&[
        "--data",
        path.to_str().unwrap(),
        "--max-data-mib",
        "1",
        "stats",
    ])
    .fails(2);
    assert!(err.contains("larger than the limit of 1 MiB"), "{err}");
}

#[test]
fn directories_and_devices_are_not_data_files() {
    let dir = std::env::temp_dir();
    let err = partnership(&["--data", dir.to_str().unwrap(), "stats"]).fails(2);
    assert!(err.contains("a directory, not a regular file"), "{err}");
    let err = partnership(&["--data", "/dev/zero", "stats"]).fails(2);
    assert!(err.contains("a device, not a regular file"), "{err}");
}

#[test]
fn text_that_is_not_utf8_names_the_byte() {
    let err = with_stdin(&["--data", "-", "stats"], b"{\"nodes\": [\"\xff\"]}").fails(2);
    assert!(err.ends_with("not UTF-8 at byte 12"), "{err}");
}

#!/usr/bin/env python3
"""Lists every date written in the "Milestones in relations" section of the
NATO page, as ISO partial dates, for the dataset test
`every_milestone_date_is_on_an_event_or_link` (crates/core/tests/dataset.rs).

usage: scripts/milestone_dates.py [PATH-TO relations-with-ukraine-2017.txt]

Reads the text independently of the data file. Each entry's heading date
("May 2002", "4-5 September 2014", "April and June 2014", "Autumn 2004")
and any further date inside the entry ("on 16 March", "signed on
12 February 2015", "replaced in 1997") become YYYY, YYYY-MM or YYYY-MM-DD;
a season or a bare day range keeps what the text gives. Prints a Rust array.
"""
import re
import sys

MONTHS = {m: i + 1 for i, m in enumerate(
    "January February March April May June July August September October November December".split())}
MONTH = "|".join(MONTHS)
DEFAULT = "/work/shared/sources/relations-with-ukraine-2017.txt"


def entries(text):
    section = text.split("Milestones in relations", 1)[1]
    for line in section.splitlines():
        line = line.strip()
        m = re.match(r"^([^:]{1,40}):\s", line)
        if m and re.search(r"\d{4}", m.group(1)):
            yield m.group(1), line[m.end():]


def head_dates(head):
    year = re.search(r"(\d{4})", head).group(1)
    months = re.findall(MONTH, head)
    days = re.match(r"^(\d{1,2})(?:-(\d{1,2}))?\s", head)
    if not months:
        return [year]
    if days:
        m = MONTHS[months[0]]
        out = [f"{year}-{m:02}-{int(days.group(1)):02}"]
        if days.group(2):
            out.append(f"{year}-{m:02}-{int(days.group(2)):02}")
        return out
    return [f"{year}-{MONTHS[m]:02}" for m in months]


def body_dates(body, year):
    out = []
    for d, mon, y in re.findall(rf"\b(\d{{1,2}}) ({MONTH})(?: (\d{{4}}))?", body):
        out.append(f"{y or year}-{MONTHS[mon]:02}-{int(d):02}")
    for mon, y in re.findall(rf"(?<!\d )\b({MONTH}) (\d{{4}})", body):
        out.append(f"{y}-{MONTHS[mon]:02}")
    for y in re.findall(r"\bin (\d{4})\b", body):
        out.append(y)
    return out


def main(path):
    text = open(path, encoding="utf-8").read().replace("\xa0", " ")
    dates = []
    for head, body in entries(text):
        hd = head_dates(head)
        year = hd[0][:4]
        for d in hd + body_dates(body, year):
            if d not in dates:
                dates.append(d)
    print(f"// {len(dates)} dates, produced by scripts/milestone_dates.py")
    print("const MILESTONE_DATES: &[&str] = &[")
    for i in range(0, len(dates), 6):
        print("    " + " ".join(f'"{d}",' for d in dates[i:i + 6]))
    print("];")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else DEFAULT)

#!/usr/bin/env python3
"""Compares what a reader printed with the totals generate-corpus.py wrote beside a corpus.

  check-output.py dmarc-parse EXPECTED.json OUTPUT   # OUTPUT: `dmarc-parse -s --format json`
  check-output.py floor       EXPECTED.json OUTPUT   # OUTPUT: floor-sax's {"records": N, "messages": M}

Prints one word for the results table, `exact` or `WRONG`, and on stderr what differs. Exit status 1 when wrong.
"""
import json
import sys


def check_source_rows(expected, rows):
    got = {}
    for row in rows:
        got[row["source_ip"]] = got.get(row["source_ip"], 0) + row["messages"]
    want = expected["per_ip_messages"]
    problems = []
    missing = sorted(set(want) - set(got))
    extra = sorted(set(got) - set(want))
    differing = sorted(ip for ip in set(want) & set(got) if want[ip] != got[ip])
    if missing:
        problems.append("%d source IPs missing, e.g. %s" % (len(missing), missing[:3]))
    if extra:
        problems.append("%d unexpected source IPs, e.g. %s" % (len(extra), extra[:3]))
    if differing:
        problems.append("%d source IPs with other totals, e.g. %s" %
                        (len(differing), [(ip, want[ip], got[ip]) for ip in differing[:3]]))
    if sum(got.values()) != expected["messages"]:
        problems.append("messages %d, expected %d" % (sum(got.values()), expected["messages"]))
    return problems


def check_floor(expected, totals):
    return ["%s %d, expected %d" % (key, totals[key], expected[key])
            for key in ("records", "messages") if totals[key] != expected[key]]


def main():
    if len(sys.argv) != 4 or sys.argv[1] not in ("dmarc-parse", "floor"):
        sys.exit(__doc__)
    kind, expected_path, output_path = sys.argv[1:]
    with open(expected_path) as f:
        expected = json.load(f)
    try:
        with open(output_path) as f:
            output = json.load(f)
        problems = check_source_rows(expected, output) if kind == "dmarc-parse" else check_floor(expected, output)
    except (OSError, ValueError, KeyError, TypeError) as error:
        problems = ["unreadable output: %s" % error]
    for problem in problems:
        print("%s: %s" % (output_path, problem), file=sys.stderr)
    print("WRONG" if problems else "exact")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()

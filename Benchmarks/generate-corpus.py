#!/usr/bin/env python3
"""Seeded corpora of synthetic DMARC aggregate reports, for Benchmarks/run.sh.

Three shapes, each written to a folder OUT, with the totals any correct reader must find written beside it to
OUT.expected.json (files, reports, records, messages, and messages per source IP in canonical text form):

  mixed   N reports the way a mailbox of RUA attachments looks: Google-style .zip, Yahoo- and Outlook-style
          .xml.gz (Outlook with xsd/xsi namespace declarations), plain .xml from smaller reporters, and RFC 9990
          reports (namespace urn:ietf:params:xml:ns:dmarc-2.0); records per report heavy-tailed around a mean of
          30. --eml adds e-mail messages carrying a gzipped report as a base64 attachment.
  single  one report of N records, as one .xml.gz (Google-style layout).
  varied  N reports as `mixed`, but with sources as varied as a busy domain's: a third of the records each from an
          address seen nowhere else (one-off senders), the rest from a skewed head of 2,000; for 2,000 reports,
          about 75,000 records from 25,000+ distinct addresses, most of them sending once.
  tiny    N files of one record each, in the same mix of styles as `mixed`.

Source addresses come only from the documentation ranges 192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24 and
2001:db8::/32, drawn with a Zipf-like skew (a few senders send most of the mail, as in real reports); `varied`,
and `single --wide-pool`, add the benchmarking range 198.18.0.0/15 (RFC 2544) so that three quarters of many
thousands of sources can be IPv4, as they are in real reports.
The same seed gives the same reports (and, with the same zlib, the same bytes).

  generate-corpus.py mixed  --out DIR --reports 2000
  generate-corpus.py single --out DIR --records 1000000
  generate-corpus.py varied --out DIR --reports 2000
  generate-corpus.py single --out DIR --records 1000000 --ips 50000 --wide-pool
  generate-corpus.py tiny   --out DIR --files 100000
"""
import argparse
import gzip
import io
import ipaddress
import itertools
import json
import math
import os
import random
import sys
import zipfile
from collections import Counter
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import format_datetime
from datetime import datetime, timezone

DAY = 86400
FIRST_DAY = 1767225600  # 2026-01-01T00:00:00Z
POLICY_DOMAINS = ["example.com", "example.org", "example.net", "shop.example.com", "news.example.org"]
THIRD_PARTY_SIGNERS = ["esp.example.net", "mailer.example.org", "bulk.example.com"]


@dataclass(frozen=True)
class Style:
    """How one kind of reporter writes and packs its reports."""
    name: str
    org: str
    email: str
    container: str  # zip, gz, xml or eml
    weight: int  # share of the mixed folder
    indent: str
    newline: str
    declaration: str
    root: str
    version: str = None
    extra_contact: str = None
    selectors: bool = True
    scope: bool = False
    envelope_to: bool = False
    rfc9990: bool = False
    pct: bool = True
    fo: bool = False


STYLES = [
    Style("google", "google.com", "noreply-dmarc-support@google.com", "zip", 35, "  ", "\n",
          '<?xml version="1.0" encoding="UTF-8" ?>', "<feedback>",
          extra_contact="https://support.google.com/a/answer/2466580"),
    Style("yahoo", "Yahoo", "dmarchelp@yahooinc.com", "gz", 15, "  ", "\t\n", '<?xml version="1.0"?>', "<feedback>"),
    Style("outlook", "Enterprise Outlook", "dmarcreport@microsoft.com", "gz", 20, "  ", "\r\n",
          '<?xml version="1.0"?>',
          '<feedback xmlns:xsd="http://www.w3.org/2001/XMLSchema" '
          'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
          version="1.0", scope=True, envelope_to=True, fo=True),
    Style("small", "mx.example.net", "dmarc-reports@mx.example.net", "xml", 15, "\t", "\n",
          '<?xml version="1.0" encoding="UTF-8"?>', "<feedback>", selectors=False),
    Style("rfc9990", "Example Receiver", "dmarc@receiver.example", "gz", 15, "  ", "\n",
          '<?xml version="1.0" encoding="UTF-8"?>', '<feedback xmlns="urn:ietf:params:xml:ns:dmarc-2.0">',
          version="1.0", rfc9990=True, pct=False),
]
EML_STYLE = Style("eml", "mail.example.org", "reports@mail.example.org", "eml", 0, "  ", "\n",
                  '<?xml version="1.0" encoding="UTF-8"?>', "<feedback>", version="1.0")


DOCUMENTATION_V4 = ("192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24")


def address_pool(rng, size, wide=False):
    """`size` distinct addresses in random rank order, three quarters IPv4, the rest IPv6 in 2001:db8::/32. The
    IPv4 ones are the documentation ranges' 762 hosts (at most); `wide` adds hosts of the benchmarking range
    198.18.0.0/15 (131,070 more) when three quarters of `size` needs them."""
    v4 = [str(net[host]) for net in map(ipaddress.ip_network, DOCUMENTATION_V4) for host in range(1, 255)]
    if wide:
        v4_wanted = size * 3 // 4
        if v4_wanted > len(v4):
            bench = ipaddress.ip_network("198.18.0.0/15")
            hosts = rng.sample(range(1, bench.num_addresses - 1), min(v4_wanted - len(v4), bench.num_addresses - 2))
            v4 += [str(bench[host]) for host in hosts]
    else:
        v4_wanted = min(len(v4), max(1, size * 3 // 4))
    rng.shuffle(v4)
    v4 = v4[:v4_wanted]
    v6 = set()
    base = int(ipaddress.IPv6Address("2001:db8::"))
    while len(v4) + len(v6) < size:
        # Mostly short, realistic addresses (2001:db8:1f:3::25), some with random host parts.
        if rng.random() < 0.5:
            host = rng.randrange(1 << 16) << 80 | rng.randrange(1 << 16) << 64 | rng.randrange(1, 256)
        else:
            host = rng.randrange(1, 1 << 96)
        v6.add(str(ipaddress.IPv6Address(base + host)))
    pool = v4 + sorted(v6)
    rng.shuffle(pool)
    return pool


class Sender:
    """Draws source addresses with a Zipf-like skew over a pool."""

    def __init__(self, rng, pool):
        self.rng = rng
        self.pool = pool
        self.cumulative = list(itertools.accumulate(1.0 / (rank + 1) ** 0.9 for rank in range(len(pool))))

    def address(self):
        return self.rng.choices(self.pool, cum_weights=self.cumulative)[0]


class VariedSender:
    """A busy domain's sources: a share of the records each from an address used once (one-off senders: spam,
    compromised hosts), the others from a Zipf-skewed head (its own servers, ESPs, forwarders)."""

    def __init__(self, rng, head, one_off, one_off_share):
        self.rng = rng
        self.head = Sender(rng, head)
        self.one_off = one_off
        self.one_off_share = one_off_share
        self.used = 0

    def address(self):
        if self.used < len(self.one_off) and self.rng.random() < self.one_off_share:
            self.used += 1
            return self.one_off[self.used - 1]
        return self.head.address()


def make_record(rng, sender, domain):
    """One record as a dict of the values the renderer needs."""
    count = rng.choice((1, 1, 1, 1, 2, 2, 3, 4, 6, 10, 25, 120)) if rng.random() < 0.97 else rng.randrange(200, 5000)
    dkim_pass = rng.random() < 0.72
    spf_pass = rng.random() < 0.78
    failing = not dkim_pass and not spf_pass
    envelope_from = rng.choice((domain, domain, "bounce." + domain, rng.choice(THIRD_PARTY_SIGNERS)))
    dkim = []
    for signer in range(rng.choice((0, 1, 1, 1, 2, 2, 3))):
        signing_domain = domain if signer == 0 else rng.choice(THIRD_PARTY_SIGNERS)
        result = "pass" if dkim_pass or signer > 0 else rng.choice(("fail", "fail", "neutral", "temperror"))
        dkim.append((signing_domain, "s%d" % rng.randrange(1, 40), result))
    spf_result = "pass" if spf_pass else rng.choice(("fail", "softfail", "softfail", "neutral", "none"))
    return {
        "ip": sender.address(),
        "count": count,
        "disposition": rng.choice(("none", "quarantine", "reject")) if failing else "none",
        "dkim": "pass" if dkim_pass else "fail",
        "spf": "pass" if spf_pass else "fail",
        "reason": rng.choice(("forwarded", "mailing_list", "local_policy")) if rng.random() < 0.06 else None,
        "header_from": domain,
        "envelope_from": envelope_from,
        "envelope_to": rng.choice(("outlook.com", "hotmail.com", "live.de")),
        "dkim_results": dkim,
        "spf_result": (envelope_from, spf_result),
    }


def render(style, meta, records):
    """Yields the report's XML text in pieces, so a report of a million records never sits in memory whole."""
    nl = style.newline

    def lines(depth, *texts):
        pad = style.indent * depth
        return "".join(pad + text + nl for text in texts)

    head = [style.declaration + nl, style.root + nl]
    if style.version:
        head.append(lines(1, "<version>%s</version>" % style.version))
    head.append(lines(1, "<report_metadata>"))
    head.append(lines(2, "<org_name>%s</org_name>" % style.org, "<email>%s</email>" % style.email))
    if style.extra_contact:
        head.append(lines(2, "<extra_contact_info>%s</extra_contact_info>" % style.extra_contact))
    head.append(lines(2, "<report_id>%s</report_id>" % meta["report_id"], "<date_range>"))
    head.append(lines(3, "<begin>%d</begin>" % meta["begin"], "<end>%d</end>" % meta["end"]))
    head.append(lines(2, "</date_range>"))
    if style.rfc9990:
        head.append(lines(2, "<generator>Example Receiver DMARC 4.2</generator>"))
    head.append(lines(1, "</report_metadata>", "<policy_published>"))
    head.append(lines(2, "<domain>%s</domain>" % meta["domain"], "<adkim>r</adkim>", "<aspf>%s</aspf>" % meta["aspf"],
                      "<p>%s</p>" % meta["p"], "<sp>%s</sp>" % meta["sp"]))
    if style.rfc9990:
        head.append(lines(2, "<np>%s</np>" % meta["p"], "<discovery_method>treewalk</discovery_method>",
                          "<testing>n</testing>"))
    if style.pct:
        head.append(lines(2, "<pct>100</pct>"))
    if style.fo:
        head.append(lines(2, "<fo>0</fo>"))
    head.append(lines(1, "</policy_published>"))
    yield "".join(head)

    for r in records:
        out = [lines(1, "<record>"), lines(2, "<row>"),
               lines(3, "<source_ip>%s</source_ip>" % r["ip"], "<count>%d</count>" % r["count"], "<policy_evaluated>"),
               lines(4, "<disposition>%s</disposition>" % r["disposition"], "<dkim>%s</dkim>" % r["dkim"],
                     "<spf>%s</spf>" % r["spf"])]
        if r["reason"]:
            out.append(lines(4, "<reason>") + lines(5, "<type>%s</type>" % r["reason"]) + lines(4, "</reason>"))
        out.append(lines(3, "</policy_evaluated>"))
        out.append(lines(2, "</row>", "<identifiers>"))
        if style.envelope_to:
            out.append(lines(3, "<envelope_to>%s</envelope_to>" % r["envelope_to"]))
        if style.name != "yahoo":
            out.append(lines(3, "<envelope_from>%s</envelope_from>" % r["envelope_from"]))
        out.append(lines(3, "<header_from>%s</header_from>" % r["header_from"]))
        out.append(lines(2, "</identifiers>", "<auth_results>"))
        for signing_domain, selector, result in r["dkim_results"]:
            out.append(lines(3, "<dkim>"))
            out.append(lines(4, "<domain>%s</domain>" % signing_domain))
            if style.selectors:
                out.append(lines(4, "<selector>%s</selector>" % selector))
            out.append(lines(4, "<result>%s</result>" % result))
            out.append(lines(3, "</dkim>"))
        out.append(lines(3, "<spf>"))
        out.append(lines(4, "<domain>%s</domain>" % r["spf_result"][0]))
        if style.scope:
            out.append(lines(4, "<scope>mfrom</scope>"))
        out.append(lines(4, "<result>%s</result>" % r["spf_result"][1]))
        out.append(lines(3, "</spf>"))
        out.append(lines(2, "</auth_results>"))
        out.append(lines(1, "</record>"))
        yield "".join(out)
    yield "</feedback>" + nl


class Totals:
    """What the corpus holds, for OUT.expected.json."""

    def __init__(self):
        self.files = self.reports = self.records = self.messages = self.xml_bytes = 0
        self.per_ip = Counter()

    def count(self, record):
        self.records += 1
        self.messages += record["count"]
        self.per_ip[record["ip"]] += record["count"]

    def write(self, path, kind, seed):
        expected = {
            "kind": kind, "seed": seed, "files": self.files, "reports": self.reports, "records": self.records,
            "messages": self.messages, "xml_bytes": self.xml_bytes,
            "per_ip_messages": dict(sorted(self.per_ip.items(), key=lambda item: (-item[1], item[0]))),
        }
        with open(path, "w") as f:
            json.dump(expected, f, indent=1)
            f.write("\n")


def records_with_totals(rng, sender, domain, n, totals):
    for _ in range(n):
        record = make_record(rng, sender, domain)
        totals.count(record)
        yield record


def report_meta(rng, style, index):
    day = FIRST_DAY + DAY * (index // 7)
    domain = POLICY_DOMAINS[rng.randrange(len(POLICY_DOMAINS))]
    if style.name == "outlook":
        report_id = "%032x" % rng.getrandbits(128)
    elif style.name == "yahoo":
        report_id = "%d.%06d" % (day + DAY + rng.randrange(3600), index)
    else:
        report_id = "%d%06d" % (rng.randrange(10**12, 10**13), index)
    return {"domain": domain, "report_id": report_id, "begin": day, "end": day + DAY - 1,
            "aspf": rng.choice("rs"), "p": rng.choice(("none", "quarantine", "reject")), "sp": "none"}


def write_report(folder, style, meta, records, totals):
    """Renders one report, packs it the way its reporter does, and writes it; returns the file's name."""
    xml = "".join(render(style, meta, records)).encode("utf-8")
    totals.xml_bytes += len(xml)
    stem = "%s!%s!%d!%d" % (style.org.replace(" ", "-").lower(), meta["domain"], meta["begin"], meta["end"])
    unique = "!" + meta["report_id"]
    if style.container == "zip":
        name, data = stem + unique + ".zip", zipped(xml, stem + ".xml")
    elif style.container == "gz":
        name, data = stem + unique + ".xml.gz", gzip.compress(xml, mtime=0)
    elif style.container == "xml":
        name, data = stem + unique + ".xml", xml
    else:
        name, data = "report-%s.eml" % meta["report_id"], mail_message(style, meta, gzip.compress(xml, mtime=0),
                                                                      stem + ".xml.gz")
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data)
    totals.files += 1
    totals.reports += 1
    return name


def zipped(xml, member):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        info = zipfile.ZipInfo(member, date_time=(2026, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        archive.writestr(info, xml)
    return buffer.getvalue()


def mail_message(style, meta, attachment, filename):
    message = EmailMessage()
    message["From"] = style.email
    message["To"] = "dmarc-rua@" + meta["domain"]
    message["Subject"] = "Report Domain: %s Submitter: %s Report-ID: <%s>" % (meta["domain"], style.org,
                                                                             meta["report_id"])
    message["Date"] = format_datetime(datetime.fromtimestamp(meta["end"], timezone.utc))
    message["Message-ID"] = "<%s@%s>" % (meta["report_id"], style.org)
    message.set_content("This is a DMARC aggregate report from %s.\n" % style.org)
    message.add_attachment(attachment, maintype="application", subtype="gzip", filename=filename)
    return message.as_bytes()


def style_cycle(rng, with_eml):
    """Reporter styles in proportion to their weights, shuffled, forever."""
    deck = [style for style in STYLES for _ in range(style.weight)]
    if with_eml:
        deck += [EML_STYLE] * 10
    while True:
        rng.shuffle(deck)
        yield from deck


def records_per_report(rng, mean):
    """Heavy-tailed: most reports hold a handful of records, a few hold hundreds (log-normal, given mean)."""
    sigma = 1.3
    mu = math.log(mean) - sigma * sigma / 2
    return max(1, min(5000, round(rng.lognormvariate(mu, sigma))))


def generate_many(args, records_for, varied=False):
    rng = random.Random(args.seed)
    if varied:
        pool = address_pool(rng, args.ips + args.one_off, wide=True)
        sender = VariedSender(rng, pool[:args.ips], pool[args.ips:], args.one_off_share)
    else:
        sender = Sender(rng, address_pool(rng, args.ips))
    totals = Totals()
    os.makedirs(args.out, exist_ok=True)
    styles = style_cycle(rng, args.eml)
    for index in range(args.count):
        style = next(styles)
        meta = report_meta(rng, style, index)
        records = list(records_with_totals(rng, sender, meta["domain"], records_for(rng), totals))
        write_report(args.out, style, meta, records, totals)
    return totals


def generate_single(args):
    rng = random.Random(args.seed)
    sender = Sender(rng, address_pool(rng, args.ips, wide=args.wide_pool))
    totals = Totals()
    os.makedirs(args.out, exist_ok=True)
    style = STYLES[0]
    meta = report_meta(rng, style, 0)
    records = records_with_totals(rng, sender, meta["domain"], args.count, totals)
    name = "%s!%s!%d!%d.xml.gz" % (style.org, meta["domain"], meta["begin"], meta["end"])
    # Streamed to disk: a million records are some 600 MB of XML.
    with gzip.open(os.path.join(args.out, name), "wb", compresslevel=6) as f:
        for piece in render(style, meta, records):
            data = piece.encode("utf-8")
            totals.xml_bytes += len(data)
            f.write(data)
    totals.files = totals.reports = 1
    return totals


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    modes = parser.add_subparsers(dest="mode", required=True)
    for mode, noun, default_ips in (("mixed", "reports", 2000), ("varied", "reports", 2000),
                                    ("single", "records", 20000), ("tiny", "files", 2000)):
        sub = modes.add_parser(mode)
        sub.add_argument("--out", required=True, help="folder to write (created); totals go to OUT.expected.json")
        sub.add_argument("--" + noun, dest="count", type=int, required=True)
        sub.add_argument("--seed", type=int, default=9)
        sub.add_argument("--ips", type=int, default=default_ips, help="distinct source addresses to draw from")
        if mode != "single":
            sub.add_argument("--eml", action="store_true", help="also write .eml messages (off: not every reader "
                                                                "takes mail)")
        if mode in ("mixed", "varied"):
            sub.add_argument("--mean-records", type=float, default=30.0 if mode == "mixed" else 38.0)
        if mode == "varied":
            sub.add_argument("--one-off", type=int, default=40000, help="addresses that send once, at most")
            sub.add_argument("--one-off-share", type=float, default=0.33, help="share of records from them")
        if mode == "single":
            sub.add_argument("--wide-pool", action="store_true", help="IPv4 from 198.18.0.0/15 too, for many --ips")
    args = parser.parse_args()

    if args.mode == "mixed":
        totals = generate_many(args, lambda rng: records_per_report(rng, args.mean_records))
    elif args.mode == "varied":
        totals = generate_many(args, lambda rng: records_per_report(rng, args.mean_records), varied=True)
    elif args.mode == "tiny":
        totals = generate_many(args, lambda rng: 1)
    else:
        totals = generate_single(args)
    totals.write(args.out.rstrip("/") + ".expected.json", args.mode, args.seed)
    print("%s: %d files, %d records, %d messages, %d source IPs, %.1f MB of XML"
          % (args.out, totals.files, totals.records, totals.messages, len(totals.per_ip), totals.xml_bytes / 1e6),
          file=sys.stderr)


if __name__ == "__main__":
    main()

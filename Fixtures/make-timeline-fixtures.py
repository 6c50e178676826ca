#!/usr/bin/env python3
"""Writes Fixtures/timeline/: reports spread over January 2025 for `--timeline` and `--html`, deterministically.

Run it from anywhere: `python3 Fixtures/make-timeline-fixtures.py` (Python 3.8+, standard library only).

What the reports hold (Tests/dmarc-parseTests/TimelineTests.swift pins what they give):
  - a weekly report (Weekly Mail, 2025-01-06T00:00:00Z to 2025-01-12T23:59:59Z) that must be spread over seven days;
  - daily reports (Daily Mail) for example.com from 2025-01-06 to 2025-01-17, none for 2025-01-14 (a gap), with
    the published policy moving from p=none to p=quarantine pct=50 (01-13) and p=reject (01-16); one record with
    RFC 9990's `pass` disposition;
  - two daily reports for example.org (01-08, 01-09), so example.org has zero rows on the other days;
  - an Outlook-style report whose end is the next midnight (2025-01-15T00:00:00Z to 2025-01-16T00:00:00Z);
  - a report from noon to noon (2025-01-10T12:00Z to 2025-01-11T11:59:59Z) of 5 messages: 3 on the 10th, 2 on the
    11th (equal remainders go to the earlier day);
  - a gzip copy of the report of 2025-01-07, which must count once.
Addresses are documentation addresses (RFC 5737, RFC 3849).
"""
import gzip
import os

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "timeline")
DAY = 86400
JAN6 = 1736121600  # 2025-01-06T00:00:00Z, a Monday


def record(ip, count, disposition, dkim, spf, auth_dkim=None, auth_spf=None, header_from="example.com"):
    auth = ""
    if auth_dkim:
        auth += "<dkim><domain>%s</domain><selector>s1</selector><result>%s</result></dkim>" % auth_dkim
    if auth_spf:
        auth += "<spf><domain>%s</domain><scope>mfrom</scope><result>%s</result></spf>" % auth_spf
    return ("  <record><row><source_ip>%s</source_ip><count>%d</count><policy_evaluated><disposition>%s</disposition>"
            "<dkim>%s</dkim><spf>%s</spf></policy_evaluated></row><identifiers><header_from>%s</header_from>"
            "</identifiers><auth_results>%s</auth_results></record>\n"
            % (ip, count, disposition, dkim, spf, header_from, auth))


def report(org, email, report_id, begin, end, domain, p, pct, records):
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<feedback>\n'
            "  <report_metadata><org_name>%s</org_name><email>%s</email><report_id>%s</report_id>"
            "<date_range><begin>%d</begin><end>%d</end></date_range></report_metadata>\n"
            "  <policy_published><domain>%s</domain><adkim>r</adkim><aspf>r</aspf><p>%s</p><pct>%d</pct>"
            "</policy_published>\n%s</feedback>\n" % (org, email, report_id, begin, end, domain, p, pct, "".join(records))
            ).encode()


def write(name, data):
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, name), "wb") as file:
        file.write(data)


def own(domain="example.com"):
    return (domain, "pass")


def policy_on(day):
    if day >= 10:
        return "reject", 100
    if day >= 7:
        return "quarantine", 50
    return "none", 100


# The weekly report: 1,000 + 47 + 10 messages over seven days.
# Each reporter writes from its own organisational domain (weekly.example, microsoft.com, noon.example): the
# per-reporter views group reports by it (ReporterIdentity), so three reporters under example.net would be one.
write("weekly.example.net!example.com!%d!%d.xml" % (JAN6, JAN6 + 7 * DAY - 1), report(
    "Weekly Mail", "dmarc@weekly.example", "weekly-2025-02", JAN6, JAN6 + 7 * DAY - 1, "example.com", "none", 100, [
        record("192.0.2.10", 1000, "none", "pass", "pass", own(), own()),
        record("203.0.113.9", 47, "none", "fail", "fail", ("example.com", "fail"), ("example.com", "softfail")),
        record("198.51.100.20", 10, "none", "pass", "fail", own(), ("bounce.mailer.example.net", "pass")),
    ]))

# Daily reports for example.com, 01-06 to 01-17 without 01-14.
for day in range(12):
    if day == 8:
        continue  # 2025-01-14: no report at all
    begin = JAN6 + day * DAY
    p, pct = policy_on(day)
    failing = "none" if p == "none" else ("quarantine" if p == "quarantine" else "reject")
    records = [
        record("192.0.2.10", 100 + 7 * day, "none", "pass", "pass", own(), own()),
        record("192.0.2.11", 20 + day, "none", "pass", "fail", own(), ("example.com", "fail")),
        record("2001:db8::25", 3 + day % 4, "none", "fail", "pass", ("example.com", "fail"), own()),
        record("203.0.113.%d" % (60 + day % 3), 5 + (day * 3) % 7, failing, "fail", "fail", None,
               ("example.com", "fail")),
    ]
    if day == 11:
        records.append(record("192.0.2.12", 4, "pass", "pass", "pass", own(), own()))
    data = report("Daily Mail", "dmarc@daily.example.org", "daily-%d" % begin, begin, begin + DAY - 1,
                  "example.com", p, pct, records)
    write("daily.example.org!example.com!%d!%d.xml" % (begin, begin + DAY - 1), data)
    if day == 1:
        write("daily.example.org!example.com!%d!%d.xml.gz" % (begin, begin + DAY - 1),
              gzip.compress(data, compresslevel=9, mtime=0))

# example.org: two days only.
for day in (2, 3):
    begin = JAN6 + day * DAY
    write("daily.example.org!example.org!%d!%d.xml" % (begin, begin + DAY - 1), report(
        "Daily Mail", "dmarc@daily.example.org", "daily-org-%d" % begin, begin, begin + DAY - 1, "example.org",
        "reject", 100, [
            record("192.0.2.40", 30 + day, "none", "pass", "pass", own("example.org"), own("example.org"),
                   header_from="example.org"),
            record("203.0.113.99", 2, "reject", "fail", "fail", None, ("example.org", "fail"),
                   header_from="example.org"),
        ]))

# Outlook style: the end is the next midnight.
begin = JAN6 + 9 * DAY
write("outlook.example.net!example.com!%d!%d.xml" % (begin, begin + DAY), report(
    "Enterprise Outlook", "dmarcreport@microsoft.com", "outlook-1", begin, begin + DAY, "example.com",
    "quarantine", 50, [
        record("192.0.2.10", 64, "none", "pass", "pass", own(), own()),
        record("203.0.113.9", 6, "quarantine", "fail", "fail", None, ("example.com", "fail")),
    ]))

# Noon to noon: 5 messages split 3 and 2.
begin = JAN6 + 4 * DAY + DAY // 2
write("noon.example.net!example.com!%d!%d.xml" % (begin, begin + DAY - 1), report(
    "Noon Mail", "dmarc@noon.example", "noon-1", begin, begin + DAY - 1, "example.com", "none", 100, [
        record("198.51.100.77", 5, "none", "fail", "fail", ("example.com", "fail"), ("example.com", "fail")),
    ]))

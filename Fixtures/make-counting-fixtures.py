#!/usr/bin/env python3
"""Writes Fixtures/counting/ (beside this script): good reports, an exact copy, and broken copies, for the counting rule's tests.

  alpha.xml             report a-1 (mail.example.net, example.com): 4 records, 130 messages, 10 failing DMARC
  alpha-copy.xml.gz     the same bytes, gzipped: a duplicate
  alpha-truncated.xml   alpha cut inside its third record: fails, and must not take the report from alpha
  alpha-broken.xml      alpha with every record, then one whose <count> is no number: fails after 4 records
  beta.xml              report b-1 (receiver.example.org, example.com): 2 records, 55 messages, none failing
  beta-broken.xml.gz    beta with its gzip stream cut short: fails

The tests copy these into folders under names that put them in every order. Run from anywhere; deterministic.
"""
import gzip
import os

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "counting")


def record(ip, count, dkim, spf):
    disposition = "none" if dkim == "pass" or spf == "pass" else "reject"
    return f"""  <record>
    <row>
      <source_ip>{ip}</source_ip>
      <count>{count}</count>
      <policy_evaluated><disposition>{disposition}</disposition><dkim>{dkim}</dkim><spf>{spf}</spf></policy_evaluated>
    </row>
    <identifiers><envelope_from>example.com</envelope_from><header_from>example.com</header_from></identifiers>
    <auth_results>
      <spf><domain>example.com</domain><scope>mfrom</scope><result>{spf}</result></spf>
    </auth_results>
  </record>
"""


def report(org, report_id, records):
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<feedback>
  <version>1.0</version>
  <report_metadata>
    <org_name>{org}</org_name>
    <email>dmarc@{org}</email>
    <report_id>{report_id}</report_id>
    <date_range><begin>1735689600</begin><end>1735775999</end></date_range>
  </report_metadata>
  <policy_published><domain>example.com</domain><adkim>r</adkim><aspf>r</aspf><p>reject</p><sp>reject</sp><pct>100</pct></policy_published>
{"".join(records)}</feedback>
"""


def gzipped(text):
    return gzip.compress(text.encode(), mtime=0)


def main():
    alpha = report("mail.example.net", "a-1", [
        record("192.0.2.10", 100, "pass", "pass"),
        record("198.51.100.7", 7, "fail", "fail"),
        record("2001:db8::9", 3, "fail", "fail"),
        record("203.0.113.5", 20, "fail", "pass"),
    ])
    beta = report("receiver.example.org", "b-1", [
        record("192.0.2.20", 50, "pass", "pass"),
        record("203.0.113.9", 5, "pass", "fail"),
    ])
    third = alpha.index("<record>", alpha.index("2001:db8::9") - 200)
    files = {
        "alpha.xml": alpha.encode(),
        "alpha-copy.xml.gz": gzipped(alpha),
        "alpha-truncated.xml": alpha[:third + 60].encode(),
        "alpha-broken.xml": alpha.replace("</feedback>", record("192.0.2.99", "12x", "pass", "pass") + "</feedback>").encode(),
        "beta.xml": beta.encode(),
        "beta-broken.xml.gz": gzipped(beta)[:-40],
    }
    os.makedirs(HERE, exist_ok=True)
    for name, data in files.items():
        with open(os.path.join(HERE, name), "wb") as out:
            out.write(data)


if __name__ == "__main__":
    main()

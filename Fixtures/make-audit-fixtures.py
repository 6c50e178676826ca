#!/usr/bin/env python3
"""Writes Fixtures/audit, the --audit fixture folder: two days of reports for example.com from two reporters, in which every
diagnosis of the audit occurs. The output is deterministic."""

POLICY = "<policy_published><domain>example.com</domain><adkim>r</adkim><aspf>r</aspf><p>none</p><sp>none</sp><pct>100</pct></policy_published>"


def record(ip, count, dkim_eval, spf_eval, dkim=(), spf=(), reason=None, disposition="none"):
    reason_xml = f"<reason><type>{reason}</type></reason>" if reason else ""
    auth = "".join(f"<dkim><domain>{d}</domain><selector>s1</selector><result>{r}</result></dkim>" for d, r in dkim)
    auth += "".join(f"<spf><domain>{d}</domain><scope>{scope}</scope><result>{r}</result></spf>" for d, r, scope in spf)
    return (f"  <record><row><source_ip>{ip}</source_ip><count>{count}</count><policy_evaluated>"
            f"<disposition>{disposition}</disposition><dkim>{dkim_eval}</dkim><spf>{spf_eval}</spf>{reason_xml}"
            f"</policy_evaluated></row><identifiers><header_from>example.com</header_from></identifiers>"
            f"<auth_results>{auth}</auth_results></record>\n")


def report(org, email, report_id, begin, records):
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<feedback>\n  <report_metadata><org_name>{org}</org_name>'
            f"<email>{email}</email><report_id>{report_id}</report_id><date_range><begin>{begin}</begin>"
            f"<end>{begin + 86399}</end></date_range></report_metadata>\n  {POLICY}\n" + "".join(records) + "</feedback>\n")


own = [("example.com", "pass")]
day1 = [
    # Our own servers: DKIM and SPF aligned.
    record("192.0.2.10", 500, "pass", "pass", dkim=own, spf=[("example.com", "pass", "mfrom")]),
    record("192.0.2.11", 300, "pass", "pass", dkim=own, spf=[("example.com", "pass", "mfrom")]),
    # SendGrid signs with its own domain and uses its own return path.
    record("198.51.100.20", 120, "fail", "fail", dkim=[("sendgrid.net", "pass")], spf=[("bounce.sendgrid.net", "pass", "mfrom")]),
    # Mailchimp: no DKIM for us, SPF passes for its return path.
    record("198.51.100.30", 60, "fail", "fail", spf=[("mcsv.net", "pass", "mfrom")]),
    # A new office server: passes SPF on day 1 ...
    record("192.0.2.50", 10, "fail", "pass", spf=[("example.com", "pass", "mfrom")]),
    # A university forwarder: our signature broke, SPF passes for the forwarder.
    record("203.0.113.70", 7, "fail", "fail", dkim=[("example.com", "fail")], spf=[("forwarder.example.net", "pass", "mfrom")]),
    # Spoofers: nothing authenticates.
    record("203.0.113.80", 40, "fail", "fail", spf=[("example.com", "fail", "mfrom")], disposition="none"),
]
day2 = [
    record("192.0.2.10", 450, "pass", "pass", dkim=own, spf=[("example.com", "pass", "mfrom")]),
    record("198.51.100.21", 80, "fail", "fail", dkim=[("sendgrid.net", "pass")], spf=[("bounce.sendgrid.net", "pass", "mfrom")]),
    # ... and softfails on day 2 from its IPv6 address range we forgot in SPF.
    record("192.0.2.50", 25, "fail", "fail", spf=[("example.com", "softfail", "mfrom")]),
    # A mailing list that says so.
    record("203.0.113.71", 5, "fail", "fail", dkim=[("example.com", "fail")], spf=[("lists.example.org", "pass", "mfrom")], reason="mailing_list"),
    # An old relay that announces itself in HELO only and never signs.
    record("192.0.2.60", 15, "fail", "fail", spf=[("mail.example.com", "pass", "helo")]),
    record("192.0.2.60", 12, "fail", "fail", spf=[("example.com", "neutral", "mfrom")]),
    record("203.0.113.81", 30, "fail", "fail", spf=[("example.com", "softfail", "mfrom")]),
    record("2001:db8:bad::1", 20, "fail", "fail"),
]

import os
os.chdir(os.path.join(os.path.dirname(os.path.abspath(__file__)), "audit"))
with open("google.com!example.com!1735689600!1735775999.xml", "w") as f:
    f.write(report("google.com", "noreply-dmarc-support@google.com", "audit-g-1", 1735689600, day1))
with open("yahoo.com!example.com!1735776000!1735862399.xml", "w") as f:
    f.write(report("Yahoo", "dmarchelp@yahooinc.com", "audit-y-2", 1735776000, day2))

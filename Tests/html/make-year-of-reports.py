#!/usr/bin/env python3
"""Writes a year of a busy domain's reports into a folder, for sizing the HTML report (README "Trends").

`python3 Tests/html/make-year-of-reports.py DIR` writes 2,000 plain-XML reports from 20 reporters over 2024 for
three policy domains (one report in ten weekly), 50 records each: 100,000 records from 25,000 distinct sources,
seeded, so every run writes the same files. Then: `dmarc-parse --html year.html DIR`.
"""
import os
import random
import sys

folder = sys.argv[1]
os.makedirs(folder, exist_ok=True)
rng = random.Random(16)
BEGIN = 1704067200  # 2024-01-01T00:00:00Z
for r in range(2000):
    day = r * 365 // 2000
    begin = BEGIN + day * 86400
    end = begin + (7 if r % 10 == 0 else 1) * 86400 - 1
    domain = ["example.com", "example.org", "example.net"][r % 3]
    records = []
    for k in range(50):
        i = (r * 50 + k) % 25000
        ip = "10.%d.%d.%d" % (i >> 16 & 255, i >> 8 & 255, i & 255)
        count, ok = rng.randint(1, 500), rng.random() < 0.9
        result = "pass" if ok else "fail"
        disposition = "none" if ok else rng.choice(["none", "quarantine", "reject"])
        records.append(
            "<record><row><source_ip>%s</source_ip><count>%d</count><policy_evaluated><disposition>%s</disposition>"
            "<dkim>%s</dkim><spf>%s</spf></policy_evaluated></row><identifiers><header_from>%s</header_from>"
            "</identifiers><auth_results><dkim><domain>svc%d.example</domain><result>pass</result></dkim><spf>"
            "<domain>%s</domain><result>%s</result></spf></auth_results></record>"
            % (ip, count, disposition, result, result, domain, k % 30, domain, result))
    with open(os.path.join(folder, "r%04d.xml" % r), "w") as file:
        file.write(
            '<?xml version="1.0"?><feedback><report_metadata><org_name>Reporter %d &lt;x&amp;y&gt;</org_name>'
            "<email>d@r.example</email><report_id>id-%d</report_id><date_range><begin>%d</begin><end>%d</end>"
            "</date_range></report_metadata><policy_published><domain>%s</domain><p>%s</p><pct>100</pct>"
            "</policy_published>%s</feedback>"
            % (r % 20, r, begin, end, domain, "none" if day < 200 else "reject", "".join(records)))

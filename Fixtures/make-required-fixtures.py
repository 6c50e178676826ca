#!/usr/bin/env python3
"""Writes Fixtures/required/ (beside this script): reports that lack a part RFC 7489 Appendix C or RFC 9990
requires (each refused with one message naming the first missing part), and reports written the way real
reporters write them that read as what they mean.

Each file is the one good report below with one change; the name says which (and is its report ID, so that
none is a duplicate of another). `<begin>` is on line 8 of every
file that has it. Run from anywhere; deterministic.

Refused:
  no-report-metadata.xml     no <report_metadata> and no <policy_published> (seen in the wild: a bare <feedback>)
  no-reporter.xml            <report_metadata> with neither <org_name> nor <email>
  no-report-id.xml           no <report_id>
  empty-report-id.xml        <report_id/>
  no-date-range.xml          no <date_range>
  no-begin.xml, no-end.xml   <date_range> without one of its two
  begin-integer.xml          <begin>integer</begin> (seen in the wild)
  end-exponent.xml           <end>1.7e9</end>
  begin-negative.xml         <begin>-86400</begin>
  no-policy-published.xml    no <policy_published>
  no-policy-domain.xml       <policy_published> without <domain>
  record-no-row.xml          a <record> with no <row>
  record-no-source-ip.xml    a record with no <source_ip> (and a count of 3)
  record-empty-source-ip.xml <source_ip/> with a count of 3 (not a placeholder: it stands for messages)
  record-no-identifiers.xml  a record with no <identifiers>
  record-no-header-from.xml  <identifiers> without <header_from>
  second-record-no-header-from.xml  a good record, then one with <header_from/>: the whole report is refused
Read:
  data-range.xml             <data_range> for <date_range> (a KDDI report)
  identities.xml             <identities> for <identifiers>
  decimal-dates.xml          <begin>1363310677.0</begin> (163.com), <end>1363397076.999</end>
  email-only.xml             no <org_name>: the reporter is named by the domain of <email>
  placeholder.xml            a good record and an o2.pl-style placeholder (<source_ip/>, count 0): skipped, warned
  only-placeholder.xml       nothing but a placeholder: a report of 0 messages, warned
  no-records.xml             no <record>: a report of 0 messages
  no-disposition.xml         one record without <disposition>, one with <disposition>deliver</disposition>: warned
"""
import os

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "required")

METADATA = """  <report_metadata>
    <org_name>mail.example.net</org_name>
    <email>dmarc-reports@mail.example.net</email>
    <report_id>r-1</report_id>
    <date_range>
      <begin>1735689600</begin>
      <end>1735775999</end>
    </date_range>
  </report_metadata>
"""

POLICY = """  <policy_published>
    <domain>example.com</domain>
    <p>reject</p>
  </policy_published>
"""


def record(ip="192.0.2.10", count="5", disposition="<disposition>none</disposition>",
           identifiers="<identifiers><header_from>example.com</header_from></identifiers>", row=True,
           source_ip=None):
    source = f"<source_ip>{ip}</source_ip>" if source_ip is None else source_ip
    row_xml = (f"""    <row>
      {source}
      <count>{count}</count>
      <policy_evaluated>{disposition}<dkim>pass</dkim><spf>fail</spf></policy_evaluated>
    </row>
""" if row else "")
    return f"""  <record>
{row_xml}    {identifiers}
    <auth_results><dkim><domain>example.com</domain><result>pass</result></dkim></auth_results>
  </record>
"""


def report(metadata=METADATA, policy=POLICY, records=None):
    body = "".join(records if records is not None else [record()])
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<feedback>
{metadata}{policy}{body}</feedback>
"""


def metadata_with(old, new):
    assert old in METADATA
    return METADATA.replace(old, new)


PLACEHOLDER = record(ip="", count="0", disposition="<disposition/>", identifiers="<identifiers><header_from/></identifiers>")

FILES = {
    "no-report-metadata.xml": report(metadata="", policy=""),
    "no-reporter.xml": report(metadata=metadata_with(
        "    <org_name>mail.example.net</org_name>\n    <email>dmarc-reports@mail.example.net</email>\n",
        "    <org_name></org_name>\n    <extra_contact_info>https://mail.example.net/dmarc</extra_contact_info>\n")),
    "no-report-id.xml": report(metadata=metadata_with("    <report_id>r-1</report_id>\n", "")),
    "empty-report-id.xml": report(metadata=metadata_with("<report_id>r-1</report_id>", "<report_id/>")),
    "no-date-range.xml": report(metadata=metadata_with(
        "    <date_range>\n      <begin>1735689600</begin>\n      <end>1735775999</end>\n    </date_range>\n", "")),
    "no-begin.xml": report(metadata=metadata_with("      <begin>1735689600</begin>\n", "")),
    "no-end.xml": report(metadata=metadata_with("      <end>1735775999</end>\n", "")),
    "begin-integer.xml": report(metadata=metadata_with("<begin>1735689600</begin>", "<begin>integer</begin>")),
    "end-exponent.xml": report(metadata=metadata_with("<end>1735775999</end>", "<end>1.7e9</end>")),
    "begin-negative.xml": report(metadata=metadata_with("<begin>1735689600</begin>", "<begin>-86400</begin>")),
    "no-policy-published.xml": report(policy=""),
    "no-policy-domain.xml": report(policy=POLICY.replace("    <domain>example.com</domain>\n", "")),
    "record-no-row.xml": report(records=[record(row=False)]),
    "record-no-source-ip.xml": report(records=[record(count="3", source_ip="")]),
    "record-empty-source-ip.xml": report(records=[record(count="3", source_ip="<source_ip/>")]),
    "record-no-identifiers.xml": report(records=[record(identifiers="")]),
    "record-no-header-from.xml": report(records=[record(
        identifiers="<identifiers><envelope_from>example.com</envelope_from></identifiers>")]),
    "second-record-no-header-from.xml": report(records=[
        record(), record(ip="198.51.100.7", identifiers="<identifiers><header_from/></identifiers>")]),
    "data-range.xml": report(metadata=METADATA.replace("date_range>", "data_range>")),
    "identities.xml": report(records=[record(
        identifiers="<identities><header_from>example.com</header_from></identities>")]),
    "decimal-dates.xml": report(metadata=metadata_with(
        "<begin>1735689600</begin>\n      <end>1735775999</end>",
        "<begin>1363310677.0</begin>\n      <end>1363397076.999</end>")),
    "email-only.xml": report(metadata=metadata_with("    <org_name>mail.example.net</org_name>\n", "")),
    "placeholder.xml": report(records=[record(), PLACEHOLDER]),
    "only-placeholder.xml": report(records=[PLACEHOLDER]),
    "no-records.xml": report(records=[]),
    "no-disposition.xml": report(records=[
        record(disposition=""), record(ip="198.51.100.7", count="2", disposition="<disposition>deliver</disposition>"),
        record(ip="203.0.113.9", count="1", disposition="<disposition>pass</disposition>")]),
}


def main():
    os.makedirs(HERE, exist_ok=True)
    for name, text in FILES.items():
        text = text.replace("<report_id>r-1</report_id>", f"<report_id>{name[:-4]}</report_id>")
        with open(os.path.join(HERE, name), "w", encoding="utf-8") as out:
            out.write(text)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Writes the binary test fixtures of dmarc-parse into this folder, deterministically.

Run it from anywhere: `python3 Fixtures/make-fixtures.py`. It needs Python 3.8+ and nothing outside the standard
library; the same Python and zlib write the same bytes every time (gzip with mtime=0, zip with a fixed date).

What it writes (hand-written fixtures sit beside these as plain files: the XML quirks in quirks/, recoverable and
unrecoverable documents in broken/, entity attacks in hostile/, non-reports in bad/, and the plain-XML reports of
sample/; Tests/DMARCTests says what each must give):

  containers/  one report (3 records, 10 messages) in every container a reporter uses: gzip with several members,
               with bytes after the last member, gzip inside gzip, zip stored or deflated, in subfolders, with sizes
               in data descriptors, zip64; plain XML behind a byte order mark and blank lines; UTF-16
  quirks/      documents whose bytes matter: ISO-8859-1, windows-1252, invalid UTF-8
  bad/         inputs that are no report: empty, not XML, a truncated gzip, a zip without XML, a broken zip
  broken/      a whole gzip of the hand-written broken/truncated-report.xml
  hostile/     gzip bombs (300 MiB, 2 GiB) for the default limit, a zip bomb and a zip with many members for
               smaller limits, containers nested too deep, elements nested too deep, a text too long
  sample/      the Google-style zip and the Yahoo- and Outlook-style gzips of the README's first command

Addresses are documentation addresses (RFC 5737, RFC 3849) and domains are example.com, .org and .net.
"""
import gzip
import io
import os
import struct
import zipfile
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
ZIP_DATE = (2025, 1, 2, 0, 0, 0)
BEGIN = 1735689600  # 2025-01-01T00:00:00Z
END = BEGIN + 86399


def write(relative_path, data):
    path = os.path.join(HERE, relative_path)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as file:
        file.write(data)


def gz(data):
    return gzip.compress(data, compresslevel=9, mtime=0)


def zip_bytes(members, compression=zipfile.ZIP_DEFLATED, force_zip64=False):
    """members: (name, bytes) pairs; a name ending in / is a folder entry."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        add_members(archive, members, compression, force_zip64)
    return buffer.getvalue()


def add_members(archive, members, compression, force_zip64=False):
    for name, data in members:
        info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
        info.create_system = 3
        if name.endswith("/"):
            info.external_attr = (0o40755 << 16) | 0x10
            archive.writestr(info, b"")
            continue
        info.external_attr = 0o100644 << 16
        info.compress_type = compression
        with archive.open(info, "w", force_zip64=force_zip64) as member:
            member.write(data)


class NonSeekableStream(io.RawIOBase):
    """A stream zipfile cannot seek back in, so it puts each member's sizes in a data descriptor after the data."""

    def __init__(self):
        self.buffer = io.BytesIO()

    def writable(self):
        return True

    def write(self, data):
        return self.buffer.write(data)


def zip_with_data_descriptors(members, force_zip64=False):
    stream = NonSeekableStream()
    with zipfile.ZipFile(stream, "w") as archive:
        add_members(archive, members, zipfile.ZIP_DEFLATED, force_zip64)
    return stream.buffer.getvalue()


# -- reports -------------------------------------------------------------------------------------------------------

def record_xml(ip, count, dkim, spf, header_from="example.com", auth="", identifiers=""):
    disposition = "none" if "pass" in (dkim, spf) else "quarantine"
    return f"""  <record>
    <row>
      <source_ip>{ip}</source_ip>
      <count>{count}</count>
      <policy_evaluated>
        <disposition>{disposition}</disposition>
        <dkim>{dkim}</dkim>
        <spf>{spf}</spf>
      </policy_evaluated>
    </row>
    <identifiers>
{identifiers or f"      <header_from>{header_from}</header_from>"}
    </identifiers>
    <auth_results>
{auth or default_auth(dkim, spf, header_from)}
    </auth_results>
  </record>
"""


def default_auth(dkim, spf, domain):
    return f"""      <dkim>
        <domain>{domain}</domain>
        <selector>s1</selector>
        <result>{dkim}</result>
      </dkim>
      <spf>
        <domain>{domain}</domain>
        <scope>mfrom</scope>
        <result>{spf}</result>
      </spf>"""


def report_xml(org, email, report_id, records, domain="example.com", p="none", feedback="<feedback>", version="",
               metadata_extra="", policy_extra="", padding=""):
    return f"""<?xml version="1.0" encoding="UTF-8"?>
{feedback}
{version}  <report_metadata>
    <org_name>{org}</org_name>
    <email>{email}</email>
{metadata_extra}    <report_id>{report_id}</report_id>
    <date_range>
      <begin>{BEGIN}</begin>
      <end>{END}</end>
    </date_range>
  </report_metadata>{padding}
  <policy_published>
    <domain>{domain}</domain>
    <adkim>r</adkim>
    <aspf>r</aspf>
    <p>{p}</p>
{policy_extra}  </policy_published>
{"".join(records)}</feedback>
"""


def container_report(report_id="container-1", domain="example.com"):
    """The report every container fixture holds: 3 records, 10 messages."""
    return report_xml("mx.example.net", "dmarc-reports@example.net", report_id, [
        record_xml("192.0.2.10", 7, "pass", "pass", header_from=domain),
        record_xml("198.51.100.23", 2, "fail", "fail", header_from=domain),
        record_xml("2001:db8::25", 1, "pass", "fail", header_from=domain),
    ], domain=domain).encode()


# -- containers ----------------------------------------------------------------------------------------------------

def write_containers():
    report = container_report()
    write("containers/report.xml.gz", gz(report))
    middle = len(report) // 2
    write("containers/two-members.xml.gz", gz(report[:middle]) + gz(report[middle:]))
    write("containers/trailing-crlf.xml.gz", gz(report) + b"\r\n")
    write("containers/trailing-garbage.xml.gz", gz(report) + b"--boundary--\r\n")
    write("containers/gzip-in-gzip.xml.gz.gz", gz(gz(report)))
    write("containers/gzip-in-zip.zip", zip_bytes([("report.xml.gz", gz(report))]))
    write("containers/stored.zip", zip_bytes([("report.xml", report)], compression=zipfile.ZIP_STORED))
    write("containers/two-reports.zip", zip_bytes([
        ("example.com.xml", container_report("container-com", "example.com")),
        ("example.org.xml", container_report("container-org", "example.org")),
    ]))
    apple_double = b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X        " + bytes(16)
    write("containers/subfolders.zip", zip_bytes([
        ("Reports/", b""),
        ("Reports/2025-01-01/", b""),
        ("Reports/2025-01-01/EXAMPLE.COM!1735689600!1735775999.XML", report),
        ("Reports/2025-01-01/README.txt", b"DMARC aggregate reports for example.com\r\n"),
        ("Reports/2025-01-01/._EXAMPLE.COM!1735689600!1735775999.XML", apple_double),
        ("__MACOSX/Reports/2025-01-01/._EXAMPLE.COM!1735689600!1735775999.XML", apple_double),
    ]))
    write("containers/data-descriptor.zip", zip_with_data_descriptors([("report.xml", report)]))
    write("containers/zip64.zip", zip_bytes([("report.xml", report)], force_zip64=True))
    write("containers/zip64-data-descriptor.zip", zip_with_data_descriptors([("report.xml", report)],
                                                                            force_zip64=True))
    write("containers/bom-and-blank-lines.xml", b"\xef\xbb\xbf\r\n\r\n  " + report)
    write("containers/leading-whitespace.xml", b"\n\n\t  " + report)
    write("containers/utf-16.xml",
          b"\xff\xfe" + report.decode().replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16-le"))


# -- quirks whose bytes matter -------------------------------------------------------------------------------------

def single_record_report(org, header_from, encoding):
    return f"""<?xml version="1.0" encoding="{encoding}"?>
<feedback>
  <report_metadata>
    <org_name>{org}</org_name>
    <email>dmarc@example.org</email>
    <report_id>{encoding.lower()}-1</report_id>
    <date_range><begin>{BEGIN}</begin><end>{END}</end></date_range>
  </report_metadata>
  <policy_published><domain>example.com</domain><p>none</p></policy_published>
{record_xml("192.0.2.1", 1, "pass", "pass", header_from=header_from,
            auth=default_auth("pass", "pass", "example.com"))}</feedback>
"""


def write_encodings():
    write("quirks/iso-8859-1.xml",
          single_record_report("Bücherstube Müller &amp; Söhne", "example.com", "ISO-8859-1").encode("iso-8859-1"))
    write("quirks/windows-1252.xml",
          single_record_report("“Smart” Mail – €uro", "example.com", "windows-1252").encode("cp1252"))
    # Declared UTF-8, with one invalid byte (0x91, a windows-1252 quote) and valid UTF-8 before and after it.
    document = single_record_report("Mailhaus Zürich", "bad_byte@INVALID@.example.com", "UTF-8")
    document = document.replace("<selector>s1</selector>",
                                "<selector>s1</selector>\n        <human_result>Grüße aus Zürich</human_result>")
    write("quirks/invalid-utf-8.xml", document.encode().replace(b"@INVALID@", b"\x91"))


# -- bad inputs ----------------------------------------------------------------------------------------------------

def write_bad_inputs():
    write("bad/empty.xml", b"")
    write("bad/blank.xml", b" \r\n\t\r\n")
    write("bad/not-xml.xml.gz", gz(b"Your DMARC report could not be generated. Please try again later.\r\n"))
    report = gz(container_report())
    write("bad/truncated.xml.gz", report[: len(report) // 2])
    write("bad/corrupt.xml.gz", report[:40] + bytes(b ^ 0x5A for b in report[40:80]) + report[80:])
    write("bad/no-xml.zip", zip_bytes([("README.txt", b"nothing to see\r\n"), ("logo.png", b"\x89PNG\r\n\x1a\n")]))
    write("bad/no-members.zip", zip_bytes([]))
    write("bad/no-central-directory.zip", zip_bytes([("report.xml", container_report())])[:200])
    write("bad/one-bad-member.zip", zip_bytes([
        ("good.xml", container_report("container-good")),
        ("truncated.xml", container_report("container-truncated")[:600]),
    ]))


def write_broken_documents():
    with open(os.path.join(HERE, "broken/truncated-report.xml"), "rb") as file:
        write("broken/truncated-report.xml.gz", gz(file.read()))


# -- hostile inputs ------------------------------------------------------------------------------------------------

def bomb_xml_gz(blank_bytes, wrap_in_second_gzip=False):
    """A report padded with blanks inside <feedback>, gzip -9, streamed so that memory stays small."""
    head, tail = report_xml("bomb.example.net", "bomb@example.net", "bomb-1",
                            [record_xml("203.0.113.66", 1, "fail", "fail")], padding="\x00").encode().split(b"\x00")
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)
    parts = [compressor.compress(head)]
    block = b" " * (1 << 20)
    for _ in range(blank_bytes >> 20):
        parts.append(compressor.compress(block))
    parts.append(compressor.compress(tail))
    parts.append(compressor.flush())
    data = b"".join(parts)
    return gz(data) if wrap_in_second_gzip else data


def overlapping_zip_bomb(members, blank_bytes):
    """A non-recursive zip bomb: every central directory entry points at one deflated member, a report padded with
    blanks, so that a few KB list members * blank_bytes of output."""
    kernel = zlib.decompress(bomb_xml_gz(blank_bytes), 31)
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    deflated = compressor.compress(kernel) + compressor.flush()
    crc = zlib.crc32(kernel)
    name = b"report.xml"
    local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x5A22, crc, len(deflated), len(kernel),
                        len(name), 0) + name + deflated
    directory = b"".join(
        struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 0x314, 20, 0, 8, 0, 0x5A22, crc, len(deflated), len(kernel),
                    len(f"report-{index:03}.xml"), 0, 0, 0, 0, 0o100644 << 16, 0) + f"report-{index:03}.xml".encode()
        for index in range(members))
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, members, members, len(directory), len(local), 0)
    return local + directory + end


def write_hostile_inputs():
    # 300 MiB of blanks: more than the default 256 MiB limit, 1 KB after two rounds of gzip.
    write("hostile/gzip-bomb.xml.gz.gz", bomb_xml_gz(300 << 20, wrap_in_second_gzip=True))
    # 2 GiB of blanks, 4 KB after two rounds of gzip: stops at the default limit; reads under a raised one.
    write("hostile/gzip-bomb-2-gib.xml.gz.gz", bomb_xml_gz(2 << 30, wrap_in_second_gzip=True))
    # 8 MiB of blanks, for tests with a 4 MiB limit.
    write("hostile/gzip-bomb-8-mib.xml.gz", bomb_xml_gz(8 << 20))
    # 100 members, each the same 8 MiB: 800 MiB listed in 14 KB, stopped at the default 256 MiB.
    write("hostile/zip-bomb-overlapping.zip", overlapping_zip_bomb(100, 8 << 20))
    write("hostile/zip-bomb.zip", zip_bytes([("report.xml", zlib.decompress(bomb_xml_gz(8 << 20), 31))]))
    write("hostile/many-members.zip", zip_bytes(
        [(f"report-{index:02}.xml", container_report(f"member-{index:02}")) for index in range(12)]))
    nested = container_report()
    for _ in range(6):
        nested = gz(nested)
    write("hostile/nested-6-deep.xml.gz", nested)
    write("hostile/deep-elements.xml", container_report().replace(
        b"</report_metadata>",
        b"</report_metadata>\n  " + b"<x>" * 40 + b"deep" + b"</x>" * 40, 1))
    write("hostile/long-text.xml", container_report().replace(
        b"<org_name>mx.example.net</org_name>", b"<org_name>" + b"A" * ((64 << 10) + 1) + b"</org_name>", 1))


# -- the README's sample folder ------------------------------------------------------------------------------------

def google_sample():
    """Google: no <version>, <np>, extra_contact_info, no envelope_from, SPF without scope."""
    def auth(dkim_domain, dkim, spf_domain, spf, selector="google"):
        dkim_part = "" if dkim_domain is None else f"""      <dkim>
        <domain>{dkim_domain}</domain>
        <result>{dkim}</result>
        <selector>{selector}</selector>
      </dkim>
"""
        return dkim_part + f"""      <spf>
        <domain>{spf_domain}</domain>
        <result>{spf}</result>
      </spf>"""

    return report_xml(
        "google.com", "noreply-dmarc-support@google.com", "8054829460395737148", [
            record_xml("2001:db8:4860:4864::1b", 412, "pass", "pass",
                       auth=auth("example.com", "pass", "example.com", "pass")),
            record_xml("192.0.2.45", 96, "pass", "pass", auth=auth("example.com", "pass", "example.com", "pass")),
            record_xml("198.51.100.77", 58, "pass", "fail",
                       auth=auth("example.com", "pass", "bounces.example.net", "pass", selector="s1")),
            record_xml("203.0.113.9", 3, "fail", "fail", auth=auth(None, "", "example.com", "fail")),
            record_xml("203.0.113.154", 1, "fail", "fail",
                       auth=auth("example.com", "fail", "example.com", "softfail", selector="s1")),
        ], p="quarantine",
        metadata_extra="    <extra_contact_info>https://support.google.com/a/answer/2466580</extra_contact_info>\n",
        policy_extra="    <sp>quarantine</sp>\n    <pct>100</pct>\n    <np>quarantine</np>\n").encode()


def yahoo_sample():
    """Yahoo: no <version>, no sp, DKIM with selector, SPF without scope."""
    def auth(dkim, spf, spf_domain="example.com"):
        return f"""      <dkim>
        <domain>example.com</domain>
        <selector>s1</selector>
        <result>{dkim}</result>
      </dkim>
      <spf>
        <domain>{spf_domain}</domain>
        <result>{spf}</result>
      </spf>"""

    return report_xml("Yahoo", "dmarchelp@yahooinc.com", "1735779012.403817", [
        record_xml("192.0.2.45", 31, "pass", "pass", auth=auth("pass", "pass")),
        record_xml("2001:db8:4860:4864::1b", 18, "pass", "pass", auth=auth("pass", "pass")),
        record_xml("198.51.100.77", 12, "pass", "fail", auth=auth("pass", "pass", "bounces.example.net")),
        record_xml("203.0.113.60", 4, "fail", "fail", auth=auth("fail", "softfail")),
    ], p="quarantine", policy_extra="    <pct>100</pct>\n").encode()


def outlook_sample():
    """Outlook: xsd/xsi declarations, <version>1.0</version>, envelope_to, envelope_from, scope mfrom."""
    def identifiers(to):
        return f"""      <envelope_to>{to}</envelope_to>
      <envelope_from>example.com</envelope_from>
      <header_from>example.com</header_from>"""

    rows = [
        ("192.0.2.45", 27, "pass", "pass", "example.org"),
        ("192.0.2.46", 9, "pass", "pass", "example.net"),
        ("2001:db8:4860:4864::1b", 14, "pass", "pass", "example.org"),
        ("198.51.100.77", 6, "pass", "fail", "example.org"),
        ("203.0.113.9", 2, "fail", "fail", "example.net"),
        ("2001:db8:bad::25", 1, "fail", "fail", "example.org"),
    ]
    return report_xml(
        "Enterprise Outlook", "dmarcreport@microsoft.com", "f3a2c9d04b6e4e1b8d1e5c7a9b0f2e61",
        [record_xml(ip, count, dkim, spf, identifiers=identifiers(to)) for ip, count, dkim, spf, to in rows],
        p="quarantine", version="  <version>1.0</version>\n",
        feedback='<feedback xmlns:xsd="http://www.w3.org/2001/XMLSchema" '
                 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
        policy_extra="    <sp>quarantine</sp>\n    <pct>100</pct>\n    <fo>0</fo>\n").encode()


def write_sample():
    google = "google.com!example.com!1735689600!1735775999"
    write(f"sample/{google}.zip", zip_bytes([(f"{google}.xml", google_sample())]))
    write("sample/yahoo.com!example.com!1735689600!1735775999.xml.gz", gz(yahoo_sample()))
    write("sample/enterprise.protection.outlook.com!example.com!1735689600!1735776000.xml.gz", gz(outlook_sample()))


if __name__ == "__main__":
    write_containers()
    write_encodings()
    write_bad_inputs()
    write_broken_documents()
    write_hostile_inputs()
    write_sample()

#!/usr/bin/env python3
"""Writes the mail fixtures in this folder: saved messages, an mbox and a Maildir carrying DMARC aggregate reports.

Deterministic (fixed timestamps, no random boundaries), standard library only. The MIME is written by hand, not by
the email package, so that each fixture has exactly the shape it tests (RFC 2231 continuations, RFC 2047 names,
nesting, quoted-printable, >From escaping). Addresses are documentation ones (RFC 5737, RFC 3849); domains are
example ones. Tests/DMARCTests/Mail*.swift assert the totals written in the comments below.

Run from anywhere: python3 Fixtures/mail/make-mail-fixtures.py
"""
import base64
import gzip
import hashlib
import io
import os
import quopri
import shutil
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
BEGIN = 1735689600  # 2025-01-01T00:00:00Z
END = BEGIN + 86399


def report(org, email, report_id, domain, records, extra_contact=None):
    """An RFC 7489 aggregate report. records: (source_ip, count, dkim, spf)."""
    lines = ['<?xml version="1.0" encoding="UTF-8" ?>', "<feedback>", "  <report_metadata>",
             "    <org_name>%s</org_name>" % org, "    <email>%s</email>" % email]
    if extra_contact is not None:
        lines.append("    <extra_contact_info>%s</extra_contact_info>" % extra_contact)
    lines += ["    <report_id>%s</report_id>" % report_id,
              "    <date_range><begin>%d</begin><end>%d</end></date_range>" % (BEGIN, END),
              "  </report_metadata>",
              "  <policy_published><domain>%s</domain><adkim>r</adkim><aspf>r</aspf><p>none</p><sp>none</sp>"
              "<pct>100</pct></policy_published>" % domain]
    for ip, count, dkim, spf in records:
        lines += ["  <record>",
                  "    <row><source_ip>%s</source_ip><count>%d</count>" % (ip, count),
                  "      <policy_evaluated><disposition>none</disposition><dkim>%s</dkim><spf>%s</spf>"
                  "</policy_evaluated></row>" % (dkim, spf),
                  "    <identifiers><header_from>%s</header_from></identifiers>" % domain,
                  "    <auth_results><dkim><domain>%s</domain><result>%s</result></dkim>"
                  "<spf><domain>%s</domain><result>%s</result></spf></auth_results>" % (domain, dkim, domain, spf),
                  "  </record>"]
    lines.append("</feedback>")
    return ("\n".join(lines) + "\n").encode("utf-8")


def gz(data):
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, mtime=0) as f:
        f.write(data)
    return buffer.getvalue()


def zipped(data, member):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        info = zipfile.ZipInfo(member, date_time=(2025, 1, 2, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        archive.writestr(info, data)
    return buffer.getvalue()


def b64(data):
    return base64.encodebytes(data).decode("ascii")


def headers(subject, sender="noreply-dmarc-support@google.com", extra=""):
    return ("Return-Path: <%s>\n"
            "Delivered-To: dmarc-reports@example.com\n"
            "Received: from mail-relay.example.net (mail-relay.example.net [192.0.2.25])\n"
            "\tby mx.example.com (Postfix) with ESMTPS id 4Y1AbC2dEf\n"
            "\tfor <dmarc-reports@example.com>; Thu, 02 Jan 2025 00:05:00 +0000 (UTC)\n"
            "DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=example.net; s=20240101;\n"
            " h=mime-version:date:message-id:subject:from:to;\n"
            " bh=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=;\n"
            " b=dGhpcyBpcyBub3QgYSByZWFsIHNpZ25hdHVyZQ==\n"
            "MIME-Version: 1.0\n"
            "Date: Thu, 02 Jan 2025 00:04:59 +0000\n"
            "Message-ID: <%s@example.net>\n"
            "Subject: %s\n"
            "From: %s\n"
            "To: dmarc-reports@example.com\n%s") % (sender, hashlib.sha1(subject.encode()).hexdigest()[:16],
                                                   subject, sender, extra)


def write(path, text_or_bytes, crlf=False):
    data = text_or_bytes.encode("utf-8") if isinstance(text_or_bytes, str) else text_or_bytes
    if crlf:
        data = data.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
    full = os.path.join(HERE, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "wb") as f:
        f.write(data)


# google.com, example.com: 3 records, 16 messages.
GOOGLE = report("google.com", "noreply-dmarc-support@google.com", "4711000000000000001", "example.com",
                [("192.0.2.1", 12, "pass", "pass"), ("198.51.100.7", 3, "fail", "fail"),
                 ("2001:db8::25", 1, "pass", "fail")])
GOOGLE_ZIP = "google.com!example.com!%d!%d.zip" % (BEGIN, END)

# Yahoo, example.org: 2 records, 6 messages.
YAHOO = report("Yahoo", "dmarchelp@yahooinc.com", "1735689600.4712", "example.org",
               [("203.0.113.5", 4, "pass", "pass"), ("203.0.113.6", 2, "fail", "pass")])

# Enterprise Outlook, example.com: 2 records, 8 messages.
OUTLOOK = report("Enterprise Outlook", "dmarcreport@microsoft.com", "a1b2c3d4e5f6", "example.com",
                 [("2001:db8:1::1", 7, "pass", "pass"), ("192.0.2.99", 1, "fail", "fail")])

# Exämple Mail (UTF-8 org name), example.net: 1 record, 5 messages.
QP_REPORT = report("Ex\u00e4mple Mail", "dmarc@mail.example.net", "qp-0001", "example.net",
                   [("198.51.100.20", 5, "pass", "pass")])

# mail.example.net, example.com: 1 record, 9 messages; and a second one, 2 records, 11 messages.
MAILNET = report("mail.example.net", "dmarc@mail.example.net", "mn-0001", "example.com",
                 [("192.0.2.77", 9, "pass", "pass")])
MAILNET2 = report("mail.example.net", "dmarc@mail.example.net", "mn-0002", "example.org",
                  [("192.0.2.78", 10, "pass", "pass"), ("2001:db8::78", 1, "fail", "fail")])

# fastmail.example, example.com: 1 record, 9 messages; its extra_contact_info has a line starting "From ".
FASTMAIL = report("fastmail.example", "dmarc@fastmail.example", "fm-0001", "example.com",
                  [("203.0.113.40", 9, "pass", "pass")],
                  extra_contact="Questions?\nFrom the postmaster, with care")


def gmail_octet_stream():
    """Google's shape: a single-part message whose body is the zip, here sent as application/octet-stream. CRLF."""
    text = headers("Report domain: example.com Submitter: google.com Report-ID: 4711000000000000001")
    text += ('Content-Type: application/octet-stream; \n\tname="%s"\n'
             'Content-Disposition: attachment; \n\tfilename="%s"\n'
             "Content-Transfer-Encoding: base64\n\n" % (GOOGLE_ZIP, GOOGLE_ZIP))
    text += b64(zipped(GOOGLE, GOOGLE_ZIP[:-4] + ".xml"))
    write("gmail-zip-octet-stream.eml", text, crlf=True)


def gzip_rfc2231():
    """application/gzip named with RFC 2231 continuations and a UTF-8 charset; Content-Type name= is a decoy."""
    text = headers("Report Domain: example.org Submitter: yahoo.com Report-ID: <1735689600.4712>",
                   sender="dmarchelp@yahooinc.com")
    text += ('Content-Type: multipart/mixed; boundary="=_yahoo_0001"\n\n'
             "This is a multi-part message in MIME format.\n\n"
             "--=_yahoo_0001\n"
             "Content-Type: text/plain; charset=us-ascii\n\n"
             "This is an aggregate report from Yahoo.\n\n"
             "--=_yahoo_0001\n"
             'Content-Type: application/gzip; name="decoy.gz"\n'
             "Content-Disposition: attachment;\n"
             " filename*0*=utf-8''rapport%C3%A9-yahoo.com%21example.org;\n"
             " filename*1=\"!1735689600!1735775999\";\n"
             " filename*2=\".xml.gz\"\n"
             "Content-Transfer-Encoding: base64\n\n")
    text += b64(gz(YAHOO)) + "\n--=_yahoo_0001--\n"
    write("gzip-rfc2231.eml", text)


def nested_alternative():
    """A zip in multipart/mixed inside multipart/alternative; its name is an RFC 2047 encoded word."""
    name = "enterprise.protection.outlook.com!example.com!%d!%d.zip" % (BEGIN, END)
    encoded = "=?UTF-8?B?%s?=" % base64.b64encode(name.encode()).decode()
    text = headers("Report Domain: example.com Submitter: protection.outlook.com Report-ID: <a1b2c3d4e5f6>",
                   sender="dmarcreport@microsoft.com")
    text += ('Content-Type: multipart/alternative; boundary="outer-alt"\n\n'
             "--outer-alt\n"
             "Content-Type: text/plain; charset=utf-8\n\n"
             "This is a DMARC aggregate report.\n\n"
             "--outer-alt\n"
             'Content-Type: multipart/mixed; boundary="outer-alt-inner-mixed"\n\n'
             "--outer-alt-inner-mixed\n"
             "Content-Type: text/html; charset=utf-8\n\n"
             "<html><body><p>This is a DMARC aggregate report.</p></body></html>\n"
             "--outer-alt-inner-mixed\n"
             'Content-Type: application/zip; name="%s"\n'
             "Content-Transfer-Encoding: base64\n\n" % encoded)
    text += b64(zipped(OUTLOOK, name[:-4] + ".xml"))
    text += "--outer-alt-inner-mixed--\n\n--outer-alt--\n"
    write("nested-alternative.eml", text)


def quoted_printable():
    """The report as a text/xml part in quoted-printable: soft line breaks, =3D, UTF-8 bytes as =C3=A4."""
    text = headers("Report Domain: example.net Submitter: mail.example.net Report-ID: <qp-0001>",
                   sender="dmarc@mail.example.net")
    body = quopri.encodestring(QP_REPORT).decode("ascii")
    assert "=\n" in body and "=3D" in body and "=C3=A4" in body
    text += ('Content-Type: multipart/mixed; boundary="qp-boundary"\n\n'
             "--qp-boundary\n"
             "Content-Type: text/plain\n\n"
             "Report attached.\n"
             "--qp-boundary\n"
             'Content-Type: text/xml; charset=utf-8; name="mail.example.net!example.net!1735689600!1735775999.xml"\n'
             "Content-Transfer-Encoding: quoted-printable\n\n")
    text += body + "--qp-boundary--\n"
    write("quoted-printable.eml", text)


def newsletter(subject):
    return (headers(subject, sender="news@example.org")
            + 'Content-Type: multipart/alternative; boundary="news"\n\n'
            "--news\nContent-Type: text/plain; charset=utf-8\n\nWinter news from example.org.\n"
            "--news\nContent-Type: text/html; charset=utf-8\n\n<p>Winter news from example.org.</p>\n"
            "--news--\n")


def mbox():
    """Three messages: a report, a newsletter (no report), a report whose XML and text have >From lines.

    Totals: 2 reports (google.com 3 records 16 messages; fastmail.example 1 record 9 messages), 1 warning."""
    first = headers("Report domain: example.com Submitter: google.com Report-ID: 4711000000000000001")
    first += ('Content-Type: application/zip; name="%s"\n'
              'Content-Disposition: attachment; filename="%s"\n'
              "Content-Transfer-Encoding: base64\n\n" % (GOOGLE_ZIP, GOOGLE_ZIP))
    first += b64(zipped(GOOGLE, GOOGLE_ZIP[:-4] + ".xml"))
    second = newsletter("Our winter newsletter")
    third = headers("Report Domain: example.com Submitter: fastmail.example Report-ID: <fm-0001>",
                    sender="dmarc@fastmail.example")
    third += ('Content-Type: multipart/mixed; boundary="fm"\n\n'
              "--fm\nContent-Type: text/plain\n\n"
              "Here is your report.\n"
              "From here on, lines starting with From are escaped.\n"
              ">From a quoted line.\n"
              "--fm\n"
              'Content-Type: text/xml; name="fastmail.example!example.com!1735689600!1735775999.xml"\n'
              "Content-Transfer-Encoding: 7bit\n\n")
    third += FASTMAIL.decode("utf-8") + "--fm--\n"
    out = []
    for postmark, message in (("From MAILER-DAEMON Thu Jan  2 00:05:00 2025", first),
                              ("From news@example.org Thu Jan  2 08:00:00 2025", second),
                              ("From dmarc@fastmail.example Thu Jan  2 09:30:00 2025", third)):
        escaped = []
        for line in message.split("\n"):
            stripped = line.lstrip(">")
            escaped.append(">" + line if stripped.startswith("From ") else line)  # mboxrd
        out.append(postmark + "\n" + "\n".join(escaped).rstrip("\n") + "\n\n")
    write("reports.mbox", "".join(out))


def maildir():
    """A Maildir: two reports and two messages without one (a failure report, an SMTP TLS report).

    Totals: 2 reports (mail.example.net: 1 record 9 messages, 2 records 11 messages), 2 warnings."""
    shutil.rmtree(os.path.join(HERE, "Maildir"), ignore_errors=True)
    # A .zip attachment that is really gzip: content decides.
    gzip_as_zip = headers("Report Domain: example.com Submitter: mail.example.net Report-ID: <mn-0001>",
                          sender="dmarc@mail.example.net")
    gzip_as_zip += ('Content-Type: application/zip; name="mail.example.net!example.com!1735689600!1735775999.zip"\n'
                    "Content-Transfer-Encoding: base64\n\n") + b64(gz(MAILNET))
    write("Maildir/cur/1735776300.M100P4242.mx.example.com:2,S", gzip_as_zip)
    # A single-part message whose body is the report itself.
    plain_body = headers("Report Domain: example.org Submitter: mail.example.net Report-ID: <mn-0002>",
                         sender="dmarc@mail.example.net")
    plain_body += "Content-Type: text/xml; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n"
    write("Maildir/new/1735862700.M101P4242.mx.example.com", plain_body + MAILNET2.decode("utf-8"))
    failure = headers("DMARC failure report for example.com", sender="dmarc-failures@example.net")
    failure += ('Content-Type: multipart/report; report-type=feedback-report; boundary="arf"\n\n'
                "--arf\nContent-Type: text/plain\n\nA message claiming to be from example.com failed DMARC.\n"
                "--arf\nContent-Type: message/feedback-report\n\n"
                "Feedback-Type: auth-failure\nAuth-Failure: dmarc\nSource-IP: 192.0.2.66\n\n"
                "--arf\nContent-Type: message/rfc822\n\n"
                "From: someone@example.com\nSubject: Invoice\nMessage-ID: <x@example.com>\n\nPay now.\n"
                "--arf--\n")
    write("Maildir/cur/1735949100.M102P4242.mx.example.com:2,RS", failure)
    tlsrpt = headers("Report Domain: example.com Submitter: example.net Report-ID: <tls-0001>",
                     sender="tlsrpt@example.net")
    tlsrpt += ('Content-Type: multipart/report; report-type=tlsrpt; boundary="tls"\n\n'
               "--tls\nContent-Type: text/plain\n\nThis is an SMTP TLS report.\n"
               "--tls\n"
               'Content-Type: application/tlsrpt+gzip; name="example.net!example.com!1735689600!1735775999.json.gz"\n'
               "Content-Transfer-Encoding: base64\n\n"
               + b64(gz(b'{"organization-name":"example.net","policies":[]}\n')) + "--tls--\n")
    write("Maildir/new/1735949400.M103P4242.mx.example.com", tlsrpt)


def broken_beside_good():
    """A truncated gzip attachment beside a good zip: one error, one report (Enterprise Outlook, 8 messages)."""
    broken_name = "mail.example.net!example.com!1735689600!1735775999.xml.gz"
    good_name = "enterprise.protection.outlook.com!example.com!1735689600!1735775999.zip"
    truncated = gz(MAILNET)
    truncated = truncated[:len(truncated) // 2]
    text = headers("Two reports, one broken", sender="dmarc@mail.example.net")
    text += ('Content-Type: multipart/mixed; boundary="bb"\n\n'
             "--bb\nContent-Type: application/gzip\n"
             'Content-Disposition: attachment; filename="%s"\nContent-Transfer-Encoding: base64\n\n' % broken_name
             + b64(truncated)
             + "--bb\nContent-Type: application/zip\n"
             'Content-Disposition: attachment; filename="%s"\nContent-Transfer-Encoding: base64\n\n' % good_name
             + b64(zipped(OUTLOOK, good_name[:-4] + ".xml")) + "--bb--\n")
    write("broken-beside-good.eml", text)


def two_reports():
    """Two reports in one message (Yahoo 6 messages as gzip, mail.example.net 11 messages as zip), and the same
    Google report again inside a forwarded message (message/rfc822): 3 reports, 33 messages."""
    forwarded = headers("Report domain: example.com Submitter: google.com Report-ID: 4711000000000000001")
    forwarded += ('Content-Type: application/zip; name="%s"\nContent-Transfer-Encoding: base64\n\n' % GOOGLE_ZIP
                  + b64(zipped(GOOGLE, GOOGLE_ZIP[:-4] + ".xml")))
    text = headers("Fwd: this week's DMARC reports", sender="postmaster@example.com")
    text += ('Content-Type: multipart/mixed; boundary="two"\n\n'
             "--two\nContent-Type: text/plain\n\nThree reports for the parser.\n"
             "--two\nContent-Type: application/x-gzip\n"
             'Content-Disposition: attachment; filename="yahoo.com!example.org!1735689600!1735775999.xml.gz"\n'
             "Content-Transfer-Encoding: base64\n\n" + b64(gz(YAHOO))
             + "--two\nContent-Type: application/zip\n"
             'Content-Disposition: attachment; filename="mail.example.net!example.org!1735689600!1735775999.zip"\n'
             "Content-Transfer-Encoding: base64\n\n"
             + b64(zipped(MAILNET2, "mail.example.net!example.org!1735689600!1735775999.xml"))
             + "--two\nContent-Type: message/rfc822\nContent-Disposition: attachment\n\n" + forwarded
             + "--two--\n")
    write("two-reports.eml", text)


if __name__ == "__main__":
    gmail_octet_stream()
    gzip_rfc2231()
    nested_alternative()
    quoted_printable()
    mbox()
    maildir()
    broken_beside_good()
    two_reports()

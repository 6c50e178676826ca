#!/usr/bin/env python3
"""Writes Fixtures/mail/ServerMaildir: a Maildir as Dovecot (and Courier before it) leave one on a mail server.

The root holds cur/, new/ and tmp/, the index and state files of Dovecot and Courier, and a Maildir++ folder
.DMARC (where a sieve rule files the reports) with its own cur/, new/, tmp/ and state files. Three reports of
Fixtures/sample arrive as attachments: google.com in cur/, Yahoo in new/, comcast.net in .DMARC/cur/ (with the
Enterprise Outlook one half-delivered in .DMARC/tmp/, which a reader must not touch).

Totals: 3 reports, 12 records, 669 messages (google.com 570, Yahoo 65, comcast.net 34); no file fails.
Run from anywhere: python3 Fixtures/mail/make-server-maildir.py
"""
import os
import shutil
from email.message import EmailMessage
from email.policy import SMTP

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLE = os.path.join(HERE, "..", "sample")
ROOT = os.path.join(HERE, "ServerMaildir")


def write(path, data):
    full = os.path.join(ROOT, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "wb") as out:
        out.write(data.encode() if isinstance(data, str) else data)


def report_message(sample_name, sender, report_id, date):
    message = EmailMessage(policy=SMTP)
    message["From"] = sender
    message["To"] = "dmarc-reports@example.com"
    message["Subject"] = f"Report Domain: example.com Submitter: {sender.split('@')[1]} Report-ID: <{report_id}>"
    message["Date"] = date
    message["Message-ID"] = f"<{report_id}@{sender.split('@')[1]}>"
    message.set_content("This is an aggregate report from " + sender.split("@")[1] + ".")
    with open(os.path.join(SAMPLE, sample_name), "rb") as attachment:
        subtype = "zip" if sample_name.endswith(".zip") else "gzip" if sample_name.endswith(".gz") else "xml"
        maintype = "text" if subtype == "xml" else "application"
        message.add_attachment(attachment.read(), maintype=maintype, subtype=subtype, filename=sample_name)
    return message.as_bytes()


def dovecot_state(folder, uids):
    """The files Dovecot keeps beside a mailbox's cur/ new/ tmp/ (contents shaped like the real ones)."""
    write(folder + "dovecot-uidlist", "3 V1735689600 N%d G3085f01b7f2e4d67a1b5c9d2e0f3a4b5\n" % (len(uids) + 1)
          + "".join(f"{uid} :{name}\n" for uid, name in uids))
    write(folder + "dovecot.index", b"\x07\x03\x00\x00" + b"\x00" * 60)
    write(folder + "dovecot.index.cache", b"\x01\x02\x00\x00" + b"\x00" * 28)
    write(folder + "dovecot.index.log", b"\x01\x03\x00\x00" + b"\x00" * 36)


def main():
    shutil.rmtree(ROOT, ignore_errors=True)
    google = "google.com!example.com!1735689600!1735775999.zip"
    yahoo = "yahoo.com!example.com!1735689600!1735775999.xml.gz"
    comcast = "comcast.net!example.com!1735689600!1735775999.xml"
    outlook = "enterprise.protection.outlook.com!example.com!1735689600!1735776000.xml.gz"
    write("cur/1735776300.M100P4242.mail.example.com,S=4096,W=4150:2,S",
          report_message(google, "noreply-dmarc-support@google.com", "g-0001", "Thu, 02 Jan 2025 00:05:00 +0000"))
    write("new/1735776400.M101P4242.mail.example.com,S=2048,W=2100",
          report_message(yahoo, "dmarchelp@yahoo.com", "y-0001", "Thu, 02 Jan 2025 00:06:40 +0000"))
    write(".DMARC/cur/1735776500.M102P4242.mail.example.com,S=3000,W=3060:2,RS",
          report_message(comcast, "dmarc_reports@comcast.net", "c-0001", "Thu, 02 Jan 2025 00:08:20 +0000"))
    partial = report_message(outlook, "dmarcreport@microsoft.com", "o-0001", "Thu, 02 Jan 2025 00:10:00 +0000")
    write(".DMARC/tmp/1735776600.M103P4242.mail.example.com", partial[: len(partial) // 2])
    # The root's own state: Dovecot, then what Courier left before a migration.
    dovecot_state("", [(1, "1735776300.M100P4242.mail.example.com"), (2, "1735776400.M101P4242.mail.example.com")])
    write("dovecot-uidvalidity", "6774a000\n")
    write("dovecot-uidvalidity.6774a000", "")
    write("dovecot-keywords", "0 $Forwarded\n1 NonJunk\n")
    write("dovecot.list.index", b"\x01\x00\x00\x00" + b"\x00" * 28)
    write("dovecot.list.index.log", b"\x01\x03\x00\x00" + b"\x00" * 36)
    write("dovecot.mailbox.log", b"\x00" * 24)
    write("subscriptions", "V\t2\n\nDMARC\n")
    write("maildirsize", "1000000000S,0C\n4096 1\n2048 1\n")
    write("courierimapuiddb", "1 1735689600 3\n")
    write("courierimapsubscribed", "INBOX.DMARC\n")
    write("courierpop3dsizelist", "/2 1\n")
    write("courierimapkeywords/:list", "$Forwarded\n\n")
    write("courierimapacl", "owner aceilrstwx\n")
    # The Maildir++ folder: its marker file and its own state.
    write(".DMARC/maildirfolder", "")
    dovecot_state(".DMARC/", [(1, "1735776500.M102P4242.mail.example.com")])
    write(".DMARC/new/.keep-folder-in-git", "")  # hidden: skipped like any hidden file


main()

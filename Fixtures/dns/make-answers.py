#!/usr/bin/env python3
"""Writes the DNS answers in this folder, the seeds of Fuzz/run.sh's dns target: raw messages as a server sends
them (no DNS library: each byte is the one meant). Run from anywhere: python3 Fixtures/dns/make-answers.py"""
import os
import struct

HERE = os.path.dirname(os.path.abspath(__file__))


def name(text):
    return b"".join(bytes([len(label)]) + label.encode() for label in text.split(".") if label) + b"\0"


def message(question, qtype, answers=(), authority=(), rcode=0):
    header = struct.pack(">HHHHHH", 7, 0x8180 | rcode, 1, len(answers), len(authority), 0)
    return header + name(question) + struct.pack(">HH", qtype, 1) + b"".join(answers) + b"".join(authority)


def record(owner, rtype, data, ttl=3600):
    return owner + struct.pack(">HHIH", rtype, 1, ttl, len(data)) + data


soa = name("ns.example.com") + name("hostmaster.example.com") + struct.pack(">IIIII", 1, 3600, 600, 86400, 300)
answers = {
    "ptr.bin": message("7.2.0.192.in-addr.arpa", 12, [record(b"\xc0\x0c", 12, name("mail-7.example.com"))]),
    "cname-ptr.bin": message("7.2.0.192.in-addr.arpa", 12, [
        record(b"\xc0\x0c", 5, name("7.0/25.2.0.192.in-addr.arpa"), 60),
        record(b"\xc0\x34", 12, name("host.example.net")),
    ]),
    "nxdomain.bin": message("99.113.0.203.in-addr.arpa", 12, authority=[record(name("arpa"), 6, soa)], rcode=3),
    "a.bin": message("mail-7.example.com", 1, [record(b"\xc0\x0c", 1, bytes([192, 0, 2, 7]))]),
    "aaaa.bin": message("v6.example.org", 28, [record(b"\xc0\x0c", 28, bytes.fromhex("20010db8" + "0" * 23 + "5"))]),
    "bad-name.bin": message("250.2.0.192.in-addr.arpa", 12, [record(b"\xc0\x0c", 12, b"\x08bad_name\x07ex\\.mpl\x00")]),
}
for file, data in answers.items():
    with open(os.path.join(HERE, file), "wb") as f:
        f.write(data)

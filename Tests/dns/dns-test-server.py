#!/usr/bin/env python3
"""A DNS server on 127.0.0.1 (UDP) for the reverse DNS tests and benchmark: answers PTR, A and AAAA queries for the
documentation addresses by rule, with bad answers on purpose for some, and logs every query it gets.

Usage: dns-test-server.py [--mode normal|garbage|silent] [--ttl SECONDS] --log FILE
It prints "port N" once it listens, and stops when its standard input closes (so it never outlives its test).

normal mode, the PTR of
  192.0.2.N     mail-N.example.com, whose A is 192.0.2.N (confirmed)
  198.51.100.N  relay-N.example.net, whose A is 203.0.113.N (not confirmed)
  203.0.113.N   no such name (NXDOMAIN, with an SOA: cached)
  2001:db8::/32 v6-<32 hex digits>.example.org, whose AAAA is the address (confirmed)
  192.0.2.250   bad_name.example.com (not letters, digits and hyphens)
  192.0.2.251   a name of 319 bytes (over 253; sent as raw bytes, no DNS library would write it)
  192.0.2.252   a malformed answer (its record's data runs past the end of the message)
garbage mode: every answer carries the query's ID and question, then an answer section that breaks DNS's rules.
silent mode: logs the query and answers nothing (a resolver that is down).
"""
import argparse
import ipaddress
import socket
import struct
import sys
import threading

from dnslib import AAAA, PTR, QTYPE, RCODE, RR, SOA, A, DNSRecord

ZONE_SOA = SOA("ns.example.com", "hostmaster.example.com", (1, 3600, 600, 86400, 300))


def reverse_address(name):
    """The address a reverse name stands for, or None."""
    labels = name.lower().rstrip(".").split(".")
    if labels[-2:] == ["in-addr", "arpa"] and len(labels) == 6:
        return ipaddress.ip_address(".".join(reversed(labels[:4])))
    if labels[-2:] == ["ip6", "arpa"] and len(labels) == 34:
        return ipaddress.ip_address(int("".join(reversed(labels[:32])), 16))
    return None


def ptr_name(address):
    if address.version == 4:
        network, host = str(address).rsplit(".", 1)
        if network == "192.0.2":
            return "mail-%s.example.com" % host
        if network == "198.51.100":
            return "relay-%s.example.net" % host
        return None
    if address in ipaddress.ip_network("2001:db8::/32"):
        return "v6-%032x.example.org" % int(address)
    return None


def forward_address(name):
    """The A or AAAA record of a name the PTR records give."""
    first, _, domain = name.lower().rstrip(".").partition(".")
    kind, _, tail = first.partition("-")
    if domain == "example.com" and kind == "mail" and tail.isdigit():
        return ipaddress.ip_address("192.0.2." + tail)
    if domain == "example.net" and kind == "relay" and tail.isdigit():
        return ipaddress.ip_address("203.0.113." + tail)
    if domain == "example.org" and kind == "v6" and len(tail) == 32:
        return ipaddress.ip_address(int(tail, 16))
    return None


def raw_answer(query, question, answer_name_labels=None, broken=False):
    """A response built by hand: the query's ID and question, then one PTR record pointing at the question name."""
    header = struct.pack(">HHHHHH", query.header.id, 0x8180, 1, 1, 0, 0)
    if broken:
        return header + question + struct.pack(">HHHIH", 0xC00C, 12, 1, 60, 200) + b"\x04mail"
    rdata = b"".join(bytes([len(label)]) + label for label in answer_name_labels) + b"\x00"
    return header + question + struct.pack(">HHHIH", 0xC00C, 12, 1, 3600, len(rdata)) + rdata


GARBAGE = [
    lambda: struct.pack(">HHHIH", 0xC00C, 12, 1, 60, 2) + b"\xc0\xff",      # a pointer forward (could loop)
    lambda: struct.pack(">HHHIH", 0xC00C, 12, 1, 60, 4) + b"\x80abc",       # a label of a reserved type
    lambda: struct.pack(">HHHIH", 0xC00C, 12, 1, 60, 100) + b"\x03abc",     # data past the end
    lambda: struct.pack(">HH", 0xC00C, 12),                                 # a record cut short
    lambda: struct.pack(">HHHIH", 0xC00C, 1, 1, 60, 3) + b"\x01\x02\x03",   # an A record of 3 bytes
]


def answer(data, mode, ttl, counter):
    query = DNSRecord.parse(data)
    qname, qtype = str(query.q.qname), QTYPE[query.q.qtype]
    # The question as sent, for the answers built by hand: the query's bytes after its 12-byte header.
    question = data[12:12 + len(query.q.qname.label) + sum(len(label) for label in query.q.qname.label) + 1 + 4]
    if mode == "garbage":
        header = struct.pack(">HHHHHH", query.header.id, 0x8180, 1, 1, 0, 0)
        return header + question + GARBAGE[counter % len(GARBAGE)]()
    reply = query.reply()
    if qtype == "PTR":
        address = reverse_address(qname)
        if address == ipaddress.ip_address("192.0.2.250"):
            reply.add_answer(RR(qname, QTYPE.PTR, rdata=PTR("bad_name.example.com"), ttl=ttl))
            return reply.pack()
        if address == ipaddress.ip_address("192.0.2.251"):
            return raw_answer(query, question, [b"a" * 63] * 5)
        if address == ipaddress.ip_address("192.0.2.252"):
            return raw_answer(query, question, broken=True)
        name = ptr_name(address) if address else None
        if name:
            reply.add_answer(RR(qname, QTYPE.PTR, rdata=PTR(name), ttl=ttl))
            return reply.pack()
    elif qtype in ("A", "AAAA"):
        address = forward_address(qname)
        if address and (address.version == 4) == (qtype == "A"):
            record = A(str(address)) if qtype == "A" else AAAA(str(address))
            reply.add_answer(RR(qname, query.q.qtype, rdata=record, ttl=ttl))
            return reply.pack()
        if address:  # the name exists, not with this type: no data
            reply.add_auth(RR("example.com", QTYPE.SOA, rdata=ZONE_SOA, ttl=ttl))
            return reply.pack()
    reply.header.rcode = RCODE.NXDOMAIN
    reply.add_auth(RR("arpa" if qtype == "PTR" else "example.com", QTYPE.SOA, rdata=ZONE_SOA, ttl=ttl))
    return reply.pack()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--mode", choices=("normal", "garbage", "silent"), default="normal")
    parser.add_argument("--ttl", type=int, default=3600)
    parser.add_argument("--log", required=True)
    args = parser.parse_args()
    server = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    server.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 1 << 22)
    server.bind(("127.0.0.1", 0))
    server.settimeout(0.2)
    stop = threading.Event()
    threading.Thread(target=lambda: (sys.stdin.read(), stop.set()), daemon=True).start()
    print("port %d" % server.getsockname()[1], flush=True)
    counter = 0
    with open(args.log, "a") as log:
        while not stop.is_set():
            try:
                data, client = server.recvfrom(4096)
            except socket.timeout:
                continue
            counter += 1
            try:
                query = DNSRecord.parse(data)
                log.write("%s %s\n" % (QTYPE[query.q.qtype], query.q.qname))
                log.flush()
            except Exception:  # noqa: BLE001 - a query we cannot read is logged and dropped
                log.write("unreadable query\n")
                log.flush()
                continue
            if args.mode != "silent":
                server.sendto(answer(data, args.mode, args.ttl, counter), client)


if __name__ == "__main__":
    main()

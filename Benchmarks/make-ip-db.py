#!/usr/bin/env python3
"""Writes an IPinfo-Lite-shaped MaxMind DB for the `--ip-db` benchmark: one network per /16 of the IPv4 space
(65,536, a tree as deep as a real database's), the three IPv4 documentation ranges in /28s and 2001:db8::/32 in
/40s, each with an AS number, AS name, AS domain and country. Needs PyPI's mmdb-writer (run.sh installs it into a
venv under its data folder).

    make-ip-db.py OUT.mmdb
"""
import ipaddress
import random
import sys

from mmdb_writer import MMDBWriter
from netaddr import IPSet

countries = ["US", "DE", "FR", "NL", "GB", "JP", "BR", "IN", "SE", "CH"]
rng = random.Random(9)
writer = MMDBWriter(ip_version=6, ipv4_compatible=True, database_type="ipinfo_lite.mmdb",
                    description={"en": "dmarc-parse benchmark"})


def entry(number):
    return {"asn": "AS%d" % (64500 + number % 500), "as_name": "Network %d" % (number % 500),
            "as_domain": "net%d.example" % (number % 500), "country_code": rng.choice(countries),
            "country": "Somewhere", "continent_code": "EU"}


documentation = [ipaddress.ip_network(n) for n in ("192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24")]
for index in range(1 << 16):
    network = ipaddress.ip_network("%d.%d.0.0/16" % (index >> 8, index & 255))
    if any(network.overlaps(d) for d in documentation) or network.is_multicast or index >> 8 >= 240:
        continue
    writer.insert_network(IPSet([str(network)]), entry(index))
for network in documentation:
    for index, subnet in enumerate(network.subnets(new_prefix=28)):
        writer.insert_network(IPSet([str(subnet)]), entry(index))
for index, subnet in enumerate(ipaddress.ip_network("2001:db8::/32").subnets(new_prefix=40)):
    writer.insert_network(IPSet([str(subnet)]), entry(index))
writer.to_db_file(sys.argv[1])

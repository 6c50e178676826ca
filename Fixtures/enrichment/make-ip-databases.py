#!/usr/bin/env python3
"""Writes the small IP databases the enrichment tests read, into Fixtures/enrichment/.

Each imitates the layout of a free database a user would pass to --ip-db, over documentation addresses only
(RFC 5737, RFC 3849) with made-up networks from the documentation AS range (RFC 5398):
- geolite2-country.mmdb, dbip-country-lite.mmdb: `country.iso_code` (MaxMind's and DB-IP's country layout);
- geolite2-asn.mmdb: `autonomous_system_number`, `autonomous_system_organization` (also DB-IP's ASN lite);
- ipv4-only-asn.mmdb: the same, in a database of IPv4 addresses only (IPv6 lookups find nothing, silently);
- ipinfo-lite.mmdb: flat `asn` ("AS64500"), `as_name`, `as_domain`, `country_code` (IPinfo Lite);
- city-without-country.mmdb: a City-like layout with none of those fields (a warning, never a crash);
- truncated.mmdb, corrupted.mmdb: the ASN file cut in half, and with its search tree overwritten;
- geoip, geoip6: Debian tor-geoipdb's text layout (`FROM,TO,CC`, IPv4 as integers).

Needs PyPI's mmdb-writer: Tests/enrichment/make-ip-databases.sh makes a venv under .build-enrichment/ and runs this.
Run it again after changing it, and commit the files it writes.
"""
import ipaddress
import os

from mmdb_writer import MMDBWriter, MmdbU32
from netaddr import IPSet

here = os.path.dirname(os.path.abspath(__file__))


def write(name, database_type, networks, ip_version=6):
    writer = MMDBWriter(ip_version=ip_version, ipv4_compatible=ip_version == 6, database_type=database_type,
                        languages=["en"], description={"en": "dmarc-parse test fixture"})
    for network, content in networks:
        writer.insert_network(IPSet([network]), content)
    writer.to_db_file(os.path.join(here, name))


countries = [("192.0.2.0/25", "US"), ("198.51.100.0/24", "DE"), ("203.0.113.0/24", "FR"), ("2001:db8::/48", "NL")]
write("geolite2-country.mmdb", "GeoLite2-Country",
      [(net, {"country": {"iso_code": cc, "names": {"en": cc}}, "continent": {"code": "EU"}}) for net, cc in countries])
write("dbip-country-lite.mmdb", "DBIP-Country-Lite",
      [(net, {"country": {"iso_code": cc}, "continent": {"code": "EU"}}) for net, cc in countries])

networks = [("192.0.2.0/24", 64500, "Example Mail Hosting"), ("198.51.100.0/24", 64501, "SendGrid, Inc."),
            ("2001:db8::/32", 64502, "Documentation Net")]
write("geolite2-asn.mmdb", "GeoLite2-ASN",
      [(net, {"autonomous_system_number": MmdbU32(asn), "autonomous_system_organization": name})
       for net, asn, name in networks])
write("ipv4-only-asn.mmdb", "GeoLite2-ASN",
      [(net, {"autonomous_system_number": MmdbU32(asn), "autonomous_system_organization": name})
       for net, asn, name in networks if ":" not in net], ip_version=4)
write("ipinfo-lite.mmdb", "ipinfo_lite.mmdb", [
    ("192.0.2.0/24", {"asn": "AS64500", "as_name": "Example Mail Hosting", "as_domain": "example.net",
                      "country_code": "US", "country": "United States", "continent_code": "NA"}),
    ("198.51.100.0/24", {"asn": "AS64501", "as_name": "SendGrid, Inc.", "as_domain": "sendgrid.com",
                         "country_code": "DE", "country": "Germany", "continent_code": "EU"}),
    ("2001:db8::/32", {"asn": "AS64502", "as_name": "Documentation Net", "as_domain": "example.org",
                       "country_code": "NL", "country": "Netherlands", "continent_code": "EU"}),
    ("203.0.113.0/25", {"asn": "AS64510", "as_name": "Example Cloud Hosting", "as_domain": "cloud.example.net",
                        "country_code": "JP", "country": "Japan", "continent_code": "AS"}),
    ("203.0.113.128/25", {"asn": "AS64511", "as_name": "Example Broadband", "as_domain": "isp.example",
                          "country_code": "BR", "country": "Brazil", "continent_code": "SA"}),
])
write("city-without-country.mmdb", "Example-City",
      [("192.0.2.0/24", {"city": {"names": {"en": "Springfield"}}, "location": {"time_zone": "America/Chicago"}})])

with open(os.path.join(here, "geolite2-asn.mmdb"), "rb") as file:
    whole = file.read()
with open(os.path.join(here, "truncated.mmdb"), "wb") as file:
    file.write(whole[:len(whole) // 2])
# The search tree is at the start: pointers past the data section, so a lookup fails, while the metadata at the
# end still opens.
with open(os.path.join(here, "corrupted.mmdb"), "wb") as file:
    file.write(b"\xff" * 64 + whole[64:])


def tor_line(first, last, cc, v4):
    if v4:
        return f"{int(ipaddress.ip_address(first))},{int(ipaddress.ip_address(last))},{cc}\n"
    return f"{first},{last},{cc}\n"


header = "# A small file in the layout of Debian's tor-geoipdb (IPFire Location data), for the tests.\n"
with open(os.path.join(here, "geoip"), "w") as file:
    file.write(header)
    file.write(tor_line("192.0.2.0", "192.0.2.127", "SE", True))
    file.write(tor_line("192.0.2.128", "192.0.2.255", "??", True))
    file.write(tor_line("198.51.100.0", "198.51.100.255", "CH", True))
    file.write(tor_line("203.0.113.0", "203.0.113.255", "JP", True))
with open(os.path.join(here, "geoip6"), "w") as file:
    file.write(header)
    file.write(tor_line("2001:db8::", "2001:db8:0:ffff:ffff:ffff:ffff:ffff", "BR", False))

#!/usr/bin/env python3
"""Writes Fixtures/audit-cases: one folder per case the audit's verdicts must get right (issue 14), each a few
reports written for it. The output is deterministic.

- old-reporter:     an AOL-style report whose policy_evaluated has no <dkim>/<spf>; auth_results pass and align
- mostly-passing:   a sender passing 3 of 4 messages (the 4th from an old reporter, derived as passing)
- steady-outside-spf: own server softfailing SPF every day for 5 days among 40 one-off spoofers
- two-domains:      one source sending as example.com (aligned) and as example.org (SPF fails for the domain)
- subdomain-return-path: SPF passes for bounce.mail.example.co.uk, relaxed: aligned with example.co.uk;
                     strict (aspf=s) in a second policy domain: not aligned
- esp-self-signed:  an ESP (SendGrid) signing as itself, and a private-suffix look-alike (alice.github.io
                     signing for bob.github.io)
- forwarded-own-server: own server passing, its only failures forwarded (its signature broken on the way)
- dkim-key-missing: the domain's signature failing at the source, every day: an ESP (SendGrid) signing as
                     example.com with no key published (permerror), another (Mailgun) whose key is stale (fail, SPF
                     passing for its return path), the domain's relay signing with a retired key; beside them a
                     forwarder (fail, SPF passing for its own domain), a mailing list relaying through Amazon SES
                     (fail of a key that passes elsewhere), an ESP (Postmark) with one day's temperror, and one-off
                     spoofers with a made-up selector (permerror)
- spf-permerror:    the domain's SPF record broken (permerror), every day: its own server, which does not sign, fails;
                     a service signing as the domain passes; one-off spoofers get the same permerror
"""
import os

DAY = 86400
BASE = 1735689600  # 2025-01-01


def record(ip, count, header_from, dkim_eval, spf_eval, dkim=(), spf=(), reason=None):
    evaluated = "<disposition>none</disposition>"
    if dkim_eval is not None:
        evaluated += f"<dkim>{dkim_eval}</dkim>"
    if spf_eval is not None:
        evaluated += f"<spf>{spf_eval}</spf>"
    if reason:
        evaluated += f"<reason><type>{reason}</type></reason>"
    auth = "".join(f"<dkim><domain>{d}</domain><selector>{s}</selector><result>{r}</result></dkim>" for d, s, r in dkim)
    auth += "".join(f"<spf><domain>{d}</domain><scope>{scope}</scope><result>{r}</result></spf>" for d, r, scope in spf)
    return (f"  <record><row><source_ip>{ip}</source_ip><count>{count}</count><policy_evaluated>{evaluated}"
            f"</policy_evaluated></row><identifiers><header_from>{header_from}</header_from></identifiers>"
            f"<auth_results>{auth}</auth_results></record>\n")


def report(org, report_id, day, domain, records, adkim="r", aspf="r", p="none"):
    begin = BASE + day * DAY
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<feedback>\n  <report_metadata><org_name>{org}</org_name>'
            f"<email>dmarc@{org.lower()}</email><report_id>{report_id}</report_id><date_range><begin>{begin}</begin>"
            f"<end>{begin + DAY - 1}</end></date_range></report_metadata>\n"
            f"  <policy_published><domain>{domain}</domain><adkim>{adkim}</adkim><aspf>{aspf}</aspf><p>{p}</p>"
            f"<sp>{p}</sp><pct>100</pct></policy_published>\n" + "".join(records) + "</feedback>\n")


root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "audit-cases")


def write(case, name, text):
    os.makedirs(os.path.join(root, case), exist_ok=True)
    with open(os.path.join(root, case, name), "w") as f:
        f.write(text)


own_dkim = [("example.com", "s1", "pass")]
own_spf = [("example.com", "pass", "mfrom")]

write("old-reporter", "aol.xml", report("AOL", "aol-1", 0, "example.com", [
    record("192.0.2.10", 4, "example.com", None, None, dkim=own_dkim, spf=own_spf),
    record("192.0.2.11", 2, "example.com", None, None, spf=[("bounce.example.com", "pass", "mfrom")]),
    record("203.0.113.5", 1, "example.com", None, None, spf=[("example.com", "fail", "mfrom")]),
]))

write("mostly-passing", "google.xml", report("google.com", "g-1", 0, "example.com", [
    record(f"209.85.220.{n}", 1, "example.com", "pass", "pass", dkim=own_dkim, spf=own_spf) for n in (1, 2, 3)
]))
write("mostly-passing", "aol.xml", report("AOL", "aol-2", 1, "example.com", [
    record("209.85.220.4", 1, "example.com", None, None, dkim=own_dkim, spf=own_spf),
]))

for day in range(5):
    spoofers = [record(f"203.0.113.{day * 8 + n}", 1 + n % 3, "example.com", "fail", "fail",
                       spf=[("example.com", "fail", "mfrom")]) for n in range(8)]
    write("steady-outside-spf", f"day{day}.xml", report("google.com", f"steady-{day}", day, "example.com", [
        record("192.0.2.10", 200, "example.com", "pass", "pass", dkim=own_dkim, spf=own_spf),
        # The office server: never signs, softfails SPF, every day, a few messages.
        record("192.0.2.77", 3, "example.com", "fail", "fail", spf=[("example.com", "softfail", "mfrom")]),
    ] + spoofers))

write("two-domains", "google.xml", report("google.com", "two-1", 0, "example.com", [
    record("192.0.2.10", 50, "example.com", "pass", "pass", dkim=own_dkim, spf=own_spf),
]))
write("two-domains", "google-org.xml", report("google.com", "two-2", 0, "example.org", [
    record("192.0.2.10", 20, "example.org", "fail", "fail", spf=[("example.org", "softfail", "mfrom")]),
]))

write("subdomain-return-path", "relaxed.xml", report("google.com", "sub-1", 0, "example.co.uk", [
    record("198.51.100.9", 30, "example.co.uk", "fail", "pass", spf=[("bounce.mail.example.co.uk", "pass", "mfrom")]),
]))
write("subdomain-return-path", "strict.xml", report("google.com", "sub-2", 0, "example.net", [
    record("198.51.100.9", 12, "example.net", None, None, spf=[("bounce.example.net", "pass", "mfrom")]),
], aspf="s"))

write("esp-self-signed", "google.xml", report("google.com", "esp-1", 0, "example.com", [
    record("198.51.100.20", 80, "example.com", "fail", "fail",
           dkim=[("sendgrid.net", "s1", "pass")], spf=[("u123.wl.sendgrid.net", "pass", "mfrom")]),
]))
write("esp-self-signed", "pages.xml", report("google.com", "esp-2", 0, "bob.github.io", [
    record("198.51.100.40", 15, "bob.github.io", None, None,
           dkim=[("alice.github.io", "k1", "pass")], spf=[("alice.github.io", "pass", "mfrom")]),
]))

write("forwarded-own-server", "google.xml", report("google.com", "fwd-1", 0, "example.com", [
    record("192.0.2.10", 300, "example.com", "pass", "pass", dkim=own_dkim, spf=own_spf),
    # The same server's mail, forwarded by a list that says so.
    record("192.0.2.10", 6, "example.com", "fail", "fail", dkim=[("example.com", "s1", "fail")],
           spf=[("example.com", "pass", "helo")], reason="mailing_list"),
]))
for day in range(5):
    spoofers = [record(f"203.0.113.{day * 4 + n}", 1, "example.com", "fail", "fail",
                       dkim=[("example.com", "fake", "permerror")], spf=[("example.com", "fail", "mfrom")])
                for n in range(4)]
    write("dkim-key-missing", f"day{day}.xml", report("google.com", f"key-{day}", day, "example.com", [
        record("192.0.2.10", 200, "example.com", "pass", "pass", dkim=own_dkim, spf=own_spf),
        record("198.51.100.20", 40, "example.com", "fail", "fail", dkim=[("example.com", "s2", "permerror")],
               spf=[("em123.sendgrid.net", "pass", "mfrom")]),
        record("198.51.100.30", 30, "example.com", "fail", "fail", dkim=[("example.com", "mg", "fail")],
               spf=[("bounce.mailgun.org", "pass", "mfrom")]),
        record("198.51.100.90", 3, "example.com", "fail", "fail", dkim=[("example.com", "s1", "fail")],
               spf=[("fwd.example.net", "pass", "mfrom")]),
        # The domain's own relay, still signing with a retired key: it fails every day, wherever it goes.
        record("192.0.2.41", 25, "example.com", "fail", "fail", dkim=[("example.com", "relay2023", "fail")],
               spf=[("example.com", "softfail", "mfrom")]),
        # A partner's mailing list relaying through Amazon SES breaks the domain's signature (s1 passes elsewhere).
        record("54.240.8.13", 5, "example.com", "fail", "fail", dkim=[("example.com", "s1", "fail")],
               spf=[("amazonses.com", "pass", "mfrom")]),
        # Postmark signing as the domain, and one day a receiver's DNS could not fetch the key (temperror).
        record("50.31.156.10", 50, "example.com", "pass", "fail", dkim=[("example.com", "pm", "pass")],
               spf=[("pm-bounces.postmarkapp.com", "pass", "mfrom")]),
    ] + ([record("50.31.156.10", 5, "example.com", "fail", "fail", dkim=[("example.com", "pm", "temperror")],
                 spf=[("pm-bounces.postmarkapp.com", "pass", "mfrom")])] if day == 0 else []) + spoofers))
for day in range(5):
    spoofers = [record(f"203.0.113.{day * 4 + n}", 1, "example.com", "fail", "fail",
                       spf=[("example.com", "permerror", "mfrom")]) for n in range(4)]
    write("spf-permerror", f"day{day}.xml", report("google.com", f"perm-{day}", day, "example.com", [
        record("192.0.2.25", 20, "example.com", "fail", "fail", spf=[("example.com", "permerror", "mfrom")]),
        record("198.51.100.20", 60, "example.com", "pass", "fail", dkim=[("example.com", "s1", "pass")],
               spf=[("example.com", "permerror", "mfrom")]),
    ] + spoofers))

-- Source IPs failing both SPF and DKIM (policy_evaluated), messages summed, largest first.
SELECT source_ip,
       sum(count) AS messages,
       string_agg(DISTINCT reporter, ',' ORDER BY reporter) AS reporters
FROM read_json('records.ndjson')
WHERE coalesce(dkim, '') <> 'pass' AND coalesce(spf, '') <> 'pass'
GROUP BY source_ip
ORDER BY messages DESC, source_ip;

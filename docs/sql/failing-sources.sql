-- Source IPs failing DMARC (dmarc_result: policy_evaluated, else derived from auth_results), messages summed, largest first.
SELECT source_ip,
       sum(count) AS messages,
       string_agg(DISTINCT reporter, ',' ORDER BY reporter) AS reporters
FROM read_json('records.ndjson')
WHERE dmarc_result = 'fail'
GROUP BY source_ip
ORDER BY messages DESC, source_ip;

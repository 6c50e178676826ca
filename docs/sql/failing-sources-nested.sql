-- The same over the nested --reports documents: one row per record, from each report's records array.
-- The documents hold what reports say, so this reads policy_evaluated only: a record without its <dkim>/<spf>
-- (old AOL reports) counts as failing here, where the flat export's dmarc_result derives it from auth_results.
SELECT r.source_ip,
       sum(r.count) AS messages,
       string_agg(DISTINCT reporter, ',' ORDER BY reporter) AS reporters
FROM (SELECT reporter, unnest(records) AS r FROM read_json('reports.ndjson'))
WHERE coalesce(r.dkim, '') <> 'pass' AND coalesce(r.spf, '') <> 'pass'
GROUP BY r.source_ip
ORDER BY messages DESC, r.source_ip;

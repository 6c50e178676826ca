-- The records export with every column's type spelled out, instead of detected from the first rows.
CREATE VIEW records AS
FROM read_json('records.ndjson', format = 'newline_delimited', columns = {
    'reporter': 'VARCHAR', 'report_id': 'VARCHAR', 'begin': 'TIMESTAMP', 'end': 'TIMESTAMP',
    'policy_domain': 'VARCHAR', 'source_ip': 'VARCHAR', 'count': 'UBIGINT', 'disposition': 'VARCHAR',
    'dkim': 'VARCHAR', 'spf': 'VARCHAR', 'header_from': 'VARCHAR', 'envelope_from': 'VARCHAR',
    'dkim_auth': 'STRUCT(domain VARCHAR, selector VARCHAR, result VARCHAR, human_result VARCHAR)[]',
    'spf_auth': 'STRUCT(domain VARCHAR, scope VARCHAR, result VARCHAR, human_result VARCHAR)[]',
    'begin_epoch': 'BIGINT', 'end_epoch': 'BIGINT', 'org_name': 'VARCHAR', 'email': 'VARCHAR',
    'extra_contact_info': 'VARCHAR', 'schema': 'VARCHAR', 'version': 'VARCHAR', 'generator': 'VARCHAR',
    'errors': 'VARCHAR[]', 'adkim': 'VARCHAR', 'aspf': 'VARCHAR', 'p': 'VARCHAR', 'sp': 'VARCHAR',
    'np': 'VARCHAR', 'pct': 'INTEGER', 'fo': 'VARCHAR', 'testing': 'VARCHAR', 'discovery_method': 'VARCHAR',
    'envelope_to': 'VARCHAR', 'reasons': 'STRUCT(type VARCHAR, comment VARCHAR)[]',
    'dmarc_result': 'VARCHAR', 'dmarc_result_source': 'VARCHAR',
    -- With --enrich, --ip-db or --resolve (null otherwise):
    'ptr': 'VARCHAR', 'ptr_confirmed': 'BOOLEAN', 'service': 'VARCHAR', 'asn': 'UINTEGER', 'as_name': 'VARCHAR',
    'country': 'VARCHAR'
});

SELECT 'vehicle_telemetry' AS dataset, count(*) AS records, CAST(max(event_time) AS varchar) AS latest_event_time FROM ${vehicle_telemetry_stage}
UNION ALL
SELECT 'clickstream' AS dataset, count(*) AS records, CAST(max(event_time) AS varchar) AS latest_event_time FROM ${clickstream_stage}

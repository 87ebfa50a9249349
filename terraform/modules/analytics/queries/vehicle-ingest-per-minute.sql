SELECT layer, minute, count(*) AS records
FROM (
  SELECT 'raw' AS layer, replace(substr(event_time, 1, 16), 'T', ' ') AS minute FROM ${vehicle_telemetry_raw}
  UNION ALL
  SELECT 'stage' AS layer, substr(CAST(event_time AS varchar), 1, 16) AS minute FROM ${vehicle_telemetry_stage}
) AS arrivals
GROUP BY layer, minute
ORDER BY minute DESC, layer
LIMIT 240

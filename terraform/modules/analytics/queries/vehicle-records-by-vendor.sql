SELECT vendor, count(*) AS records
FROM ${vehicle_telemetry_stage}
GROUP BY vendor
ORDER BY records DESC, vendor

SELECT vendor, count(DISTINCT vehicle_id) AS vehicles, round(avg(vehicle_status_speed_kmh), 1) AS avg_speed_kmh, max(vehicle_status_speed_kmh) AS max_speed_kmh
FROM ${vehicle_telemetry_stage}
GROUP BY vendor
ORDER BY avg_speed_kmh DESC, vendor

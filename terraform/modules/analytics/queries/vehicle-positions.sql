SELECT vehicle_id, max_by(vendor, event_time) AS vendor, max_by(vehicle_status_status, event_time) AS status, max_by(vehicle_status_speed_kmh, event_time) AS speed_kmh, max_by(gps_info_latitude, event_time) AS latitude, max_by(gps_info_longitude, event_time) AS longitude, CAST(max(event_time) AS varchar) AS last_seen
FROM ${vehicle_telemetry_stage}
GROUP BY vehicle_id
ORDER BY vehicle_id

SELECT event_date, count(DISTINCT CASE WHEN action = 'view' THEN session_id END) AS viewed, count(DISTINCT CASE WHEN action = 'click' THEN session_id END) AS clicked, count(DISTINCT CASE WHEN action = 'add_to_cart' THEN session_id END) AS added_to_cart, count(DISTINCT CASE WHEN action = 'checkout' THEN session_id END) AS checked_out, count(DISTINCT CASE WHEN action = 'purchase' THEN session_id END) AS purchased
FROM ${clickstream_stage}
GROUP BY event_date
ORDER BY event_date

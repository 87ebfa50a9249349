SELECT action, count(*) AS events
FROM ${clickstream_stage}
GROUP BY action
ORDER BY events DESC, action

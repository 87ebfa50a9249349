SELECT page_url AS page, count(*) AS events
FROM ${clickstream_stage}
GROUP BY page_url
ORDER BY events DESC, page
LIMIT 20

"""Stand-in for Glue's awsglue package (see ../README.md); only what pipeline_etl imports."""

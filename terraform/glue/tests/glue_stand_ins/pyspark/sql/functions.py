"""Stand-in for pyspark.sql.functions: importable only."""

"""Stand-in for pyspark (see ../README.md): importable; SparkContext.getOrCreate marks that the job reached Spark."""

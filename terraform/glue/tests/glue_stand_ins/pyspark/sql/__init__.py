"""Stand-in for pyspark.sql: importable only."""


class Window:
    pass

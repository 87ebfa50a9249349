"""Stand-in for awsglue.context: importable; never constructed, because SparkContext stops the job first."""

from __future__ import annotations

from typing import Any


class GlueContext:
    def __init__(self, spark_context: Any) -> None:
        raise AssertionError("the stand-in GlueContext is not meant to run")

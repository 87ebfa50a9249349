"""Stand-in for awsglue.job: the option lists awsglue's argument parser reserves, and a Job that is never run."""

from __future__ import annotations

from typing import Any

# The options Glue passes itself and awsglue's parser registers on its own (first entry: the option, then its choices).
JOB_BOOKMARK_OPTION = ["--job-bookmark-option", "job-bookmark-enable", "job-bookmark-pause", "job-bookmark-disable"]
CONTINUATION_OPTION = ["--continuation-option", "continuation-enabled", "continuation-readonly", "continuation-ignore"]
JOB_BOOKMARK_RANGE = ["--job-bookmark-from", "--job-bookmark-to"]
# --JOB_NAME is an id parameter too, but awsglue lets scripts ask for it (every Glue example does).
ID_PARAMETERS = ["--JOB_ID", "--JOB_RUN_ID", "--SECURITY_CONFIGURATION"]
ENCRYPTION_TYPE = ["--encryption-type", "sse-s3"]


class Job:
    def __init__(self, glue_context: Any) -> None:
        raise AssertionError("the stand-in Job is not meant to run: SparkContext stops the job first")

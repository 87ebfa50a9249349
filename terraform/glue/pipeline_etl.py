"""Glue 5.0 (Spark 3.5, Python 3.11) job: a dataset's raw JSON table → flattened, deduplicated Parquet in stage.

The contract (arguments, steps, run summary, flatten rule) is docs/orchestration.md. The column plan
comes from pipeline_flatten (shipped beside this script with --extra-py-files), the same rule LocalCloud
implements with DuckDB. awsglue, pyspark and boto3 are imported inside main() only, so the pure
functions here can be imported and tested where Spark is not installed.
"""

from __future__ import annotations

import json
import logging
import math
import re
import secrets
import sys
from dataclasses import dataclass
from typing import Any, Iterable, Mapping, Sequence

import pipeline_flatten as flatten

LOG = logging.getLogger("pipeline_etl")

# Arguments awsglue's getResolvedOptions registers itself: asking for one of them again raises
# "RuntimeError: Using reserved arguments --<name>". The parser still fills the ones present in argv in
# (as JOB_ID, JOB_RUN_ID, job_bookmark_option, ...), so the job reads them from the resolved options.
GLUE_RESERVED_ARGUMENTS = (
    "JOB_ID",
    "JOB_RUN_ID",
    "SECURITY_CONFIGURATION",
    "job-bookmark-option",
    "job-bookmark-from",
    "job-bookmark-to",
    "continuation-option",
    "encryption-type",
)

# Glue passes every argument as --name value; these the deployment always sets (the job's default
# arguments, docs/orchestration.md), plus JOB_NAME, which Glue passes to every run.
REQUIRED_ARGUMENTS = (
    "JOB_NAME",
    "dataset",
    "database",
    "raw_table",
    "stage_table",
    "stage_path",
    "partition_keys",
    "id_field",
    "time_field",
    "output_compression",
    "run_summary_path",
)
# Without --partitions the job considers every raw partition; the bookmark still skips processed objects.
OPTIONAL_ARGUMENTS = ("partitions", "traceparent", "source_event_id")
COMPRESSIONS = ("snappy", "gzip")

# Internal column names start with "__": flattened names never do (snake_case trims leading "_").
SOURCE_FILE_COLUMN = "__pipeline_source_file"
SEQUENCE_COLUMN = "__pipeline_sequence"
RANK_COLUMN = "__pipeline_rank"
SALT_COLUMN = "__pipeline_salt"

# About 100-150 MB of snappy Parquet for our rows: large enough for Athena, small enough for one task.
TARGET_ROWS_PER_FILE = 1_000_000

HIVE_DEFAULT_PARTITION = "__HIVE_DEFAULT_PARTITION__"
_TRACEPARENT = re.compile(r"00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})")
_S3_URI = re.compile(r"s3://([^/]+)/(.*)")


@dataclass(frozen=True)
class JobArguments:
    job_name: str
    job_run_id: str
    dataset: str
    database: str
    raw_table: str
    stage_table: str
    stage_path: str
    partition_keys: tuple[str, ...]
    id_field: str
    time_field: str
    output_compression: str
    run_summary_path: str
    partitions: tuple[dict[str, str], ...] | None
    traceparent: str | None
    source_event_id: str | None


def optional_arguments(argv: Sequence[str]) -> list[str]:
    """The optional arguments present in argv: getResolvedOptions fails on any name it cannot find."""
    return [name for name in OPTIONAL_ARGUMENTS if f"--{name}" in argv]


def requested_arguments(argv: Sequence[str]) -> list[str]:
    """The names to ask getResolvedOptions for: never one it reserves (it refuses those)."""
    return list(REQUIRED_ARGUMENTS) + optional_arguments(argv)


def parse_arguments(resolved: Mapping[str, str]) -> JobArguments:
    """Checks the resolved job arguments; a bad one raises ValueError naming it (the run fails clearly)."""
    missing = [name for name in REQUIRED_ARGUMENTS + ("JOB_RUN_ID",) if not resolved.get(name)]
    if missing:
        raise ValueError("missing job arguments: " + ", ".join(f"--{name}" for name in missing))
    compression = resolved["output_compression"].strip().lower()
    if compression not in COMPRESSIONS:
        raise ValueError(f"--output_compression must be one of {', '.join(COMPRESSIONS)}, got '{resolved['output_compression']}'")
    keys = tuple(k.strip() for k in resolved["partition_keys"].split(",") if k.strip())
    if not keys:
        raise ValueError("--partition_keys must name at least one column")
    if len(set(keys)) != len(keys):
        raise ValueError(f"--partition_keys repeats a column: {resolved['partition_keys']}")
    for name in ("stage_path", "run_summary_path"):
        if not _S3_URI.fullmatch(resolved[name]) or not resolved[name].endswith("/"):
            raise ValueError(f"--{name} must be an s3://bucket/prefix/ URI ending in '/', got '{resolved[name]}'")
    return JobArguments(
        job_name=resolved["JOB_NAME"],
        job_run_id=resolved["JOB_RUN_ID"],
        dataset=resolved["dataset"],
        database=resolved["database"],
        raw_table=resolved["raw_table"],
        stage_table=resolved["stage_table"],
        stage_path=resolved["stage_path"],
        partition_keys=keys,
        id_field=resolved["id_field"],
        time_field=resolved["time_field"],
        output_compression=compression,
        run_summary_path=resolved["run_summary_path"],
        partitions=tuple(flatten.parse_partitions(resolved["partitions"])) if resolved.get("partitions") else None,
        traceparent=resolved.get("traceparent") or None,
        source_event_id=resolved.get("source_event_id") or None,
    )


@dataclass(frozen=True)
class StagePartitionKey:
    """A stage partition column: taken from the flattened row, or derived from the time field."""

    name: str
    derived_from_time: bool


def stage_partition_keys(plan: Sequence[flatten.PlannedColumn], keys: Iterable[str], time_field: str) -> list[StagePartitionKey]:
    """Resolves --partition_keys against the plan.

    Raw records carry no `event_date` (the transformer returns it to Firehose as a partition key, not
    in the record), so a key `<x>_date` that is not a column, where the time field's output name is
    `<x>_time` or `<x>`, is the time field's UTC calendar date (yyyy-MM-dd), as the transformer computes it.
    """
    names = {c.name for c in plan}
    time_name = flatten.output_name(plan, time_field)
    stem = time_name[: -len("_time")] if time_name.endswith("_time") else time_name
    result = []
    for key in keys:
        if key in names:
            result.append(StagePartitionKey(key, False))
        elif key == f"{stem}_date":
            result.append(StagePartitionKey(key, True))
        else:
            raise ValueError(
                f"partition key '{key}' is not a column of the flattened table (columns: {', '.join(sorted(names))})"
            )
    return result


def _escape_partition_value(value: str) -> str:
    # Hive's (and Spark's) escaping of partition folder names.
    escaped = []
    for char in value:
        if ord(char) < 0x20 or ord(char) == 0x7F or char in "\"#%'*/:=?\\{[]^":
            escaped.append(f"%{ord(char):02X}")
        else:
            escaped.append(char)
    return "".join(escaped)


def partition_path(keys: Sequence[str], values: Sequence[Any]) -> str:
    """`vendor=x/event_date=2026-11-22`, escaped as the Parquet writer names the folders."""
    parts = []
    for key, value in zip(keys, values, strict=True):
        text = HIVE_DEFAULT_PARTITION if value is None or value == "" else _escape_partition_value(str(value))
        parts.append(f"{key}={text}")
    return "/".join(parts)


def files_for_partition(rows: int, rows_per_file: int = TARGET_ROWS_PER_FILE) -> int:
    return max(1, math.ceil(rows / rows_per_file))


def summary_location(run_summary_path: str, job_name: str, job_run_id: str) -> tuple[str, str]:
    """(bucket, key) of `<run_summary_path><job name>/<job run id>.json`."""
    match = _S3_URI.fullmatch(run_summary_path)
    if not match:
        raise ValueError(f"--run_summary_path must be an s3:// URI, got '{run_summary_path}'")
    return match.group(1), f"{match.group(2)}{job_name}/{job_run_id}.json"


def run_summary(
    args: JobArguments, rows_read: int, rows_written: int, files_written: int, partitions: Iterable[str]
) -> dict[str, Any]:
    return {
        "job_name": args.job_name,
        "job_run_id": args.job_run_id,
        "dataset": args.dataset,
        "rows_read": rows_read,
        "rows_written": rows_written,
        "duplicates_dropped": rows_read - rows_written,
        "files_written": files_written,
        "partitions": sorted(set(partitions)),
    }


def child_traceparent(parent: str | None) -> str | None:
    """A W3C traceparent for this job's work, in the caller's trace; None when there is no valid parent."""
    match = _TRACEPARENT.fullmatch(parent or "")
    if not match or match.group(1) == "0" * 32 or match.group(2) == "0" * 16:
        return None
    return f"00-{match.group(1)}-{secrets.token_hex(8)}-{match.group(3)}"


def present_paths(schema: Mapping[str, Any]) -> set[tuple[str, ...]]:
    """Every field path (structs and their leaves) of a Spark schema given as `DataFrame.schema.jsonValue()`."""
    paths: set[tuple[str, ...]] = set()

    def visit(prefix: tuple[str, ...], struct: Mapping[str, Any]) -> None:
        for field in struct.get("fields", []):
            path = prefix + (field["name"],)
            paths.add(path)
            if isinstance(field["type"], Mapping) and field["type"].get("type") == "struct":
                visit(path, field["type"])

    visit((), schema)
    return paths


def _log(event: str, **fields: Any) -> None:
    # One JSON object per line in /aws-glue/jobs/output, easy to query with Logs Insights.
    LOG.info(json.dumps({"event": event, **fields}, default=str, sort_keys=False))


def main() -> None:
    from awsglue.context import GlueContext
    from awsglue.dynamicframe import DynamicFrame
    from awsglue.job import Job
    from awsglue.utils import getResolvedOptions
    from pyspark.context import SparkContext
    from pyspark.sql import Window
    from pyspark.sql import functions as F
    import boto3

    # Our own handler: Glue configures the root logger itself, so basicConfig could be a no-op.
    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(logging.Formatter("%(message)s"))
    LOG.addHandler(handler)
    LOG.setLevel(logging.INFO)
    LOG.propagate = False
    # JOB_RUN_ID is not requested (awsglue reserves it) but the parser fills it in from Glue's own argv.
    resolved = getResolvedOptions(sys.argv, requested_arguments(sys.argv))
    args = parse_arguments(resolved)

    # Glue has no OpenTelemetry SDK by default, so the trace is continued by logging: the caller's
    # traceparent and this run's child span id, which a log-to-trace correlation can join on.
    _log(
        "job_started",
        job_name=args.job_name,
        job_run_id=args.job_run_id,
        dataset=args.dataset,
        traceparent=args.traceparent,
        job_traceparent=child_traceparent(args.traceparent),
        source_event_id=args.source_event_id,
        partitions="all" if args.partitions is None else len(args.partitions),
    )

    spark_context = SparkContext.getOrCreate()
    glue_context = GlueContext(spark_context)
    spark = glue_context.spark_session
    # The flatten rule stores times as UTC; to_timestamp of a zoned string is exact in any zone, but
    # the session zone also decides how the timestamp is rendered and partitioned by date.
    spark.conf.set("spark.sql.session.timeZone", "UTC")
    job = Job(glue_context)
    job.init(args.job_name, resolved)

    glue = boto3.client("glue")
    raw_columns = glue.get_table(DatabaseName=args.database, Name=args.raw_table)["Table"]["StorageDescriptor"]["Columns"]
    plan = flatten.plan_columns(raw_columns, args.time_field)
    id_name = flatten.output_name(plan, args.id_field)
    time_name = flatten.output_name(plan, args.time_field)
    keys = stage_partition_keys(plan, args.partition_keys, args.time_field)
    key_names = [k.name for k in keys]

    rows_read = rows_written = files_written = 0
    partitions_written: list[str] = []

    if args.partitions is None or args.partitions:
        # transformation_ctx makes the job bookmark skip files earlier runs processed; a push-down
        # predicate, when --partitions names some, lists only those partitions.
        predicate = {} if args.partitions is None else {"push_down_predicate": flatten.push_down_predicate(args.partitions)}
        source = glue_context.create_dynamic_frame.from_catalog(
            database=args.database,
            table_name=args.raw_table,
            **predicate,
            transformation_ctx="raw_source",
            additional_options={"attachFilename": SOURCE_FILE_COLUMN},
        )
        # A DynamicFrame's schema comes from the rows it read; match_catalog settles fields seen with
        # more than one type on the catalog's type.
        source = source.resolveChoice(choice="match_catalog", database=args.database, table_name=args.raw_table)
        raw = source.toDF()

        # Input order = (raw object name, position in the object). Firehose names objects by delivery
        # time, and monotonically_increasing_id, taken before any shuffle, grows with the reading order
        # inside each task, which reads an object's lines in order.
        raw = raw.withColumn(SEQUENCE_COLUMN, F.monotonically_increasing_id())
        if SOURCE_FILE_COLUMN not in raw.columns:
            raw = raw.withColumn(SOURCE_FILE_COLUMN, F.input_file_name())
        present = present_paths(raw.schema.jsonValue())
        flat = raw.selectExpr(
            *flatten.select_expressions(plan, args.time_field, present),
            flatten.quote_identifier(SOURCE_FILE_COLUMN),
            flatten.quote_identifier(SEQUENCE_COLUMN),
        )
        for key in keys:
            if key.derived_from_time:
                flat = flat.withColumn(key.name, F.date_format(F.col(time_name), "yyyy-MM-dd"))
        # Partition folders hold strings, as the stage table declares them.
        for name in key_names:
            flat = flat.withColumn(name, F.col(name).cast("string"))
        flat = flat.persist()
        rows_read = flat.count()

        first_by_id = Window.partitionBy(id_name).orderBy(F.col(SOURCE_FILE_COLUMN), F.col(SEQUENCE_COLUMN))
        unique = flat.withColumn(RANK_COLUMN, F.row_number().over(first_by_id)).where(F.col(RANK_COLUMN) == 1)
        unique = unique.drop(RANK_COLUMN, SOURCE_FILE_COLUMN, SEQUENCE_COLUMN)

        if rows_read and _table_exists(glue, args.database, args.stage_table):
            values = {name: [] for name in key_names}
            for row in unique.select(*key_names).distinct().collect():
                for name in key_names:
                    values[name].append(row[name])
            stage = glue_context.create_dynamic_frame.from_catalog(
                database=args.database,
                table_name=args.stage_table,
                push_down_predicate=flatten.partition_values_predicate(values),
            ).toDF()
            if id_name in stage.columns:
                unique = unique.join(stage.select(id_name).distinct(), on=id_name, how="left_anti")

        unique = unique.persist()
        counts = {tuple(r[n] for n in key_names): r["count"] for r in unique.groupBy(*key_names).count().collect()}
        rows_written = sum(counts.values())

        if rows_written:
            # One file per partition folder, or several of about TARGET_ROWS_PER_FILE rows for a big one:
            # rows get a salt in [0, files) and the frame is repartitioned by (partition keys, salt).
            file_keys = [f"__pipeline_key_{i}" for i in range(len(key_names))]
            files = spark.createDataFrame(
                [(*k, files_for_partition(n)) for k, n in counts.items()],
                ", ".join(f"{name} string" for name in file_keys) + ", __pipeline_files int",
            )
            # Null-safe: a null partition value is a real partition (Hive's default one), not a non-match.
            matches = [unique[name].eqNullSafe(files[file_key]) for name, file_key in zip(key_names, file_keys)]
            salted = unique.join(F.broadcast(files), on=matches, how="inner").withColumn(
                SALT_COLUMN, F.pmod(F.xxhash64(F.col(id_name)), F.col("__pipeline_files"))
            )
            total_files = sum(files_for_partition(n) for n in counts.values())
            output = salted.repartition(total_files, *key_names, SALT_COLUMN).drop("__pipeline_files", SALT_COLUMN, *file_keys)
            output = output.persist()
            # The writer writes one file per (task, partition folder) it sees.
            files_written = output.select(F.spark_partition_id().alias("task"), *key_names).distinct().count()

            # The Parquet output is committed by the job's output committer: tasks write under the
            # destination's _temporary folder (ignored by Athena and the catalog) and files move into
            # place only at job commit, so a failed run publishes no file.
            sink = glue_context.getSink(
                connection_type="s3",
                path=args.stage_path,
                enableUpdateCatalog=True,
                updateBehavior="UPDATE_IN_DATABASE",
                partitionKeys=key_names,
                transformation_ctx="stage_sink",
            )
            sink.setFormat("glueparquet", compression=args.output_compression)
            sink.setCatalogInfo(catalogDatabase=args.database, catalogTableName=args.stage_table)
            sink.writeFrame(DynamicFrame.fromDF(output, glue_context, "stage_output"))
            partitions_written = [partition_path(key_names, k) for k in counts]

    summary = run_summary(args, rows_read, rows_written, files_written, partitions_written)
    bucket, key = summary_location(args.run_summary_path, args.job_name, args.job_run_id)
    boto3.client("s3").put_object(
        Bucket=bucket, Key=key, Body=json.dumps(summary).encode("utf-8"), ContentType="application/json"
    )
    _log("job_finished", traceparent=args.traceparent, summary=f"s3://{bucket}/{key}", **summary)

    # Last: the bookmark moves only when everything above succeeded, so a failed run is re-read.
    job.commit()


def _table_exists(glue: Any, database: str, table: str) -> bool:
    try:
        glue.get_table(DatabaseName=database, Name=table)
        return True
    except glue.exceptions.EntityNotFoundException:
        return False


if __name__ == "__main__":
    main()

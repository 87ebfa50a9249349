"""Tests of the job script's pure parts: arguments, stage partition keys, summary, trace context.

pipeline_etl imports awsglue/pyspark only inside main(), so it imports here without Spark.
"""

from __future__ import annotations

import json
import sys
import unittest
from pathlib import Path

GLUE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(GLUE_DIR))

import pipeline_etl as etl  # noqa: E402
import pipeline_flatten as flatten  # noqa: E402


def arguments(**overrides: str) -> dict[str, str]:
    values = {
        "JOB_NAME": "pipeline-test-vehicle_telemetry-etl",
        "JOB_RUN_ID": "jr_0123456789abcdef",
        "dataset": "vehicle_telemetry",
        "database": "pipeline",
        "raw_table": "raw_vehicle_telemetry",
        "stage_table": "vehicle_telemetry_stage",
        "stage_path": "s3://pipeline-test-data-lake/stage/vehicle_telemetry/",
        "partition_keys": "vendor, event_date",
        "id_field": "event_id",
        "time_field": "event_time",
        "output_compression": "snappy",
        "run_summary_path": "s3://pipeline-test-data-lake/job-runs/",
        "partitions": '["year=2026/month=11/day=22/hour=05"]',
    }
    values.update(overrides)
    return values


class JobArgumentsTests(unittest.TestCase):
    def test_the_deployment_arguments_are_parsed(self) -> None:
        args = etl.parse_arguments(arguments(traceparent="00-" + "a" * 32 + "-" + "b" * 16 + "-01"))
        self.assertEqual(("vendor", "event_date"), args.partition_keys)
        self.assertEqual(({"year": "2026", "month": "11", "day": "22", "hour": "05"},), args.partitions)
        self.assertEqual("snappy", args.output_compression)
        self.assertIsNone(args.source_event_id)
        self.assertTrue(args.traceparent.startswith("00-aaaa"))

    def test_without_partitions_every_partition_is_considered(self) -> None:
        values = arguments()
        del values["partitions"]
        self.assertIsNone(etl.parse_arguments(values).partitions)

    def test_only_optional_arguments_present_in_argv_are_requested(self) -> None:
        argv = ["script.py", "--JOB_NAME", "j", "--source_event_id", "e-1"]
        self.assertEqual(["source_event_id"], etl.optional_arguments(argv))

    def test_bad_arguments_raise_a_clear_value_error(self) -> None:
        cases = [
            ({"stage_table": ""}, "missing job arguments: --stage_table"),
            ({"JOB_RUN_ID": ""}, "missing job arguments: --JOB_RUN_ID"),
            ({"output_compression": "zstd"}, "--output_compression must be one of snappy, gzip"),
            ({"partition_keys": " , "}, "--partition_keys must name at least one column"),
            ({"partition_keys": "a,a"}, "repeats a column"),
            ({"stage_path": "s3://bucket/stage"}, "--stage_path must be an s3://bucket/prefix/ URI"),
            ({"run_summary_path": "/tmp/runs/"}, "--run_summary_path must be an s3://"),
            ({"partitions": "year=2026"}, "--partitions must be a JSON array"),
        ]
        for overrides, message in cases:
            with self.subTest(overrides=overrides):
                with self.assertRaises(ValueError) as raised:
                    etl.parse_arguments(arguments(**overrides))
                self.assertIn(message, str(raised.exception))


class StagePartitionKeysTests(unittest.TestCase):
    plan = flatten.plan_columns([("event_id", "string"), ("event_time", "string"), ("vendor", "string")], "event_time")

    def test_columns_are_taken_and_the_date_of_the_time_field_is_derived(self) -> None:
        self.assertEqual(
            [etl.StagePartitionKey("vendor", False), etl.StagePartitionKey("event_date", True)],
            etl.stage_partition_keys(self.plan, ["vendor", "event_date"], "event_time"),
        )

    def test_a_date_column_in_the_data_is_used_as_it_is(self) -> None:
        plan = flatten.plan_columns([("event_time", "string"), ("event_date", "string")], "event_time")
        self.assertEqual([etl.StagePartitionKey("event_date", False)], etl.stage_partition_keys(plan, ["event_date"], "event_time"))

    def test_an_unknown_key_is_an_error(self) -> None:
        with self.assertRaisesRegex(ValueError, "partition key 'region' is not a column"):
            etl.stage_partition_keys(self.plan, ["region"], "event_time")


class PartitionPathTests(unittest.TestCase):
    def test_values_are_escaped_as_hive_folders(self) -> None:
        self.assertEqual("vendor=Volvo/event_date=2026-11-22", etl.partition_path(["vendor", "event_date"], ["Volvo", "2026-11-22"]))
        self.assertEqual("vendor=a%2Fb%3Dc%25 d", etl.partition_path(["vendor"], ["a/b=c% d"]))
        self.assertEqual("vendor=__HIVE_DEFAULT_PARTITION__", etl.partition_path(["vendor"], [None]))


class RunSummaryTests(unittest.TestCase):
    def test_the_summary_has_the_contract_shape_and_location(self) -> None:
        args = etl.parse_arguments(arguments())
        summary = etl.run_summary(args, 10, 7, 2, ["vendor=b/event_date=2026-11-22", "vendor=a/event_date=2026-11-22", "vendor=b/event_date=2026-11-22"])
        contract = json.loads(
            '{"job_name": "…", "job_run_id": "jr_…", "dataset": "…", "rows_read": 0, "rows_written": 0,'
            ' "duplicates_dropped": 0, "files_written": 0, "partitions": ["vendor=x/event_date=2026-11-22"]}'
        )
        self.assertEqual(list(contract), list(summary))
        self.assertEqual(3, summary["duplicates_dropped"])
        self.assertEqual(["vendor=a/event_date=2026-11-22", "vendor=b/event_date=2026-11-22"], summary["partitions"])
        self.assertEqual(
            ("pipeline-test-data-lake", "job-runs/pipeline-test-vehicle_telemetry-etl/jr_0123456789abcdef.json"),
            etl.summary_location(args.run_summary_path, args.job_name, args.job_run_id),
        )

    def test_files_per_partition_grow_with_rows(self) -> None:
        self.assertEqual(1, etl.files_for_partition(0))
        self.assertEqual(1, etl.files_for_partition(1000, rows_per_file=1000))
        self.assertEqual(2, etl.files_for_partition(1001, rows_per_file=1000))


class TraceContextTests(unittest.TestCase):
    def test_the_child_keeps_the_trace_and_flags_with_a_new_span(self) -> None:
        parent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"
        child = etl.child_traceparent(parent)
        self.assertRegex(child, r"^00-0af7651916cd43dd8448eb211c80319c-[0-9a-f]{16}-01$")
        self.assertNotEqual(parent, child)

    def test_missing_or_invalid_parents_give_none(self) -> None:
        for parent in (None, "", "01-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", "00-" + "0" * 32 + "-b7ad6b7169203331-01", "garbage"):
            with self.subTest(parent=parent):
                self.assertIsNone(etl.child_traceparent(parent))


class PresentPathsTests(unittest.TestCase):
    def test_struct_fields_and_leaves_of_a_spark_schema_are_listed(self) -> None:
        schema = {
            "type": "struct",
            "fields": [
                {"name": "event_id", "type": "string", "nullable": True, "metadata": {}},
                {"name": "gps", "type": {"type": "struct", "fields": [{"name": "lat", "type": "double", "nullable": True, "metadata": {}}]}, "nullable": True, "metadata": {}},
                {"name": "items", "type": {"type": "array", "elementType": {"type": "struct", "fields": [{"name": "sku", "type": "string", "nullable": True, "metadata": {}}]}, "containsNull": True}, "nullable": True, "metadata": {}},
            ],
        }
        self.assertEqual({("event_id",), ("gps",), ("gps", "lat"), ("items",)}, etl.present_paths(schema))


if __name__ == "__main__":
    unittest.main()

"""Tests of pipeline_flatten against the shared vectors and its own rules (stdlib unittest only)."""

from __future__ import annotations

import json
import sys
import unittest
from pathlib import Path

GLUE_DIR = Path(__file__).resolve().parent.parent
REPOSITORY_ROOT = GLUE_DIR.parent.parent
VECTORS_DIR = REPOSITORY_ROOT / "tests" / "vectors" / "flatten"
sys.path.insert(0, str(GLUE_DIR))

import pipeline_flatten as flatten  # noqa: E402


def load_vectors() -> list[tuple[str, dict]]:
    files = sorted(VECTORS_DIR.glob("*.json"))
    return [(f.name, json.loads(f.read_text(encoding="utf-8"))) for f in files]


def run_vector(vector: dict) -> tuple[list[dict], list[dict]]:
    plan = flatten.plan_columns(vector["input"]["columns"], vector["time_field"])
    rows = flatten.flatten_rows(plan, vector["input"]["rows"])
    kept = flatten.dedupe(rows, flatten.output_name(plan, vector["id_field"]), vector["existing_ids"])
    return [{"name": c.name, "type": c.type} for c in plan], kept


class SharedVectorsTests(unittest.TestCase):
    def test_the_vector_folder_holds_vectors(self) -> None:
        self.assertTrue(load_vectors(), f"no vectors found in {VECTORS_DIR}")

    def test_every_vector_gives_its_expected_columns_and_rows(self) -> None:
        for name, vector in load_vectors():
            with self.subTest(vector=name):
                columns, rows = run_vector(vector)
                self.assertEqual(vector["expected"]["columns"], columns)
                self.assertEqual(vector["expected"]["rows"], rows)
                # Column order is part of the contract, not only the set of keys.
                expected_order = [c["name"] for c in vector["expected"]["columns"]]
                for row in rows:
                    self.assertEqual(expected_order, list(row))


class SnakeCaseTests(unittest.TestCase):
    def test_names_follow_the_rule(self) -> None:
        cases = {
            "eventId": "event_id",
            "HTTPCode": "http_code",
            "getHTTPResponseCode": "get_http_response_code",
            "pageURL": "page_url",
            "Page-URL": "page_url",
            "already_snake": "already_snake",
            "version2Name": "version2_name",
            "3d view": "c_3d_view",
            "__": "col",
            "": "col",
            "  a  b  ": "a_b",
            "a.b": "a_b",
            "ÄpfelZahl": "pfel_zahl",
            "ID": "id",
            "_x_": "x",
        }
        for name, expected in cases.items():
            with self.subTest(name=name):
                self.assertEqual(expected, flatten.snake_case(name))

    def test_a_non_string_is_rejected(self) -> None:
        with self.assertRaisesRegex(ValueError, "must be a string"):
            flatten.snake_case(3)  # type: ignore[arg-type]


class TypeParserTests(unittest.TestCase):
    def test_nested_types_parse_into_their_structure(self) -> None:
        parsed = flatten.parse_type("struct<a:int,b:array<struct<c:string>>,m:map<string,decimal(10,2)>>")
        self.assertEqual(
            flatten.StructType((
                flatten.Field("a", flatten.PrimitiveType("int")),
                flatten.Field("b", flatten.ArrayType(flatten.StructType((flatten.Field("c", flatten.PrimitiveType("string")),)))),
                flatten.Field("m", flatten.MapType(flatten.PrimitiveType("string"), flatten.PrimitiveType("decimal", (10, 2)))),
            )),
            parsed,
        )

    def test_spaces_and_case_are_normalised_when_formatted(self) -> None:
        self.assertEqual(
            "struct<a:int,b:array<string>>", flatten.format_type(flatten.parse_type(" STRUCT < a : INT , b : Array<String> > "))
        )

    def test_decimals_keep_precision_and_scale(self) -> None:
        self.assertEqual(flatten.PrimitiveType("decimal", (38, 0)), flatten.parse_type("decimal(38,0)"))
        self.assertEqual(flatten.PrimitiveType("decimal", (5,)), flatten.parse_type("decimal(5)"))
        self.assertEqual(flatten.PrimitiveType("decimal"), flatten.parse_type("decimal"))
        self.assertEqual("decimal(10,2)", flatten.format_type(flatten.parse_type("decimal( 10 , 2 )")))

    def test_odd_and_backticked_field_names_are_kept(self) -> None:
        parsed = flatten.parse_type("struct<`a:b`:int,`x``y`:string,Page-URL:string,3d view:boolean>")
        self.assertEqual(["a:b", "x`y", "Page-URL", "3d view"], [f.name for f in parsed.fields])
        self.assertEqual("struct<`a:b`:int,`x``y`:string,`Page-URL`:string,`3d view`:boolean>", flatten.format_type(parsed))
        self.assertEqual(parsed, flatten.parse_type(flatten.format_type(parsed)))

    def test_malformed_types_raise_a_clear_value_error(self) -> None:
        cases = {
            "": "expected a type name",
            "array<int": "expected '>'",
            "struct<>": "at least one field",
            "struct<a:int,>": "expected a field name",
            "struct<:int>": "expected a field name",
            "struct<a int>": "expected ':'",
            "map<string>": "expected ','",
            "decimal(40,2)": "precision must be between 1 and 38",
            "decimal(2,3)": "scale 3 is larger than its precision 2",
            "decimal(1,2,3)": "at most 2 parameters",
            "varchar": "needs a length",
            "int(3)": "takes no parameters",
            "uniontype<int,string>": "unknown type 'uniontype'",
            "strin": "unknown type 'strin'",
            "int x": "unexpected 'x'",
            "struct<`a:int>": "unterminated",
            "array<" * 200 + "int" + ">" * 200: "nest deeper",
        }
        for text, message in cases.items():
            with self.subTest(type=text[:40]):
                with self.assertRaises(ValueError) as raised:
                    flatten.parse_type(text)
                self.assertIn(message, str(raised.exception))
                self.assertIn("invalid type", str(raised.exception))

    def test_a_bad_column_type_names_the_column(self) -> None:
        with self.assertRaisesRegex(ValueError, "column 'geo'.*expected ':'"):
            flatten.plan_columns([{"name": "t", "type": "string"}, {"name": "geo", "type": "struct<x>"}], "t")


class SparkTypeTests(unittest.TestCase):
    def test_glue_types_map_to_spark_sql_names(self) -> None:
        cases = {
            "string": "string",
            "int": "int",
            "integer": "int",
            "bigint": "bigint",
            "smallint": "smallint",
            "tinyint": "tinyint",
            "double": "double",
            "float": "float",
            "boolean": "boolean",
            "date": "date",
            "timestamp": "timestamp",
            "binary": "binary",
            "decimal": "decimal(10,0)",
            "decimal(7)": "decimal(7,0)",
            "decimal(10,2)": "decimal(10,2)",
            "char(3)": "string",
            "varchar(20)": "string",
            "array<struct<sku:string,qty:int>>": "array<struct<`sku`:string,`qty`:int>>",
            "map<string,array<bigint>>": "map<string,array<bigint>>",
            "struct<`odd name`:varchar(4)>": "struct<`odd name`:string>",
        }
        for glue, spark in cases.items():
            with self.subTest(glue=glue):
                self.assertEqual(spark, flatten.spark_type(glue))


class PlanColumnsTests(unittest.TestCase):
    def test_glue_api_column_shapes_and_pairs_are_accepted(self) -> None:
        from_api = flatten.plan_columns([{"Name": "id", "Type": "string"}, {"Name": "t", "Type": "string"}], "t")
        from_pairs = flatten.plan_columns([("id", "string"), ("t", "string")], "t")
        self.assertEqual(from_api, from_pairs)
        self.assertEqual(("t",), from_pairs[1].source_path)
        self.assertEqual("timestamp", from_pairs[1].type)

    def test_a_missing_time_field_is_an_error(self) -> None:
        with self.assertRaisesRegex(ValueError, "time field 'when' is not a column"):
            flatten.plan_columns([("id", "string")], "when")

    def test_a_time_field_of_a_complex_type_is_an_error(self) -> None:
        with self.assertRaisesRegex(ValueError, "must be a string or a timestamp"):
            flatten.plan_columns([("id", "string"), ("t", "array<string>")], "t")

    def test_a_nested_time_field_is_named_by_its_dotted_path(self) -> None:
        plan = flatten.plan_columns([("id", "string"), ("meta", "struct<sentAt:string,n:int>")], "meta.sentAt")
        self.assertEqual([("meta_sent_at", "timestamp"), ("meta_n", "int")], [(c.name, c.type) for c in plan[1:]])

    def test_collisions_take_the_first_free_suffix(self) -> None:
        plan = flatten.plan_columns([("t", "string"), ("a_2", "int"), ("a", "int"), ("A", "int"), ("a ", "int")], "t")
        self.assertEqual(["t", "a_2", "a", "a_3", "a_4"], [c.name for c in plan])


class TimestampTests(unittest.TestCase):
    def test_zoned_iso_times_become_utc_with_microseconds(self) -> None:
        cases = {
            "2026-11-22T05:30:00Z": "2026-11-22T05:30:00.000000Z",
            "2026-11-22T05:30:00.1234567891Z": None,
            "2026-11-22T05:30:00.123456789Z": "2026-11-22T05:30:00.123456Z",
            "2026-11-22T00:30:00-05:30": "2026-11-22T06:00:00.000000Z",
            "2026-01-01T01:00:00+02:00": "2025-12-31T23:00:00.000000Z",
            "2026-11-22T05:30:00": None,
            "2026-11-22 05:30:00Z": None,
            "2026-02-30T00:00:00Z": None,
            "2026-11-22T24:00:00Z": None,
            "2026-11-22T05:30:00+19:00": None,
            "2026-11-22T05:30:00Z\n": None,
            "": None,
            "not a time": None,
        }
        for text, expected in cases.items():
            with self.subTest(text=text):
                self.assertEqual(expected, flatten.normalise_timestamp(text))

    def test_non_strings_are_null(self) -> None:
        self.assertIsNone(flatten.normalise_timestamp(1764000000))
        self.assertIsNone(flatten.normalise_timestamp(None))


class SelectExpressionsTests(unittest.TestCase):
    def vehicle_plan(self) -> list:
        vector = json.loads((VECTORS_DIR / "vehicle-telemetry-nested.json").read_text(encoding="utf-8"))
        return flatten.plan_columns(vector["input"]["columns"], vector["time_field"])

    def test_the_vehicle_vector_selects_nested_fields_under_flat_names(self) -> None:
        time = (
            "CASE WHEN CAST(`event_time` AS STRING) RLIKE '" + flatten.ISO_TIMESTAMP_PATTERN + "' "
            "THEN to_timestamp(CAST(`event_time` AS STRING)) END AS `event_time`"
        )
        self.assertEqual(
            [
                "CAST(`event_id` AS string) AS `event_id`",
                time,
                "CAST(`vendor` AS string) AS `vendor`",
                "CAST(`vehicle_status`.`speed_kmh` AS double) AS `vehicle_status_speed_kmh`",
                "CAST(`vehicle_status`.`status` AS string) AS `vehicle_status_status`",
                "`vehicle_status`.`error_codes` AS `vehicle_status_error_codes`",
                "CAST(`vehicle_status`.`engine`.`temp_c` AS double) AS `vehicle_status_engine_temp_c`",
                "CAST(`vehicle_status`.`engine`.`rpm` AS bigint) AS `vehicle_status_engine_rpm`",
                "CAST(`gps_info`.`latitude` AS double) AS `gps_info_latitude`",
                "CAST(`gps_info`.`longitude` AS double) AS `gps_info_longitude`",
                "CAST(`event_date` AS string) AS `event_date`",
            ],
            flatten.select_expressions(self.vehicle_plan(), "event_time"),
        )

    def test_fields_absent_from_the_data_become_typed_nulls(self) -> None:
        plan = self.vehicle_plan()
        present = [c.source_path for c in plan if c.source_path != ("vehicle_status", "engine", "rpm")]
        expressions = flatten.select_expressions(plan, "event_time", present)
        self.assertEqual("CAST(NULL AS bigint) AS `vehicle_status_engine_rpm`", expressions[7])
        self.assertEqual("CAST(`gps_info`.`latitude` AS double) AS `gps_info_latitude`", expressions[8])

    def test_names_with_dots_and_backticks_are_quoted(self) -> None:
        plan = flatten.plan_columns([("t", "string"), ("a.b", "struct<`c``d`:int>")], "t")
        self.assertEqual("CAST(`a.b`.`c``d` AS int) AS `a_b_c_d`", flatten.select_expressions(plan, "t")[1])


class PartitionPredicateTests(unittest.TestCase):
    def test_partitions_argument_becomes_a_push_down_predicate(self) -> None:
        partitions = flatten.parse_partitions('["year=2026/month=11/day=22/hour=05", "year=2026/month=11/day=22/hour=06"]')
        self.assertEqual(
            "(year = '2026' AND month = '11' AND day = '22' AND hour = '05') OR "
            "(year = '2026' AND month = '11' AND day = '22' AND hour = '06')",
            flatten.push_down_predicate(partitions),
        )

    def test_no_partitions_select_nothing(self) -> None:
        self.assertEqual("false", flatten.push_down_predicate(flatten.parse_partitions("[]")))

    def test_repeated_partitions_are_read_once(self) -> None:
        self.assertEqual([{"day": "1"}], flatten.parse_partitions('["day=1", "day=1/"]'))

    def test_quotes_in_values_are_escaped(self) -> None:
        self.assertEqual("(k = 'it\\'s')", flatten.push_down_predicate([{"k": "it's"}]))

    def test_malformed_partitions_raise_a_clear_value_error(self) -> None:
        cases = {
            "year=2026": "JSON array",
            '{"year": "2026"}': "JSON array of strings",
            "[2026]": "JSON array of strings",
            '["year2026"]': "not a partition path",
            '["year=2026/month="]': "not a partition path",
            '["ye ar=2026"]': "not a partition path",
            '["a=1/a=2"]': "repeats the key 'a'",
        }
        for text, message in cases.items():
            with self.subTest(argument=text):
                with self.assertRaises(ValueError) as raised:
                    flatten.parse_partitions(text)
                self.assertIn(message, str(raised.exception))

    def test_stage_partition_values_become_an_in_predicate(self) -> None:
        self.assertEqual(
            "(vendor IN ('Scania', 'Volvo')) AND (event_date IN ('2026-11-22') OR event_date = '__HIVE_DEFAULT_PARTITION__')",
            flatten.partition_values_predicate({"vendor": ["Volvo", "Scania", "Volvo"], "event_date": ["2026-11-22", None, ""]}),
        )


class DedupeTests(unittest.TestCase):
    def test_first_row_of_an_id_is_kept_and_stage_ids_are_dropped(self) -> None:
        rows = [{"id": "b", "n": 1}, {"id": "a", "n": 2}, {"id": "b", "n": 3}, {"id": "c", "n": 4}]
        self.assertEqual([{"id": "b", "n": 1}, {"id": "c", "n": 4}], flatten.dedupe(rows, "id", ["a"]))

    def test_null_ids_form_one_group_and_never_match_stage(self) -> None:
        rows = [{"id": None, "n": 1}, {"id": None, "n": 2}]
        self.assertEqual([{"id": None, "n": 1}], flatten.dedupe(rows, "id", [None]))


if __name__ == "__main__":
    unittest.main()

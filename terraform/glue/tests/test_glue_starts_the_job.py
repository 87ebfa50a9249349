"""pipeline_etl.main() started the way Glue starts it, with stand-ins for awsglue, pyspark and boto3.

The argv is what a run of the deployed job gets: first the arguments Glue adds itself (--JOB_ID, --JOB_RUN_ID,
--job-bookmark-option, --JOB_NAME, --TempDir), then the job's default arguments as terraform/modules/etl/main.tf
sets them, then the run arguments of the ETL runner (services/Pipeline.EtlJobRunner/Running/JobArguments.cs).
The stand-in getResolvedOptions follows awsglue's rules (glue_stand_ins/README.md), so a script that asks for a
reserved name or misses a required one fails here as it would on AWS. The same test ties the three lists: every
name the script requires comes from one of them, and every name the Terraform and the runner pass is one the
script reads or one Glue itself knows.
"""

from __future__ import annotations

import contextlib
import io
import json
import logging
import re
import sys
import unittest
from pathlib import Path
from typing import Any, Callable

GLUE_DIR = Path(__file__).resolve().parent.parent
REPOSITORY = GLUE_DIR.parent.parent
STAND_INS = Path(__file__).resolve().parent / "glue_stand_ins"
ETL_MODULE = REPOSITORY / "terraform" / "modules" / "etl" / "main.tf"
RUNNER_ARGUMENTS = REPOSITORY / "services" / "Pipeline.EtlJobRunner" / "Running" / "JobArguments.cs"
DATASETS = REPOSITORY / "datasets.json"
sys.path.insert(0, str(GLUE_DIR))

import pipeline_etl as etl  # noqa: E402

DATASET = "vehicle_telemetry"
NAME_PREFIX = "pipeline-test"
BUCKET = f"{NAME_PREFIX}-data-lake"
JOB_NAME = f"{NAME_PREFIX}-{DATASET}-etl"
JOB_RUN_ID = "jr_5f0c3b8e2a9d4c1e8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4"
TRACEPARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"
SOURCE_EVENT_ID = "7bf73129-1428-4cd3-a780-95db273d1602"

# Job parameters Glue itself reads (https://docs.aws.amazon.com/glue/latest/dg/aws-glue-programming-etl-glue-arguments.html);
# the script need not know them, but a default argument that is neither one of these nor a script argument is a typo.
GLUE_JOB_PARAMETERS = {
    "job-bookmark-option",
    "TempDir",
    "extra-py-files",
    "enable-metrics",
    "enable-observability-metrics",
    "enable-job-insights",
    "enable-glue-datacatalog",
    "custom-logGroup-prefix",
    "custom-logStream-prefix",
    "job-language",
}


def deployment() -> dict[str, Any]:
    return json.loads(DATASETS.read_text(encoding="utf-8"))


def terraform_context() -> dict[str, Any]:
    """What the expressions of the ETL module's default arguments evaluate to for one job of the environment.

    The values come from datasets.json as terraform/environments/dev passes them; a reference not listed here
    fails the test, which then needs to learn what the environment gives it.
    """
    description = deployment()
    settings = description["deployment"]
    dataset = next(d for d in description["datasets"] if d["name"] == DATASET)
    return {
        "each.key": DATASET,
        "var.database_name": f"{NAME_PREFIX.replace('-', '_')}_{settings['catalog_database']}",
        "each.value.raw_table": settings["raw_table_prefix"] + DATASET,
        "each.value.stage_table": settings["stage_table"].replace("{dataset}", DATASET),
        "var.bucket_name": BUCKET,
        "each.value.stage_prefix": settings["stage_prefix"].replace("{dataset}", DATASET),
        "each.value.partition_keys": dataset["stage_partition_keys"],
        "each.value.id_field": dataset["id_field"],
        "each.value.time_field": dataset["time_field"],
        "var.output_compression": settings["etl_output_compression"],
        "var.job_runs_prefix": settings["job_runs_prefix"],
        "var.temp_prefix": "tmp/glue/",
        "aws_s3_object.helpers.key": "scripts/pipeline_flatten.py",
        "local.log_group_prefix": f"/aws-glue/jobs/{NAME_PREFIX}",
    }


def _lookup(context: dict[str, Any], reference: str) -> Any:
    if reference not in context:
        raise AssertionError(f"terraform/modules/etl/main.tf: the test does not know what {reference} is in the environment")
    return context[reference]


_FUNCTIONS: dict[str, Callable[..., str]] = {
    "join": lambda separator, values: separator.join(values),
    "tostring": lambda value: str(value),
}


def split_arguments(text: str) -> list[str]:
    """A function call's arguments: commas inside quoted strings do not separate."""
    arguments, current, quoted = [], "", False
    for char in text:
        if char == '"':
            quoted = not quoted
        if char == "," and not quoted:
            arguments.append(current)
            current = ""
        else:
            current += char
    return arguments + [current]


def evaluate(expression: str, context: dict[str, Any]) -> Any:
    """The few HCL expression forms default arguments use: a quoted template, a reference, join(...), tostring(...)."""
    expression = expression.strip()
    if expression.startswith('"') and expression.endswith('"'):
        return re.sub(r"\$\{([^}]+)\}", lambda m: str(evaluate(m.group(1), context)), expression[1:-1])
    call = re.fullmatch(r"(\w+)\((.*)\)", expression)
    if call:
        if call.group(1) not in _FUNCTIONS:
            raise AssertionError(f"terraform/modules/etl/main.tf: the test cannot evaluate {call.group(1)}(...)")
        arguments = [evaluate(argument, context) for argument in split_arguments(call.group(2))]
        return _FUNCTIONS[call.group(1)](*arguments)
    return _lookup(context, expression)


def terraform_default_arguments() -> dict[str, str]:
    """The aws_glue_job's default_arguments map of the ETL module (a literal map, one "--name" = expression a line)."""
    lines = ETL_MODULE.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if re.fullmatch(r"\s*default_arguments\s*=\s*\{", line))
    indent = len(lines[start]) - len(lines[start].lstrip())
    context = terraform_context()
    arguments: dict[str, str] = {}
    for line in lines[start + 1 :]:
        if line.strip() == "}" and len(line) - len(line.lstrip()) == indent:
            return arguments
        entry = re.fullmatch(r'\s*"(--[\w-]+)"\s*=\s*(.+)', line)
        if entry is None:
            raise AssertionError(f"terraform/modules/etl/main.tf: default_arguments holds a line the test cannot read: {line.strip()}")
        arguments[entry.group(1)] = str(evaluate(entry.group(2), context))
    raise AssertionError("terraform/modules/etl/main.tf: default_arguments is not closed")


def runner_arguments() -> dict[str, str]:
    """The run arguments of the ETL runner, named by the constants of JobArguments.cs, with values it passes."""
    values = {"Dataset": DATASET, "TraceParent": TRACEPARENT, "SourceEventId": SOURCE_EVENT_ID}
    constants = re.findall(r'public const string (\w+) = "(--[\w-]+)";', RUNNER_ARGUMENTS.read_text(encoding="utf-8"))
    if not constants:
        raise AssertionError(f"{RUNNER_ARGUMENTS} declares no run argument")
    unknown = [name for name, _ in constants if name not in values]
    if unknown:
        raise AssertionError(f"JobArguments.cs: the test does not know what the runner passes as {', '.join(unknown)}")
    return {argument: values[name] for name, argument in constants}


def glue_own_arguments(defaults: dict[str, str]) -> dict[str, str]:
    """What Glue puts in front of every run's arguments."""
    return {
        "--JOB_ID": "j_0f1e2d3c4b5a69788796a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4",
        "--JOB_RUN_ID": JOB_RUN_ID,
        "--job-bookmark-option": defaults.get("--job-bookmark-option", "job-bookmark-disable"),
        "--JOB_NAME": JOB_NAME,
        "--TempDir": defaults.get("--TempDir", f"s3://{BUCKET}/tmp/"),
    }


def as_argv(*argument_maps: dict[str, str]) -> list[str]:
    argv = ["pipeline_etl.py"]
    for arguments in argument_maps:
        for name, value in arguments.items():
            argv += [name, value]
    return argv


@contextlib.contextmanager
def glue_runtime():
    """The stand-ins importable as awsglue, pyspark and boto3, for the duration of the block only."""
    names = ("awsglue", "pyspark", "boto3")

    def ours(module: str) -> bool:
        return module.split(".")[0] in names

    saved = {name: module for name, module in sys.modules.items() if ours(name)}
    for name in saved:
        del sys.modules[name]
    sys.path.insert(0, str(STAND_INS))
    try:
        yield
    finally:
        sys.path.remove(str(STAND_INS))
        for name in [name for name in sys.modules if ours(name)]:
            del sys.modules[name]
        sys.modules.update(saved)
        for handler in list(etl.LOG.handlers):
            etl.LOG.removeHandler(handler)


def run_main(argv: list[str]) -> tuple[BaseException | None, str]:
    """Runs main() with argv under the stand-ins; returns what it raised and what it printed."""
    printed = io.StringIO()
    saved_argv = sys.argv
    sys.argv = argv
    try:
        with glue_runtime(), contextlib.redirect_stdout(printed):
            try:
                etl.main()
            except Exception as raised:  # noqa: BLE001 (the test looks at what was raised)
                return raised, printed.getvalue()
            return None, printed.getvalue()
    finally:
        sys.argv = saved_argv


class GlueStartsTheJobTests(unittest.TestCase):
    def setUp(self) -> None:
        self.defaults = terraform_default_arguments()
        self.runner = runner_arguments()
        self.glue = glue_own_arguments(self.defaults)

    def test_main_reaches_spark_with_the_arguments_a_deployed_run_gets(self) -> None:
        raised, printed = run_main(as_argv(self.glue, self.defaults, self.runner))

        from_spark = type(raised).__name__ == "ReachedSpark"
        self.assertTrue(from_spark, f"main() stopped before Spark: {raised!r}\n{printed}")
        started = json.loads(next(line for line in printed.splitlines() if '"job_started"' in line))
        self.assertEqual(JOB_RUN_ID, started["job_run_id"])
        self.assertEqual(JOB_NAME, started["job_name"])
        self.assertEqual(DATASET, started["dataset"])
        self.assertEqual(TRACEPARENT, started["traceparent"])
        self.assertEqual(SOURCE_EVENT_ID, started["source_event_id"])

    def test_a_manual_run_with_only_the_default_arguments_reaches_spark(self) -> None:
        # aws glue start-job-run --job-name P-<dataset>-etl: no run arguments at all.
        raised, printed = run_main(as_argv(self.glue, self.defaults))

        self.assertEqual("ReachedSpark", type(raised).__name__, f"main() stopped before Spark: {raised!r}\n{printed}")

    def test_asking_for_a_reserved_argument_fails_as_on_glue(self) -> None:
        # The stand-in is only worth something if it fails where awsglue fails.
        from_stand_in = self._resolve(["JOB_NAME", "JOB_RUN_ID"], as_argv(self.glue))

        self.assertIsInstance(from_stand_in, RuntimeError)
        self.assertIn("Using reserved arguments --JOB_RUN_ID", str(from_stand_in))

    def test_the_script_never_asks_for_a_name_awsglue_reserves(self) -> None:
        argv = as_argv(self.glue, self.defaults, self.runner)
        requested = set(etl.requested_arguments(argv))

        self.assertEqual(set(), requested & set(etl.GLUE_RESERVED_ARGUMENTS))
        with glue_runtime():
            from awsglue.utils import _reserved

            self.assertEqual(set(etl.GLUE_RESERVED_ARGUMENTS), {option[2:] for option in _reserved()})

    def test_every_required_name_comes_from_glue_the_terraform_or_the_runner(self) -> None:
        supplied = {name[2:] for name in (*self.glue, *self.defaults, *self.runner)}

        self.assertEqual([], [name for name in etl.REQUIRED_ARGUMENTS if name not in supplied])
        # A manual run (no runner) must have them too: the job's defaults and Glue's own arguments are enough.
        self.assertEqual([], [name for name in etl.REQUIRED_ARGUMENTS if name not in {n[2:] for n in (*self.glue, *self.defaults)}])

    def test_every_name_the_terraform_and_the_runner_pass_is_read_by_the_script_or_by_glue(self) -> None:
        script = set(etl.REQUIRED_ARGUMENTS) | set(etl.OPTIONAL_ARGUMENTS)

        self.assertEqual([], [name for name in self.runner if name[2:] not in script])
        self.assertEqual([], [name for name in self.defaults if name[2:] not in script | GLUE_JOB_PARAMETERS])

    def _resolve(self, options: list[str], argv: list[str]) -> BaseException | None:
        with glue_runtime():
            from awsglue.utils import getResolvedOptions

            try:
                getResolvedOptions(argv, options)
            except Exception as raised:  # noqa: BLE001
                return raised
        return None


if __name__ == "__main__":
    logging.basicConfig()
    unittest.main()

"""The helpers use the standard library only, and the job imports Glue, Spark and boto3 only inside main().

Checked on the source (ast), so the test means the same whether or not Spark happens to be installed.
"""

from __future__ import annotations

import ast
import sys
import unittest
from pathlib import Path

GLUE_DIR = Path(__file__).resolve().parent.parent
GLUE_ONLY = {"awsglue", "pyspark", "boto3", "botocore"}


def imported_modules(nodes: list[ast.stmt]) -> set[str]:
    modules: set[str] = set()
    for node in nodes:
        for inner in ast.walk(node):
            if isinstance(inner, ast.Import):
                modules.update(alias.name.split(".")[0] for alias in inner.names)
            elif isinstance(inner, ast.ImportFrom) and inner.level == 0 and inner.module:
                modules.add(inner.module.split(".")[0])
    return modules


def parse(name: str) -> ast.Module:
    return ast.parse((GLUE_DIR / name).read_text(encoding="utf-8"), filename=name)


class ScriptImportsTests(unittest.TestCase):
    def test_the_helpers_import_only_the_standard_library(self) -> None:
        modules = imported_modules(parse("pipeline_flatten.py").body) - {"__future__"}
        self.assertEqual(set(), modules - set(sys.stdlib_module_names))

    def test_the_job_imports_glue_spark_and_boto3_only_inside_main(self) -> None:
        module = parse("pipeline_etl.py")
        outside_main = [n for n in module.body if not (isinstance(n, ast.FunctionDef) and n.name == "main")]
        self.assertEqual(set(), imported_modules(outside_main) & GLUE_ONLY)
        main = next(n for n in module.body if isinstance(n, ast.FunctionDef) and n.name == "main")
        self.assertTrue({"awsglue", "pyspark", "boto3"} <= imported_modules([main]))

    def test_the_job_runs_main_only_as_a_script(self) -> None:
        last = parse("pipeline_etl.py").body[-1]
        self.assertIsInstance(last, ast.If)
        self.assertEqual("__name__ == '__main__'", ast.unparse(last.test).replace('"', "'"))


if __name__ == "__main__":
    unittest.main()

"""The flatten rule of docs/orchestration.md, in pure Python (standard library only).

The Glue job (pipeline_etl.py) plans its Spark select list with these functions, and the same
functions are a reference implementation checked against the shared vectors in tests/vectors/flatten/.
This module must stay importable without Spark: it is tested on machines that have only python3.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any, Iterable, Mapping, NamedTuple, Sequence

__all__ = [
    "ArrayType",
    "Field",
    "ISO_TIMESTAMP_PATTERN",
    "MapType",
    "PlannedColumn",
    "PrimitiveType",
    "StructType",
    "dedupe",
    "flatten_rows",
    "format_type",
    "normalise_timestamp",
    "output_name",
    "parse_partitions",
    "parse_type",
    "partition_values_predicate",
    "plan_columns",
    "push_down_predicate",
    "quote_identifier",
    "select_expressions",
    "snake_case",
    "spark_type",
]


# ---------------------------------------------------------------------------------------------
# Names
# ---------------------------------------------------------------------------------------------

# ASCII classes on purpose: the rule speaks of [a-z0-9], and Unicode case mapping differs between
# Python, .NET and DuckDB (e.g. the Kelvin sign lower-cases to "k" in Python only), which would let
# the two implementations disagree on a column name.
_LOWER_OR_DIGIT_THEN_UPPER = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_UPPER_THEN_UPPER_LOWER = re.compile(r"(?<=[A-Z])(?=[A-Z][a-z])")
_OUTSIDE_ALLOWED = re.compile(r"[^a-z0-9]+")
_ASCII_UPPER_TO_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def snake_case(name: str) -> str:
    """One name part to snake_case: ``HTTPCode`` → ``http_code``, ``3d view`` → ``c_3d_view``, ``__`` → ``col``."""
    if not isinstance(name, str):
        raise ValueError(f"a column name must be a string, got {type(name).__name__}")
    spaced = _UPPER_THEN_UPPER_LOWER.sub("_", _LOWER_OR_DIGIT_THEN_UPPER.sub("_", name))
    result = _OUTSIDE_ALLOWED.sub("_", spaced.translate(_ASCII_UPPER_TO_LOWER)).strip("_")
    if not result:
        return "col"
    if result[0].isdigit():
        return "c_" + result
    return result


# ---------------------------------------------------------------------------------------------
# Glue / Hive type strings
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PrimitiveType:
    """A scalar type: ``name`` lower-cased, ``params`` e.g. ``(10, 2)`` for ``decimal(10,2)``."""

    name: str
    params: tuple[int, ...] = ()


@dataclass(frozen=True)
class ArrayType:
    element: "GlueType"


@dataclass(frozen=True)
class MapType:
    key: "GlueType"
    value: "GlueType"


@dataclass(frozen=True)
class Field:
    name: str
    type: "GlueType"


@dataclass(frozen=True)
class StructType:
    fields: tuple[Field, ...]


GlueType = PrimitiveType | ArrayType | MapType | StructType

# Hive's primitive type names; `integer` is Glue's alias of `int`.
_PRIMITIVES = {
    "boolean": (0, 0),
    "tinyint": (0, 0),
    "smallint": (0, 0),
    "int": (0, 0),
    "integer": (0, 0),
    "bigint": (0, 0),
    "float": (0, 0),
    "double": (0, 0),
    "string": (0, 0),
    "binary": (0, 0),
    "date": (0, 0),
    "timestamp": (0, 0),
    "decimal": (0, 2),
    "char": (1, 1),
    "varchar": (1, 1),
}

_MAX_DECIMAL_PRECISION = 38
_MAX_NESTING = 100


class _TypeParser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0

    def fail(self, message: str) -> ValueError:
        return ValueError(f"invalid type '{self.text}' at position {self.pos}: {message}")

    def skip_spaces(self) -> None:
        while self.pos < len(self.text) and self.text[self.pos].isspace():
            self.pos += 1

    def peek(self) -> str:
        self.skip_spaces()
        return self.text[self.pos] if self.pos < len(self.text) else ""

    def expect(self, char: str) -> None:
        if self.peek() != char:
            found = repr(self.text[self.pos]) if self.pos < len(self.text) else "the end"
            raise self.fail(f"expected '{char}' but found {found}")
        self.pos += 1

    def word(self) -> str:
        self.skip_spaces()
        start = self.pos
        while self.pos < len(self.text) and (self.text[self.pos].isalnum() or self.text[self.pos] == "_"):
            self.pos += 1
        if start == self.pos:
            found = repr(self.text[self.pos]) if self.pos < len(self.text) else "the end"
            raise self.fail(f"expected a type name but found {found}")
        return self.text[start:self.pos].lower()

    def integer(self) -> int:
        self.skip_spaces()
        start = self.pos
        while self.pos < len(self.text) and self.text[self.pos] in "0123456789":
            self.pos += 1
        if start == self.pos:
            raise self.fail("expected a number")
        return int(self.text[start:self.pos])

    def parse_type(self, depth: int) -> GlueType:
        if depth > _MAX_NESTING:
            raise self.fail(f"types nest deeper than {_MAX_NESTING} levels")
        name = self.word()
        if name == "array":
            self.expect("<")
            element = self.parse_type(depth + 1)
            self.expect(">")
            return ArrayType(element)
        if name == "map":
            self.expect("<")
            key = self.parse_type(depth + 1)
            self.expect(",")
            value = self.parse_type(depth + 1)
            self.expect(">")
            return MapType(key, value)
        if name == "struct":
            return self.parse_struct(depth)
        if name not in _PRIMITIVES:
            raise self.fail(f"unknown type '{name}'")
        return PrimitiveType(name, self.parse_params(name))

    def parse_params(self, name: str) -> tuple[int, ...]:
        least, most = _PRIMITIVES[name]
        if self.peek() != "(":
            if least:
                raise self.fail(f"{name} needs a length, e.g. {name}(10)")
            return ()
        if not most:
            raise self.fail(f"{name} takes no parameters")
        self.pos += 1
        params = [self.integer()]
        while self.peek() == ",":
            self.pos += 1
            params.append(self.integer())
        self.expect(")")
        if len(params) > most:
            raise self.fail(f"{name} takes at most {most} parameters")
        if name == "decimal":
            precision = params[0]
            scale = params[1] if len(params) > 1 else 0
            if not 1 <= precision <= _MAX_DECIMAL_PRECISION:
                raise self.fail(f"decimal precision must be between 1 and {_MAX_DECIMAL_PRECISION}, got {precision}")
            if scale > precision:
                raise self.fail(f"decimal scale {scale} is larger than its precision {precision}")
        elif params[0] < 1:
            raise self.fail(f"{name} length must be at least 1")
        return tuple(params)

    def parse_struct(self, depth: int) -> StructType:
        self.expect("<")
        fields: list[Field] = []
        if self.peek() == ">":
            raise self.fail("a struct needs at least one field")
        while True:
            name = self.field_name()
            self.expect(":")
            fields.append(Field(name, self.parse_type(depth + 1)))
            if self.peek() == ",":
                self.pos += 1
                continue
            self.expect(">")
            return StructType(tuple(fields))

    def field_name(self) -> str:
        self.skip_spaces()
        if self.pos < len(self.text) and self.text[self.pos] == "`":
            return self.quoted_name()
        # Glue keeps source field names as they are (spaces, dashes, dots); only the characters
        # that delimit the type grammar cannot appear unquoted.
        start = self.pos
        while self.pos < len(self.text) and self.text[self.pos] not in ":,<>`":
            self.pos += 1
        name = self.text[start:self.pos].strip()
        if not name:
            raise self.fail("expected a field name")
        return name

    def quoted_name(self) -> str:
        self.pos += 1
        parts: list[str] = []
        while True:
            end = self.text.find("`", self.pos)
            if end < 0:
                raise self.fail("unterminated `quoted` field name")
            parts.append(self.text[self.pos:end])
            self.pos = end + 1
            if self.pos < len(self.text) and self.text[self.pos] == "`":
                parts.append("`")
                self.pos += 1
                continue
            name = "".join(parts)
            if not name:
                raise self.fail("a field name cannot be empty")
            return name


def parse_type(text: str) -> GlueType:
    """Parses a Glue/Hive type string; raises ``ValueError`` naming the position of malformed input."""
    if not isinstance(text, str):
        raise ValueError(f"a type must be a string, got {type(text).__name__}")
    parser = _TypeParser(text)
    result = parser.parse_type(0)
    parser.skip_spaces()
    if parser.pos != len(text):
        raise parser.fail(f"unexpected {text[parser.pos]!r} after the type")
    return result


_PLAIN_FIELD_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def _type_field_name(name: str) -> str:
    if _PLAIN_FIELD_NAME.fullmatch(name):
        return name
    return "`" + name.replace("`", "``") + "`"


def format_type(glue_type: GlueType) -> str:
    """The catalog spelling of a type: lower-case, no spaces, odd field names in backticks."""
    if isinstance(glue_type, PrimitiveType):
        if glue_type.params:
            return f"{glue_type.name}({','.join(str(p) for p in glue_type.params)})"
        return glue_type.name
    if isinstance(glue_type, ArrayType):
        return f"array<{format_type(glue_type.element)}>"
    if isinstance(glue_type, MapType):
        return f"map<{format_type(glue_type.key)},{format_type(glue_type.value)}>"
    return "struct<" + ",".join(f"{_type_field_name(f.name)}:{format_type(f.type)}" for f in glue_type.fields) + ">"


# Spark SQL has no `integer` alias problem, but char/varchar read by a DataFrame are plain strings,
# and a bare `decimal` means decimal(10,0) in both Hive and Spark.
_SPARK_PRIMITIVES = {
    "boolean": "boolean",
    "tinyint": "tinyint",
    "smallint": "smallint",
    "int": "int",
    "integer": "int",
    "bigint": "bigint",
    "float": "float",
    "double": "double",
    "string": "string",
    "binary": "binary",
    "date": "date",
    "timestamp": "timestamp",
    "char": "string",
    "varchar": "string",
}


def spark_type(glue_type: GlueType | str) -> str:
    """The Spark SQL type name (as ``CAST(x AS <name>)`` takes it) for a Glue type or type string."""
    if isinstance(glue_type, str):
        glue_type = parse_type(glue_type)
    if isinstance(glue_type, PrimitiveType):
        if glue_type.name == "decimal":
            precision, scale = (*glue_type.params, 0)[:2] if glue_type.params else (10, 0)
            return f"decimal({precision},{scale})"
        return _SPARK_PRIMITIVES[glue_type.name]
    if isinstance(glue_type, ArrayType):
        return f"array<{spark_type(glue_type.element)}>"
    if isinstance(glue_type, MapType):
        return f"map<{spark_type(glue_type.key)},{spark_type(glue_type.value)}>"
    return "struct<" + ",".join(f"{quote_identifier(f.name)}:{spark_type(f.type)}" for f in glue_type.fields) + ">"


# ---------------------------------------------------------------------------------------------
# The plan
# ---------------------------------------------------------------------------------------------


class PlannedColumn(NamedTuple):
    """One output column: where it comes from (names from the catalog, outermost first), its name and type."""

    source_path: tuple[str, ...]
    name: str
    type: str


def _column_name_and_type(column: Any) -> tuple[str, str]:
    if isinstance(column, Mapping):
        name, type_text = column.get("name"), column.get("type", column.get("Type"))
        if name is None:
            name = column.get("Name")
    else:
        try:
            name, type_text = column
        except (TypeError, ValueError):
            raise ValueError(f"a column must be {{'name', 'type'}} or (name, type), got {column!r}") from None
    if not isinstance(name, str) or not name:
        raise ValueError(f"a column needs a non-empty name, got {column!r}")
    if not isinstance(type_text, str):
        raise ValueError(f"column '{name}' needs a type string, got {type_text!r}")
    return name, type_text


def plan_columns(columns: Iterable[Any], time_field: str) -> list[PlannedColumn]:
    """The output columns of the flatten rule, in order.

    ``columns`` are the table's data columns in catalog order, as ``{"name", "type"}`` mappings
    (the Glue API's ``Name``/``Type`` work too) or ``(name, type)`` pairs. ``time_field`` names the
    column (a dotted path for a struct field) that becomes a ``timestamp``.
    """
    taken: set[str] = set()
    plan: list[PlannedColumn] = []
    time_path = tuple(time_field.split(".")) if time_field else ()
    found_time = False

    def take(name: str) -> str:
        if name not in taken:
            taken.add(name)
            return name
        suffix = 2
        while f"{name}_{suffix}" in taken:
            suffix += 1
        taken.add(f"{name}_{suffix}")
        return f"{name}_{suffix}"

    def visit(path: tuple[str, ...], names: tuple[str, ...], glue_type: GlueType) -> None:
        nonlocal found_time
        if isinstance(glue_type, StructType):
            for field in glue_type.fields:
                visit(path + (field.name,), names + (snake_case(field.name),), field.type)
            return
        type_text = format_type(glue_type)
        if path == time_path or (len(time_path) > 1 and ".".join(path) == time_field):
            if not isinstance(glue_type, PrimitiveType) or glue_type.name not in ("string", "varchar", "char", "timestamp"):
                raise ValueError(f"time field '{time_field}' has type {type_text}; it must be a string or a timestamp")
            found_time = True
            type_text = "timestamp"
        plan.append(PlannedColumn(path, take("_".join(names)), type_text))

    for column in columns:
        name, type_text = _column_name_and_type(column)
        try:
            glue_type = parse_type(type_text)
        except ValueError as error:
            raise ValueError(f"column '{name}': {error}") from None
        visit((name,), (snake_case(name),), glue_type)

    if time_field and not found_time:
        raise ValueError(f"time field '{time_field}' is not a column of the table")
    return plan


def output_name(plan: Sequence[PlannedColumn], field: str) -> str:
    """The output name of a source column (dotted path for struct fields), e.g. the id field's."""
    path = tuple(field.split("."))
    for column in plan:
        if column.source_path == (field,) or column.source_path == path:
            return column.name
    raise ValueError(f"field '{field}' is not a column of the table")


# ---------------------------------------------------------------------------------------------
# Timestamps
# ---------------------------------------------------------------------------------------------

# Shared by the Python reference and the Spark expression, so both call the same strings null.
# Written to mean the same in Python and Java regex and to need no backslash inside a Spark SQL
# literal: `(?s)…(?!.)` is "end of input" in both, where Java's `$` would also accept a trailing
# newline that Spark's cast then trims away. A zone is required: a time without one is ambiguous
# and becomes null rather than a guess.
ISO_TIMESTAMP_PATTERN = (
    "(?s)^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}([.][0-9]{1,9})?(Z|[+-][0-9]{2}:[0-9]{2})(?!.)"
)
_ISO_TIMESTAMP = re.compile(ISO_TIMESTAMP_PATTERN)
_MAX_OFFSET = timedelta(hours=18)


def normalise_timestamp(value: Any) -> str | None:
    """An ISO 8601 time with ``Z`` or an offset as UTC ``YYYY-MM-DDTHH:MM:SS.ffffffZ``; anything else ``None``.

    Digits past microseconds are truncated, as Spark's timestamp cast does.
    """
    if isinstance(value, datetime):
        instant = value if value.tzinfo else value.replace(tzinfo=timezone.utc)
    else:
        if not isinstance(value, str) or not _ISO_TIMESTAMP.fullmatch(value):
            return None
        main, zone = (value[:-1], "+00:00") if value.endswith("Z") else (value[:-6], value[-6:])
        seconds, _, fraction = main.partition(".")
        try:
            base = datetime.strptime(seconds, "%Y-%m-%dT%H:%M:%S")
        except ValueError:
            return None
        offset = timedelta(hours=int(zone[1:3]), minutes=int(zone[4:6]))
        if offset > _MAX_OFFSET or int(zone[4:6]) > 59:
            return None
        if zone[0] == "-":
            offset = -offset
        micros = int((fraction + "000000")[:6])
        try:
            instant = base.replace(microsecond=micros, tzinfo=timezone(offset))
        except ValueError:
            return None
    try:
        utc = instant.astimezone(timezone.utc)
    except (OverflowError, ValueError):
        return None
    return (
        f"{utc.year:04d}-{utc.month:02d}-{utc.day:02d}T"
        f"{utc.hour:02d}:{utc.minute:02d}:{utc.second:02d}.{utc.microsecond:06d}Z"
    )


# ---------------------------------------------------------------------------------------------
# Rows (the reference implementation)
# ---------------------------------------------------------------------------------------------

_MISSING = object()


def _value_at(row: Mapping[str, Any], path: tuple[str, ...]) -> Any:
    value: Any = row
    for part in path:
        if not isinstance(value, Mapping):
            return None
        value = value.get(part, _MISSING)
        if value is _MISSING:
            return None
    return value


def flatten_rows(plan: Sequence[PlannedColumn], rows: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Rows keyed by source column names → rows keyed by output name, in plan order.

    A null or missing struct makes all its columns null; a missing field is null; the timestamp
    column is normalised (unparseable → null). Other values pass through unchanged.
    """
    result: list[dict[str, Any]] = []
    for row in rows:
        if not isinstance(row, Mapping):
            raise ValueError(f"a row must be a JSON object, got {type(row).__name__}")
        flat: dict[str, Any] = {}
        for column in plan:
            value = _value_at(row, column.source_path)
            flat[column.name] = normalise_timestamp(value) if column.type == "timestamp" and value is not None else value
        result.append(flat)
    return result


def dedupe(rows: Iterable[Mapping[str, Any]], id_field: str, existing_ids: Iterable[Any]) -> list[dict[str, Any]]:
    """Keeps input order; drops a row whose id appeared earlier in ``rows`` or is in ``existing_ids``.

    ``id_field`` is the id's output column name. Null ids are one group, as in Spark's window
    partitioning: the first null-id row is kept, later ones dropped; a null never matches stage.
    """
    seen: set[Any] = set()
    existing = {i for i in existing_ids if i is not None}
    kept: list[dict[str, Any]] = []
    for row in rows:
        key = _hashable(row.get(id_field))
        if key in seen or (key is not None and key in existing):
            continue
        seen.add(key)
        kept.append(dict(row))
    return kept


def _hashable(value: Any) -> Any:
    if isinstance(value, (dict, list)):
        return json.dumps(value, sort_keys=True)
    return value


# ---------------------------------------------------------------------------------------------
# Spark SQL
# ---------------------------------------------------------------------------------------------


def quote_identifier(name: str) -> str:
    """A Spark SQL identifier in backticks (``a.b`` stays one name; backticks doubled)."""
    return "`" + name.replace("`", "``") + "`"


def select_expressions(
    plan: Sequence[PlannedColumn],
    time_field: str,
    present: Iterable[tuple[str, ...]] | None = None,
) -> list[str]:
    """Spark SQL expressions for ``DataFrame.selectExpr`` producing the plan's columns, in order.

    A DynamicFrame's schema comes from the data it read, not the catalog, so a field no row had
    is absent: pass the paths the DataFrame has as ``present`` and absent ones become typed nulls.
    The time field is parsed only when it matches ``ISO_TIMESTAMP_PATTERN``, so Spark and the
    reference agree on what is null; the session time zone must be UTC. Scalars are cast to their
    catalog types; arrays, maps and structs pass through as read.
    """
    available = None if present is None else {tuple(p) for p in present}
    time_path = tuple(time_field.split("."))
    expressions: list[str] = []
    for column in plan:
        alias = quote_identifier(column.name)
        reference = ".".join(quote_identifier(part) for part in column.source_path)
        if available is not None and column.source_path not in available:
            expressions.append(f"CAST(NULL AS {spark_type(column.type)}) AS {alias}")
        elif column.type == "timestamp" and (column.source_path == time_path or column.source_path == (time_field,)):
            text = f"CAST({reference} AS STRING)"
            expressions.append(
                f"CASE WHEN {text} RLIKE '{ISO_TIMESTAMP_PATTERN}' THEN to_timestamp({text}) END AS {alias}"
            )
        elif isinstance(parse_type(column.type), PrimitiveType):
            # The data's inferred type can differ from the catalog's (a batch of whole numbers in a
            # double column); casting keeps stage's Parquet schema the catalog's from run to run.
            expressions.append(f"CAST({reference} AS {spark_type(column.type)}) AS {alias}")
        else:
            expressions.append(f"{reference} AS {alias}")
    return expressions


def _sql_string(value: str) -> str:
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"


_PARTITION_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def parse_partitions(argument: str) -> list[dict[str, str]]:
    """``--partitions``: a JSON array of ``k=v/k=v`` paths → one ``{key: value}`` per path, in order."""
    try:
        paths = json.loads(argument)
    except (TypeError, json.JSONDecodeError) as error:
        raise ValueError(f"--partitions must be a JSON array of partition paths: {error}") from None
    if not isinstance(paths, list) or not all(isinstance(p, str) for p in paths):
        raise ValueError("--partitions must be a JSON array of strings like \"year=2026/month=11/day=22/hour=05\"")
    result: list[dict[str, str]] = []
    for path in paths:
        values: dict[str, str] = {}
        for segment in path.strip("/").split("/"):
            key, sep, value = segment.partition("=")
            if not sep or not _PARTITION_KEY.fullmatch(key) or not value:
                raise ValueError(f"--partitions: '{path}' is not a partition path like year=2026/month=11")
            if key in values:
                raise ValueError(f"--partitions: '{path}' repeats the key '{key}'")
            values[key] = value
        if values not in result:
            result.append(values)
    return result


def push_down_predicate(partitions: Sequence[Mapping[str, str]]) -> str:
    """A Glue push-down predicate selecting exactly these partitions (an empty list selects none)."""
    if not partitions:
        return "false"
    clauses = []
    for values in partitions:
        # Keys are plain identifiers (checked by parse_partitions), so they need no quoting.
        terms = " AND ".join(f"{k} = {_sql_string(v)}" for k, v in values.items())
        clauses.append(f"({terms})")
    return " OR ".join(clauses)


def partition_values_predicate(values_by_key: Mapping[str, Iterable[str | None]]) -> str:
    """A predicate over stage partitions holding any of these values per key (a superset is fine:
    it only narrows which stage ids are read for the anti join)."""
    terms = []
    for key, given in values_by_key.items():
        if not _PARTITION_KEY.fullmatch(key):
            raise ValueError(f"'{key}' is not a partition key name")
        values = list(given)
        # Spark writes a null or empty value to the Hive default partition alike.
        present = sorted({v for v in values if v is not None and v != ""})
        has_null = any(v is None or v == "" for v in values)
        options = []
        if present:
            options.append(f"{key} IN ({', '.join(_sql_string(v) for v in present)})")
        if has_null:
            # Glue writes a null partition value as the Hive default partition name.
            options.append(f"{key} = '__HIVE_DEFAULT_PARTITION__'")
        if not options:
            return "false"
        terms.append("(" + " OR ".join(options) + ")")
    return " AND ".join(terms) if terms else "true"

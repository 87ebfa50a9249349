#!/usr/bin/env python3
"""The transformer's job written the way AWS's Python Firehose processing blueprint does it.

The blueprint (kinesis-firehose-process-record-python) loops over event['records'], base64-decodes each record's
data, works on it and answers {recordId, result, data} with the data base64-encoded again. Here the work is this
project's rules from datasets.json: types, required fields, ranges, lengths, patterns, enums (lower-cased),
timestamps (UTC ISO-8601 with milliseconds), schema fields first in schema order, then unknown fields, then
ingest_time, and metadata.partitionKeys. It is the peer the C# transformer is measured against, not a second
implementation to deploy: its error messages are shorter and its edge cases are not the contract's.

  python3 transformer_peer.py --datasets datasets.json --dataset vehicle_telemetry --records records.ndjson

reads NDJSON records (the generator's --dry-run output), builds Firehose invocations of 500 records and prints
  python-peer <dataset> <records/s> records/s <MB/s> MB/s (one core)
with MB/s of record data (before base64), pinned to one core.
"""

import argparse
import base64
import json
import os
import re
import time
from datetime import datetime, timezone

ISO = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|z|[+-]\d{2}(:?\d{2})?)?$")


class Invalid(Exception):
    pass


def compile_fields(fields, prefix=""):
    compiled = []
    for f in fields:
        c = dict(f)
        c["path"] = prefix + f["name"] if "name" in f else prefix
        if "pattern" in f:
            c["regex"] = re.compile(f["pattern"])
        if "enum" in f:
            c["enum_map"] = {v.lower(): v.lower() for v in f["enum"]}
        if "fields" in f:
            c["fields"] = compile_fields(f["fields"], c["path"] + ".")
        if "items" in f:
            item = dict(f["items"])
            item["name"] = f["name"] + "[]"
            c["items"] = compile_fields([item], prefix)[0]
        compiled.append(c)
    return compiled


def check_range(field, number):
    if "min" in field and number < field["min"]:
        raise Invalid(f"field '{field['path']}' is below the minimum")
    if "max" in field and number > field["max"]:
        raise Invalid(f"field '{field['path']}' is above the maximum")


def normalise_value(field, value, keys):
    kind = field["type"]
    if kind == "string":
        if not isinstance(value, str):
            raise Invalid(f"field '{field['path']}' must be a string")
        text = value.strip()
        if "enum_map" in field:
            text = field["enum_map"].get(text.lower())
            if text is None:
                raise Invalid(f"field '{field['path']}' is not one of {field['enum']}")
        if "min_length" in field and len(text) < field["min_length"]:
            raise Invalid(f"field '{field['path']}' is too short")
        if "max_length" in field and len(text) > field["max_length"]:
            raise Invalid(f"field '{field['path']}' is too long")
        if "regex" in field and not field["regex"].match(text):
            raise Invalid(f"field '{field['path']}' does not match")
        return text
    if kind in ("int", "long"):
        if isinstance(value, bool) or not isinstance(value, int):
            raise Invalid(f"field '{field['path']}' must be an integer")
        check_range(field, value)
        return value
    if kind == "double":
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value != value or value in (float("inf"), float("-inf")):
            raise Invalid(f"field '{field['path']}' must be a finite number")
        check_range(field, value)
        return value
    if kind == "boolean":
        if not isinstance(value, bool):
            raise Invalid(f"field '{field['path']}' must be a boolean")
        return value
    if kind == "timestamp":
        if not isinstance(value, str) or not ISO.match(value.strip()):
            raise Invalid(f"field '{field['path']}' is not an ISO-8601 timestamp")
        instant = datetime.fromisoformat(value.strip().replace("z", "Z"))
        if instant.tzinfo is None:
            instant = instant.replace(tzinfo=timezone.utc)
        instant = instant.astimezone(timezone.utc)
        if not 1970 <= instant.year <= 2100:
            raise Invalid(f"field '{field['path']}' is outside the years 1970-2100")
        for key in field.get("partition_keys", ()):
            keys.setdefault(key["name"], instant.strftime("%Y-%m-%d"))
        return instant.strftime("%Y-%m-%dT%H:%M:%S.") + f"{instant.microsecond // 1000:03d}Z"
    if kind == "struct":
        if not isinstance(value, dict):
            raise Invalid(f"field '{field['path']}' must be an object")
        return normalise_object(field["fields"], value, keys)
    if kind == "array":
        if not isinstance(value, list):
            raise Invalid(f"field '{field['path']}' must be an array")
        if "max_items" in field and len(value) > field["max_items"]:
            raise Invalid(f"field '{field['path']}' has too many items")
        if any(v is None for v in value):
            raise Invalid(f"field '{field['path']}' contains null")
        return [normalise_value(field["items"], v, keys) for v in value]
    raise Invalid(f"field '{field['path']}' has unsupported type {kind}")


def normalise_object(fields, obj, keys, ingest_time=None):
    out = {}
    for field in fields:
        value = obj.get(field["name"])
        if value is None:
            if field.get("required"):
                raise Invalid(f"missing required field '{field['path']}'")
            continue
        out[field["name"]] = normalise_value(field, value, keys)
    known = {f["name"] for f in fields}
    for name, value in obj.items():
        if name not in known and not (ingest_time is not None and name == "ingest_time"):
            out[name] = value
    if ingest_time is not None:
        out["ingest_time"] = ingest_time
    return out


def make_handler(dataset):
    fields = compile_fields(dataset["fields"])
    for key in dataset.get("lambda_partition_keys", ()):
        for field in fields:
            if field["name"] == key["field"]:
                field.setdefault("partition_keys", []).append(key)

    def lambda_handler(event, context):
        output = []
        for record in event["records"]:
            payload = base64.b64decode(record["data"])
            try:
                obj = json.loads(payload)
                if not isinstance(obj, dict):
                    raise Invalid("record must be a JSON object")
                keys = {}
                arrival = datetime.fromtimestamp(record["approximateArrivalTimestamp"] / 1000, tz=timezone.utc)
                ingest = arrival.strftime("%Y-%m-%dT%H:%M:%S.") + f"{arrival.microsecond // 1000:03d}Z"
                normalised = normalise_object(fields, obj, keys, ingest)
                data = json.dumps(normalised, ensure_ascii=False, separators=(",", ":")) + "\n"
                answer = {"recordId": record["recordId"], "result": "Ok", "data": base64.b64encode(data.encode("utf-8")).decode("ascii")}
                if keys:
                    answer["metadata"] = {"partitionKeys": keys}
                output.append(answer)
            except (ValueError, Invalid):
                output.append({"recordId": record["recordId"], "result": "ProcessingFailed", "data": record["data"]})
        return {"records": output}

    return lambda_handler


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--datasets", required=True)
    parser.add_argument("--dataset", required=True)
    parser.add_argument("--records", required=True, help="NDJSON file of records")
    parser.add_argument("--seconds", type=float, default=5.0, help="how long to measure (after one warm-up pass)")
    args = parser.parse_args()

    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})

    with open(args.datasets, encoding="utf-8") as f:
        dataset = next(d for d in json.load(f)["datasets"] if d["name"] == args.dataset)
    with open(args.records, "rb") as f:
        lines = [line.rstrip(b"\n") for line in f if line.strip()][:500]

    event = {
        "invocationId": "benchmark",
        "deliveryStreamArn": f"arn:aws:firehose:us-east-1:000000000000:deliverystream/pipeline-bench-{args.dataset}",
        "region": "us-east-1",
        "records": [
            {"recordId": f"r{i}", "approximateArrivalTimestamp": 1_767_225_600_000 + i, "data": base64.b64encode(line).decode("ascii")}
            for i, line in enumerate(lines)
        ],
    }
    handler = make_handler(dataset)
    handler(event, None)

    record_bytes = sum(len(line) for line in lines)
    invocations = 0
    started_cpu = time.process_time()
    started = time.perf_counter()
    while time.perf_counter() - started < args.seconds:
        handler(event, None)
        invocations += 1
    cpu = time.process_time() - started_cpu
    ok = sum(1 for r in handler(event, None)["records"] if r["result"] == "Ok")
    records_per_second = invocations * len(lines) / cpu
    megabytes_per_second = invocations * record_bytes / cpu / 1e6
    print(f"{'python-peer':<12} {args.dataset:<18} {records_per_second:12,.0f} records/s {megabytes_per_second:8,.1f} MB/s (one core)"
          f"  [{ok}/{len(lines)} ok, CPU time]")


if __name__ == "__main__":
    main()

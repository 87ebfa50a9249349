#!/usr/bin/env python3
"""Counts what reached a dataset's raw prefix in the data lake: records, distinct ids, bytes, last object time.

Waits until the raw prefix holds --expect distinct ids or nothing new has landed for --quiet seconds (or --timeout
passes), then prints one JSON object. Firehose writes GZIP-compressed NDJSON (one normalised record per line), so
each object is decompressed and its lines counted; ids are read from each line's id field.
"""
import argparse
import gzip
import json
import sys
import time

import boto3
from botocore.config import Config


def scan(s3, bucket, prefix, seen, state):
    paginator = s3.get_paginator("list_objects_v2")
    for page in paginator.paginate(Bucket=bucket, Prefix=prefix):
        for obj in page.get("Contents", []):
            key = obj["Key"]
            if key in seen:
                continue
            body = s3.get_object(Bucket=bucket, Key=key)["Body"].read()
            data = gzip.decompress(body) if body[:2] == b"\x1f\x8b" else body
            seen[key] = obj["LastModified"].timestamp()
            for line in data.splitlines():
                if not line.strip():
                    continue
                state["records"] += 1
                state["bytes"] += len(line) + 1
                try:
                    state["ids"].add(json.loads(line)[state["id_field"]])
                except (ValueError, KeyError, TypeError):
                    state["unreadable"] += 1


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--endpoint", required=True)
    parser.add_argument("--bucket", required=True)
    parser.add_argument("--prefix", required=True)
    parser.add_argument("--id-field", default="event_id")
    parser.add_argument("--expect", type=int, required=True, help="records sent (accepted by Firehose)")
    parser.add_argument("--quiet", type=float, default=90, help="give up after this long without a new object")
    parser.add_argument("--timeout", type=float, default=900)
    args = parser.parse_args()

    s3 = boto3.client("s3", endpoint_url=args.endpoint, region_name="us-east-1", aws_access_key_id="test",
                      aws_secret_access_key="test", config=Config(s3={"addressing_style": "path"}))
    seen = {}
    state = {"records": 0, "bytes": 0, "ids": set(), "unreadable": 0, "id_field": args.id_field}
    started = time.monotonic()
    last_new = started
    while True:
        before = len(seen)
        scan(s3, args.bucket, args.prefix, seen, state)
        now = time.monotonic()
        if len(seen) > before:
            last_new = now
        if len(state["ids"]) >= args.expect or now - last_new > args.quiet or now - started > args.timeout:
            break
        time.sleep(2)

    json.dump({
        "objects": len(seen),
        "records": state["records"],
        "distinct": len(state["ids"]),
        "duplicates": state["records"] - len(state["ids"]) - state["unreadable"],
        "unreadable": state["unreadable"],
        "lost": max(0, args.expect - len(state["ids"])),
        "bytes": state["bytes"],
        "last_object_epoch": max(seen.values()) if seen else None,
    }, sys.stdout)
    print()


if __name__ == "__main__":
    main()

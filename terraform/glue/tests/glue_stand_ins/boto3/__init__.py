"""Stand-in for boto3: importable; the job never gets as far as a client in the test of Glue's start."""

from __future__ import annotations

from typing import Any


def client(service: str, **kwargs: Any) -> Any:
    raise AssertionError(f"the stand-in boto3 has no {service} client")

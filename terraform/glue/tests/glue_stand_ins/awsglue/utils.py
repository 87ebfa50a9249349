"""Stand-in for awsglue.utils.getResolvedOptions, following awsglue's rules (see ../README.md)."""

from __future__ import annotations

import argparse
from typing import Sequence

from awsglue.job import CONTINUATION_OPTION, ENCRYPTION_TYPE, ID_PARAMETERS, JOB_BOOKMARK_OPTION, JOB_BOOKMARK_RANGE


class GlueArgumentError(Exception):
    pass


class _GlueArgumentParser(argparse.ArgumentParser):
    # Like awsglue: an argument error is raised, not printed with sys.exit().
    def error(self, message: str) -> None:  # type: ignore[override]
        raise GlueArgumentError(message)


def _reserved() -> list[str]:
    return [JOB_BOOKMARK_OPTION[0], CONTINUATION_OPTION[0], *JOB_BOOKMARK_RANGE, *ID_PARAMETERS, ENCRYPTION_TYPE[0]]


def getResolvedOptions(args: Sequence[str], options: Sequence[str]) -> dict[str, str | None]:  # noqa: N802 (awsglue's name)
    for option in _reserved():
        if option[2:] in options:
            raise RuntimeError("Using reserved arguments " + option)

    parser = _GlueArgumentParser()
    parser.add_argument(JOB_BOOKMARK_OPTION[0], choices=JOB_BOOKMARK_OPTION[1:], required=False)
    parser.add_argument(CONTINUATION_OPTION[0], choices=CONTINUATION_OPTION[1:], required=False)
    for option in JOB_BOOKMARK_RANGE + ID_PARAMETERS:
        parser.add_argument(option, required=False)
    parser.add_argument(ENCRYPTION_TYPE[0], choices=ENCRYPTION_TYPE[1:])
    # TempDir is optional however it is asked for.
    parser.add_argument("--TempDir", required=False)
    parser.add_argument("--RedshiftTempDir", required=False)
    for option in options:
        if option not in ("TempDir", "RedshiftTempDir"):
            parser.add_argument("--" + option, required=True)

    # args[0] is the script; arguments no one asked for (--enable-metrics, --extra-py-files, ...) are ignored.
    parsed, _ = parser.parse_known_args(list(args[1:]))
    resolved = vars(parsed)
    if resolved.get("TempDir") is not None:
        resolved["RedshiftTempDir"] = resolved["TempDir"]

    continuation = resolved.pop("continuation_option", None)
    if resolved.get("job_bookmark_option") is None:
        if continuation is None:
            resolved["job_bookmark_option"] = JOB_BOOKMARK_OPTION[3]
        else:
            resolved["job_bookmark_option"] = JOB_BOOKMARK_OPTION[CONTINUATION_OPTION.index(continuation)]

    absent = [option for option in JOB_BOOKMARK_RANGE if resolved.get(option[2:].replace("-", "_")) is None]
    if resolved["job_bookmark_option"] == JOB_BOOKMARK_OPTION[2]:
        if len(absent) == 1:
            raise RuntimeError("Missing option or value for " + absent[0])
    elif not absent:
        raise RuntimeError("Invalid option(s)" + " ".join(JOB_BOOKMARK_RANGE))
    return resolved

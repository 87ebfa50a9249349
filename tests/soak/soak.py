#!/usr/bin/env python3
"""Soak run of the whole local pipeline (not part of CI).

Starts the app host (`dotnet run --project Pipeline.AppHost`) with the generators at --rate records/s per dataset on a
fresh data directory, and every --interval seconds samples, per process of the run, resident memory, threads and open
files, plus the data directory's size and the stage tables' row counts (through LocalCloud's Athena with the AWS CLI).
Writes <out>/soak.json, <out>/soak.csv and one SVG chart per measure, and prints whether each measure was flat after
warm-up (the last third of the run within 15 % of the middle third, or growing by less than 1 % a minute).

    python3 tests/soak/soak.py --minutes 30 --rate 2000 --out docs/soak
"""

import argparse
import csv
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Which role a process plays, from its command line.
ROLES = [
    ("pipeline-localcloud", "localcloud"),
    ("pipeline-generator", "generators"),
    ("Pipeline.FirehoseTransformer", "functions"),
    ("Pipeline.CrawlerTrigger", "functions"),
    ("Pipeline.EtlJobRunner", "functions"),
    ("Pipeline.Notifier", "functions"),
    ("Aspire.Dashboard", "dashboard"),
    ("/dcp", "dcp"),
    ("Pipeline.AppHost", "apphost"),
]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def processes_of(root_pid, markers):
    """
    The run's processes: those descended from root_pid; DCP, which detaches but names the app host it watches
    (--monitor <pid>), and what descends from it; and any process whose command line, environment or working
    directory names one of the markers (the data directory, the port).
    """
    children, found, context = {}, {}, {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        pid = int(entry)
        try:
            stat = Path(f"/proc/{pid}/stat").read_text()
            ppid = int(stat[stat.rindex(")") + 2:].split()[1])
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except (OSError, ValueError):
            continue
        try:
            environ = Path(f"/proc/{pid}/environ").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            cwd = os.readlink(f"/proc/{pid}/cwd")
        except OSError:
            environ, cwd = "", ""
        children.setdefault(ppid, []).append(pid)
        found[pid] = cmdline
        context[pid] = f"{cmdline} {environ} {cwd}"

    def descendants(roots):
        keep, pending = set(), list(roots)
        while pending:
            pid = pending.pop()
            if pid not in keep:
                keep.add(pid)
                pending.extend(children.get(pid, []))
        return keep

    keep = descendants([root_pid])
    watchers = [pid for pid, cmdline in found.items() if any(f"--monitor {p} " in cmdline + " " for p in keep)]
    keep |= descendants(watchers)
    keep |= {pid for pid, text in context.items() if any(m in text for m in markers)}
    return {pid: found[pid] for pid in keep if pid in found}


def role_of(cmdline):
    for needle, role in ROLES:
        if needle in cmdline:
            return role
    return None


def sample_process(pid):
    try:
        status = Path(f"/proc/{pid}/status").read_text()
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        rss_kib = int(fields["VmRSS"].split()[0]) if "VmRSS" in fields else 0
        threads = int(fields["Threads"])
        fds = len(os.listdir(f"/proc/{pid}/fd"))
        return rss_kib, threads, fds
    except (OSError, KeyError, ValueError):
        return None


def directory_bytes(path):
    total = 0
    for folder, _, files in os.walk(path):
        for name in files:
            try:
                total += os.lstat(os.path.join(folder, name)).st_size
            except OSError:
                pass
    return total


def stage_rows(port, table):
    env = dict(os.environ, AWS_ACCESS_KEY_ID="test", AWS_SECRET_ACCESS_KEY="test", AWS_DEFAULT_REGION="us-east-1")
    aws = ["aws", "--endpoint-url", f"http://127.0.0.1:{port}", "athena"]
    try:
        query_id = subprocess.run(
            aws + ["start-query-execution", "--work-group", "pipeline-local", "--query-string", f"SELECT count(*) FROM pipeline.{table}",
                   "--query", "QueryExecutionId", "--output", "text"],
            env=env, capture_output=True, text=True, timeout=30, check=True).stdout.strip()
        for _ in range(60):
            state = subprocess.run(aws + ["get-query-execution", "--query-execution-id", query_id, "--query", "QueryExecution.Status.State", "--output", "text"],
                                   env=env, capture_output=True, text=True, timeout=30, check=True).stdout.strip()
            if state in ("SUCCEEDED", "FAILED", "CANCELLED"):
                break
            time.sleep(0.5)
        if state != "SUCCEEDED":
            return None
        rows = subprocess.run(aws + ["get-query-results", "--query-execution-id", query_id, "--query", "ResultSet.Rows[1].Data[0].VarCharValue", "--output", "text"],
                              env=env, capture_output=True, text=True, timeout=30, check=True).stdout.strip()
        return int(rows)
    except (subprocess.SubprocessError, ValueError):
        return None


def svg_chart(title, unit, series, path):
    """A plain line chart: minutes on x, one line per series."""
    width, height, left, bottom, top, right = 720, 360, 70, 40, 30, 150
    points = [p for values in series.values() for p in values]
    if not points:
        return
    xmax = max(x for x, _ in points) or 1
    ymax = max(y for _, y in points) or 1
    colours = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f"]

    def x_of(x):
        return left + (width - left - right) * x / xmax

    def y_of(y):
        return height - bottom - (height - bottom - top) * y / ymax

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" font-family="sans-serif" font-size="12">',
             f'<rect width="{width}" height="{height}" fill="white"/>',
             f'<text x="{left}" y="18" font-size="14">{title}</text>',
             f'<line x1="{left}" y1="{height - bottom}" x2="{width - right}" y2="{height - bottom}" stroke="black"/>',
             f'<line x1="{left}" y1="{top}" x2="{left}" y2="{height - bottom}" stroke="black"/>',
             f'<text x="{(left + width - right) / 2}" y="{height - 8}" text-anchor="middle">minutes</text>',
             f'<text x="{left - 8}" y="{top}" text-anchor="end">{ymax:,.0f}</text>',
             f'<text x="{left - 8}" y="{height - bottom}" text-anchor="end">0 {unit}</text>',
             f'<text x="{width - right}" y="{height - bottom + 16}" text-anchor="end">{xmax:.0f}</text>']
    for index, (name, values) in enumerate(sorted(series.items())):
        colour = colours[index % len(colours)]
        line = " ".join(f"{x_of(x):.1f},{y_of(y):.1f}" for x, y in values)
        parts.append(f'<polyline fill="none" stroke="{colour}" stroke-width="2" points="{line}"/>')
        parts.append(f'<text x="{width - right + 8}" y="{top + 16 * index + 4}" fill="{colour}">{name}</text>')
    parts.append("</svg>")
    Path(path).write_text("\n".join(parts))


def flat(values):
    """After warm-up: the last third within 15 % of the middle third, or growing by under 1 % of it a minute."""
    if len(values) < 6:
        return True, "too short to tell"
    third = len(values) // 3
    middle = sum(values[third:2 * third]) / third
    last = sum(values[2 * third:]) / len(values[2 * third:])
    if middle == 0:
        return last == 0, f"middle 0, last {last:.0f}"
    change = (last - middle) / middle
    slope = (values[-1] - values[2 * third]) / max(1, len(values) - 1 - 2 * third) / middle
    return abs(change) <= 0.15 or slope < 0.01, f"last third {change:+.1%} against the middle third, {slope:+.2%} a minute"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--minutes", type=float, default=30)
    parser.add_argument("--rate", type=float, default=2000, help="records/s per dataset")
    parser.add_argument("--interval", type=float, default=60, help="seconds between samples")
    parser.add_argument("--out", default=str(ROOT / "docs" / "soak"))
    args = parser.parse_args()

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    data = Path(tempfile.mkdtemp(prefix="pipeline-soak-"))
    port = free_port()
    subprocess.run(["dotnet", "build", str(ROOT / "Pipeline.AppHost"), "-v", "q", "-nologo"], check=True)
    host = subprocess.Popen(
        ["dotnet", "run", "--no-build", "--project", str(ROOT / "Pipeline.AppHost"), "--",
         "--generator-rate", str(args.rate), "--data-dir", str(data), "--port", str(port)],
        stdout=open(out / "apphost.log", "w"), stderr=subprocess.STDOUT, start_new_session=True)
    samples = []
    started = time.monotonic()
    try:
        while time.monotonic() - started < args.minutes * 60 + 1:
            time.sleep(args.interval if samples else min(args.interval, 30))
            minute = (time.monotonic() - started) / 60
            sample = {"minute": round(minute, 2), "data_dir_bytes": directory_bytes(data), "roles": {}}
            for pid, cmdline in processes_of(host.pid, [str(data), f"127.0.0.1:{port}"]).items():
                role = role_of(cmdline)
                measured = sample_process(pid)
                if role is None or measured is None:
                    continue
                totals = sample["roles"].setdefault(role, {"processes": 0, "rss_mib": 0.0, "threads": 0, "open_files": 0})
                totals["processes"] += 1
                totals["rss_mib"] += measured[0] / 1024
                totals["threads"] += measured[1]
                totals["open_files"] += measured[2]
            sample["stage_rows"] = {table: stage_rows(port, table) for table in ("vehicle_telemetry_stage", "clickstream_stage")}
            samples.append(sample)
            print(json.dumps(sample), flush=True)
    finally:
        os.killpg(host.pid, signal.SIGINT)
        try:
            host.wait(timeout=90)
        except subprocess.TimeoutExpired:
            os.killpg(host.pid, signal.SIGKILL)
        shutil.rmtree(data, ignore_errors=True)

    (out / "soak.json").write_text(json.dumps({"minutes": args.minutes, "rate_per_dataset": args.rate, "samples": samples}, indent=1))
    roles = sorted({role for s in samples for role in s["roles"]})
    with open(out / "soak.csv", "w", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(["minute", "data_dir_mib"] + [f"{r}_{m}" for r in roles for m in ("rss_mib", "threads", "open_files")])
        for s in samples:
            writer.writerow([s["minute"], round(s["data_dir_bytes"] / 2**20, 1)] +
                            [round(s["roles"].get(r, {}).get(m, 0), 1) for r in roles for m in ("rss_mib", "threads", "open_files")])
    verdicts = {}
    for measure, unit in (("rss_mib", "MiB"), ("threads", ""), ("open_files", "")):
        series = {r: [(s["minute"], s["roles"].get(r, {}).get(measure, 0)) for s in samples] for r in roles}
        svg_chart(f"{measure} per role", unit, series, out / f"{measure}.svg")
        for role, values in series.items():
            verdicts[f"{role} {measure}"] = flat([v for _, v in values])
    svg_chart("data directory", "MiB", {"data dir": [(s["minute"], s["data_dir_bytes"] / 2**20) for s in samples]}, out / "data_dir.svg")
    for name, (ok, why) in sorted(verdicts.items()):
        print(f"{'flat' if ok else 'GROWING':8} {name}: {why}")
    return 0 if all(ok for ok, _ in verdicts.values()) else 1


if __name__ == "__main__":
    sys.exit(main())

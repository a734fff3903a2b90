"""Load on a local ``xcheck serve``: seed-size pairs from concurrent clients, over loopback.

Starts the server (``python -m xcheck serve`` on a free 127.0.0.1 port), then prints:

- the warm latency of the seed (one client, sequential requests; target under 0.3 s),
- requests per second, median and p95 latency with ``--clients`` concurrent clients
  (default 4) sending the pairs of corpora/pairs in turn, until ``--requests`` (1,000) are
  answered or ``--max-seconds`` (120) have passed,
- how long ``/healthz`` takes meanwhile (the event loop is not blocked by the checks),
- the server's memory (RSS of the server, its worker processes and their forkserver, from
  /proc: Linux only) on start-up, once every worker has checked every pair (its memos
  filled), and after the load; from the second to the third it should stay flat (10%).

    python benchmarks/serve_load.py [--workers 2] [--clients 4] [--requests 1000]
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAIRS = ROOT / "corpora" / "pairs"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def tree(pid: int) -> list[int]:
    """``pid`` and its descendants (the workers, the forkserver)."""
    out = [pid]
    for task in Path(f"/proc/{pid}/task").iterdir():
        children = (task / "children").read_text().split()
        for child in children:
            out += tree(int(child))
    return out


def rss_mb(pid: int) -> float:
    total = 0
    for p in tree(pid):
        for line in Path(f"/proc/{p}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                total += int(line.split()[1])
    return total / 1024


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of the server's process tree so far."""
    ticks = 0
    for p in tree(pid):
        fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
        ticks += int(fields[11]) + int(fields[12])  # utime, stime
    return ticks / os.sysconf("SC_CLK_TCK")


def pss_mb(pid: int) -> float:
    """Proportional set size: shared pages (copy-on-write from the forkserver) counted once."""
    total = 0
    for p in tree(pid):
        try:
            for line in Path(f"/proc/{p}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1])
        except OSError:
            return float("nan")
    return total / 1024


def request(conn: http.client.HTTPConnection, body: bytes) -> float:
    t0 = time.perf_counter()
    conn.request("POST", "/v1/check", body, {"content-type": "application/json"})
    response = conn.getresponse()
    data = response.read()
    if response.status != 200:
        raise RuntimeError(f"{response.status}: {data[:200]!r}")
    return time.perf_counter() - t0


def bodies() -> list[bytes]:
    out = []
    for zh in sorted(PAIRS.glob("*.zh.txt")):
        en = zh.with_name(zh.name.replace(".zh.", ".en."))
        out.append(json.dumps({"zh": zh.read_text("utf-8"), "en": en.read_text("utf-8"),
                               "names": {"zh": zh.name, "en": en.name}}).encode())
    return out


def wait_up(port: int, proc: subprocess.Popen[bytes], workers: int) -> float:
    t0 = time.perf_counter()
    while True:
        if proc.poll() is not None:
            sys.exit("xcheck serve exited during start-up")
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/healthz")
            if json.loads(conn.getresponse().read())["workers"] == workers:
                return time.perf_counter() - t0
        except OSError:
            pass
        time.sleep(0.2)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--clients", type=int, default=4)
    ap.add_argument("--requests", type=int, default=1000)
    ap.add_argument("--max-seconds", type=float, default=120.0)
    args = ap.parse_args()

    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("XCHECK_TOKEN", None)
    proc = subprocess.Popen([sys.executable, "-m", "xcheck", "serve", "--port", str(port),
                             "--workers", str(args.workers)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        started = wait_up(port, proc, args.workers)
        print(f"server up in {started:.1f} s ({args.workers} workers, {os.cpu_count()} CPUs,"
              f" load average {os.getloadavg()[0]:.1f} before the run)")
        work = bodies()
        seed = next(b for b in work if b'"seed.zh.txt"' in b)
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        mem_boot = rss_mb(proc.pid)
        for body in work * args.workers:  # every worker has seen every pair (its memos)
            request(conn, body)
        mem_start, pss_start = rss_mb(proc.pid), pss_mb(proc.pid)
        cpu0 = cpu_seconds(proc.pid)
        warm = sorted(request(conn, seed) for _ in range(20))
        cpu = (cpu_seconds(proc.pid) - cpu0) / len(warm)
        print(f"warm seed request (1 client, 20 requests): median "
              f"{statistics.median(warm) * 1000:.0f} ms, min {warm[0] * 1000:.0f} ms, "
              f"max {warm[-1] * 1000:.0f} ms (target < 300 ms); the server's CPU time per "
              f"request {cpu * 1000:.0f} ms (what latency is on an idle core)")

        latencies: list[float] = []
        health: list[float] = []
        lock = threading.Lock()
        done = threading.Event()
        t0 = time.perf_counter()
        deadline = t0 + args.max_seconds

        def client(k: int) -> None:
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            n = k
            while not done.is_set() and time.perf_counter() < deadline:
                seconds = request(c, work[n % len(work)])
                n += args.clients
                with lock:
                    latencies.append(seconds)
                    if len(latencies) >= args.requests:
                        done.set()

        def pinger() -> None:
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            while not done.is_set() and time.perf_counter() < deadline:
                t = time.perf_counter()
                c.request("GET", "/healthz")
                c.getresponse().read()
                health.append(time.perf_counter() - t)
                time.sleep(0.1)

        threads = [threading.Thread(target=client, args=(k,)) for k in range(args.clients)]
        threads.append(threading.Thread(target=pinger))
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        elapsed = time.perf_counter() - t0
        mem_end, pss_end = rss_mb(proc.pid), pss_mb(proc.pid)
        latencies.sort()
        p95 = latencies[int(0.95 * (len(latencies) - 1))]
        print(f"load: {len(latencies)} requests from {args.clients} clients in {elapsed:.1f} s"
              f" ({len(work)} pairs of corpora/pairs in turn)")
        print(f"  {len(latencies) / elapsed:.2f} requests/s; latency median "
              f"{statistics.median(latencies) * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms, "
              f"max {latencies[-1] * 1000:.0f} ms")
        health.sort()
        print(f"  /healthz during the load: median {statistics.median(health) * 1000:.1f} ms, "
              f"max {health[-1] * 1000:.1f} ms ({len(health)} probes)")
        served = len(latencies) + len(warm) + len(work) * args.workers
        print(f"memory (RSS of server + workers + forkserver): {mem_boot:.0f} MB on start-up, "
              f"{mem_start:.0f} MB once every worker has checked every pair, {mem_end:.0f} "
              f"MB after {served} requests ({(mem_end / mem_start - 1) * 100:+.1f}%; PSS, "
              f"shared pages counted once: {pss_start:.0f} -> {pss_end:.0f} MB)")
    finally:
        proc.terminate()
        proc.wait(30)


if __name__ == "__main__":
    main()

"""A bounded load test of the workbench (``moukit serve``) on loopback.

Run ``python bench/web_load.py`` (``--quick``: 40 requests; ``--clients``, ``--requests``).
It starts ``python -m moukit serve`` on 127.0.0.1 and a free port (a child process), then
``--clients`` (8) threads send ``--requests`` (200) check requests in all: each a POST of
/check with the trilingual (Thai, Japanese, English) DOCX of examples/chiang-mai-hokkaido.yaml
with one word changed in clause 3, and its CSRF token. Every answer must be 200 with the
verdict (review by the Council of State) on the page. It prints the latency (p50, p95, max,
wall clock of each request), the throughput and the server's peak memory (VmHWM, the peak
resident set), then stops the server. Only loopback is used; the loop is bounded by
``--requests`` and ``--timeout``. Nothing is written into the repository.
"""

from __future__ import annotations

import argparse
import io
import os
import re
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

sys.dont_write_bytecode = True

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "chiang-mai-hokkaido.yaml"


def draft() -> bytes:
    """The trilingual DOCX with one word changed in the English clause 3."""
    import docx

    import moukit

    document = docx.Document(io.BytesIO(moukit.render(EXAMPLE, "docx").data))
    for paragraph in document.paragraphs:
        for run in paragraph.runs:
            run.text = run.text.replace("maintain direct contact", "maintain regular contact")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def start_server() -> tuple[subprocess.Popen, str]:
    """``moukit serve`` on a free loopback port; returns the process and its URL."""
    env = dict(os.environ, PYTHAINLP_OFFLINE="1", PYTHAINLP_READ_ONLY="1",
               PYTHONPATH=str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", ""))
    proc = subprocess.Popen([sys.executable, "-m", "moukit", "serve", "--host", "127.0.0.1"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    line = proc.stdout.readline()
    found = re.search(r"http://127\.0\.0\.1:\d+/", line)
    if not found:
        proc.kill()
        raise SystemExit(f"the server did not start: {line!r} {proc.stderr.read()}")
    return proc, found.group(0).rstrip("/")


def peak_rss_mib(pid: int) -> float:
    """The peak resident set of process ``pid`` (VmHWM), in MiB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def client(url: str, data: bytes, jobs: list[int], lock: threading.Lock, times: list[float],
           failures: list[str], deadline: float) -> None:
    """One browser: a page for the cookie and token, then check requests until none is left."""
    import httpx

    with httpx.Client(base_url=url, timeout=120) as http:
        token = re.search(r'name="csrf" value="([^"]+)"', http.get("/check").text).group(1)
        while time.monotonic() < deadline:
            with lock:
                if not jobs:
                    return
                jobs.pop()
            start = time.perf_counter()
            response = http.post("/check", data={"csrf": token},
                                 files={"drafts": ("edited.docx", data, "application/octet-stream")})
            elapsed = time.perf_counter() - start
            ok = response.status_code == 200 and 'class="verdict council_of_state"' in response.text
            with lock:
                times.append(elapsed)
                if not ok:
                    failures.append(f"{response.status_code}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--timeout", type=float, default=900, help="stop after this many seconds")
    parser.add_argument("--quick", action="store_true", help="40 requests")
    args = parser.parse_args(argv)
    total = 40 if args.quick else args.requests
    data = draft()
    proc, url = start_server()
    try:
        jobs, times, failures, lock = list(range(total)), [], [], threading.Lock()
        deadline = time.monotonic() + args.timeout
        started = time.perf_counter()
        threads = [threading.Thread(target=client, args=(url, data, jobs, lock, times, failures, deadline))
                   for _ in range(args.clients)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        wall = time.perf_counter() - started
        peak = peak_rss_mib(proc.pid)
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    times.sort()
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))] if times else float("nan")
    print(f"load: {os.getloadavg()[0]:.2f} (1-min average at the end); {os.cpu_count()} CPUs")
    print(f"draft: {len(data) / 1024:.0f} KiB trilingual DOCX (th, ja, en), {args.clients} clients")
    print(f"requests: {len(times)} of {total}, errors: {len(failures)} {failures[:5]}")
    if times:
        print(f"latency: p50 {statistics.median(times) * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms, "
              f"max {times[-1] * 1000:.0f} ms")
        print(f"throughput: {len(times) / wall:.2f} checks/s over {wall:.1f} s")
    print(f"server peak memory (VmHWM): {peak:.0f} MiB")
    return 0 if not failures and len(times) == total else 1


if __name__ == "__main__":
    sys.exit(main())

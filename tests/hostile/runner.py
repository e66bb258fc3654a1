"""Child process for the hostile tests: run the moukit command line and record peak memory.

Usage: ``python -m hostile.runner MEMFILE MAX_BYTES ARGS...``. The address space is capped
at MAX_BYTES (so a memory blow-up fails instead of swapping the machine); the peak resident
size in KiB is written to MEMFILE whatever happens. Errors are left to the command line:
an uncaught exception prints its traceback on standard error, which the tests look for.
"""

from __future__ import annotations

import resource
import sys
from pathlib import Path


def peak_kib() -> int:
    """Peak resident memory of this program in KiB.

    VmHWM belongs to the program since ``exec``; ``ru_maxrss`` would also count the parent
    (a large pytest process) that forked this one.
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:  # pragma: no cover - not Linux
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def main(argv: list[str]) -> int:
    """Run ``moukit`` with ``argv[2:]`` under the limits given by ``argv[:2]``."""
    mem_file, max_bytes, *args = argv
    limit = int(max_bytes)
    if limit:
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    from moukit.cli import main as moukit_main

    try:
        return moukit_main(args)
    finally:
        Path(mem_file).write_text(str(peak_kib()))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Per-participant limits that hold: memory, processes and CPU for everything a participant starts, through
Linux control groups, and killing everything in a group when its server stops.

One group per session and account, `npm-course-hub/<session>/<account>`, plus `hub` for JupyterHub, its proxy,
the formgrader and the idle culler. A server joins its account's group before it drops root (the spawner's
pre-exec step), so everything it starts is counted there and cannot leave: the group's files belong to root.

cgroup v2 (the unified hierarchy, what systemd machines have today) is used when its memory, pids and cpu
controllers are available; otherwise cgroup v1's memory, pids and cpu hierarchies. The groups are made
directly, without systemd: the hub must also run where systemd is not process 1 (containers, small VMs).
"""
from __future__ import annotations

import os
import signal
import time
from pathlib import Path

CGROUP_ROOT = Path("/sys/fs/cgroup")
TOP = "npm-course-hub"
CONTROLLERS = ("memory", "pids", "cpu")
CPU_PERIOD = 100_000  # microseconds


def _v2_ready() -> bool:
    try:
        available = (CGROUP_ROOT / "cgroup.controllers").read_text().split()
    except OSError:
        return False
    return all(c in available for c in CONTROLLERS)


def _v1_ready() -> bool:
    return all((CGROUP_ROOT / c / "cgroup.procs").exists() for c in CONTROLLERS)


def why_no_limits() -> str | None:
    """Why per-participant limits cannot be enforced here, or None when they can."""
    if _v2_ready() or _v1_ready():
        return None
    return (f"per-participant limits need Linux cgroups with the {', '.join(CONTROLLERS)} controllers under "
            f"{CGROUP_ROOT} (cgroup v2, or v1 hierarchies); none were found")


def group_dirs(session: str, group: str | None = None) -> list[Path]:
    """The folders of a session's group (or of the whole session), one per hierarchy."""
    rel = Path(TOP) / session / (group or "")
    if _v2_ready():
        return [CGROUP_ROOT / rel]
    return [CGROUP_ROOT / c / rel for c in CONTROLLERS]


def _bytes(size: str) -> int:
    units = {"K": 1 << 10, "M": 1 << 20, "G": 1 << 30, "T": 1 << 40}
    size = size.strip().upper()
    if size[-1:] in units:
        return int(float(size[:-1]) * units[size[-1]])
    return int(size)


def _write(path: Path, value: str) -> None:
    path.write_text(value)


def make_group(session: str, group: str, *, memory: str | None = None, cpus: float | None = None,
               pids: int | None = None) -> None:
    """Create (or update) a group and its limits; None leaves that resource unlimited."""
    if _v2_ready():
        for parent in (CGROUP_ROOT / TOP, CGROUP_ROOT / TOP / session):
            parent.mkdir(exist_ok=True)
            _write(parent / "cgroup.subtree_control", " ".join(f"+{c}" for c in CONTROLLERS))
        path = CGROUP_ROOT / TOP / session / group
        path.mkdir(exist_ok=True)
        if memory:
            _write(path / "memory.max", str(_bytes(memory)))
            if (path / "memory.swap.max").exists():
                _write(path / "memory.swap.max", "0")
        if pids:
            _write(path / "pids.max", str(pids))
        if cpus:
            _write(path / "cpu.max", f"{int(cpus * CPU_PERIOD)} {CPU_PERIOD}")
        return
    for controller in CONTROLLERS:
        path = CGROUP_ROOT / controller / TOP / session / group
        path.mkdir(parents=True, exist_ok=True)
        if controller == "memory" and memory:
            _write(path / "memory.limit_in_bytes", str(_bytes(memory)))
            if (path / "memory.memsw.limit_in_bytes").exists():  # swap counted too, where the kernel can
                _write(path / "memory.memsw.limit_in_bytes", str(_bytes(memory)))
        if controller == "pids" and pids:
            _write(path / "pids.max", str(pids))
        if controller == "cpu" and cpus:
            _write(path / "cpu.cfs_period_us", str(CPU_PERIOD))
            _write(path / "cpu.cfs_quota_us", str(int(cpus * CPU_PERIOD)))


def join(session: str, group: str, pid: int = 0) -> None:
    """Move a process (0: this one) into a group; its children are born there."""
    for path in group_dirs(session, group):
        _write(path / "cgroup.procs", str(pid or os.getpid()))


def members(session: str, group: str | None = None) -> set[int]:
    """Every process in a group, or in all of a session's groups."""
    found: set[int] = set()
    for base in group_dirs(session, group):
        if not base.is_dir():
            continue
        for procs in base.rglob("cgroup.procs"):
            try:
                found.update(int(line) for line in procs.read_text().split())
            except (OSError, ValueError):
                pass
    return found


def kill(session: str, group: str | None = None, timeout: float = 10) -> set[int]:
    """Kill every process in a group (or the whole session), again and again until none is left (a process
    forking while we kill lands in the same group). Returns what is still there after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    left = members(session, group)
    while left and time.monotonic() < deadline:
        for pid in left:
            try:
                os.kill(pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
        time.sleep(0.05)
        left = members(session, group)
    return left


def remove(session: str) -> None:
    """Remove a session's (empty) groups, deepest first."""
    for base in group_dirs(session):
        if not base.is_dir():
            continue
        for path in sorted((p for p in base.rglob("*") if p.is_dir()), key=lambda p: len(p.parts), reverse=True):
            _rmdir(path)
        _rmdir(base)


def _rmdir(path: Path) -> None:
    try:
        path.rmdir()  # cgroup folders are removed empty-handed: their files go with them
    except OSError:
        pass

"""Starting and stopping a session's hub: JupyterHub in its own control group, the public port checked to be
the proxy's, and a stop that leaves nothing running (JupyterHub first, gracefully, so that it stops every
server; then whatever is left: the proxy and the culler from their PID files and control groups, every
participant's processes)."""
from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

from . import limits
from .settings import HubError, Settings, app_dir, env_dir

HUB_GROUP = "hub"  # JupyterHub, the proxy, the formgrader and the culler (participants' groups are their names)


def hub_command(s: Settings) -> tuple[list[str], dict, Path]:
    env = {"PATH": f"{env_dir() / 'bin'}:/usr/local/bin:/usr/bin:/bin", "NPM_HUB_SETTINGS": str(s.state / "hub.json"),
           "LANG": "C.UTF-8", "HOME": str(s.state), "PYTHONNOUSERSITE": "1"}
    command = [str(env_dir() / "bin" / "jupyterhub"), "-f", str(app_dir() / "deploy" / "jupyterhub_config.py")]
    return command, env, s.state


def prepare(s: Settings) -> None:
    """The session's control groups with their limits, and the hub's state files root's alone."""
    limits.make_group(s.name, HUB_GROUP)
    for user in s.users:
        limits.make_group(s.name, user, memory=s.mem_limit, cpus=s.cpu_limit, pids=s.pids_limit)
    for path in s.state.iterdir():
        if path.is_file():
            os.chmod(path, 0o600)


def listener(port: int) -> tuple[int, str] | None:
    """The process listening on a TCP port (id and command line), or None when none is."""
    inodes = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            if fields[3] == "0A" and int(fields[1].rsplit(":", 1)[1], 16) == port:  # 0A: listening
                inodes.add(f"socket:[{fields[9]}]")
    if not inodes:
        return None
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            for fd in (proc / "fd").iterdir():
                if os.readlink(fd) in inodes:
                    command = (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
                    return int(proc.name), command.strip()
        except OSError:
            continue
    return -1, "(a process this check cannot see)"


def _check_port_free(s: Settings) -> None:
    holder = listener(s.port)
    if holder:
        pid, command = holder
        raise HubError(f"port {s.port} is already taken by process {pid} ({command[:200]}): stop it (or the hub "
                       f"session using it) and start again")


def start(s: Settings, log=None) -> subprocess.Popen:
    """JupyterHub in the background, in the session's hub group, with umask 077 (its database, cookie secret
    and PID files are root's alone)."""
    _check_port_free(s)
    prepare(s)
    command, env, cwd = hub_command(s)

    def confine():
        limits.join(s.name, HUB_GROUP)
        os.umask(0o077)

    return subprocess.Popen(command, env=env, cwd=cwd, stdout=log or subprocess.DEVNULL, stderr=subprocess.STDOUT,
                            start_new_session=True, preexec_fn=confine)


def proxy_pid(s: Settings) -> int | None:
    try:
        return int((s.state / "jupyterhub-proxy.pid").read_text())
    except (OSError, ValueError):
        return None


def wait_until_up(s: Settings, proc: subprocess.Popen | None = None, timeout: float = 120) -> None:
    """Until the hub answers on its public address, through its own proxy. Raises HubError (and stops what
    started) when it exits, does not answer, or another process holds its port."""
    import urllib.request

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise HubError(f"the hub exited with code {proc.returncode}: see its log")
        holder = listener(s.port)
        if holder and holder[0] > 0 and proxy_pid(s) and holder[0] != proxy_pid(s):  # -1: not seen yet (a race)
            if proc is not None:
                stop(s, proc)
            raise HubError(f"port {s.port} is held by process {holder[0]} ({holder[1][:200]}), not by the hub's "
                           f"proxy: the hub was stopped")
        try:
            with urllib.request.urlopen(f"{s.url}/hub/api/", timeout=2) as r:  # noqa: S310 (the hub's own address)
                if r.status == 200 and holder and holder[0] == proxy_pid(s) and _formgrader_up(s):
                    return
        except OSError:
            pass
        time.sleep(0.25)
    raise HubError(f"the hub did not answer on {s.url} within {timeout:.0f} s")


def _formgrader_up(s: Settings) -> bool:
    """Whether the formgrader service answers (the proxy says 503 while it is starting)."""
    import urllib.error
    import urllib.request

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    try:
        urllib.request.build_opener(NoRedirect).open(f"{s.url}/services/{s.course_id}/", timeout=5)
        return True
    except urllib.error.HTTPError as exc:
        return exc.code not in (502, 503, 504)
    except OSError:
        return False


def stop(s: Settings, proc: subprocess.Popen | None = None, timeout: float = 60) -> None:
    """JupyterHub gracefully (SIGTERM: it stops every server, the proxy and its services), then anything left:
    the processes in the PID files and in the session's control groups."""
    pid_file = s.state / "jupyterhub.pid"
    hub_pid = proc.pid if proc is not None else _read_pid(pid_file)
    if hub_pid and _alive(hub_pid, proc):
        os.kill(hub_pid, signal.SIGTERM)
        deadline = time.monotonic() + timeout
        while _alive(hub_pid, proc) and time.monotonic() < deadline:
            time.sleep(0.2)
    for pid in (hub_pid, proxy_pid(s)):
        if pid and pid in limits.members(s.name):  # only ours: a PID file may name a reused process id
            _kill(pid)
    left = limits.kill(s.name)
    if proc is not None:
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            pass
    for path in (pid_file, s.state / "jupyterhub-proxy.pid"):
        path.unlink(missing_ok=True)
    if left:
        raise HubError(f"processes of session {s.name} would not stop: {sorted(left)}")


def _read_pid(path: Path) -> int | None:
    try:
        return int(path.read_text())
    except (OSError, ValueError):
        return None


def _alive(pid: int, proc: subprocess.Popen | None) -> bool:
    if proc is not None and proc.pid == pid:
        return proc.poll() is None
    try:
        os.kill(pid, 0)
        return True
    except ProcessLookupError:
        return False


def _kill(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


class _Stop(Exception):
    """Ctrl+C or SIGTERM on `hub start`."""


def run_foreground(s: Settings) -> int:
    """`hub start`: run until Ctrl+C or SIGTERM (or until JupyterHub exits), then stop everything."""
    stopping = []

    def on_signal(signum, _frame):
        if not stopping:  # the first one stops; later ones wait for the stop under way
            stopping.append(signum)
            raise _Stop

    old = {sig: signal.signal(sig, on_signal) for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)}
    proc = None
    try:
        proc = start(s)
        wait_until_up(s, proc, timeout=s.start_timeout)
        print(f"The hub is up on {s.url}/ (Ctrl+C stops it and every server).", flush=True)
        while proc.poll() is None:
            time.sleep(0.5)
        raise HubError(f"the hub exited by itself (code {proc.returncode}); everything it started was stopped")
    except _Stop:
        return 0
    finally:
        stopping.append("stop")
        if proc is not None:
            print("Stopping the hub, every server, the proxy and the culler...", flush=True)
            stop(s, proc)
        for sig, handler in old.items():
            signal.signal(sig, handler)

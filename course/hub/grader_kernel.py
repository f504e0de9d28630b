"""The grading kernel: participants' code, during autograding, runs under the unprivileged grader account.

nbgrader (in the facilitator's formgrader) starts this kernel through its kernelspec. Two halves, standard
library only:

- `outer CONNECTION_FILE GRADER GRADING_DIR` runs as the facilitator. It reads the connection file (kept in
  the facilitator's private runtime folder) and hands it on stdin to the inner half, started with
  `sudo -n -u GRADER` (the only command the facilitator may run as the grader: /etc/sudoers.d/).
- `inner GRADING_DIR` runs as the grader. It makes a throw-away folder inside GRADING_DIR (the one place
  the grader may write), starts ipykernel there with HOME and TMPDIR pointing into it, and removes the folder
  when the kernel ends, or when its parent goes away.

The kernelspec uses interrupt_mode "message": the facilitator cannot signal the grader's processes.
"""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time


def outer(connection_file: str, grader: str, grading_dir: str) -> int:
    with open(connection_file, "rb") as f:
        info = f.read()
    command = ["sudo", "-n", "-u", grader, "--", sys.executable, "-I", os.path.abspath(__file__), "inner",
               grading_dir]
    proc = subprocess.Popen(command, stdin=subprocess.PIPE)
    proc.stdin.write(info)
    proc.stdin.close()
    for sig in (signal.SIGTERM, signal.SIGHUP):  # sudo relays these to the grader's side
        signal.signal(sig, lambda s, _f: proc.send_signal(s))
    signal.signal(signal.SIGINT, lambda s, _f: None)
    return proc.wait()


def inner(grading_dir: str) -> int:
    info = sys.stdin.buffer.read()
    os.umask(0o077)
    work = tempfile.mkdtemp(prefix="kernel-", dir=grading_dir)
    try:
        connection = os.path.join(work, "kernel.json")
        with open(connection, "wb") as f:
            f.write(info)
        env = {"PATH": f"{os.path.dirname(sys.executable)}:/usr/bin:/bin", "HOME": work, "TMPDIR": work,
               "IPYTHONDIR": os.path.join(work, ".ipython"), "MPLCONFIGDIR": os.path.join(work, ".mpl"),
               "JUPYTER_RUNTIME_DIR": work, "JUPYTER_DATA_DIR": work, "LANG": "C.UTF-8"}
        kernel = subprocess.Popen([sys.executable, "-m", "ipykernel_launcher", "-f", connection], cwd=work,
                                  env=env, stdin=subprocess.DEVNULL)
        signal.signal(signal.SIGINT, lambda s, _f: None)  # the kernel gets its own interrupts
        for sig in (signal.SIGTERM, signal.SIGHUP):
            signal.signal(sig, lambda s, _f: kernel.terminate())
        parent = os.getppid()
        while kernel.poll() is None:
            if os.getppid() != parent:  # sudo (and the facilitator's side) went away: stop the kernel
                kernel.terminate()
                try:
                    kernel.wait(5)
                except subprocess.TimeoutExpired:
                    kernel.kill()
                break
            time.sleep(0.5)
        return kernel.wait()
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    if sys.argv[1:2] == ["outer"] and len(sys.argv) == 5:
        sys.exit(outer(*sys.argv[2:]))
    if sys.argv[1:2] == ["inner"] and len(sys.argv) == 3:
        sys.exit(inner(sys.argv[2]))
    sys.exit("usage: grader_kernel.py outer CONNECTION_FILE GRADER GRADING_DIR | inner GRADING_DIR")

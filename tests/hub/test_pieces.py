"""The hub's pieces on their own, without a hub: refusing a forged submission, keeping only notebooks, the
public port's rule, telling who holds a port, a readable checkout, and control groups that hold and empty.
Needs root on Linux with cgroups (accounts' files, control groups), like the end-to-end test."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from course.hub.settings import check_can_run

REASON = check_can_run()
pytestmark = pytest.mark.skipif(REASON is not None, reason=f"hub pieces: {REASON}")


def test_a_submission_named_for_another_is_refused(tmp_path):
    import pwd

    from course.classroom.ownership import owner_problem

    nobody = pwd.getpwnam("nobody")
    forged = tmp_path / "root+quiz+2026-01-01 00:00:00.000000 UTC+x"  # named for root, made by nobody
    forged.mkdir()
    os.chown(forged, nobody.pw_uid, -1)
    assert owner_problem(forged, "root") == "it is named for root but belongs to nobody"
    assert owner_problem(forged, "nobody") is None
    # A name with no account: the collecting account's own files pass (a facilitator's machine), others' not.
    mine = tmp_path / "ana+quiz+2026-01-01 00:00:00.000000 UTC+x"
    mine.mkdir()
    assert owner_problem(mine, "ana-silva-no-account") is None
    assert "belongs to nobody" in owner_problem(forged, "ana-silva-no-account")


def test_only_notebooks_are_collected(tmp_path):
    from course.classroom.ownership import keep_notebooks

    (tmp_path / "sub").mkdir()
    (tmp_path / "quiz.ipynb").write_text("{}")
    (tmp_path / "report.html").write_text("<script></script>")
    (tmp_path / "sub" / "page.svg").write_text("<svg/>")
    (tmp_path / "link.ipynb").symlink_to("/etc/shadow")
    for own in ("timestamp.txt", "submission_secret.txt"):  # nbgrader's: released feedback needs them
        (tmp_path / own).write_text("x")
    removed = keep_notebooks(tmp_path)
    assert sorted(p.name for p in removed) == ["link.ipynb", "page.svg", "report.html"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["quiz.ipynb", "submission_secret.txt", "timestamp.txt"]


def test_setup_refuses_a_port_any_account_may_bind(tmp_path):
    from course.hub.provision import setup
    from course.hub.settings import HubError, first_unprivileged_port

    roster = tmp_path / "roster.csv"
    roster.write_text("id,name,institution,email\nana,Ana,NPM,\n")
    with pytest.raises(HubError, match="port 8000 is one any account may bind"):
        setup(roster, name="npmt-port", prefix="npmtport-", port=8000, quiet=True)
    assert first_unprivileged_port() > 80
    assert not Path("/srv/npm-course-hub/npmt-port").exists()


def test_listener_names_the_process_holding_a_port():
    from course.hub.running import listener
    from course.hub.settings import free_privileged_port

    port = free_privileged_port()
    assert listener(port) is None
    with socket.socket() as s:
        s.bind(("127.0.0.1", port))
        s.listen()
        pid, command = listener(port)
    assert pid == os.getpid() and "python" in command


def test_a_readable_checkout_is_flagged():
    import shutil
    import tempfile

    from course.hub.provision import readable_by_others

    top = Path(tempfile.mkdtemp(prefix="npmt-checkout-", dir="/tmp"))  # /tmp: open to every account
    try:
        specs = top / "quizzes" / "specs"
        specs.mkdir(parents=True)
        for folder in (top, top / "quizzes", specs):
            os.chmod(folder, 0o755)
        assert readable_by_others(specs)
        os.chmod(top, 0o700)  # what the guide asks for
        assert not readable_by_others(specs)
    finally:
        shutil.rmtree(top)


def test_control_groups_hold_and_empty():
    """A group's process limit holds for everything started inside it, and killing the group leaves nothing."""
    from course.hub import limits

    session = f"npmt-pieces-{os.getpid()}"
    limits.make_group(session, "p", memory="256M", cpus=0.5, pids=20)
    try:
        code = ("import os, time\nmade = 0\nfor _ in range(200):\n    try:\n        pid = os.fork()\n"
                "    except OSError:\n        break\n    if pid == 0:\n        time.sleep(60)\n        os._exit(0)\n"
                "    made += 1\nprint(made, flush=True)\ntime.sleep(60)\n")
        proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True,
                                preexec_fn=lambda: limits.join(session, "p"))
        made = int(proc.stdout.readline())
        assert 0 < made < 20
        assert len(limits.members(session)) == made + 1
        quota = [d / "cpu.max" for d in limits.group_dirs(session, "p") if (d / "cpu.max").exists()]
        quota = quota[0].read_text().split() if quota else [
            (d / f).read_text().strip() for d in limits.group_dirs(session, "p")
            for f in ("cpu.cfs_quota_us", "cpu.cfs_period_us") if (d / f).exists()]
        assert quota == ["50000", "100000"], quota  # half a CPU
        started = time.monotonic()
        assert limits.kill(session) == set()
        assert time.monotonic() - started < 10
        proc.wait(10)
    finally:
        limits.kill(session)
        limits.remove(session)
    assert not any(p.exists() for p in limits.group_dirs(session))

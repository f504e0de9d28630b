"""End to end: a real JupyterHub on loopback, a facilitator and three participants, the whole nbgrader cycle
over HTTP, and every isolation point of the hub set-up (deploy/jupyterhub, course/hub).

Needs root on Linux (it creates system accounts); skipped elsewhere. It always removes its accounts, home
folders, session state and processes (accounts are named npmt-<random>-...). The first run installs the hub's
environment into /opt/npm-course-hub (a few minutes); later runs reuse it."""
from __future__ import annotations

import pwd
import secrets
import subprocess
from pathlib import Path

import pytest

from course.hub.system import RUNUSER, check_can_run

REASON = check_can_run()
pytestmark = pytest.mark.skipif(REASON is not None, reason=f"hub end-to-end test: {REASON}")

QUIZ = "treaty_bodies"
RIGHT = {"who_sits_answer": 'answer = "b"', "npm_itself_answer": 'answer = "b"'}
# The attacker's answer cell: read the sources with hidden tests, write the gradebook, leave a file behind.
ATTACK = '''
import os, glob
answer = "b"
report = {"uid": os.getuid()}
for label, path, mode in [("source", SOURCE, "r"), ("gradebook", GRADEBOOK, "a"), ("release", RELEASE, "r")]:
    try:
        with open(path, mode) as f:
            f.write("x") if mode == "a" else f.read()
        report[label] = "OPENED"
    except OSError as exc:
        report[label] = type(exc).__name__
print("ATTACK-REPORT", report)
'''


def as_user(user: str, *command: str) -> subprocess.CompletedProcess:
    return subprocess.run([RUNUSER, "-u", user, "--", *command], capture_output=True, text=True)


@pytest.fixture(scope="module")
def hub(tmp_path_factory):
    from course.hub import system
    from dev.hub_client import HubClient

    tmp = tmp_path_factory.mktemp("hub")
    tag = secrets.token_hex(2)
    roster = tmp / "roster.csv"
    roster.write_text("id,name,institution,email\nana,Ana Test,NPM A,\nben,Ben Test,NPM B,\ncleo,Cleo Test,NPM C,\n")
    name = f"npmt-{tag}"
    system.EXPORT_DIR = tmp / "exports"
    settings = None
    proc = None
    log = open(tmp / "hub.log", "wb")
    try:
        settings, passwords = system.setup(roster, name=name, prefix=f"npmt{tag}-", ip="127.0.0.1",
                                           port=system._free_port(), facilitator="fac", quiet=True)
        proc = system.start(settings, log=log)
        system.wait_until_up(settings, proc, timeout=120)
        yield settings, passwords, HubClient(settings), proc
    finally:
        if proc is not None:
            system.stop(proc)
        log.close()
        if (system.STATE_ROOT / name / "hub.json").exists():  # the test tears down itself when it gets there
            system.teardown(name, export=False)
        leftovers = [line.pw_name for line in pwd.getpwall() if line.pw_name.startswith(f"npmt{tag}-")]
        assert not leftovers, f"accounts left behind: {leftovers}"
        print(f"hub log: {tmp / 'hub.log'}")


def test_hub_session_end_to_end(hub):
    settings, passwords, client, proc = hub
    fac = settings.facilitator
    ana, ben, cleo = sorted(settings.participants)
    course_dir = settings.course_dir
    source = course_dir / "source" / QUIZ / f"{QUIZ}.ipynb"
    gradebook = course_dir / "gradebook.db"

    # --- logging in: each with their own password; nobody with another's
    assert client.login(ana, passwords[ben]) is None, "a participant logged in as another with their own password"
    assert client.login(ben, "") is None
    sessions = {u: client.login(u, passwords[u]) for u in [fac, ana, ben, cleo]}
    assert all(sessions.values()), "a user could not log in with the password on their slip"
    tokens = {u: client.token(sessions[u], u) for u in sessions}

    # --- the formgrader: a hub service for the facilitator only
    assert client.formgrader(tokens[ana], "GET", "api/status").status_code == 403
    browser = sessions[ana].get(f"{settings.url}/services/{settings.course_id}/formgrader", timeout=60)
    assert browser.status_code == 403, browser.url
    status = client.formgrader(tokens[fac], "GET", "api/status")
    assert status.status_code == 200, status.text[:500]

    # --- release (facilitator)
    for step in ("assign", "release"):
        r = client.formgrader(tokens[fac], "POST", f"api/assignment/{QUIZ}/{step}")
        assert r.status_code == 200 and r.json().get("success"), f"{step}: {r.text[:2000]}"
    assert gradebook.exists()

    # --- fetch, answer and submit (participants, each on their own server)
    for user in (ana, ben, cleo):
        client.start_server(user)
    client.wait_ready([ana, ben, cleo], timeout=settings.start_timeout)
    assert client.user_call(ana, tokens[ana], "GET", "formgrader").status_code == 404, "formgrader shown to a participant"
    for user in (ana, ben, cleo):
        r = client.fetch(user, tokens[user], QUIZ)
        assert r.status_code == 200, r.text[:1000]
        nb = client.read_notebook(user, tokens[user], QUIZ)
        cells = client_answer_cells(nb)
        for grade_id, line in RIGHT.items():
            cells[grade_id]["source"] = line
        if user == cleo:
            cells["who_sits_answer"]["source"] = (ATTACK.replace("SOURCE", repr(str(source)))
                                                  .replace("GRADEBOOK", repr(str(gradebook)))
                                                  .replace("RELEASE", repr(str(course_dir / "release"))))
        client.write_notebook(user, tokens[user], QUIZ, nb)
        r = client.submit(user, tokens[user], QUIZ)
        assert r.status_code == 200 and '"success": false' not in r.text, r.text[:1000]

    # --- isolation on disk, as a participant
    exchange_course = settings.exchange / settings.course_id
    denied = as_user(ana, "ls", str(Path(pwd.getpwnam(ben).pw_dir)))
    assert denied.returncode != 0 and "Permission denied" in denied.stderr, "a participant listed another's home"
    denied = as_user(ana, "cat", str(Path(pwd.getpwnam(ben).pw_dir) / settings.course_id / QUIZ / f"{QUIZ}.ipynb"))
    assert denied.returncode != 0 and "Permission denied" in denied.stderr
    denied = as_user(ana, "ls", str(exchange_course / "inbound"))
    assert denied.returncode != 0 and "Permission denied" in denied.stderr, "a participant listed the inbound folder"
    moved = as_user(ana, "mv", str(exchange_course), str(settings.exchange / "renamed"))
    assert moved.returncode != 0 and exchange_course.is_dir(), "a participant renamed the exchange's course folder"
    for path in (source, gradebook):
        denied = as_user(ana, "cat", str(path))
        assert denied.returncode != 0 and "Permission denied" in denied.stderr, f"a participant read {path}"
    assert oct(settings.exchange.stat().st_mode)[-4:] == "1777", "the exchange lacks the sticky bit"

    # --- collect and autograde (facilitator); the attacker's code runs as the grader and fails to leak
    gradebook_before = gradebook.read_bytes()
    r = client.formgrader(tokens[fac], "POST", f"api/assignment/{QUIZ}/collect")
    assert r.status_code == 200 and r.json().get("success"), r.text[:2000]
    for user in (ana, ben, cleo):
        r = client.formgrader(tokens[fac], "POST", f"api/submission/{QUIZ}/{user}/autograde")
        assert r.status_code == 200 and r.json().get("success"), f"autograde {user}: {r.text[:3000]}"
    assert gradebook.read_bytes() != gradebook_before  # the facilitator's grading wrote it, not the attacker
    graded = (course_dir / "autograded" / cleo / QUIZ / f"{QUIZ}.ipynb").read_text()
    report = graded[graded.index("ATTACK-REPORT"):].split("\\n")[0]
    grader_uid = pwd.getpwnam(settings.grader).pw_uid
    assert f"'uid': {grader_uid}" in report, f"participants' code did not run as the grader: {report}"
    assert "'source': 'PermissionError'" in report, report
    assert "'gradebook': 'PermissionError'" in report, report
    assert "'release': 'PermissionError'" in report, report
    scores = {s["student"]: s["score"] for s in
              client.formgrader(tokens[fac], "GET", f"api/submissions/{QUIZ}").json()}
    assert set(scores) == {ana, ben, cleo} and all(scores[u] >= 2 for u in scores), scores
    assert not list(settings.grading.iterdir()), "the grader's throw-away folders were left behind"

    # --- tear-down exports the grades, then removes everyone's account and home
    from course.hub import system

    homes = [Path(pwd.getpwnam(u).pw_dir) for u in settings.users]
    system.stop(proc)
    exported = system.teardown(settings.name)
    assert exported is not None and ana in exported.read_text()
    assert not any(h.exists() for h in homes) and not settings.state.exists()
    assert not any(system.user_pids(u) for u in [*settings.users, settings.grader])


def client_answer_cells(nb):
    from dev.hub_client import answer_cells

    return answer_cells(nb)

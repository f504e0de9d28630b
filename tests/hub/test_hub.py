"""End to end: a real JupyterHub on loopback (`python -m course hub start`), a facilitator and four participants,
the whole nbgrader cycle over HTTP, and every attack of issue 17 performed as it was made: participants' code
through the hub's API (their own kernels), crafted submissions, a forged inbound file.

Needs root on Linux with cgroups (it creates system accounts and control groups); skipped elsewhere, saying
why. The tests run in order on one hub. Whatever happens, the fixture stops the hub and removes its accounts,
files, control groups and processes (accounts are named npmt<random>-...). The first run installs the hub's
environment into /opt/npm-course-hub (a few minutes; NPM_HUB_HOME chooses another place); later runs reuse it.
Every attack loop is bounded in count and time; all traffic stays on loopback."""
from __future__ import annotations

import json
import os
import pwd
import re
import secrets
import shlex
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from types import SimpleNamespace

import pytest

from course.hub.settings import RUNUSER, check_can_run

REASON = check_can_run()
pytestmark = pytest.mark.skipif(REASON is not None, reason=f"hub end-to-end test: {REASON}")

QUIZ = "treaty_bodies"
ANSWERED = 2  # the quiz's first two questions are answered rightly (the source's solution); the rest are not
WRONG = "zzz"  # wrong, or unreadable, for every kind of answer
MARKER = "PWNED-BY-SUBMISSION"
# A submission's output and cells that, shown as they are, would act as the facilitator in the formgrader.
PAYLOAD = (f"fetch('/services/npm-engagement/api/contents/{MARKER}.txt', {{method: 'PUT', "
           f"body: JSON.stringify({{type: 'file', format: 'text', content: '{MARKER}'}})}})")
# The rigged answer cell (the attack of issue 17, item 2): disarm the checks, answer wrongly, and leave a
# process behind that would outlive grading, if grading ran it.
RIGGED = f'''
import course.quiz as quiz, subprocess
quiz.check = quiz.grade = lambda *a, **k: None
subprocess.Popen(["/bin/sh", "-c", "touch /tmp/{MARKER}-grading; sleep 300"], start_new_session=True)
answer = "{WRONG}"
'''


def as_user(user: str, *command: str, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run([RUNUSER, "-u", user, "--", *command], capture_output=True, text=True, timeout=timeout)


def hub_cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "course", "hub", *args]


def start_hub(name: str, log: Path) -> subprocess.Popen:
    """`python -m course hub start`, as a facilitator runs it, in its own process group."""
    return subprocess.Popen(hub_cli("start", "--name", name), stdout=open(log, "ab"), stderr=subprocess.STDOUT,
                            start_new_session=True)


def wait_gone(pids, timeout: float = 30) -> set[int]:
    deadline = time.monotonic() + timeout
    left = set(pids)
    while left and time.monotonic() < deadline:
        left = {p for p in left if Path(f"/proc/{p}").exists()}
        time.sleep(0.2)
    return left


@pytest.fixture(scope="module")
def hub(tmp_path_factory):
    from course.hub import limits, provision, running, teardown
    from course.hub import settings as hub_settings
    from dev.hub_client import HubClient

    tmp = tmp_path_factory.mktemp("hub")
    tag = secrets.token_hex(2)
    roster = tmp / "roster.csv"
    roster.write_text("id,name,institution,email\nana,Ana Test,NPM A,\nben,Ben Test,NPM B,\n"
                      "cleo,Cleo Test,NPM C,\ndan,Dan Test,NPM D,\n")
    name = f"npmt-{tag}"
    teardown.EXPORT_DIR = tmp / "exports"
    log = tmp / "hub.log"
    proc = None
    try:
        settings, passwords = provision.setup(roster, name=name, prefix=f"npmt{tag}-", ip="127.0.0.1",
                                              port=hub_settings.free_privileged_port(), facilitator="fac",
                                              quiet=True)
        proc = start_hub(name, log)
        running.wait_until_up(settings, timeout=180)
        yield SimpleNamespace(s=settings, passwords=passwords, client=HubClient(settings), proc=proc, log=log,
                              tmp=tmp, tokens={})
    finally:
        if proc is not None and proc.poll() is None:
            proc.send_signal(signal.SIGINT)
            try:
                proc.wait(120)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
        if (hub_settings.STATE_ROOT / name / "hub.json").exists():  # the last test tears down itself
            teardown.teardown(name, export=False)
        leftovers = [e.pw_name for e in pwd.getpwall() if e.pw_name.startswith(f"npmt{tag}-")]
        assert not leftovers, f"accounts left behind: {leftovers}"
        assert not limits.members(name), "processes left in the session's control groups"
        print(f"hub log: {log}")


def participants(h):
    return sorted(h.s.participants)  # ana, ben, cleo, dan


def test_logins_and_formgrader_access(hub):
    h = hub
    client, fac = h.client, h.s.facilitator
    ana, ben, cleo, dan = participants(h)
    assert client.login(ana, h.passwords[ben]) is None, "a participant logged in as another with their own password"
    assert client.login(ben, "") is None
    sessions = {u: client.login(u, h.passwords[u]) for u in [fac, ana, ben, cleo, dan]}
    assert all(sessions.values()), "a user could not log in with the password on their slip"
    h.tokens.update({u: client.token(sessions[u], u) for u in sessions})
    h.sessions = sessions

    # the formgrader: a hub service for the facilitator only
    assert client.formgrader(h.tokens[ana], "GET", "api/status").status_code == 403
    browser = sessions[ana].get(f"{h.s.url}/services/{h.s.course_id}/formgrader", timeout=60)
    assert browser.status_code == 403, browser.url
    status = client.formgrader(h.tokens[fac], "GET", "api/status")
    assert status.status_code == 200, status.text[:500]
    for user in (ana, ben, cleo, dan):
        client.start_server(user)
    client.wait_ready([ana, ben, cleo, dan], timeout=h.s.start_timeout)
    assert client.user_call(ana, h.tokens[ana], "GET", "formgrader").status_code == 404, "formgrader shown to a participant"


def test_nothing_secret_is_readable_by_a_participant(hub):
    """Attack 4: the quiz specs (every answer, hint and explanation) and the hub's database were readable."""
    from course.hub.provision import checkout_warning
    from course.hub.teardown import find_command
    from course.i18n import LANGUAGES
    from course.paths import ROOT
    from course.quiz.generate import all_specs

    h = hub
    ana = participants(h)[0]
    for path in h.s.state.iterdir():
        if path.is_file():
            assert path.stat().st_mode & 0o077 == 0, f"{path} is readable by others: {oct(path.stat().st_mode)}"
    assert (h.s.state / "jupyterhub.sqlite").exists()
    assert not (Path(h.s.hub_home) / "app" / "quizzes" / "specs").exists(), "quiz specs in the hub's app folder"

    # Every hint and explanation of every quiz: none may be in a file a participant can read, anywhere on the
    # machine. grep finds the files holding the start of one (fast); each is then read for the whole text
    # (module prose may begin as an explanation does).
    secrets_ = {flat(text) for lang in LANGUAGES for quiz in all_specs(lang) for q in quiz.questions
                for text in (q.hint, q.explanation)}  # every edition's quizzes: a session may be in any language
    # The patterns, in ana's own file: the search must find that one (a control: it cannot pass by searching
    # nothing), and no other.
    control = Path(pwd.getpwnam(ana).pw_dir) / "quiz-secrets.txt"
    control.write_text("\n".join(sorted(secrets_)) + "\n")
    os.chown(control, pwd.getpwnam(ana).pw_uid, -1)
    starts = Path(pwd.getpwnam(ana).pw_dir) / "quiz-secret-starts.txt"
    starts.write_text("\n".join(sorted({t[:40] for t in secrets_})) + "\n")
    os.chown(starts, pwd.getpwnam(ana).pw_uid, -1)
    skip = ["/farm", "/mnt/sandboxing"]  # the machinery running this machine's sessions, not the project's
    # Files up to 100 MB (larger ones are programs and libraries; grep would hold a long line of one in memory).
    search = shlex.join(find_command(["/"], "-type", "f", "-size", "-100M", "-readable", skip=skip))
    started = time.monotonic()
    found = as_user(ana, "/bin/sh", "-c", f"{search} | xargs -0 -r nice grep -lsF -f {shlex.quote(str(starts))}",
                    timeout=900)
    print(f"searched every file {ana} can read (but {', '.join(skip)}) in {time.monotonic() - started:.0f} s")
    holding = [Path(line) for line in found.stdout.splitlines()
               if line != str(starts) and any(t in flat(Path(line).read_text(errors="replace")) for t in secrets_)]
    assert control in holding, f"the search did not work: {found.stderr[-1000:]}"
    # Course checkouts (a folder with the course package and its quiz specs) other than the hub's are the
    # machine owner's to keep private: `hub setup` warns about the one it runs from (on this development
    # machine, /work and copies in /tmp are open to all). Everything else must hold no secret.
    checkouts = [p for p in holding if any((a / "course").is_dir() and (a / "quizzes" / "specs").is_dir()
                                           for a in p.parents)]
    if checkouts:
        print(f"course checkouts readable by every account ({len(checkouts)} files), e.g. {checkouts[0]}")
        assert checkout_warning() or all(ROOT not in p.parents for p in checkouts)
    leaks = [str(p) for p in holding if p != control and p not in checkouts]
    assert not leaks, f"a participant can read quiz answers, hints or explanations in: {leaks[:20]}"


def flat(text: str) -> str:
    """Text with JSON's escaped line breaks and quotes undone and every run of white space one space."""
    return " ".join(text.replace("\\n", " ").replace('\\"', '"').split())


def test_participant_limits_hold_and_die_with_the_server(hub):
    """Attack 6: 5,000 processes forked in 3 s, 5.6 GB allocated under a 1 GB limit, processes outliving the
    server. Here through the participant's own kernel, bounded: at most 3,000 forks or 15 s."""
    h = hub
    client = h.client
    ana = participants(h)[0]
    said = client.run_code(ana, h.tokens[ana], '''
import os, time, subprocess, sys
made, refused, kids, started = 0, None, [], time.monotonic()
while made < 3000 and time.monotonic() - started < 15:
    try:
        pid = os.fork()
    except OSError as exc:
        refused = exc.errno
        break
    if pid == 0:
        time.sleep(30)
        os._exit(0)
    kids.append(pid)
    made += 1
for pid in kids:
    os.kill(pid, 9)
for pid in kids:
    os.waitpid(pid, 0)
print("FORKED", made, "REFUSED", refused)
r = subprocess.run([sys.executable, "-c", "b = bytearray(3 * 1024 ** 3); b[::4096] = b'x' * len(b[::4096]); print('ALLOCATED')"],
                   capture_output=True, text=True, timeout=60)
print("ALLOC", r.returncode, r.stdout.strip() or "-")
''')
    forked = int(re.search(r"FORKED (\d+)", said).group(1))
    assert forked < h.s.pids_limit, f"the process limit did not hold: {said}"
    assert "REFUSED 11" in said, said  # EAGAIN: the group's pids.max
    assert "ALLOCATED" not in said and "ALLOC -9" in said, f"the memory limit did not hold: {said}"

    # A detached process (new session, parent gone) dies with the server that started it.
    client.run_code(ana, h.tokens[ana], 'import subprocess\n'
                    'subprocess.Popen(["/bin/sh", "-c", "sleep 600"], start_new_session=True)\n')
    from course.hub.teardown import user_pids

    sleepers = [p for p in user_pids(ana) if Path(f"/proc/{p}/cmdline").read_bytes().startswith(b"sleep")]
    assert sleepers, "the detached process did not start"
    client.stop_server(ana)
    deadline = time.monotonic() + 60
    while client.ready(ana) and time.monotonic() < deadline:
        time.sleep(0.5)
    assert not wait_gone(user_pids(ana), timeout=30), f"{ana}'s processes outlived the server"
    client.start_server(ana)
    client.wait_ready([ana], timeout=h.s.start_timeout)


def test_quiz_cycle_with_rigged_forged_and_scripted_submissions(hub):
    """Attacks 1, 2 and 3 on the real cycle: release, fetch, answer, submit, collect, autograde."""
    from dev.hub_client import answer_cells

    h = hub
    client, fac, tokens = h.client, h.s.facilitator, h.tokens
    ana, ben, cleo, dan = participants(h)
    course_dir = h.s.course_dir
    gradebook = course_dir / "gradebook.db"
    # The right answers: the solutions in the facilitator's source notebook, whatever the quiz's spec says.
    source = json.loads((course_dir / "source" / QUIZ / f"{QUIZ}.ipynb").read_text())
    solutions, points = {}, {}
    for cell in source["cells"]:
        meta = cell.get("metadata", {}).get("nbgrader", {})
        if meta.get("grade"):
            points[meta["grade_id"]] = meta["points"]
        if meta.get("solution") and cell["cell_type"] == "code":
            text = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
            solutions[meta["grade_id"]] = re.search(r"### BEGIN SOLUTION\n(.*?)\n?### END SOLUTION", text, re.S).group(1)
    answered = list(solutions)[:ANSWERED]
    for step in ("assign", "release"):
        r = client.formgrader(tokens[fac], "POST", f"api/assignment/{QUIZ}/{step}")
        assert r.status_code == 200 and r.json().get("success"), f"{step}: {r.text[:2000]}"
    assert gradebook.exists()

    for user in (ana, ben, cleo, dan):
        r = client.fetch(user, tokens[user], QUIZ)
        assert r.status_code == 200, r.text[:1000]
        nb = client.read_notebook(user, tokens[user], QUIZ)
        cells = answer_cells(nb)
        for grade_id in answered:
            cells[grade_id]["source"] = solutions[grade_id]
        nb["cells"].append({"cell_type": "markdown", "metadata": {}, "source": f"Written by {user}"})
        if user == cleo:  # attack 2: disarm the checks, answer everything wrongly
            for cell in cells.values():
                cell["source"] = f'answer = "{WRONG}"'
            cells[answered[0]]["source"] = RIGGED
        if user == dan:  # attack 1: a script in an output, a markdown cell, a raw cell and a file
            script = f"<script>{PAYLOAD}</script><img src=x onerror=\"{PAYLOAD}\">"
            cells[answered[0]]["outputs"] = [{
                "output_type": "display_data", "metadata": {},
                "data": {"text/html": script, "application/javascript": PAYLOAD, "text/plain": "x"}}]
            cells[answered[0]]["execution_count"] = 1
            nb["cells"].insert(1, {"cell_type": "markdown", "metadata": {}, "source": script})
            nb["cells"].insert(2, {"cell_type": "raw", "metadata": {"format": "text/html"}, "source": script})
            r = client.user_call(dan, tokens[dan], "PUT", f"api/contents/{h.s.course_id}/{QUIZ}/report.html",
                                 json={"type": "file", "format": "text", "content": f"<html>{script}</html>"})
            assert r.status_code in (200, 201), r.text[:500]
        client.write_notebook(user, tokens[user], QUIZ, nb)
        r = client.submit(user, tokens[user], QUIZ)
        assert r.status_code == 200 and '"success": false' not in r.text, r.text[:1000]

    # Isolation on disk, as a participant
    exchange_course = h.s.exchange / h.s.course_id
    denied = as_user(ana, "ls", str(Path(pwd.getpwnam(ben).pw_dir)))
    assert denied.returncode != 0 and "Permission denied" in denied.stderr, "a participant listed another's home"
    denied = as_user(ana, "ls", str(exchange_course / "inbound"))
    assert denied.returncode != 0 and "Permission denied" in denied.stderr, "a participant listed the inbound folder"
    moved = as_user(ana, "mv", str(exchange_course), str(h.s.exchange / "renamed"))
    assert moved.returncode != 0 and exchange_course.is_dir(), "a participant renamed the exchange's course folder"
    for path in (course_dir / "source" / QUIZ / f"{QUIZ}.ipynb", gradebook):
        denied = as_user(ana, "cat", str(path))
        assert denied.returncode != 0 and "Permission denied" in denied.stderr, f"a participant read {path}"
    assert oct(h.s.exchange.stat().st_mode)[-4:] == "1777", "the exchange lacks the sticky bit"

    # Attack 3: ana puts her own (wrong) work into the inbound folder under ben's name, newer than his.
    forged = f"{ben}+{QUIZ}+{time.strftime('%Y-%m-%d %H:%M:%S', time.gmtime(time.time() + 3600))}.000000 UTC+forged"
    said = client.run_code(ana, tokens[ana], f'''
import json, os, shutil
src = os.path.expanduser("~/{h.s.course_id}/{QUIZ}")
dest = "{exchange_course / 'inbound'}/{forged}"
shutil.copytree(src, dest)
nb = json.load(open(dest + "/{QUIZ}.ipynb"))
for cell in nb["cells"]:
    if cell.get("metadata", {{}}).get("nbgrader", {{}}).get("solution"):
        cell["source"] = 'answer = "{WRONG}"'
nb["cells"].append({{"cell_type": "markdown", "metadata": {{}}, "source": "FORGED by ana"}})
json.dump(nb, open(dest + "/{QUIZ}.ipynb", "w"))
print("FORGED", os.stat(dest).st_uid)
''')
    assert f"FORGED {pwd.getpwnam(ana).pw_uid}" in said, said

    r = client.formgrader(tokens[fac], "POST", f"api/assignment/{QUIZ}/collect")
    assert r.status_code == 200 and r.json().get("success"), r.text[:2000]
    assert "Refused submission" in r.json().get("log", "") and forged in r.json()["log"], r.text[:2000]
    submitted = course_dir / "submitted"
    ben_nb = (submitted / ben / QUIZ / f"{QUIZ}.ipynb").read_text()
    assert f"Written by {ben}" in ben_nb and "FORGED" not in ben_nb, "the forged submission was collected as ben's"
    assert not (submitted / dan / QUIZ / "report.html").exists(), "a submitted HTML file was collected"

    for user in (ana, ben, cleo, dan):
        r = client.formgrader(tokens[fac], "POST", f"api/submission/{QUIZ}/{user}/autograde")
        assert r.status_code == 200 and r.json().get("success"), f"autograde {user}: {r.text[-4000:]}"

    # Attack 1: nothing a participant submitted runs in the facilitator's browser.
    graded = json.loads((course_dir / "autograded" / dan / QUIZ / f"{QUIZ}.ipynb").read_text())
    for cell in graded["cells"]:
        text = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
        assert "<script" not in text.lower() and "<img" not in text.lower(), f"unsanitised cell: {text[:300]}"
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            assert "application/javascript" not in data, output
            assert "<script" not in str(data.get("text/html", "")).lower(), output
    ids = {n["student"]: n["id"] for n in
           client.formgrader(tokens[fac], "GET", f"api/submitted_notebooks/{QUIZ}/{QUIZ}").json()}
    page = client.formgrader(tokens[fac], "GET", f"submissions/{ids[dan]}/")
    assert page.status_code == 200, page.text[:500]
    live_scripts = re.findall(r"<script[^>]*>(.*?)</script>", page.text, flags=re.S | re.I)
    assert not any(MARKER in s for s in live_scripts), "the submission's script is live in the formgrader's page"
    assert not re.search(r"<img[^>]*onerror", page.text, flags=re.I), "an event handler is live in the page"
    csp = page.headers.get("Content-Security-Policy", "")
    assert "object-src 'none'" in csp and "default-src 'self'" in csp, csp
    # Were a script to run there anyway: the formgrader's server runs no code and writes no file for it.
    base = f"{h.s.url}/services/{h.s.course_id}"
    headers = {"Authorization": f"token {tokens[fac]}"}
    import requests

    assert requests.post(f"{base}/api/kernels", json={"name": "python3"}, headers=headers, timeout=60).status_code == 403
    put = requests.put(f"{base}/api/contents/{MARKER}.txt", json={"type": "file", "format": "text", "content": "x"},
                       headers=headers, timeout=60)
    assert put.status_code == 403, put.text[:300]
    assert requests.post(f"{base}/api/terminals", headers=headers, timeout=60).status_code in (403, 404)
    assert not list(course_dir.rglob(f"{MARKER}*"))

    # Attack 2: the rigged submission gets its true score, and grading ran none of its code.
    scores = {s["student"]: s["score"] for s in client.formgrader(tokens[fac], "GET", f"api/submissions/{QUIZ}").json()}
    right = sum(points[grade_id.removesuffix("_answer")] for grade_id in answered)
    assert scores == {ana: right, ben: right, cleo: 0, dan: right}, scores
    assert not Path(f"/tmp/{MARKER}-grading").exists(), "grading ran a participant's code"


def test_clean_stop_privileged_port_and_teardown(hub):
    """Attacks 5 and 7: a participant's process waiting to bind the hub's port when it stops; Ctrl+C leaving
    servers, the proxy and the culler running; files of deleted accounts left for the next session."""
    from course.hub import limits, running, teardown

    h = hub
    client, tokens = h.client, h.tokens
    ana = participants(h)[0]
    port = h.s.port
    # ana's bait: bind the hub's port the moment it is free (for at most 90 s), and files outside her home.
    client.run_code(ana, tokens[ana], f'''
import subprocess, sys, pathlib
for folder in ("/tmp", "/var/tmp", "/dev/shm"):
    try:
        pathlib.Path(folder, "npmt-left-behind-{ana}").write_text("x")
    except OSError:
        pass
catcher = """
import socket, time, pathlib
end = time.monotonic() + 90
while time.monotonic() < end:
    s = socket.socket()
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        s.bind(("127.0.0.1", {port}))
        s.listen()
        pathlib.Path.home().joinpath("CAUGHT").write_text("bound")
        time.sleep(60)
    except OSError as exc:
        pathlib.Path.home().joinpath("catcher.log").write_text(type(exc).__name__)
    finally:
        s.close()
    time.sleep(0.05)
"""
subprocess.Popen([sys.executable, "-c", catcher], start_new_session=True)
''')
    before = {"proxy": running.proxy_pid(h.s), "servers": limits.members(h.s.name), "culler": [
        p for p in limits.members(h.s.name, running.HUB_GROUP)
        if b"jupyterhub_idle_culler" in Path(f"/proc/{p}/cmdline").read_bytes()]}
    assert before["proxy"] and before["culler"], before
    home = Path(pwd.getpwnam(ana).pw_dir)
    time.sleep(1)
    assert (home / "catcher.log").exists(), "the participant's port catcher did not start"

    # Ctrl+C on `hub start`
    h.proc.send_signal(signal.SIGINT)
    assert h.proc.wait(120) == 0, h.log.read_text()[-3000:]
    assert not wait_gone(before["servers"], timeout=10), "processes outlived `hub start`"
    assert not limits.members(h.s.name), "processes left in the session's control groups"
    assert not (h.s.state / "jupyterhub-proxy.pid").exists() and not (h.s.state / "jupyterhub.pid").exists()
    assert not (home / "CAUGHT").exists(), "a participant's process bound the hub's port after it stopped"
    bind = as_user(ana, "/usr/bin/python3", "-c", f"import socket; socket.socket().bind(('127.0.0.1', {port}))")
    assert bind.returncode != 0 and "PermissionError" in bind.stderr, bind.stderr

    # The next `hub start` fails loudly when its port is taken (here by root: no participant can).
    with socket.socket() as holder:
        holder.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        holder.bind(("127.0.0.1", port))
        holder.listen()
        again = subprocess.run(hub_cli("start", "--name", h.s.name), capture_output=True, text=True, timeout=120)
    assert again.returncode != 0 and f"port {port} is already taken" in again.stderr + again.stdout, again
    assert not limits.members(h.s.name)

    # Tear-down: exports the grades, then removes the accounts and every file they owned, wherever it is.
    uids = {pwd.getpwnam(u).pw_uid for u in h.s.users}
    homes = [Path(pwd.getpwnam(u).pw_dir) for u in h.s.users]
    exported = teardown.teardown(h.s.name)
    assert exported is not None and ana in exported.read_text()
    assert not any(p.exists() for p in homes) and not h.s.state.exists()
    owners = [x for uid in sorted(uids) for x in ("-uid", str(uid), "-o")][:-1]
    left = subprocess.run(teardown.find_command(["/"], *owners), capture_output=True, text=True)
    assert not left.stdout.strip("\0"), f"files of the session's accounts left behind:\n{left.stdout[:2000]}"
    assert not any(p.exists() for p in limits.group_dirs(h.s.name)), "the session's control groups were left"

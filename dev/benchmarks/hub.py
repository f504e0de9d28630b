"""The course hub, sized for a session: hub start, one server start, a 20-participant session's servers
starting together, and one release-fetch-submit-collect-grade cycle over HTTP.

Needs root on Linux (it creates system accounts npmb-<random>-..., removed afterwards); elsewhere it prints why
it skipped. The first run installs the hub's environment into /opt/npm-course-hub (a few minutes, not counted)."""
from __future__ import annotations

import secrets
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from dev.bench import Row, benchmark

PARTICIPANTS = 20
QUIZ = "treaty_bodies"


@benchmark("hub")
def hub_session() -> list[Row]:
    from course.hub import environment, provision, running, teardown
    from course.hub import settings as hub

    why = hub.check_can_run()
    if why:
        print(f"  skipped: {why}")
        return []
    from dev.hub_client import HubClient

    rows: list[Row] = []
    tag = secrets.token_hex(2)
    name = f"npmb-{tag}"
    with tempfile.TemporaryDirectory() as tmp:
        roster = Path(tmp) / "roster.csv"
        roster.write_text("id,name,institution,email\n" + "".join(
            f"p{n:02d},Participant {n},NPM {n},\n" for n in range(1, PARTICIPANTS + 1)))
        environment.ensure_environment(quiet=True)
        proc = None
        try:
            started = time.perf_counter()
            settings, passwords = provision.setup(roster, name=name, prefix=f"npmb{tag}-", port=hub.free_privileged_port(),
                                               facilitator="fac", quiet=True)
            rows.append((f"set-up: {PARTICIPANTS} accounts, exchange, course", time.perf_counter() - started, "s"))
            client = HubClient(settings)

            started = time.perf_counter()
            proc = running.start(settings, log=open(Path(tmp) / "hub.log", "wb"))
            running.wait_until_up(settings, proc)
            rows.append(("hub start (until its API answers)", time.perf_counter() - started, "s"))

            users = sorted(settings.participants)
            first = users[0]
            started = time.perf_counter()
            client.start_server(first)
            client.wait_ready([first], timeout=settings.start_timeout)
            rows.append(("one server start", time.perf_counter() - started, "s"))
            client.stop_server(first)

            started = time.perf_counter()
            with ThreadPoolExecutor(len(users)) as pool:  # everyone at once, as at the start of a session
                list(pool.map(client.start_server, users))
            ready = client.wait_ready(users, timeout=settings.start_timeout)
            total = time.perf_counter() - started
            rows.append((f"{PARTICIPANTS} servers starting together: all ready (timeout {settings.start_timeout} s)",
                         total, "s"))
            rows.append(("  first of them ready", total - max(ready.values()) + min(ready.values()), "s"))
            rows.append(("  memory of all servers together (RSS)", _rss_mb(settings.participants), "MB"))

            rows += _cycle(client, settings, passwords, users[:3])
        finally:
            if proc is not None:
                running.stop(settings, proc)
            if (hub.STATE_ROOT / name / "hub.json").exists():
                teardown.teardown(name, export=False)
    return rows


def _cycle(client, settings, passwords, users) -> list[Row]:
    from dev.hub_client import answer_cells

    fac = settings.facilitator
    tokens = {u: client.token(client.login(u, passwords[u]), u) for u in [fac, *users]}
    started = time.perf_counter()
    for step in ("assign", "release"):
        client.formgrader(tokens[fac], "POST", f"api/assignment/{QUIZ}/{step}").raise_for_status()
    released = time.perf_counter()
    for user in users:
        client.fetch(user, tokens[user], QUIZ).raise_for_status()
        nb = client.read_notebook(user, tokens[user], QUIZ)
        answer_cells(nb)["who_sits_answer"]["source"] = 'answer = "b"'
        client.write_notebook(user, tokens[user], QUIZ, nb)
        client.submit(user, tokens[user], QUIZ).raise_for_status()
    submitted = time.perf_counter()
    client.formgrader(tokens[fac], "POST", f"api/assignment/{QUIZ}/collect").raise_for_status()
    collected = time.perf_counter()
    for user in users:
        r = client.formgrader(tokens[fac], "POST", f"api/submission/{QUIZ}/{user}/autograde")
        r.raise_for_status()
        if not r.json().get("success"):
            raise RuntimeError(f"autograde failed: {r.text[:500]}")
    graded = time.perf_counter()
    n = len(users)
    return [("cycle: generate + release (formgrader)", released - started, "s"),
            (f"cycle: fetch, answer, submit ({n} participants)", submitted - released, "s"),
            ("cycle: collect", collected - submitted, "s"),
            (f"cycle: autograde ({n} submissions)", graded - collected, "s"),
            ("cycle: release to graded, total", graded - started, "s")]


def _rss_mb(users) -> float:
    from course.hub.teardown import user_pids

    total = 0
    for user in users:
        for pid in user_pids(user):
            try:
                for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
            except OSError:
                pass
    return total / 1024

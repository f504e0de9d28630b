"""Talking to a running course hub over HTTP, as the participants, the facilitator and the admin client do.

Used by the end-to-end test and the benchmark; everything goes through the hub's public address."""
from __future__ import annotations

import asyncio
import json
import time
import uuid
from concurrent.futures import ThreadPoolExecutor

import requests

from course.hub.settings import Settings


class HubClient:
    def __init__(self, settings: Settings):
        self.s = settings
        self.url = settings.url
        self.course = settings.course_id
        self.admin = {"Authorization": f"token {settings.admin_token}"}

    # -- logging in, as a person at a browser would
    def login(self, user: str, password: str) -> requests.Session | None:
        """A logged-in browser session, or None when the hub refuses the user name and password."""
        session = requests.Session()
        session.get(f"{self.url}/hub/login", timeout=30)
        xsrf = session.cookies.get("_xsrf", path="/hub/") or session.cookies.get("_xsrf")
        r = session.post(f"{self.url}/hub/login?next=", data={"username": user, "password": password, "_xsrf": xsrf},
                         allow_redirects=False, timeout=60)
        if r.status_code != 302 or not any(c.name.startswith("jupyterhub-session") or c.name == "jupyterhub-hub-login"
                                           for c in session.cookies):
            return None
        return session

    def token(self, session: requests.Session, user: str) -> str:
        """An API token made by the logged-in user (what the hub's token page does)."""
        xsrf = session.cookies.get("_xsrf", path="/hub/") or session.cookies.get("_xsrf")
        r = session.post(f"{self.url}/hub/api/users/{user}/tokens", json={"note": "course hub client"},
                         headers={"X-XSRFToken": xsrf}, timeout=30)
        r.raise_for_status()
        return r.json()["token"]

    # -- servers, through the admin client
    def start_server(self, user: str) -> None:
        r = requests.post(f"{self.url}/hub/api/users/{user}/server", headers=self.admin, timeout=60)
        if r.status_code not in (201, 202, 400):  # 400: already running
            r.raise_for_status()

    def ready(self, user: str) -> bool:
        r = requests.get(f"{self.url}/hub/api/users/{user}", headers=self.admin, timeout=30)
        r.raise_for_status()
        server = r.json().get("servers", {}).get("")
        return bool(server and server.get("ready"))

    def wait_ready(self, users: list[str], timeout: float) -> dict[str, float]:
        """Seconds until each user's server is ready (from the call)."""
        started, done = time.monotonic(), {}
        while len(done) < len(users):
            for user in users:
                if user not in done and self.ready(user):
                    done[user] = time.monotonic() - started
            if time.monotonic() - started > timeout:
                missing = sorted(set(users) - set(done))
                raise TimeoutError(f"servers not ready after {timeout:.0f} s: {', '.join(missing)}")
            time.sleep(0.25)
        return done

    def stop_server(self, user: str) -> None:
        requests.delete(f"{self.url}/hub/api/users/{user}/server", headers=self.admin, timeout=60)

    # -- a participant's own server (nbgrader's assignment list, Jupyter's contents API)
    def user_call(self, user: str, token: str, method: str, path: str, **kwargs) -> requests.Response:
        headers = {"Authorization": f"token {token}", **kwargs.pop("headers", {})}
        return requests.request(method, f"{self.url}/user/{user}/{path.lstrip('/')}", headers=headers,
                                timeout=kwargs.pop("timeout", 300), **kwargs)

    def fetch(self, user: str, token: str, quiz: str) -> requests.Response:
        return self.user_call(user, token, "POST", "assignments/fetch",
                              data={"course_id": self.course, "assignment_id": quiz})

    def submit(self, user: str, token: str, quiz: str) -> requests.Response:
        return self.user_call(user, token, "POST", "assignments/submit",
                              data={"course_id": self.course, "assignment_id": quiz})

    def notebook_path(self, quiz: str) -> str:
        return f"{self.course}/{quiz}/{quiz}.ipynb"

    def read_notebook(self, user: str, token: str, quiz: str) -> dict:
        r = self.user_call(user, token, "GET", f"api/contents/{self.notebook_path(quiz)}")
        r.raise_for_status()
        return r.json()["content"]

    def write_notebook(self, user: str, token: str, quiz: str, nb: dict) -> None:
        r = self.user_call(user, token, "PUT", f"api/contents/{self.notebook_path(quiz)}",
                           json={"type": "notebook", "format": "json", "content": nb})
        r.raise_for_status()

    def run_code(self, user: str, token: str, code: str, timeout: float = 120) -> str:
        """Run code in a new kernel on the user's own server, as the participant would in a notebook (the
        kernels API and its websocket); returns what it printed, errors included. The kernel is shut down."""
        r = self.user_call(user, token, "POST", "api/kernels", json={"name": "python3"})
        r.raise_for_status()
        kernel = r.json()["id"]
        try:
            # In a thread of its own: in a test session that also drives the browser, Playwright's sync API keeps
            # an event loop running in this thread, and asyncio.run refuses to start a second one here.
            coroutine = asyncio.wait_for(self._execute(user, token, kernel, code), timeout)
            with ThreadPoolExecutor(1) as pool:
                return pool.submit(asyncio.run, coroutine).result()
        finally:
            self.user_call(user, token, "DELETE", f"api/kernels/{kernel}", timeout=60)

    async def _execute(self, user: str, token: str, kernel: str, code: str) -> str:
        from tornado.httpclient import HTTPRequest
        from tornado.websocket import websocket_connect

        url = f"{self.url.replace('http', 'ws', 1)}/user/{user}/api/kernels/{kernel}/channels"
        ws = await websocket_connect(HTTPRequest(url, headers={"Authorization": f"token {token}"}))
        msg_id = uuid.uuid4().hex
        ws.write_message(json.dumps({
            "header": {"msg_id": msg_id, "username": user, "session": uuid.uuid4().hex,
                       "msg_type": "execute_request", "version": "5.3"},
            "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
            "content": {"code": code, "silent": False, "store_history": False, "user_expressions": {},
                        "allow_stdin": False, "stop_on_error": True}}))
        said = []
        try:
            while True:
                raw = await ws.read_message()
                if raw is None:
                    raise ConnectionError(f"the kernel's websocket closed; so far: {''.join(said)}")
                msg = json.loads(raw)
                if msg.get("parent_header", {}).get("msg_id") != msg_id:
                    continue
                kind, content = msg["msg_type"], msg["content"]
                if kind == "stream":
                    said.append(content["text"])
                elif kind == "error":
                    said.append(f"{content['ename']}: {content['evalue']}\n")
                elif kind == "status" and content["execution_state"] == "idle":
                    return "".join(said)
        finally:
            ws.close()

    # -- the formgrader (a hub service)
    def formgrader(self, token: str, method: str, path: str, **kwargs) -> requests.Response:
        return requests.request(method, f"{self.url}/services/{self.course}/formgrader/{path.lstrip('/')}",
                                headers={"Authorization": f"token {token}"}, timeout=kwargs.pop("timeout", 600),
                                **kwargs)


def answer_cells(nb: dict) -> dict[str, dict]:
    """The notebook's answer cells (nbgrader solution cells), by grade id."""
    out = {}
    for cell in nb["cells"]:
        meta = cell.get("metadata", {}).get("nbgrader", {})
        if meta.get("solution"):
            out[meta["grade_id"]] = cell
    return out

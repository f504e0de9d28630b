"""Setting up, starting and tearing down the course's JupyterHub on one Linux machine (run as root).

Where things go:

- /opt/npm-course-hub/ (HUB_HOME, shared by every session on the machine): `env/`, the hub's Python
  environment made from the system's python3 (readable by every account); `proxy/`, configurable-http-proxy
  from npm; `app/`, a copy of the course package, its data and the hub's configuration files.
- /srv/npm-course-hub/<session>/ (STATE_ROOT, one per session, mode 0711): `hub.json` (settings and the
  admin token, root only), the hub's database and cookie secret, `slips.txt` (the passwords, root only),
  `exchange/` (nbgrader's exchange, sticky bit), `grading/` (the grader's throw-away folders), the
  participants' and the facilitator's Jupyter configuration, the grading kernelspec.
- System accounts <prefix><roster id> for participants, <prefix>facilitator and <prefix>grader (no home, no
  login), and /etc/sudoers.d/npm-course-hub-<session> letting the facilitator start the grading kernel as the
  grader and nothing else.
"""
from __future__ import annotations

import hashlib
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from ..errors import UserError
from ..paths import DATA_DIR, PACKAGE_DIR, ROOT

try:  # Unix only; elsewhere check_can_run() says why the hub cannot be set up
    import grp
    import pwd
except ImportError:  # pragma: no cover
    grp = pwd = None

DEPLOY = ROOT / "deploy" / "jupyterhub"

HUB_HOME = Path(os.environ.get("NPM_HUB_HOME", "/opt/npm-course-hub"))
STATE_ROOT = Path(os.environ.get("NPM_HUB_STATE_ROOT", "/srv/npm-course-hub"))
EXPORT_DIR = Path(os.environ.get("NPM_HUB_EXPORTS", "/var/lib/npm-course-hub/exports"))
SYSTEM_PYTHON = "/usr/bin/python3"
COURSE_ID = "npm-engagement"
GRADER_KERNEL = "npm-course-grader"
SBIN = "/usr/sbin:/usr/bin:/sbin:/bin"
RUNUSER = shutil.which("runuser", path=SBIN) or "/usr/sbin/runuser"
SLIP_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # no 0/o, 1/l/i: read off paper


class HubError(UserError):
    """A problem the person at the keyboard can fix; the message says how (course.cli reports it)."""


def env_dir() -> Path:
    return HUB_HOME / "env"


def app_dir() -> Path:
    return HUB_HOME / "app"


def proxy_dir() -> Path:
    return HUB_HOME / "proxy"


def check_can_run() -> str | None:
    """Why the hub cannot be set up here, or None when it can."""
    if not sys.platform.startswith("linux"):
        return "the hub set-up needs Linux (system accounts, PAM, sudo)"
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        return "the hub set-up creates system accounts: run it as root"
    for tool in ("useradd", "userdel", "chpasswd", "runuser", SYSTEM_PYTHON):
        if not shutil.which(tool, path=SBIN):
            return f"{tool} is missing"
    return None


def run(command: list[str], **kwargs) -> subprocess.CompletedProcess:
    """Run quietly; on failure, raise HubError with the end of what the command said."""
    check = kwargs.pop("check", True)
    kwargs.setdefault("stdout", subprocess.PIPE)
    kwargs.setdefault("stderr", subprocess.STDOUT)
    if not os.path.isabs(command[0]):  # system tools, wherever this Python's PATH points
        command = [shutil.which(command[0], path=SBIN) or command[0], *command[1:]]
    result = subprocess.run(command, **kwargs)
    if check and result.returncode != 0:
        said = (result.stdout or b"")[-2000:]
        said = said.decode(errors="replace") if isinstance(said, bytes) else said
        raise HubError(f"`{' '.join(map(str, command[:4]))} ...` failed (exit {result.returncode}):\n{said}")
    return result


# ---------------------------------------------------------------------------------------------- environment

def _pins_digest() -> str:
    h = hashlib.sha256()
    for name in ("requirements.txt", "requirements.lock", "package.json", "package-lock.json"):
        h.update((DEPLOY / name).read_bytes())
    h.update(Path(SYSTEM_PYTHON).resolve().as_posix().encode())
    return h.hexdigest()


def ensure_environment(quiet: bool = False) -> bool:
    """Create or update the hub's environment when the pins changed. True when something was installed."""
    say = (lambda *a: None) if quiet else print
    _ensure_sudo(say)
    stamp = env_dir() / ".npm-course-hub-pins"
    digest = _pins_digest()
    installed = False
    if not (stamp.exists() and stamp.read_text() == digest):
        say(f"Installing the hub's Python environment into {env_dir()} (from {SYSTEM_PYTHON}; a few minutes)...")
        if env_dir().exists():
            shutil.rmtree(env_dir())
        HUB_HOME.mkdir(parents=True, exist_ok=True)
        os.chmod(HUB_HOME, 0o755)
        run([SYSTEM_PYTHON, "-m", "venv", str(env_dir())])
        pip = [str(env_dir() / "bin" / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
        run(pip + ["-r", str(DEPLOY / "requirements.txt"), "-c", str(DEPLOY / "requirements.lock")])
        say("Installing configurable-http-proxy with npm (package-lock.json)...")
        if proxy_dir().exists():
            shutil.rmtree(proxy_dir())
        proxy_dir().mkdir(parents=True)
        for name in ("package.json", "package-lock.json"):
            shutil.copy2(DEPLOY / name, proxy_dir() / name)
        npm_env = {**os.environ, "PATH": f"{env_dir() / 'bin'}:{os.environ.get('PATH', '')}"}
        run([str(env_dir() / "bin" / "npm"), "ci", "--omit=dev", "--no-audit", "--no-fund", "--loglevel=error"],
            cwd=proxy_dir(), env=npm_env)
        run(["chmod", "-R", "a+rX,go-w", str(HUB_HOME)])
        stamp.write_text(digest)
        installed = True
    install_app()
    return installed


def _ensure_sudo(say) -> None:
    if shutil.which("sudo"):
        return
    if not shutil.which("apt-get"):
        raise HubError("sudo is needed (the grading kernel starts under the grader account with it): install it")
    say("Installing sudo (apt-get install sudo): the grading kernel starts under the grader account with it...")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    run(["apt-get", "update", "-qq"], check=False, env=env)
    run(["apt-get", "install", "-y", "-qq", "sudo"], env=env)


def install_app() -> None:
    """Copy the course package, its data and the hub's configuration where every account can read them."""
    target = app_dir()
    fresh = target.with_name("app.new")
    if fresh.exists():
        shutil.rmtree(fresh)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    shutil.copytree(PACKAGE_DIR, fresh / "course", ignore=ignore)
    shutil.copytree(DATA_DIR, fresh / "data", ignore=ignore)
    (fresh / "quizzes").mkdir()
    shutil.copy2(ROOT / "quizzes" / "nbgrader_config.py", fresh / "quizzes" / "nbgrader_config.py")
    shutil.copytree(ROOT / "quizzes" / "specs", fresh / "quizzes" / "specs")
    shutil.copytree(DEPLOY, fresh / "deploy", ignore=shutil.ignore_patterns("node_modules", "__pycache__"))
    if (ROOT / "modules").is_dir():
        shutil.copytree(ROOT / "modules", fresh / "modules", ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    run(["chmod", "-R", "a+rX,go-w", str(fresh)])
    if target.exists():
        shutil.rmtree(target)
    fresh.rename(target)
    site = next((env_dir() / "lib").glob("python3*/site-packages"))
    (site / "npm_course_app.pth").write_text(f"{target}\n")


# -------------------------------------------------------------------------------------------------- settings

@dataclass
class Settings:
    name: str
    prefix: str
    state_dir: str
    facilitator: str
    grader: str
    participants: dict = field(default_factory=dict)  # username -> {"id", "name", "institution"}
    course_id: str = COURSE_ID
    ip: str = "127.0.0.1"
    port: int = 8000
    hub_port: int = 8081
    proxy_api_port: int = 8001
    formgrader_port: int = 8010
    start_timeout: int = 300
    idle_timeout: int = 3600
    mem_limit: str = "1G"
    ssl_cert: str = ""
    ssl_key: str = ""
    admin_token: str = ""
    hub_home: str = str(HUB_HOME)

    @property
    def state(self) -> Path:
        return Path(self.state_dir)

    @property
    def exchange(self) -> Path:
        return self.state / "exchange"

    @property
    def grading(self) -> Path:
        return self.state / "grading"

    @property
    def course_dir(self) -> Path:
        return Path(pwd.getpwnam(self.facilitator).pw_dir) / "course"

    @property
    def users(self) -> list[str]:
        return [self.facilitator, *self.participants]

    @property
    def url(self) -> str:
        scheme = "https" if self.ssl_cert else "http"
        host = "127.0.0.1" if self.ip in ("", "0.0.0.0") else self.ip
        return f"{scheme}://{host}:{self.port}"

    def save(self) -> Path:
        path = self.state / "hub.json"
        path.write_text(json.dumps(asdict(self), indent=2))
        os.chmod(path, 0o600)
        return path

    @classmethod
    def load(cls, name: str) -> "Settings":
        path = STATE_ROOT / name / "hub.json"
        if not path.exists():
            raise HubError(f"no hub session called {name!r} here ({path} is missing): run `python -m course hub setup`")
        return cls(**json.loads(path.read_text()))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _password() -> str:
    return "-".join("".join(secrets.choice(SLIP_ALPHABET) for _ in range(4)) for _ in range(3))


# ----------------------------------------------------------------------------------------------------- setup

def setup(roster_path: Path, *, name: str = "session", prefix: str = "npm-", ip: str = "127.0.0.1",
          port: int = 8000, facilitator: str = "facilitator", ssl_cert: str = "", ssl_key: str = "",
          quiet: bool = False) -> tuple[Settings, dict[str, str]]:
    """Create environment, accounts, groups and exchange for one session. Returns settings and passwords."""
    from .roster import read_roster

    why = check_can_run()
    if why:
        raise HubError(why)
    participants = read_roster(Path(roster_path))
    fac, grader = f"{prefix}{facilitator}", f"{prefix}grader"
    users = {f"{prefix}{p.id}": p for p in participants}
    for user in [fac, grader, *users]:
        if len(user) > 32:
            raise HubError(f"account name {user!r} is longer than 32 characters: shorten the roster id or --prefix")
    clash = [u for u in (fac, grader) if u in users]
    if clash:
        raise HubError(f"roster id clashes with the facilitator or grader account: {', '.join(clash)}")
    state = STATE_ROOT / name
    if (state / "hub.json").exists():
        raise HubError(f"a session called {name!r} is already set up: `python -m course hub teardown --name {name}` first")
    ensure_environment(quiet=quiet)

    STATE_ROOT.mkdir(parents=True, exist_ok=True)
    os.chmod(STATE_ROOT, 0o711)
    state.mkdir(exist_ok=True)
    os.chmod(state, 0o711)
    settings = Settings(name=name, prefix=prefix, state_dir=str(state), facilitator=fac, grader=grader,
                        participants={u: {"id": p.id, "name": p.name, "institution": p.institution}
                                      for u, p in users.items()},
                        ip=ip, port=port, hub_port=_free_port(), proxy_api_port=_free_port(),
                        formgrader_port=_free_port(), ssl_cert=ssl_cert, ssl_key=ssl_key,
                        admin_token=secrets.token_hex(32))
    settings.save()  # first, so that a failed set-up can be torn down

    # Accounts: the grader has no home and no login; everyone else a private home and a password of their own.
    _add_system_user(grader, home=False)
    passwords = {}
    for user in settings.users:
        _add_system_user(user, home=True)
        passwords[user] = _password()
    run(["chpasswd"], input="".join(f"{u}:{p}\n" for u, p in passwords.items()).encode())

    _make_exchange(settings)
    _make_grading(settings)
    _make_jupyter_config(settings)
    _make_course_dir(settings)
    _give_modules(settings)
    _write_slips(settings, passwords)
    settings.save()
    return settings, passwords


def _add_system_user(user: str, home: bool) -> None:
    try:
        pwd.getpwnam(user)
        raise HubError(f"account {user} already exists: choose another --prefix, or tear the old session down")
    except KeyError:
        pass
    if home:
        run(["useradd", "--create-home", "--user-group", "--shell", "/bin/bash", "--comment", "npm-course-hub",
             user])
        os.chmod(pwd.getpwnam(user).pw_dir, 0o700)  # private: nobody else lists or reads it
    else:
        run(["useradd", "--system", "--no-create-home", "--home-dir", "/nonexistent", "--user-group",
             "--shell", "/usr/sbin/nologin", "--comment", "npm-course-hub grader", user])


def _ids(user: str) -> tuple[int, int]:
    entry = pwd.getpwnam(user)
    return entry.pw_uid, entry.pw_gid


def _make_exchange(s: Settings) -> None:
    """System directory, world-writable with the sticky bit (nbgrader checks it can write there); the course
    folder is made here, owned by the facilitator, so nobody else can rename or replace it."""
    s.exchange.mkdir(exist_ok=True)
    os.chown(s.exchange, 0, 0)
    os.chmod(s.exchange, 0o1777)
    course = s.exchange / s.course_id
    course.mkdir(exist_ok=True)
    os.chown(course, *_ids(s.facilitator))
    os.chmod(course, 0o755)


def _make_grading(s: Settings) -> None:
    s.grading.mkdir(exist_ok=True)
    os.chown(s.grading, *_ids(s.grader))
    os.chmod(s.grading, 0o700)
    py = env_dir() / "bin" / "python"
    script = app_dir() / "course" / "hub" / "grader_kernel.py"
    rule = (f"# npm-course-hub session {s.name}: the facilitator may start the grading kernel as the grader.\n"
            f"Cmnd_Alias NPMHUB_{_tag(s.name)} = {py} -I {script} inner {s.grading}\n"
            f"Defaults!NPMHUB_{_tag(s.name)} !use_pty, !lecture, env_reset\n"
            f"{s.facilitator} ALL=({s.grader}) NOPASSWD: NPMHUB_{_tag(s.name)}\n")
    path = _sudoers(s)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(rule)
    os.chmod(tmp, 0o440)
    check = subprocess.run(["visudo", "-cf", str(tmp)], capture_output=True, text=True)
    if check.returncode != 0:
        tmp.unlink()
        raise HubError(f"the sudoers rule for the grader is invalid: {check.stdout}{check.stderr}")
    tmp.rename(path)

    kernel = s.state / "share" / "jupyter" / "kernels" / GRADER_KERNEL
    kernel.mkdir(parents=True, exist_ok=True)
    (kernel / "kernel.json").write_text(json.dumps({
        "argv": [str(py), "-I", str(script), "outer", "{connection_file}", s.grader, str(s.grading)],
        "display_name": "Python 3 (grading, as the grader account)", "language": "python",
        "interrupt_mode": "message", "metadata": {"debugger": False}}, indent=1))
    run(["chmod", "-R", "a+rX", str(s.state / "share")])


def _tag(name: str) -> str:
    return "".join(ch.upper() if ch.isalnum() else "_" for ch in name)


def _sudoers(s: Settings) -> Path:
    return Path("/etc/sudoers.d") / f"npm-course-hub-{s.name}".replace(".", "_")


def _make_jupyter_config(s: Settings) -> None:
    exchange = (f"c = get_config()  # noqa: F821\n"
                f"c.Exchange.root = {str(s.exchange)!r}\n"
                f"c.Exchange.path_includes_course = True\n"
                f"c.Authenticator.plugin_class = 'nbgrader.auth.JupyterHubAuthPlugin'\n")
    participant = s.state / "jupyter" / "participant"
    (participant / "labconfig").mkdir(parents=True, exist_ok=True)
    (participant / "nbgrader_config.py").write_text('"""nbgrader for participants: the hub\'s exchange."""\n' + exchange)
    (participant / "jupyter_server_config.json").write_text(json.dumps({
        "ServerApp": {"jpserver_extensions": {"nbgrader.server_extensions.formgrader": False,
                                              "nbgrader.server_extensions.course_list": False}},
        "KernelSpecManager": {"allowed_kernelspecs": ["python3"]}}, indent=1))
    (participant / "labconfig" / "page_config.json").write_text(json.dumps({"disabledExtensions": {
        "@jupyter/nbgrader:formgrader": True, "@jupyter/nbgrader:create-assignment": True,
        "@jupyter/nbgrader:course-list": True}}, indent=1))

    facilitator = s.state / "jupyter" / "facilitator"
    facilitator.mkdir(parents=True, exist_ok=True)
    settings = {"course_id": s.course_id, "exchange": str(s.exchange), "grader_kernel": GRADER_KERNEL,
                "quiz_config": str(app_dir() / "quizzes" / "nbgrader_config.py"),
                "course_dir": str(s.course_dir)}
    (facilitator / "hub-settings.json").write_text(json.dumps(settings, indent=1))
    shutil.copy2(app_dir() / "deploy" / "nbgrader_config.py", facilitator / "nbgrader_config.py")
    for folder in (participant, facilitator):  # else jupyter_core tries to write it there, and fails
        (folder / "migrated").write_text("npm-course-hub\n")
    run(["chmod", "-R", "a+rX,go-w", str(s.state / "jupyter")])


def _make_course_dir(s: Settings) -> None:
    """The facilitator's nbgrader course: the quizzes' source notebooks (with the hidden tests), in the
    facilitator's private home. The gradebook is made there too, by nbgrader, on the first release."""
    from ..quiz.generate import all_specs, write_source

    course = s.course_dir
    course.mkdir(exist_ok=True)
    for quiz in all_specs():
        write_source(quiz, root=course)
    for name in ("nbgrader_config.py", "hub-settings.json"):
        shutil.copy2(s.state / "jupyter" / "facilitator" / name, course / name)
    uid, gid = _ids(s.facilitator)
    run(["chown", "-R", f"{uid}:{gid}", str(course)])
    run(["chmod", "-R", "go-rwx", str(course)])


def _give_modules(s: Settings) -> None:
    source = app_dir() / "modules"
    if not source.is_dir():
        return
    for user in s.users:
        home = Path(pwd.getpwnam(user).pw_dir)
        target = home / "course-modules"
        shutil.copytree(source, target, dirs_exist_ok=True)
        uid, gid = _ids(user)
        run(["chown", "-R", f"{uid}:{gid}", str(target)])


def _write_slips(s: Settings, passwords: dict[str, str]) -> Path:
    """One slip per person, to print and cut: the address, their user name, their own password."""
    lines = []
    for user in s.users:
        who = s.participants.get(user, {"name": "Facilitator", "institution": ""})
        lines += ["-" * 60, f"  {who['name']}  {who['institution']}".rstrip(), f"  Address:   {s.url}/",
                  f"  User name: {user}", f"  Password:  {passwords[user]}", "  Keep this slip to yourself.", ""]
    path = s.state / "slips.txt"
    path.write_text("\n".join(lines))
    os.chmod(path, 0o600)
    return path


# ----------------------------------------------------------------------------------------------- start/stop

def hub_command(s: Settings) -> tuple[list[str], dict, Path]:
    env = {"PATH": f"{env_dir() / 'bin'}:/usr/local/bin:/usr/bin:/bin", "NPM_HUB_SETTINGS": str(s.state / "hub.json"),
           "LANG": "C.UTF-8", "HOME": str(s.state)}
    command = [str(env_dir() / "bin" / "jupyterhub"), "-f", str(app_dir() / "deploy" / "jupyterhub_config.py")]
    return command, env, s.state


def start(s: Settings, log=None) -> subprocess.Popen:
    command, env, cwd = hub_command(s)
    return subprocess.Popen(command, env=env, cwd=cwd, stdout=log or subprocess.DEVNULL,
                            stderr=subprocess.STDOUT, start_new_session=True)


def wait_until_up(s: Settings, proc: subprocess.Popen | None = None, timeout: float = 120) -> None:
    import urllib.request

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise HubError(f"the hub exited with code {proc.returncode}: see its log")
        try:
            with urllib.request.urlopen(f"{s.url}/hub/api/", timeout=2) as r:  # noqa: S310 (loopback)
                if r.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.25)
    raise HubError(f"the hub did not answer on {s.url} within {timeout:.0f} s")


def stop(proc: subprocess.Popen, timeout: float = 30) -> None:
    """Stop a hub started by `start` (it stops the servers it spawned), then its process group."""
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout)
        except subprocess.TimeoutExpired:
            pass
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    proc.wait()


# ---------------------------------------------------------------------------------------------- teardown

def export_grades(s: Settings) -> Path | None:
    """The gradebook as CSV (nbgrader export, run as the facilitator), kept under EXPORT_DIR, root only."""
    course = s.course_dir
    if not (course / "gradebook.db").exists():
        return None
    out = course / "grades-export.csv"
    env = {"PATH": f"{env_dir() / 'bin'}:/usr/bin:/bin", "HOME": str(course.parent), "LANG": "C.UTF-8",
           "JUPYTER_CONFIG_DIR": str(s.state / "jupyter" / "facilitator")}
    result = subprocess.run([RUNUSER, "-u", s.facilitator, "--", str(env_dir() / "bin" / "nbgrader"), "export",
                             "--to", str(out)], cwd=course, env=env, capture_output=True, text=True)
    if result.returncode != 0 or not out.exists():
        raise HubError(f"exporting the grades failed (nothing was removed): {result.stderr[-800:]}")
    EXPORT_DIR.mkdir(parents=True, exist_ok=True)
    os.chmod(EXPORT_DIR, 0o700)
    target = EXPORT_DIR / f"{s.name}-grades-{time.strftime('%Y%m%d-%H%M%S')}.csv"
    shutil.copyfile(out, target)
    os.chmod(target, 0o600)
    return target


def user_pids(user: str) -> list[int]:
    try:
        uid = pwd.getpwnam(user).pw_uid
    except KeyError:
        return []
    pids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if entry.stat().st_uid == uid:
                    pids.append(int(entry.name))
            except OSError:
                pass
    return pids


def end_processes(users: list[str], grace: float = 5) -> None:
    """End every process running as these (session) accounts, by process id: TERM, then KILL."""
    for sig, wait in ((signal.SIGTERM, grace), (signal.SIGKILL, 2)):
        pids = [p for u in users for p in user_pids(u)]
        for pid in pids:
            try:
                os.kill(pid, sig)
            except ProcessLookupError:
                pass
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline and any(user_pids(u) for u in users):
            time.sleep(0.1)


def teardown(name: str, *, export: bool = True) -> Path | None:
    """Export the grades, then remove the session's accounts, homes, exchange, state and sudoers rule."""
    s = Settings.load(name)
    exported = None
    if export:
        try:
            exported = export_grades(s)
        except KeyError:  # the facilitator account is already gone
            exported = None
    users = [u for u in [*s.users, s.grader] if _exists(u)]
    end_processes(users)
    for user in users:
        run(["userdel", "--remove", user], check=False, stderr=subprocess.DEVNULL)
        try:
            grp.getgrnam(user)
            run(["groupdel", user], check=False, stderr=subprocess.DEVNULL)
        except KeyError:
            pass
    _sudoers(s).unlink(missing_ok=True)
    shutil.rmtree(s.state, ignore_errors=True)
    return exported


def _exists(user: str) -> bool:
    try:
        pwd.getpwnam(user)
        return True
    except KeyError:
        return False

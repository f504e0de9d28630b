"""Where the hub's things live, a session's settings (hub.json), and running system tools (run as root).

- /opt/npm-course-hub/ (HUB_HOME, shared by every session on the machine): `env/`, the hub's Python
  environment made from the system's python3 (readable by every account); `proxy/`, configurable-http-proxy
  from npm; `app/`, a copy of the course package, its data and the hub's configuration files. No quiz specs:
  they hold the answers, and go only into the facilitator's private home.
- /srv/npm-course-hub/<session>/ (STATE_ROOT, one per session, mode 0711): `hub.json` (settings and the
  admin token), the hub's database, cookie secret and PID files, `slips.txt` (passwords): all root only;
  `exchange/` (nbgrader's exchange, sticky bit); the participants' and the facilitator's Jupyter configuration.
- System accounts <prefix><roster id> for participants and <prefix>facilitator, private homes, no login shell.
"""
from __future__ import annotations

import json
import os
import random
import shutil
import socket
import subprocess
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path

from ..errors import UserError
from ..paths import COURSE_ID

try:  # Unix only; elsewhere check_can_run() says why the hub cannot be set up
    import pwd
except ImportError:  # pragma: no cover
    pwd = None

HUB_HOME = Path(os.environ.get("NPM_HUB_HOME", "/opt/npm-course-hub"))
STATE_ROOT = Path(os.environ.get("NPM_HUB_STATE_ROOT", "/srv/npm-course-hub"))
EXPORT_DIR = Path(os.environ.get("NPM_HUB_EXPORTS", "/var/lib/npm-course-hub/exports"))
SYSTEM_PYTHON = "/usr/bin/python3"
SBIN = "/usr/sbin:/usr/bin:/sbin:/bin"
RUNUSER = shutil.which("runuser", path=SBIN) or "/usr/sbin/runuser"
NOLOGIN = shutil.which("nologin", path=SBIN) or "/usr/sbin/nologin"


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
    from .limits import why_no_limits

    if not sys.platform.startswith("linux"):
        return "the hub set-up needs Linux (system accounts, PAM, cgroups)"
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        return "the hub set-up creates system accounts: run it as root"
    for tool in ("useradd", "userdel", "chpasswd", "runuser", SYSTEM_PYTHON):
        if not shutil.which(tool, path=SBIN):
            return f"{tool} is missing"
    return why_no_limits()


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


# ---------------------------------------------------------------------------------------------------- ports

def first_unprivileged_port() -> int:
    """Ports below this only root may bind (Linux's net.ipv4.ip_unprivileged_port_start, 1024 by default)."""
    try:
        return int(Path("/proc/sys/net/ipv4/ip_unprivileged_port_start").read_text())
    except (OSError, ValueError):
        return 1024


def port_is_free(port: int, ip: str = "127.0.0.1") -> bool:
    with socket.socket() as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((ip, port))
            return True
        except OSError:
            return False


def free_port() -> int:
    """A free port for a process that is not root's (the formgrader, as the facilitator)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def free_privileged_port(ip: str = "127.0.0.1", low: int = 600) -> int:
    """A free port only root may bind: a participant's process cannot take it when the hub lets go of it."""
    top = min(first_unprivileged_port(), 1024)
    ports = list(range(low, top))
    random.shuffle(ports)
    for port in ports:
        if port_is_free(port, ip):
            return port
    raise HubError(f"no free port between {low} and {top - 1} on {ip}")


# -------------------------------------------------------------------------------------------------- settings

@dataclass
class Settings:
    name: str
    prefix: str
    state_dir: str
    facilitator: str
    participants: dict = field(default_factory=dict)  # username -> {"id", "name", "institution"}
    course_id: str = COURSE_ID
    ip: str = "127.0.0.1"
    port: int = 80
    hub_port: int = 8081
    proxy_api_port: int = 8001
    formgrader_port: int = 8010
    start_timeout: int = 300
    idle_timeout: int = 3600
    mem_limit: str = "1G"
    cpu_limit: float = 1.0
    pids_limit: int = 512
    ssl_cert: str = ""
    ssl_key: str = ""
    admin_token: str = ""
    hub_home: str = str(HUB_HOME)
    lang: str = "en"  # the language of the modules participants get and of their slips

    @property
    def state(self) -> Path:
        return Path(self.state_dir)

    @property
    def exchange(self) -> Path:
        return self.state / "exchange"

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
        default = 443 if self.ssl_cert else 80
        return f"{scheme}://{host}" + ("" if self.port == default else f":{self.port}")

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
        known = {k: v for k, v in json.loads(path.read_text()).items() if k in cls.__dataclass_fields__}
        return cls(**known)


def ids(user: str) -> tuple[int, int]:
    entry = pwd.getpwnam(user)
    return entry.pw_uid, entry.pw_gid


def exists(user: str) -> bool:
    try:
        pwd.getpwnam(user)
        return True
    except KeyError:
        return False

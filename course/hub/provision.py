"""Setting a session up: accounts with their own passwords, the exchange, the Jupyter configuration of
participants and facilitator, the facilitator's private course folder, and the password slips."""
from __future__ import annotations

import json
import os
import secrets
import shutil
import stat
from pathlib import Path

from ..i18n import Text, check_language
from ..paths import QUIZ_ROOT, ROOT
from .environment import ensure_environment, modules_folder
from .settings import (
    NOLOGIN,
    STATE_ROOT,
    HubError,
    Settings,
    app_dir,
    check_can_run,
    first_unprivileged_port,
    free_port,
    free_privileged_port,
    ids,
    pwd,
    run,
)

SLIP_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # no 0/o, 1/l/i: read off paper


def readable_by_others(path: Path) -> bool:
    """Whether accounts other than root can read `path`: every folder above it open to them, itself readable."""
    path = path.resolve()
    for folder in [*reversed(path.parents), path]:
        mode = folder.stat().st_mode
        need = stat.S_IROTH if folder == path else stat.S_IXOTH
        if not mode & need:
            return False
    return True


def checkout_warning() -> str | None:
    """A warning when the course checkout (whose quiz specs hold every answer) is readable by every account,
    participants included."""
    specs = QUIZ_ROOT / "specs"
    if specs.is_dir() and readable_by_others(specs):
        return (f"the course checkout at {ROOT} can be read by every account on this machine, participants "
                f"included, and its quiz specs hold every answer: make it private (chmod 700 {ROOT}, or keep "
                "it in /root) before the session starts")
    return None


def setup(roster_path: Path, *, name: str = "session", prefix: str = "npm-", ip: str = "127.0.0.1",
          port: int | None = None, facilitator: str = "facilitator", ssl_cert: str = "", ssl_key: str = "",
          lang: str = "en", quiet: bool = False) -> tuple[Settings, dict[str, str]]:
    """Create environment, accounts, groups and exchange for one session, whose participants get the modules
    in LANG. Returns settings and passwords."""
    from .roster import read_roster

    say = (lambda *a: None) if quiet else print
    why = check_can_run()
    if why:
        raise HubError(why)
    if port is None:
        port = 443 if ssl_cert else 80
    if port >= first_unprivileged_port():
        raise HubError(f"port {port} is one any account may bind: a participant's process could take it when the "
                       f"hub stops and collect the next logins. Use 80 (a closed venue network) or 443 with "
                       f"--ssl-cert/--ssl-key (any port below {first_unprivileged_port()})")
    participants = read_roster(Path(roster_path))
    fac = f"{prefix}{facilitator}"
    users = {f"{prefix}{p.id}": p for p in participants}
    for user in [fac, *users]:
        if len(user) > 32:
            raise HubError(f"account name {user!r} is longer than 32 characters: shorten the roster id or --prefix")
    if fac in users:
        raise HubError(f"roster id clashes with the facilitator account: {fac}")
    state = STATE_ROOT / name
    if (state / "hub.json").exists():
        raise HubError(f"a session called {name!r} is already set up: `python -m course hub teardown --name {name}` first")
    warning = checkout_warning()
    if warning:
        say(f"WARNING: {warning}")
    ensure_environment(quiet=quiet)

    STATE_ROOT.mkdir(parents=True, exist_ok=True)
    os.chmod(STATE_ROOT, 0o711)
    state.mkdir(exist_ok=True)
    os.chmod(state, 0o711)
    settings = Settings(name=name, prefix=prefix, state_dir=str(state), facilitator=fac,
                        participants={u: {"id": p.id, "name": p.name, "institution": p.institution}
                                      for u, p in users.items()},
                        ip=ip, port=port, hub_port=free_privileged_port(), proxy_api_port=free_privileged_port(),
                        formgrader_port=free_port(), ssl_cert=ssl_cert, ssl_key=ssl_key,
                        admin_token=secrets.token_hex(32), lang=check_language(lang))
    settings.save()  # first, so that a failed set-up can be torn down

    passwords = {}
    for user in settings.users:
        _add_account(user)
        passwords[user] = _password()
    run(["chpasswd"], input="".join(f"{u}:{p}\n" for u, p in passwords.items()).encode())

    _make_exchange(settings)
    _make_jupyter_config(settings)
    _make_course_dir(settings)
    _give_modules(settings)
    _write_slips(settings, passwords)
    settings.save()
    return settings, passwords


def _password() -> str:
    return "-".join("".join(secrets.choice(SLIP_ALPHABET) for _ in range(4)) for _ in range(3))


def _add_account(user: str) -> None:
    """A private home, and no login shell: the only way in is the hub, where every process is confined."""
    try:
        pwd.getpwnam(user)
        raise HubError(f"account {user} already exists: choose another --prefix, or tear the old session down")
    except KeyError:
        pass
    run(["useradd", "--create-home", "--user-group", "--shell", NOLOGIN, "--comment", "npm-course-hub", user])
    os.chmod(pwd.getpwnam(user).pw_dir, 0o700)  # private: nobody else lists or reads it


def _make_exchange(s: Settings) -> None:
    """System directory, world-writable with the sticky bit (nbgrader checks it can write there); the course
    folder is made here, owned by the facilitator, so nobody else can rename or replace it."""
    s.exchange.mkdir(exist_ok=True)
    os.chown(s.exchange, 0, 0)
    os.chmod(s.exchange, 0o1777)
    course = s.exchange / s.course_id
    course.mkdir(exist_ok=True)
    os.chown(course, *ids(s.facilitator))
    os.chmod(course, 0o755)


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
    settings = {"course_id": s.course_id, "exchange": str(s.exchange),
                "quiz_config": str(app_dir() / "quizzes" / "nbgrader_config.py"),
                "course_dir": str(s.course_dir)}
    (facilitator / "hub-settings.json").write_text(json.dumps(settings, indent=1))
    shutil.copy2(app_dir() / "deploy" / "nbgrader_config.py", facilitator / "nbgrader_config.py")
    shutil.copy2(app_dir() / "deploy" / "formgrader_config.py", facilitator / "jupyter_server_config.py")
    for folder in (participant, facilitator):  # else jupyter_core tries to write it there, and fails
        (folder / "migrated").write_text("npm-course-hub\n")
    # Root's, readable by all, writable by none: no page the formgrader shows can change what it runs.
    run(["chmod", "-R", "a+rX,go-w", str(s.state / "jupyter")])


def _make_course_dir(s: Settings) -> None:
    """The facilitator's nbgrader course: the quizzes' specs and source notebooks (answers, hidden tests), in
    the facilitator's private home. The gradebook is made there too, by nbgrader, on the first release. Its
    nbgrader configuration stays in the session's (root-owned) folder: nothing in this folder is run."""
    from ..quiz.generate import all_specs, write_source

    course = s.course_dir
    course.mkdir(exist_ok=True)
    for quiz in all_specs():
        write_source(quiz, root=course)
    shutil.copytree(QUIZ_ROOT / "specs", course / "specs", dirs_exist_ok=True)
    uid, gid = ids(s.facilitator)
    run(["chown", "-R", f"{uid}:{gid}", str(course)])
    run(["chmod", "-R", "go-rwx", str(course)])


def _give_modules(s: Settings) -> None:
    """Each participant gets the module notebooks in the session's language, in their home's course-modules."""
    source = app_dir() / modules_folder(s.lang)
    if not source.is_dir():
        return
    for user in s.users:
        target = Path(pwd.getpwnam(user).pw_dir) / "course-modules"
        shutil.copytree(source, target, dirs_exist_ok=True)
        uid, gid = ids(user)
        run(["chown", "-R", f"{uid}:{gid}", str(target)])


# The password slips, in the session's language.
SLIP = Text(__name__, {
    "facilitator": {"en": "Facilitator", "fr": "Animateur ou animatrice", "es": "Facilitador o facilitadora"},
    "address": {"en": "Address:", "fr": "Adresse :", "es": "Dirección:"},
    "user": {"en": "User name:", "fr": "Identifiant :", "es": "Usuario:"},
    "password": {"en": "Password:", "fr": "Mot de passe :", "es": "Contraseña:"},
    "keep": {"en": "Keep this slip to yourself.", "fr": "Gardez ce billet pour vous.",
             "es": "Guarde esta tira para usted."},
})


def _write_slips(s: Settings, passwords: dict[str, str]) -> Path:
    """One slip per person, to print and cut: the address, their user name, their own password."""
    lines = []
    for user in s.users:
        who = s.participants.get(user, {"name": SLIP("facilitator", s.lang), "institution": ""})
        labels = [SLIP(key, s.lang) for key in ("address", "user", "password")]
        width = max(map(len, labels)) + 1
        lines += ["-" * 60, f"  {who['name']}  {who['institution']}".rstrip(),
                  *(f"  {label.ljust(width)}{value}" for label, value in zip(labels, (f"{s.url}/", user, passwords[user]))),
                  f"  {SLIP('keep', s.lang)}", ""]
    path = s.state / "slips.txt"
    path.write_text("\n".join(lines))
    os.chmod(path, 0o600)
    return path

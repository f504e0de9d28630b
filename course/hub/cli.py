"""`python -m course hub ...`: the course's JupyterHub for a facilitated session (see deploy/jupyterhub/GUIDE.md).

    hub setup --roster FILE.csv   environment, accounts with their own passwords (slips), groups, exchange
    hub start                     run the hub (Ctrl+C or SIGTERM stops it, every server, the proxy and the culler)
    hub status                    what is set up, where
    hub slips                     print the password slips again
    hub teardown                  export the grades, then remove accounts, their files, exchange and state
"""
from __future__ import annotations

from pathlib import Path

from ..errors import UserError
from ..i18n import LANGUAGES


def cmd_setup(args) -> int:
    from .provision import setup

    settings, _passwords = setup(Path(args.roster), name=args.name, prefix=args.prefix, ip=args.ip,
                                 port=args.port, facilitator=args.facilitator, ssl_cert=args.ssl_cert or "",
                                 ssl_key=args.ssl_key or "", lang=args.lang)
    print(f"Session {settings.name!r} is set up: {len(settings.participants)} participant(s), "
          f"facilitator {settings.facilitator}.")
    print(f"Password slips (print, cut, hand out; then delete): {settings.state / 'slips.txt'}")
    print(f"Start the hub with: python -m course hub start --name {settings.name}   then open {settings.url}/")
    return 0


def cmd_start(args) -> int:
    from .running import run_foreground
    from .settings import Settings

    settings = Settings.load(args.name)
    print(f"Starting the hub on {settings.url}/ ...", flush=True)
    return run_foreground(settings)


def cmd_status(args) -> int:
    from .provision import checkout_warning
    from .settings import Settings

    s = Settings.load(args.name)
    print(f"session     {s.name}\naddress     {s.url}/\nfacilitator {s.facilitator}")
    print(f"state       {s.state}\nexchange    {s.exchange}\ncourse      {s.course_dir}")
    print(f"limits      {s.mem_limit} memory, {s.cpu_limit:g} CPU, {s.pids_limit} processes per participant")
    print(f"participants ({len(s.participants)}): {', '.join(s.participants)}")
    warning = checkout_warning()
    if warning:
        print(f"WARNING: {warning}")
    return 0


def cmd_slips(args) -> int:
    from .settings import STATE_ROOT

    path = STATE_ROOT / args.name / "slips.txt"
    if not path.exists():
        raise UserError(f"{path} is missing (deleted after printing?): set the session up again to make new passwords")
    print(path.read_text())
    return 0


def cmd_teardown(args) -> int:
    from .teardown import teardown

    exported = teardown(args.name, export=not args.no_export)
    if exported:
        print(f"Grades exported to {exported} (root only; see GUIDE.md for how long to keep them).")
    print(f"Session {args.name!r} removed: accounts and every file they owned, exchange, hub database and "
          "passwords.")
    return 0


def register(subparsers) -> None:
    """Add the `hub` command and its subcommands to the course's command line."""
    parser = subparsers.add_parser("hub", help="a JupyterHub for a facilitated session (run as root; Linux)")
    sub = parser.add_subparsers(dest="hub_command", required=True)

    def named(p):
        p.add_argument("--name", default="session", help="the session's name (default: session)")
        return p

    p = named(sub.add_parser("setup", help="create environment, accounts, groups and exchange from a roster"))
    p.add_argument("--roster", required=True, help="the facilitator kit's roster CSV: id,name,institution,email")
    p.add_argument("--prefix", default="npm-", help="prefix of the system account names (default: npm-)")
    p.add_argument("--facilitator", default="facilitator", help="facilitator account name after the prefix")
    p.add_argument("--ip", default="127.0.0.1",
                   help="address participants reach (the venue network's, or 0.0.0.0); default loopback only")
    p.add_argument("--port", type=int, default=None,
                   help="the public port: 80 (default), or 443 with --ssl-cert; only root may bind either")
    p.add_argument("--ssl-cert", help="TLS certificate file (PEM) for JupyterHub's own HTTPS")
    p.add_argument("--ssl-key", help="TLS key file (PEM)")
    p.add_argument("--lang", choices=LANGUAGES, default="en",
                   help="the language of the modules participants get (en, fr, es; default en); release the "
                        "quizzes in it with `class release QUIZ --lang LANG`")
    p.set_defaults(func=cmd_setup)

    named(sub.add_parser("start", help="run the hub in the foreground")).set_defaults(func=cmd_start)
    named(sub.add_parser("status", help="show the session's set-up")).set_defaults(func=cmd_status)
    named(sub.add_parser("slips", help="print the password slips again")).set_defaults(func=cmd_slips)
    p = named(sub.add_parser("teardown", help="export grades, then remove the session"))
    p.add_argument("--no-export", action="store_true", help="do not export the grades first")
    p.set_defaults(func=cmd_teardown)

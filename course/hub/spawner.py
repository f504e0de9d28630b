"""The participants' server spawner: JupyterHub's local-process spawner, with every server in its account's
control group (limits.py), and every process in that group killed when the server stops or is culled.

Imported by JupyterHub (deploy/jupyterhub/jupyterhub_config.py) from the hub's copy of the course package.
"""
from __future__ import annotations

import asyncio
import os

from jupyterhub.spawner import LocalProcessSpawner
from traitlets import Unicode

from . import limits


class ConfinedSpawner(LocalProcessSpawner):
    session = Unicode(config=True, help="the hub session's name: the control groups live under it")

    def make_preexec_fn(self, name):
        drop_root = super().make_preexec_fn(name)
        session = self.session

        def preexec():
            limits.join(session, name)  # still root here: join the group, then become the participant
            os.umask(0o022)  # the hub runs with 077 for its own files; a participant's server need not
            drop_root()

        return preexec

    def user_env(self, env):
        env = super().user_env(env)
        env["SHELL"] = "/bin/bash"  # the account's own shell is nologin: no way in but through the hub
        return env

    async def stop(self, now=False):
        await super().stop(now=now)
        # Whatever the server left behind (a detached process, a fork loop) goes with it.
        left = await asyncio.to_thread(limits.kill, self.session, self.user.name)
        if left:
            self.log.error("processes of %s still running after their server stopped: %s", self.user.name,
                           sorted(left))

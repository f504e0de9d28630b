"""What the formgrader's server lets a page do as the facilitator: nbgrader's own pages and API only.

The formgrader shows participants' work. Their notebooks are sanitised when autograded (no scripts, no HTML or
JavaScript outputs, no raw HTML), and the server's pages forbid loading or sending anything elsewhere
(deploy/jupyterhub/formgrader_config.py). Should a script still run in a page, this authorizer denies it
everything Jupyter's API offers beyond reading: no kernel, no terminal, no writing or running a file. Used by
the formgrader service (jupyterhub-singleuser as the facilitator), from the hub's copy of the course package.
"""
from __future__ import annotations

from jupyterhub.singleuser.extension import JupyterHubAuthorizer

DENIED = {"kernels", "kernelspecs", "terminals", "sessions"}  # running code, in any form


class FormgraderAuthorizer(JupyterHubAuthorizer):
    def is_authorized(self, handler, user, action, resource):
        if resource in DENIED or (resource == "contents" and action != "read"):
            self.log.warning("formgrader: %s %s refused (the formgrader runs no code and writes no files "
                             "through Jupyter's API)", action, resource)
            return False
        return super().is_authorized(handler, user, action, resource)

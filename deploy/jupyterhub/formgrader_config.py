"""Jupyter server configuration of the formgrader service (the facilitator's grading pages on the hub).

`python -m course hub setup` copies it into the session's facilitator configuration folder (root-owned, the
formgrader's JUPYTER_CONFIG_DIR). The formgrader shows what participants submitted, so a page it shows must not
be able to act as the facilitator: see GUIDE.md, "Threat model".
"""
c = get_config()  # noqa: F821 (Jupyter provides it)

# Nothing but nbgrader's pages and API: no kernel, no terminal, no writing files through Jupyter's API.
c.ServerApp.authorizer_class = "course.hub.formgrader.FormgraderAuthorizer"
c.ServerApp.terminals_enabled = False
# Every page: load nothing from elsewhere and send nothing elsewhere (no images, fetches, fonts or forms to
# another site), no plugins, no framing by other sites. nbgrader's own pages use inline scripts, so these
# cannot be forbidden here: the sanitising at autograde keeps participants' scripts out of the pages.
c.ServerApp.tornado_settings = {"headers": {"Content-Security-Policy": "; ".join([
    "default-src 'self' 'unsafe-inline' 'unsafe-eval' data: blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'self'",
])}}

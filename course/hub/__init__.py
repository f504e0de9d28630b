"""A JupyterHub for facilitated sessions: `python -m course hub ...` (see deploy/jupyterhub/GUIDE.md)."""

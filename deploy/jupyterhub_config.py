# JupyterHub configuration of a gophlow class server, for Debian's
# jupyterhub 3.0 and its single-user Jupyter Notebook 6. scripts/hub.sh
# (make hub) prepares the folders and sets the variables below, then starts
# `jupyterhub -f deploy/jupyterhub_config.py`; docs/hub.md explains the whole.
#
# What every student gets: a Jupyter Notebook server of their own, started as
# their own Unix user in their home, whose only kernel is gophlow's (Python
# kernels have no memory limit, so they are hidden), each kernel stopped at
# GOPHLOW_MEMORY_LIMIT bytes (the cell that took the memory gets a
# MemoryError, the kernel and the other students go on), kernels idle for an
# hour shut down, and `course` in their home: a link to the teacher's
# read-only copy of the course, trusted for them so its stored outputs show
# as they were run. The servers start as a Kubernetes pod of deploy/Dockerfile
# does: deploy/gophlow-singleuser with deploy/jupyter_notebook_config.py.
#
# Variables (all set by scripts/hub.sh):
#   GOPHLOW_HUB_STATE      the server's folder: bin/ (gophlow,
#                          gophlow-singleuser), share/jupyter (the
#                          kernelspec), etc/ (the Notebook settings),
#                          course/, hub/ (database, cookie secret; the hub's
#                          user only), homes/ (with GOPHLOW_HUB_SPAWNER=simple)
#   GOPHLOW_HUB_USERS      the students (and teachers), separated by spaces
#                          or commas
#   GOPHLOW_HUB_ADMINS     those of them who may administer the hub
#   GOPHLOW_HUB_IP, GOPHLOW_HUB_PORT   where students connect ("" for every
#                          interface); the hub's own API listens on
#                          127.0.0.1:GOPHLOW_HUB_API_PORT and the proxy's on
#                          127.0.0.1:GOPHLOW_HUB_PROXY_API_PORT
#   GOPHLOW_HUB_AUTH       pam (the users' system passwords; the default) or
#                          dummy (any password, or GOPHLOW_HUB_PASSWORD: for
#                          trying the server out and for tests only)
#   GOPHLOW_HUB_SPAWNER    local (each student's server runs as their Unix
#                          user; the hub must run as root) or simple (every
#                          server runs as the hub's user with a home under
#                          GOPHLOW_HUB_STATE/homes: no isolation between
#                          students, tests only)
#   GOPHLOW_HUB_TOKEN      when set, an API token for a "gophlow-teacher"
#                          service that may manage users and their servers
#                          over the Hub's REST API (scripts, tests)
#   GOPHLOW_HUB_SSL_CERT, GOPHLOW_HUB_SSL_KEY   serve HTTPS with these files
#   GOPHLOW_MEMORY_LIMIT   bytes a kernel may hold before its cell is stopped
# Every other GOPHLOW_* variable of the hub's environment (GOPHLOW_OUTPUT_LIMIT,
# GOPHLOW_COURSE_STEPS, ...) is handed on to the students' kernels.

import os
import subprocess

from jupyterhub.spawner import LocalProcessSpawner, SimpleLocalProcessSpawner

c = get_config()  # noqa: F821 (defined by JupyterHub when it reads this file)


def setting(name, default=None):
    value = os.environ.get(name, default)
    if value is None:
        raise SystemExit(f"deploy/jupyterhub_config.py: {name} is not set (start the hub with scripts/hub.sh)")
    return value


def names(text):
    return [n for n in text.replace(",", " ").split() if n]


STATE = os.path.abspath(setting("GOPHLOW_HUB_STATE"))
COURSE = os.path.join(STATE, "course")
USERS = names(setting("GOPHLOW_HUB_USERS"))
ADMINS = names(setting("GOPHLOW_HUB_ADMINS", ""))
MEMORY = setting("GOPHLOW_MEMORY_LIMIT")
SIMPLE = setting("GOPHLOW_HUB_SPAWNER", "local") == "simple"
if not USERS:
    raise SystemExit("deploy/jupyterhub_config.py: GOPHLOW_HUB_USERS names no user")

# Where students connect, and the two ports only this machine uses.
c.JupyterHub.ip = setting("GOPHLOW_HUB_IP", "")
c.JupyterHub.port = int(setting("GOPHLOW_HUB_PORT"))
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = int(setting("GOPHLOW_HUB_API_PORT"))
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:%d" % int(setting("GOPHLOW_HUB_PROXY_API_PORT"))
if os.environ.get("GOPHLOW_HUB_SSL_CERT"):
    c.JupyterHub.ssl_cert = setting("GOPHLOW_HUB_SSL_CERT")
    c.JupyterHub.ssl_key = setting("GOPHLOW_HUB_SSL_KEY")
# configurable-http-proxy finds its modules here when node is not Debian's own.
os.environ["NODE_PATH"] = ":".join(p for p in ("/usr/share/nodejs", os.environ.get("NODE_PATH", "")) if p)

# The hub's own files.
HUB = os.path.join(STATE, "hub")
c.JupyterHub.db_url = "sqlite:///" + os.path.join(HUB, "jupyterhub.sqlite")
c.JupyterHub.cookie_secret_file = os.path.join(HUB, "jupyterhub_cookie_secret")
c.JupyterHub.pid_file = os.path.join(HUB, "jupyterhub.pid")
c.ConfigurableHTTPProxy.pid_file = os.path.join(HUB, "proxy.pid")
# Stopping the hub stops every student's server (and so their kernels).
c.JupyterHub.cleanup_servers = True
c.JupyterHub.cleanup_proxy = True

# Who may log in.
auth = setting("GOPHLOW_HUB_AUTH", "pam")
if auth == "dummy":
    c.JupyterHub.authenticator_class = "dummy"
    c.DummyAuthenticator.password = os.environ.get("GOPHLOW_HUB_PASSWORD", "")
elif auth == "pam":
    c.JupyterHub.authenticator_class = "pam"
else:
    raise SystemExit(f"deploy/jupyterhub_config.py: GOPHLOW_HUB_AUTH={auth!r}: want pam or dummy")
c.Authenticator.allowed_users = set(USERS) | set(ADMINS)
c.Authenticator.admin_users = set(ADMINS)

# A service whose token may start and stop the students' servers and reach
# them (access:servers), for scripts that prepare a class and for the tests.
if os.environ.get("GOPHLOW_HUB_TOKEN"):
    c.JupyterHub.services = [{"name": "gophlow-teacher", "api_token": setting("GOPHLOW_HUB_TOKEN")}]
    c.JupyterHub.load_roles = [{
        "name": "gophlow-teacher",
        "scopes": ["admin:users", "admin:servers", "tokens", "access:servers"],
        "services": ["gophlow-teacher"],
    }]

# Each student's server.
if SIMPLE:
    c.JupyterHub.spawner_class = SimpleLocalProcessSpawner
    c.SimpleLocalProcessSpawner.home_dir_template = os.path.join(STATE, "homes", "{username}")
else:
    c.JupyterHub.spawner_class = LocalProcessSpawner
# The server's command links the course into the student's home and trusts
# its notebooks for them, then starts jupyterhub-singleuser (Notebook 6).
c.Spawner.cmd = [os.path.join(STATE, "bin", "gophlow-singleuser")]
c.Spawner.notebook_dir = "~"
c.Spawner.default_url = "/tree"
# No terminal on stdin: Notebook then stops at once when the hub stops it,
# instead of asking "Shutdown this notebook server (y/[n])?".
c.LocalProcessSpawner.popen_kwargs = {"stdin": subprocess.DEVNULL}

# The kernels: the server's gophlow kernelspec, the memory limit, and the
# Notebook settings of deploy/jupyter_notebook_config.py (gophlow the only
# kernel, idle kernels shut down), which scripts/hub.sh copied to etc/.
env = {k: v for k, v in os.environ.items() if k.startswith("GOPHLOW_") and not k.startswith("GOPHLOW_HUB_")}
env.update({
    "GOPHLOW_MEMORY_LIMIT": MEMORY,
    "GOPHLOW_COURSE": COURSE,
    "JUPYTER_PATH": os.path.join(STATE, "share", "jupyter"),
    "JUPYTER_CONFIG_PATH": os.path.join(STATE, "etc"),
})
c.Spawner.environment = env

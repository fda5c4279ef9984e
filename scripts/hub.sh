#!/bin/sh
# A class server on this machine: Debian's JupyterHub with a Jupyter Notebook
# of their own for every student of a list, each kernel gophlow's with a
# memory limit, and the course as a shared read-only folder. `make hub`
# runs it; docs/hub.md explains it. It runs in the foreground (Ctrl-C stops
# the hub, the students' servers and their kernels) and, for real users,
# as root.
#
#   scripts/hub.sh --users "ann bob carl" [--admin NAME]... [options]
#
#   --users "NAMES"    the students, separated by spaces or commas
#   --users-file FILE  the same, one name a line ('#' starts a comment)
#   --admin NAME       a user who may administer the hub (e.g. the teacher)
#   --port N           where students connect (default 8800); the hub's API
#                      and the proxy's listen on 127.0.0.1, ports N+1 and N+2
#                      unless --hub-port and --proxy-api-port say otherwise
#   --ip ADDR          the address students connect to (default: every interface)
#   --memory BYTES     a kernel's memory limit, GOPHLOW_MEMORY_LIMIT (default
#                      2 GiB); a cell that passes it gets a MemoryError
#   --course DIR       the course to share (default: notebooks/ of this
#                      checkout); exercise notebooks go out as student versions
#   --state DIR        the server's folder (default /srv/gophlow-hub as
#                      root, else ~/.local/share/gophlow-hub)
#   --auth pam|dummy   pam: system passwords (default); dummy: any password
#                      (or --password's), for trying it out and tests only
#   --password WORD    the one password of --auth dummy
#   --spawner local|simple  local: each student's server as their own Unix
#                      user (default; needs root; users missing are created
#                      with useradd, their homes private); simple: every
#                      server as the current user, homes under DIR/homes,
#                      no isolation (tests only)
#   --token TOKEN      an API token for the "gophlow-teacher" service, which
#                      may manage users and servers over the Hub's REST API
#   --ssl-cert FILE --ssl-key FILE   serve HTTPS
#
# GOPHLOW_BIN names the gophlow binary to serve (default bin/gophlow: make
# hub builds it). Other GOPHLOW_* variables reach the students' kernels.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)

die() { echo "hub: $*" >&2; exit 2; }

users="" admins="" port=8800 hub_port="" proxy_port="" ip=""
memory=$((2 << 30)) course="$ROOT/notebooks" state="" auth=pam password=""
spawner=local token="" ssl_cert="" ssl_key=""
while [ $# -gt 0 ]; do
	[ $# -ge 2 ] || die "$1 needs a value"
	case "$1" in
	--users) users="$users $2" ;;
	--users-file) [ -r "$2" ] || die "cannot read $2"; users="$users $(sed 's/#.*//' "$2" | tr '\n' ' ')" ;;
	--admin) admins="$admins $2" ;;
	--port) port=$2 ;;
	--hub-port) hub_port=$2 ;;
	--proxy-api-port) proxy_port=$2 ;;
	--ip) ip=$2 ;;
	--memory) memory=$2 ;;
	--course) course=$2 ;;
	--state) state=$2 ;;
	--auth) auth=$2 ;;
	--password) password=$2 ;;
	--spawner) spawner=$2 ;;
	--token) token=$2 ;;
	--ssl-cert) ssl_cert=$2 ;;
	--ssl-key) ssl_key=$2 ;;
	*) die "unknown option $1 (see the top of scripts/hub.sh)" ;;
	esac
	shift 2
done
users=$(echo "$users" | tr ',' ' ' | xargs)
admins=$(echo "$admins" | tr ',' ' ' | xargs)
[ -n "$users$admins" ] || die 'no users: give --users "ann bob" or --users-file FILE'
for u in $users $admins; do
	# Unix user names as useradd takes them by default, and JupyterHub keeps.
	echo "$u" | grep -Eq '^[a-z_][a-z0-9_-]{0,31}$' || die "\"$u\" is not a user name (lower-case letters, digits, _ and -)"
done
case "$auth" in pam | dummy) ;; *) die "--auth is pam or dummy" ;; esac
case "$spawner" in local | simple) ;; *) die "--spawner is local or simple" ;; esac
case "$memory" in '' | *[!0-9]*) die "--memory takes bytes, e.g. $((2 << 30))" ;; esac
[ -d "$course" ] || die "no course folder $course"
hub_port=${hub_port:-$((port + 1))}
proxy_port=${proxy_port:-$((port + 2))}
root=false
[ "$(id -u)" -eq 0 ] && root=true
if [ "$spawner" = local ] && ! $root; then
	die "each student's server runs as their own user, which needs root (or --spawner simple, tests only)"
fi
if [ -z "$state" ]; then
	if $root; then state=/srv/gophlow-hub; else state="$HOME/.local/share/gophlow-hub"; fi
fi
bin=${GOPHLOW_BIN:-$ROOT/bin/gophlow}
[ -x "$bin" ] || die "no gophlow binary at $bin (make build)"

sh "$ROOT/scripts/setup-debian.sh" hub

# The server's folder. Students read (and run) bin/, share/ and etc/ and
# read course/; hub/ holds the database and the cookie secret, for the hub
# only. bin/gophlow-singleuser and etc/ are what a Kubernetes pod of
# deploy/Dockerfile runs too.
umask 022
mkdir -p "$state/bin" "$state/etc" "$state/hub" "$state/homes"
state=$(cd "$state" && pwd)
chmod 755 "$state" "$state/bin" "$state/etc"
chmod 700 "$state/hub"
install -m 755 "$bin" "$state/bin/gophlow.new" && mv -f "$state/bin/gophlow.new" "$state/bin/gophlow"
install -m 755 "$ROOT/deploy/gophlow-singleuser" "$state/bin/gophlow-singleuser"
install -m 644 "$ROOT/deploy/jupyter_notebook_config.py" "$state/etc/jupyter_notebook_config.py"
"$state/bin/gophlow" install --prefix "$state" >/dev/null

# The course, copied afresh at every start: a teacher's edits go out when
# the hub restarts. Notebooks with solution markers go out as the student
# version (gophlow strip-solutions); the copy is read-only for everyone.
rm -rf "$state/course.new"
cp -R "$course" "$state/course.new"
find "$state/course.new" -name .ipynb_checkpoints -prune -exec rm -rf {} +
find "$state/course.new" -name '*.ipynb' | while read -r nb; do
	if grep -q 'BEGIN SOLUTION' "$nb"; then
		"$state/bin/gophlow" strip-solutions "$nb" "$nb.student" >/dev/null
		mv -f "$nb.student" "$nb"
	fi
done
chmod -R a+rX,a-w "$state/course.new"
if [ -d "$state/course" ]; then
	chmod -R u+w "$state/course"
	rm -rf "$state/course"
fi
mv "$state/course.new" "$state/course"
chmod a-w "$state/course"

# The students, as Unix users with private homes.
if [ "$spawner" = local ]; then
	for u in $users $admins; do
		if ! id "$u" >/dev/null 2>&1; then
			useradd --create-home --shell /bin/bash "$u"
			chmod 700 "$(getent passwd "$u" | cut -d: -f6)"
			echo "hub: created the user $u$([ "$auth" = pam ] && echo "; give them a password with: passwd $u")"
		fi
	done
fi

export GOPHLOW_HUB_STATE="$state" GOPHLOW_HUB_USERS="$users" GOPHLOW_HUB_ADMINS="$admins"
export GOPHLOW_HUB_IP="$ip" GOPHLOW_HUB_PORT="$port" GOPHLOW_HUB_API_PORT="$hub_port" GOPHLOW_HUB_PROXY_API_PORT="$proxy_port"
export GOPHLOW_HUB_AUTH="$auth" GOPHLOW_HUB_PASSWORD="$password" GOPHLOW_HUB_SPAWNER="$spawner" GOPHLOW_HUB_TOKEN="$token"
export GOPHLOW_HUB_SSL_CERT="$ssl_cert" GOPHLOW_HUB_SSL_KEY="$ssl_key" GOPHLOW_MEMORY_LIMIT="$memory"
echo "hub: serving $state/course to $(echo $users $admins | wc -w) users at http${ssl_cert:+s}://${ip:-this machine}:$port/ (each kernel stopped at $memory bytes)"
cd "$state/hub"
exec /usr/bin/jupyterhub -f "$ROOT/deploy/jupyterhub_config.py"

#!/usr/bin/env bash
# A 3-node MariaDB Galera cluster on loopback, from Debian's packages (mariadb-server 10.11, galera-4, rsync).
# For development and tests: one machine, three mariadbd processes, each with its own data directory.
#
# Run as root, the nodes run as the mysql account; as anyone else, as that user.
# Usage: cluster.sh start | stop | status | kill N | restart N | wait-size K [SECONDS] | lb-start | lb-stop
#
# Environment (defaults in brackets):
#   GALERA_DIR        [/tmp/fpjc-galera]  one directory per node below it (node1..node3)
#   GALERA_SQL_PORT   [13306]  node N serves SQL on GALERA_SQL_PORT+N-1
#   GALERA_GCOMM_PORT [14567]  group communication of node N on GALERA_GCOMM_PORT+N-1
#   GALERA_IST_PORT   [14577]  incremental state transfer receiver of node N
#   GALERA_SST_PORT   [14587]  full state transfer (rsync) receiver of node N
#   GALERA_LB_PORT    [18199]  HAProxy (haproxy.cfg beside this script): node 1 active, nodes 2 and 3 backups
#   GALERA_WAIT       [120]    seconds to wait for a node or the cluster before giving up
#   GALERA_INSTALL    [1]      install galera-4 and rsync by apt when absent (0: fail instead)
#
# "lb-start" runs HAProxy in front of the nodes (apt-get install haproxy); "stop" stops it too.
# "kill N" is kill -9 (a crash); "restart N" starts a stopped or killed node again, which rejoins by IST or SST.
# "start" bootstraps node 1 with --wsrep-new-cluster, so it is for a cluster whose nodes are all stopped; after a
# full crash use "stop" and remove GALERA_DIR (test data) or recover by hand (README, "What is not supported").
set -euo pipefail

DIR=${GALERA_DIR:-/tmp/fpjc-galera}
SQL_PORT=${GALERA_SQL_PORT:-13306}
GCOMM_PORT=${GALERA_GCOMM_PORT:-14567}
IST_PORT=${GALERA_IST_PORT:-14577}
SST_PORT=${GALERA_SST_PORT:-14587}
LB_PORT=${GALERA_LB_PORT:-18199}
WAIT=${GALERA_WAIT:-120}
HERE=$(cd "$(dirname "$0")" && pwd)
NODES=3
PROVIDER=/usr/lib/galera/libgalera_smm.so

die() { echo "cluster.sh: $*" >&2; exit 1; }
sql_port() { echo $((SQL_PORT + $1 - 1)); }
node_dir() { echo "$DIR/node$1"; }
pid_of() { cat "$(node_dir "$1")/mariadbd.pid" 2>/dev/null || true; }
alive() { local p; p=$(pid_of "$1"); [ -n "$p" ] && kill -0 "$p" 2>/dev/null; }
# One SQL statement on node N as root through its socket.
q() { mariadb -S "$(node_dir "$1")/mariadbd.sock" -u root --connect-timeout=2 -N -B -e "$2" 2>/dev/null; }
status_var() { q "$1" "SHOW GLOBAL STATUS LIKE '$2'" | awk '{print $2}'; }

ensure_packages() {
  local missing=()
  command -v mariadbd >/dev/null 2>&1 || [ -x /usr/sbin/mariadbd ] || missing+=(mariadb-server)
  [ -f "$PROVIDER" ] || missing+=(galera-4)
  command -v rsync >/dev/null 2>&1 || missing+=(rsync)
  command -v mariadb >/dev/null 2>&1 || missing+=(mariadb-client)
  [ ${#missing[@]} -eq 0 ] && return 0
  [ "${GALERA_INSTALL:-1}" = 1 ] || die "missing packages: ${missing[*]} (apt-get install ${missing[*]})"
  local sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  echo "cluster.sh: installing ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
  [ -f "$PROVIDER" ] || die "$PROVIDER still absent after installing galera-4"
}

write_config() {
  local n=$1 d; d=$(node_dir "$n")
  local members="" i
  for i in $(seq 1 $NODES); do members+="${members:+,}127.0.0.1:$((GCOMM_PORT + i - 1))"; done
  cat > "$d/my.cnf" <<EOF
[mysqld]
datadir=$d/data
socket=$d/mariadbd.sock
pid-file=$d/mariadbd.pid
log-error=$d/error.log
port=$(sql_port "$n")
bind-address=127.0.0.1
skip-name-resolve
character-set-server=utf8mb4
collation-server=utf8mb4_unicode_ci
max-connections=500
innodb_buffer_pool_size=128M
# Galera replicates row images and needs InnoDB everywhere, and interleaved auto-increment locks so that
# parallel appliers never wait on a table-level AUTO-INC lock.
binlog_format=ROW
default_storage_engine=InnoDB
innodb_autoinc_lock_mode=2
# A commit is durable once it is on the other nodes; each node's own log is flushed every second.
innodb_flush_log_at_trx_commit=2
wsrep_on=ON
wsrep_provider=$PROVIDER
wsrep_cluster_name=fpjc-galera
wsrep_cluster_address=gcomm://$members
wsrep_node_name=node$n
wsrep_node_address=127.0.0.1:$((GCOMM_PORT + n - 1))
wsrep_sst_method=rsync
wsrep_sst_receive_address=127.0.0.1:$((SST_PORT + n - 1))
wsrep_slave_threads=2
# Failure detection: a peer silent for 3 s is suspected, evicted after 6 s (defaults 5 s / 15 s).
wsrep_provider_options="gmcast.listen_addr=tcp://127.0.0.1:$((GCOMM_PORT + n - 1));ist.recv_addr=127.0.0.1:$((IST_PORT + n - 1));gcache.size=128M;evs.keepalive_period=PT1S;evs.suspect_timeout=PT3S;evs.inactive_timeout=PT6S;evs.inactive_check_period=PT1S;evs.install_timeout=PT6S"
EOF
}

# As root the nodes run as the mysql account (Debian's package creates it): the rsync daemon that receives a state
# transfer drops root to "nobody", which could not write a root-owned data directory.
RUN_AS=$(id -un)
if [ "$(id -u)" = 0 ]; then RUN_AS=mysql; fi

init_node() {
  local n=$1 d; d=$(node_dir "$n")
  mkdir -p "$d"
  chmod 755 "$DIR"
  if [ "$(id -u)" = 0 ] && ! runuser -u "$RUN_AS" -- test -x "$DIR"; then
    die "the $RUN_AS account cannot reach $DIR: choose a GALERA_DIR whose parent directories others may enter"
  fi
  write_config "$n"
  if [ ! -d "$d/data/mysql" ]; then
    mariadb-install-db --defaults-file="$d/my.cnf" --user="$RUN_AS" --auth-root-authentication-method=normal \
      --skip-test-db >"$d/install.log" 2>&1 || { cat "$d/install.log" >&2; die "mariadb-install-db failed for node $n"; }
  fi
  [ "$(id -u)" = 0 ] && chown -R "$RUN_AS:$RUN_AS" "$d"
  return 0
}

launch() { # node, extra args
  local n=$1; shift
  local d; d=$(node_dir "$n")
  alive "$n" && { echo "node $n already running (pid $(pid_of "$n"))"; return 0; }
  rm -f "$d/mariadbd.pid"
  # setsid: the node outlives this script and a caller's process group (a test kills it by pid only).
  setsid /usr/sbin/mariadbd --defaults-file="$d/my.cnf" --user="$RUN_AS" "$@" </dev/null >>"$d/stdout.log" 2>&1 &
}

# Whether node N's server process exists, pid file or not: the server writes its pid file only after a state transfer.
starting_or_running() { pgrep -f -- "--defaults-file=$(node_dir "$1")/my.cnf" >/dev/null 2>&1; }

# What went wrong on node N: its errors and state-transfer messages, then the end of its log.
explain() {
  local log; log="$(node_dir "$1")/error.log"
  [ -f "$log" ] || return 0
  echo "---- node $1: errors and state transfer ($log)" >&2
  grep -E '\[ERROR\]|WSREP_SST|rsync' "$log" | tail -20 >&2 || true
  echo "---- node $1: last lines" >&2
  tail -15 "$log" >&2
}

await_synced() { # node
  local n=$1 deadline=$((SECONDS + WAIT))
  while [ $SECONDS -lt $deadline ]; do
    if [ "$(status_var "$n" wsrep_local_state_comment)" = Synced ] && [ "$(status_var "$n" wsrep_ready)" = ON ]; then
      return 0
    fi
    if ! starting_or_running "$n"; then
      explain "$n"; die "node $n exited while starting"
    fi
    sleep 0.5
  done
  explain "$n"
  die "node $n not synced within ${WAIT}s"
}

await_size() { # expected size, seconds
  local want=$1 deadline=$((SECONDS + ${2:-$WAIT})) n size
  while [ $SECONDS -lt $deadline ]; do
    for n in $(seq 1 $NODES); do
      size=$(status_var "$n" wsrep_cluster_size || true)
      [ "$size" = "$want" ] && [ "$(status_var "$n" wsrep_cluster_status)" = Primary ] && return 0
    done
    sleep 0.5
  done
  die "cluster size $want not reached within ${2:-$WAIT}s"
}

start() {
  ensure_packages
  local n
  for n in $(seq 1 $NODES); do init_node "$n"; done
  local running=0
  for n in $(seq 1 $NODES); do alive "$n" && running=$((running + 1)); done
  if [ $running -eq 0 ]; then
    # A fresh cluster: node 1 bootstraps. Allow it even if it was not the last to leave (test data).
    sed -i 's/^safe_to_bootstrap: 0/safe_to_bootstrap: 1/' "$(node_dir 1)/data/grastate.dat" 2>/dev/null || true
    launch 1 --wsrep-new-cluster
    await_synced 1
    # Root without a password over TCP on loopback (test clusters only); replicated to the joiners by SST.
    q 1 "CREATE USER IF NOT EXISTS 'root'@'127.0.0.1' IDENTIFIED BY ''; GRANT ALL ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION" \
      || die "could not create root@127.0.0.1 on node 1"
  fi
  # One joiner at a time: each takes a full state transfer from a donor, which serves one at a time.
  for n in $(seq 1 $NODES); do
    alive "$n" || launch "$n"
    await_synced "$n"
  done
  await_size $NODES
  status
}

stop_node() {
  local n=$1 p deadline
  p=$(pid_of "$n")
  [ -n "$p" ] && kill -0 "$p" 2>/dev/null || return 0
  kill "$p"
  deadline=$((SECONDS + WAIT))
  while kill -0 "$p" 2>/dev/null; do
    [ $SECONDS -lt $deadline ] || { kill -9 "$p" 2>/dev/null || true; break; }
    sleep 0.2
  done
}

lb_start() {
  command -v haproxy >/dev/null 2>&1 || die "haproxy is not installed (apt-get install haproxy)"
  lb_stop
  GALERA_LB_PORT=$LB_PORT GALERA_NODE1_PORT=$(sql_port 1) GALERA_NODE2_PORT=$(sql_port 2) GALERA_NODE3_PORT=$(sql_port 3) \
    GALERA_CHECK_SCRIPT="$HERE/galera-check.sh" \
    haproxy -f "$HERE/haproxy.cfg" -D -p "$DIR/haproxy.pid" >"$DIR/haproxy.log" 2>&1 \
    || { cat "$DIR/haproxy.log" >&2; die "haproxy did not start"; }
  local deadline=$((SECONDS + 30))
  until mariadb -h 127.0.0.1 -P "$LB_PORT" -u root --connect-timeout=2 -N -B -e 'SELECT 1' >/dev/null 2>&1; do
    [ $SECONDS -lt $deadline ] || die "no node answers through haproxy on port $LB_PORT"
    sleep 0.5
  done
  echo "haproxy on 127.0.0.1:$LB_PORT (pid $(cat "$DIR/haproxy.pid"))"
}

lb_stop() {
  local p; p=$(cat "$DIR/haproxy.pid" 2>/dev/null || true)
  if [ -n "$p" ] && kill -0 "$p" 2>/dev/null; then
    kill "$p"
    while kill -0 "$p" 2>/dev/null; do sleep 0.1; done
  fi
  rm -f "$DIR/haproxy.pid"
}

stop() {
  local n
  lb_stop
  # Last node first, so node 1 leaves last and can bootstrap the next start without forcing.
  for n in $(seq $NODES -1 1); do stop_node "$n"; done
  echo "stopped"
}

status() {
  local n
  for n in $(seq 1 $NODES); do
    if alive "$n"; then
      printf 'node%d pid=%s port=%s state=%s size=%s status=%s\n' "$n" "$(pid_of "$n")" "$(sql_port "$n")" \
        "$(status_var "$n" wsrep_local_state_comment)" "$(status_var "$n" wsrep_cluster_size)" "$(status_var "$n" wsrep_cluster_status)"
    else
      printf 'node%d down port=%s\n' "$n" "$(sql_port "$n")"
    fi
  done
}

node_arg() { [[ "${1:-}" =~ ^[1-3]$ ]] || die "node number 1..3 expected, got '${1:-}'"; echo "$1"; }

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  kill)
    n=$(node_arg "${2:-}"); p=$(pid_of "$n")
    [ -n "$p" ] && kill -9 "$p" 2>/dev/null && echo "killed node $n (pid $p)" || echo "node $n not running"
    ;;
  restart)
    n=$(node_arg "${2:-}"); stop_node "$n"; init_node "$n"; launch "$n"; await_synced "$n"; status ;;
  wait-size) await_size "${2:?expected size}" "${3:-$WAIT}" ;;
  lb-start) mkdir -p "$DIR"; lb_start ;;
  lb-stop) lb_stop ;;
  *) die "usage: cluster.sh start|stop|status|kill N|restart N|wait-size K [SECONDS]|lb-start|lb-stop" ;;
esac

#!/bin/bash
# A one-node Slurm cluster for the integration suite, from Debian's packages (Slurm 22.05 on
# Debian 12): munged, slurmctld and slurmd as daemons without systemd, and slurmrestd with JWT
# authentication on a loopback port, running as an unprivileged user.
#
#   slurm-cluster.sh start   installs what is missing (apt-get), writes the configuration, (re)starts the daemons
#   slurm-cluster.sh stop    stops the daemons it started
#
# Needs root. It writes /etc/slurm/slurm.conf and Slurm's key files: meant for a CI machine or a
# container, it refuses to replace a slurm.conf it did not write.
# Environment: SLURM_REST_PORT (6820), SLURM_JOB_USER (vstar-it, the user jobs run as),
# SLURM_REST_USER (slurmrestd).
set -euo pipefail

REST_PORT=${SLURM_REST_PORT:-6820}
JOB_USER=${SLURM_JOB_USER:-vstar-it}
REST_USER=${SLURM_REST_USER:-slurmrestd}
PACKAGES=(munge slurm-client slurmctld slurmd slurmrestd slurm-wlm-jwt-plugin)
CONF=/etc/slurm/slurm.conf
MARKER="# Written by the Video-STaR Studio integration suite (e2e/integration/slurm-cluster.sh)."
RUN=/run/slurm
# State of its own, apart from any other cluster's on this machine.
SPOOL=/var/spool/slurm/vstar-it
LOGS=/var/log/slurm
JWT_KEY=$SPOOL/statesave/jwt_hs256.key

say() { echo "[slurm-cluster] $*"; }
die() {
  echo "[slurm-cluster] $*" >&2
  exit 1
}

# Polls `$@` every 0.2 s for up to $WAIT seconds.
wait_until() {
  local tries=$((${WAIT:-20} * 5))
  for _ in $(seq "$tries"); do
    "$@" >/dev/null 2>&1 && return 0
    sleep 0.2
  done
  return 1
}

alive() { [ -s "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

stop_pidfile() {
  local pidfile=$1
  alive "$pidfile" || return 0
  local pid
  pid=$(cat "$pidfile")
  kill "$pid" 2>/dev/null || true
  WAIT=10 wait_until bash -c "! kill -0 $pid" || kill -9 "$pid" 2>/dev/null || true
  rm -f "$pidfile"
}

stop() {
  stop_pidfile $RUN/slurmrestd.pid
  stop_pidfile $RUN/slurmd.pid
  stop_pidfile $RUN/slurmctld.pid
  # munged only when this script started it (a system's own munged is left alone).
  stop_pidfile $RUN/munged.pid
  say "stopped"
}

install_packages() {
  local missing=()
  for package in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  command -v apt-get >/dev/null || die "apt-get not found: this suite installs Debian's Slurm packages (${missing[*]})"
  say "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

write_config() {
  if [ -e $CONF ] && ! grep -qF "$MARKER" $CONF; then
    die "$CONF exists and was not written by this suite: not replacing a real cluster's configuration"
  fi
  id "$REST_USER" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$REST_USER"
  id "$JOB_USER" >/dev/null 2>&1 || useradd --create-home --shell /bin/bash "$JOB_USER"
  [ -s /etc/munge/munge.key ] || mungekey --create --keyfile=/etc/munge/munge.key
  chown munge:munge /etc/munge/munge.key
  chmod 0400 /etc/munge/munge.key
  install -d -o munge -g munge -m 0755 /run/munge
  install -d -o slurm -g slurm -m 0755 /var/spool/slurm $SPOOL $SPOOL/statesave $SPOOL/slurmd $LOGS $RUN
  if [ ! -s $JWT_KEY ]; then
    dd if=/dev/urandom of=$JWT_KEY bs=32 count=1 status=none
  fi
  chown slurm:slurm $JWT_KEY
  chmod 0600 $JWT_KEY
  # The node's real hardware, as slurmd sees it (a mismatch would drain the node).
  local hardware
  hardware=$(slurmd -C | head -1 | sed -E 's/^NodeName=[^ ]+ //')
  cat >$CONF <<EOF
$MARKER
ClusterName=vstar-it
SlurmctldHost=localhost
SlurmUser=slurm
AuthType=auth/munge
AuthAltTypes=auth/jwt
AuthAltParameters=jwt_key=$JWT_KEY
StateSaveLocation=$SPOOL/statesave
SlurmdSpoolDir=$SPOOL/slurmd
SlurmctldPidFile=$RUN/slurmctld.pid
SlurmdPidFile=$RUN/slurmd.pid
SlurmctldLogFile=$LOGS/slurmctld.log
SlurmdLogFile=$LOGS/slurmd.log
SlurmctldPort=6817
SlurmdPort=6818
MailProg=/bin/true
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
MpiDefault=none
SlurmctldDebug=info
SlurmdDebug=info
NodeName=localhost NodeAddr=127.0.0.1 $hardware State=UNKNOWN
PartitionName=debug Nodes=ALL Default=YES MaxTime=INFINITE State=UP
EOF
}

start_daemons() {
  # The daemons daemonize and exit 0 even when they die right after: each one is polled.
  if ! munge -n 2>/dev/null | unmunge >/dev/null 2>&1; then
    runuser -u munge -- /usr/sbin/munged
    wait_until bash -c "munge -n | unmunge" || die "munged did not start"
    cp /run/munge/munged.pid $RUN/munged.pid
  fi
  /usr/sbin/slurmctld -i || die "slurmctld did not start: $(tail -5 $LOGS/slurmctld.log)"
  wait_until scontrol ping || die "slurmctld did not start: $(tail -5 $LOGS/slurmctld.log)"
  /usr/sbin/slurmd -N localhost || die "slurmd did not start: $(tail -5 $LOGS/slurmd.log)"
  wait_until bash -c '[ "$(sinfo -h -n localhost -o %t)" = idle ]' || die "the node is not idle: $(sinfo -N 2>&1; tail -5 $LOGS/slurmd.log)"
  # slurmrestd refuses to run as root; SLURM_JWT=daemon lets it pass users' tokens on to slurmctld.
  (cd /tmp && SLURM_JWT=daemon exec setsid /usr/sbin/slurmrestd -u "$REST_USER" -a rest_auth/jwt \
    -s openapi/v0.0.36,openapi/v0.0.37,openapi/v0.0.38 "127.0.0.1:$REST_PORT" >$LOGS/slurmrestd.log 2>&1 </dev/null) &
  echo $! >$RUN/slurmrestd.pid
  # (bash's /dev/tcp: a bare machine may have no curl)
  wait_until bash -c "exec 3<>/dev/tcp/127.0.0.1/$REST_PORT" ||
    die "slurmrestd did not answer on 127.0.0.1:$REST_PORT: $(tail -5 $LOGS/slurmrestd.log)"
  sleep 0.3
  alive $RUN/slurmrestd.pid || die "slurmrestd stopped (is 127.0.0.1:$REST_PORT taken?): $(tail -5 $LOGS/slurmrestd.log)"
}

start() {
  [ "$(id -u)" -eq 0 ] || die "needs root: it installs Debian's Slurm packages and starts Slurm's daemons"
  install_packages
  stop
  write_config
  start_daemons
  say "Slurm $(dpkg-query -W -f='${Version}' slurmctld) up; slurmrestd on http://127.0.0.1:$REST_PORT, jobs run as $JOB_USER"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) die "usage: $0 start|stop" ;;
esac

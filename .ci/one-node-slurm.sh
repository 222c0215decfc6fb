#!/usr/bin/env bash
# A one-node Slurm cluster for the tests (README "Running on a cluster"), from Debian's slurm-wlm and munge, as
# root, everything under one folder: munge key and daemon, slurm.conf, slurmctld and slurmd, each with its pid file.
#   .ci/one-node-slurm.sh start DIR   prints the SLURM_CONF path once the node is idle (exit 1 if it never is)
#   .ci/one-node-slurm.sh stop DIR    stops the daemons it started, by their pid files
# Ports are picked from the folder's name so that two clusters on one machine do not collide.
set -euo pipefail
command=${1:?start or stop}
dir=${2:?folder}

stop_pid() {  # kill the process of a pid file, then wait (bounded) for it to exit
  local file=$1
  [ -f "$file" ] || return 0
  local pid; pid=$(cat "$file" 2>/dev/null || true)
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$file"
}

case "$command" in
stop)
  stop_pid "$dir/slurmd.pid"
  stop_pid "$dir/slurmctld.pid"
  stop_pid "$dir/munged.pid"
  exit 0
  ;;
start) ;;
*) echo "usage: $0 start|stop DIR" >&2; exit 2 ;;
esac

[ "$(id -u)" = 0 ] || { echo "one-node-slurm: must run as root" >&2; exit 1; }
# Close every descriptor above 2 that the caller leaked to us (e.g. the other ends of its pipes): the daemons would
# keep them open for their lifetime, and a caller reading our output to the end would wait forever.
for fd in $(ls /proc/$$/fd); do
  if [ "$fd" -gt 2 ]; then eval "exec $fd>&-" 2>/dev/null || true; fi
done
mkdir -p "$dir"/{munge,ctld,spool,logs}
chmod 700 "$dir" "$dir/munge"
dd if=/dev/urandom of="$dir/munge/munge.key" bs=1024 count=1 status=none
chmod 400 "$dir/munge/munge.key"
# The daemons log to files; their standard streams must not keep the caller's pipes open.
munged --force --key-file="$dir/munge/munge.key" --socket="$dir/munge/munge.socket" \
  --pid-file="$dir/munged.pid" --log-file="$dir/logs/munged.log" --seed-file="$dir/munge/munged.seed" \
  </dev/null >>"$dir/logs/munged.out" 2>&1

host=$(hostname -s)
cpus=$(nproc)
memory=$(awk '/MemTotal/ {print int($2/1024/2)}' /proc/meminfo)
base=$(( 20000 + $(printf '%s' "$dir" | cksum | cut -d' ' -f1) % 20000 ))
cat > "$dir/slurm.conf" <<CONF
ClusterName=nqptest
SlurmctldHost=$host
SlurmUser=root
SlurmdUser=root
SlurmctldPort=$base
SlurmdPort=$((base + 1))
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$dir/munge/munge.socket
StateSaveLocation=$dir/ctld
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/logs/slurmctld.log
SlurmdLogFile=$dir/logs/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
SchedulerType=sched/backfill
MpiDefault=none
ReturnToService=2
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SlurmctldTimeout=30
SlurmdTimeout=30
InactiveLimit=0
KillWait=5
MinJobAge=3600
NodeName=$host CPUs=$cpus RealMemory=$memory State=UNKNOWN
PartitionName=debug Nodes=ALL Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF="$dir/slurm.conf"
slurmctld -f "$SLURM_CONF" </dev/null >>"$dir/logs/slurmctld.out" 2>&1
slurmd -f "$SLURM_CONF" </dev/null >>"$dir/logs/slurmd.out" 2>&1
# Wait (bounded) until the node takes jobs.
for _ in $(seq 1 60); do
  state=$(sinfo -h -N -o '%T' 2>/dev/null | head -1 || true)
  case "$state" in idle|mixed|allocated) echo "$SLURM_CONF"; exit 0 ;; esac
  sleep 0.5
done
echo "one-node-slurm: the node did not become idle (state '${state:-none}'); see $dir/logs" >&2
exit 1

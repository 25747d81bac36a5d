#!/bin/bash
# A real cluster, on this machine: installs Slurm and MUNGE if missing (Debian's slurm-wlm and
# munge), configures a single node and starts its daemons, runs a sweep of examples/small.yaml
# as an `sbatch --array` job (one shard a task) and `hailsham merge` as a job that waits for it,
# exactly as docs/scaling.md shows, and checks that the merged runs.csv and cohorts.csv are
# byte-identical to the same sweep run in one process. Exits non-zero on any difference.
# Needs root (it installs packages and starts daemons). Usage: npm run test:slurm
# Environment: SEEDS (default 1..40), SHARDS (default 4), KEEP=1 to leave the daemons running.
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$(pwd)
SEEDS=${SEEDS:-1..40}
SHARDS=${SHARDS:-4}
t0=$(date +%s)
say() { printf 'test:slurm: %s\n' "$*"; }
fail() { say "FAILED: $*" >&2; exit 1; }
[ "$(id -u)" = 0 ] || fail "needs root to install and start Slurm (run it in a container or VM)"

# 1. Install what is missing.
if ! command -v sbatch >/dev/null || ! command -v munged >/dev/null; then
  say "installing slurm-wlm and munge"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends slurm-wlm munge >/dev/null
fi
[ -f dist/cli/main.js ] || npm run build --silent

# 2. MUNGE: a key and the daemon.
if [ ! -s /etc/munge/munge.key ]; then
  dd if=/dev/urandom of=/etc/munge/munge.key bs=1024 count=1 status=none
fi
chown munge:munge /etc/munge/munge.key && chmod 400 /etc/munge/munge.key
mkdir -p /run/munge /var/log/munge /var/lib/munge && chown munge:munge /run/munge /var/log/munge /var/lib/munge
if ! munge -n </dev/null 2>/dev/null | unmunge >/dev/null 2>&1; then
  runuser -u munge -- /usr/sbin/munged --force
  for _ in $(seq 50); do munge -n </dev/null 2>/dev/null | unmunge >/dev/null 2>&1 && break; sleep 0.1; done
fi
munge -n </dev/null | unmunge >/dev/null || fail "munged does not answer"

# 3. Slurm: one node that is also the controller. The node declares 16 CPUs and 16 GB so the
# example job's 4 CPUs and 4 GB a task fit four tasks at once (config_overrides lets a node
# declare more than it has; the tasks then share the real cores).
host=$(hostname -s)
mkdir -p /etc/slurm /var/spool/slurmctld /var/spool/slurmd /var/log/slurm
cat >/etc/slurm/slurm.conf <<CONF
ClusterName=hailsham
SlurmctldHost=$host
SlurmUser=root
AuthType=auth/munge
StateSaveLocation=/var/spool/slurmctld
SlurmdSpoolDir=/var/spool/slurmd
SlurmctldPidFile=/run/slurmctld.pid
SlurmdPidFile=/run/slurmd.pid
SlurmctldLogFile=/var/log/slurm/slurmctld.log
SlurmdLogFile=/var/log/slurm/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU_Memory
SlurmdParameters=config_overrides
ReturnToService=2
MpiDefault=none
NodeName=$host CPUs=16 RealMemory=16384 State=UNKNOWN
PartitionName=main Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
# Restart the daemons so they read this configuration.
for d in slurmctld slurmd; do
  if [ -f /run/$d.pid ] && kill -0 "$(cat /run/$d.pid)" 2>/dev/null; then kill "$(cat /run/$d.pid)"; sleep 1; fi
done
/usr/sbin/slurmctld
/usr/sbin/slurmd
for _ in $(seq 60); do
  state=$(sinfo -h -n "$host" -o %t 2>/dev/null || true)
  [ "$state" = idle ] && break
  case "$state" in down*|drain*) scontrol update nodename="$host" state=resume 2>/dev/null || true ;; esac
  sleep 0.5
done
[ "$(sinfo -h -n "$host" -o %t)" = idle ] || fail "the node is not idle: $(sinfo -h -N -o '%N %t %E')"
say "Slurm $(sinfo -V | cut -d' ' -f2) up on $host ($(( $(date +%s) - t0 )) s so far)"

# 4. The sweep, as docs/scaling.md runs it, in a scratch copy of the folder layout.
work=$(mktemp -d /tmp/hailsham-slurm-XXXXXX)
ln -s "$REPO/bin" "$REPO/dist" "$REPO/examples" "$REPO/node_modules" "$REPO/package.json" "$work/"
cp scripts/slurm/sweep.sbatch "$work/sweep.sbatch"
# The job script in the docs must be this file, byte for byte.
awk '/^<!-- slurm:sweep.sbatch -->$/{f=1;next} f&&/^```sh$/{c=1;next} c&&/^```$/{exit} c' docs/scaling.md |
  cmp -s - scripts/slurm/sweep.sbatch || fail "docs/scaling.md's job script differs from scripts/slurm/sweep.sbatch"
cd "$work"
export SEEDS SHARDS
# The lines between the markers in docs/scaling.md, run as they stand.
submit=$(awk '/^<!-- slurm:submit -->$/{f=1;next} f&&/^```sh$/{c=1;next} c&&/^```$/{exit} c' "$REPO/docs/scaling.md")
[ -n "$submit" ] || fail "docs/scaling.md has no submit block"
say "submitting (SEEDS=$SEEDS SHARDS=$SHARDS):"
printf '    %s\n' "$submit"
eval "$submit"
say "array job $jobid, merge job $mergeid"
# Wait for the merge job (it waits for the whole array).
for _ in $(seq 3600); do
  st=$(scontrol show job "$mergeid" 2>/dev/null | grep -o 'JobState=[A-Z_]*' | cut -d= -f2 || true)
  case "$st" in COMPLETED) break ;; FAILED|CANCELLED|TIMEOUT|NODE_FAIL|OUT_OF_MEMORY|PREEMPTED)
    cat logs/* slurm-merge.out 2>/dev/null || true; fail "merge job $mergeid ended $st" ;; esac
  sleep 1
done
[ "$st" = COMPLETED ] || fail "merge job $mergeid did not finish (state $st)"
for k in $(seq "$SHARDS"); do
  st=$(scontrol show job "${jobid}_$k" 2>/dev/null | grep -o 'JobState=[A-Z_]*' | cut -d= -f2 || echo gone)
  rows=$(($(wc -l <"results/shard-$k/runs.csv") - 1))
  say "task ${jobid}_$k: shard $k/$SHARDS, $rows seeds, state ${st:-COMPLETED}, log logs/shard-$k.log"
done
say "merge job $mergeid: $(tr "\n" " " <slurm-merge.out)"

# 5. The whole sweep in one process, and the comparison.
node bin/hailsham.js ensemble examples/small.yaml --seeds "$SEEDS" --workers 1 --out whole --quiet
status=0
for f in runs.csv cohorts.csv; do
  a=$(sha256sum "whole/$f" | cut -d' ' -f1)
  b=$(sha256sum "results/all/$f" | cut -d' ' -f1)
  if cmp -s "whole/$f" "results/all/$f"; then say "$f: merged $b = whole $a (identical)"
  else say "$f: merged $b ≠ whole $a"; status=1; fi
done
if [ "${KEEP:-}" != 1 ]; then
  kill "$(cat /run/slurmd.pid)" "$(cat /run/slurmctld.pid)" 2>/dev/null || true
  rm -rf "$work"
fi
say "$([ $status = 0 ] && echo passed || echo FAILED) in $(( $(date +%s) - t0 )) s"
exit $status

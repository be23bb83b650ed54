#!/usr/bin/env bash
# Who made each call (#15): a process in a fresh cgroup, run as nobody,
# traced with --cgroup (by path and by container id) and with
# --all --comm=NAME / --all -u USER: every record carries the right comm,
# uid, ppid and cgroup, and a process outside the selection is absent. The
# ptrace backend fills the same fields from /proc. JSON checked with python3.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/ebpf_lib.sh"
need_ebpf
need_cmd setpriv
need_cmd python3

MNT=$(awk '$0 ~ / - cgroup2 / {print $5; exit}' /proc/self/mountinfo)
[ -n "$MNT" ] || skip "no cgroup v2 mount"
NAME=rnident$$			# the tracee's comm (cat under another name)
cp /bin/cat "$WORK/$NAME"
HEX=$(printf '%064x' $((0x5eed0000 + $$)))
REL=/renacer-ident-$$
CG=$MNT$REL
DOCK=$MNT/docker-$HEX.scope	# a cgroup a container runtime would have made
mkdir "$CG" "$DOCK" || skip "cannot create a cgroup under $MNT"
RPID=
cleanup() {
	[ -n "$RPID" ] && kill -INT "$RPID" 2>/dev/null
	# move anything left back to the root, then remove the cgroups
	for d in "$CG" "$DOCK"; do
		for p in $(cat "$d/cgroup.procs" 2>/dev/null); do
			echo "$p" >"$MNT/cgroup.procs" 2>/dev/null
		done
		rmdir "$d" 2>/dev/null
	done
	rm -rf "$WORK"
}
trap cleanup EXIT

# Run $NAME /etc/hostname as nobody inside cgroup dir $1; its pid in $2.
run_inside() {
	sh -c 'echo $$ >"$1/cgroup.procs" && exec setpriv --reuid=65534 --regid=65534 \
		--clear-groups "$2" /etc/hostname' sh "$1" "$WORK/$NAME" >/dev/null &
	eval "$2=$!"
}

start() {	# OUT ARGS...: renacer in the background, attached
	local out=$1
	shift
	with_int "$RENACER" --backend=ebpf "$@" -o "$out" -e trace=openat,read,exit_group &
	RPID=$!
	wait_attached "$RPID"
}

stop() {
	sleep 0.3
	kill -INT "$RPID"
	wait "$RPID" || fail "renacer exited $?"
	RPID=
}

# check FILE PID_IN PID_OUT CGROUP UID [CONTAINER]: the records of PID_IN
# carry its identity; PID_OUT has none; every record is schema 1.
check() {
	python3 - "$@" "$NAME" "$$" <<'PY' || fail "JSON check failed on $1"
import json, sys
f, pin, pout, cg, uid = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], int(sys.argv[5])
cont = sys.argv[6] if len(sys.argv) > 8 else None
name, ppid = sys.argv[-2], int(sys.argv[-1])
recs = [json.loads(l) for l in open(f)]
assert recs, "no records"
mine = [r for r in recs if r["pid"] == pin]
assert all(r.get("schema") == 1 for r in recs), "a record without schema 1"
assert not [r for r in recs if r["pid"] == pout], "the process outside was traced"
assert mine, "no record of the process inside"
# after its exec the task is NAME, run as nobody
after = [r for r in mine if r.get("comm") == name]
assert after, "no record named %s: %s" % (name, set(r.get("comm") for r in mine))
for r in after:
    assert r["uid"] == uid and r["gid"] == uid, r
    assert r["cgroup"] == cg, (r["cgroup"], cg)
    assert r["ppid"] == ppid, (r["ppid"], ppid)
    if cont:
        assert r.get("container") == cont, r
for r in recs:
    assert "comm" in r and "cgroup" in r and "uid" in r, r
host = [r for r in after if r.get("syscall") == "openat" and r.get("paths") == ["/etc/hostname"]]
assert host, "no openat of /etc/hostname with paths"
assert [r for r in after if r["type"] == "exit"], "no exit record with identity"
print("%s: %d records, %d of %s" % (f, len(recs), len(after), name))
PY
}

# 1. --cgroup by path (relative to the mount point): only the inside
start "$WORK/cg.json" --cgroup="$REL" --format=json
run_inside "$CG" IN
"$WORK/$NAME" /etc/hostname >/dev/null &
OUT=$!
wait "$IN" "$OUT"
stop
check "$WORK/cg.json" "$IN" "$OUT" "$REL" 65534

# 2. --cgroup by container id (a prefix of it): the record names the container
start "$WORK/dock.json" --cgroup="${HEX:0:12}" --format=json
run_inside "$DOCK" IN
"$WORK/$NAME" /etc/hostname >/dev/null &
OUT=$!
wait "$IN" "$OUT"
stop
check "$WORK/dock.json" "$IN" "$OUT" "/docker-$HEX.scope" 65534 "$HEX"

# 3. --all --comm=NAME: a process of another name is absent
start "$WORK/comm.json" --all --comm="$NAME" --format=json
run_inside "$CG" IN
cat /etc/hostname >/dev/null &
OUT=$!
wait "$IN" "$OUT"
stop
check "$WORK/comm.json" "$IN" "$OUT" "$REL" 65534
python3 - "$WORK/comm.json" "$NAME" <<'PY' || fail "--comm let another name through"
import json, sys
bad = [r for r in map(json.loads, open(sys.argv[1])) if r["comm"] != sys.argv[2]]
assert not bad, bad[:2]
PY

# 4. --all -u nobody: root's process (same name) is absent
start "$WORK/uid.json" --all -u nobody --comm="$NAME" --format=json
run_inside "$CG" IN
"$WORK/$NAME" /etc/hostname >/dev/null &
OUT=$!
wait "$IN" "$OUT"
stop
check "$WORK/uid.json" "$IN" "$OUT" "$REL" 65534

# 5. text: with --all the pid and the name are on every line, exits included
start "$WORK/all.txt" --all --comm="$NAME"
run_inside "$CG" IN
wait "$IN"
stop
grep -q . "$WORK/all.txt" || fail "--all text: nothing traced"
grep -vqE "^$IN<$NAME> " "$WORK/all.txt" &&
	fail "--all text: a line without '$IN<$NAME> ': $(grep -vE "^$IN<$NAME> " "$WORK/all.txt" | head -2)"
grep -qE "^$IN<$NAME> \+\+\+ exited with 0 \+\+\+$" "$WORK/all.txt" || fail "--all text: no exit line"

# 6. tables named by process name and container; CSV identity columns
start "$WORK/sum.txt" --cgroup="${HEX:0:12}" -c --summary-by=container
run_inside "$DOCK" IN
wait "$IN"
stop
grep -qx "container $HEX" "$WORK/sum.txt" || fail "no 'container ID' table: $(head -3 "$WORK/sum.txt")"
start "$WORK/proc.txt" --cgroup="$REL" -c --summary-by=process
run_inside "$CG" IN
wait "$IN"
stop
grep -qx "pid $IN ($NAME)" "$WORK/proc.txt" || fail "no 'pid $IN ($NAME)' table: $(cat "$WORK/proc.txt")"
start "$WORK/cg.csv" --cgroup="$REL" --format=csv
run_inside "$CG" IN
wait "$IN"
stop
head -1 "$WORK/cg.csv" | grep -q ',comm,ppid,uid,gid,cgroup,container$' || fail "CSV header: $(head -1 "$WORK/cg.csv")"
python3 - "$WORK/cg.csv" "$IN" "$NAME" "$REL" <<'PY' || fail "CSV identity"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
mine = [r for r in rows if r["pid"] == sys.argv[2] and r["comm"] == sys.argv[3]]
assert mine, "no row of the process"
assert all(r["uid"] == "65534" and r["cgroup"] == sys.argv[4] for r in mine), mine[0]
PY

# 7. ptrace: the same fields, from /proc
CGNOW=$(sed -n 's/^0:://p' /proc/self/cgroup)
"$RENACER" --backend=ptrace --format=json -o "$WORK/pt.json" -e trace=openat,read,exit_group \
	setpriv --reuid=65534 --regid=65534 --clear-groups "$WORK/$NAME" /etc/hostname >/dev/null ||
	fail "ptrace run failed"
python3 - "$WORK/pt.json" "$NAME" "$CGNOW" "$$" <<'PY' || fail "ptrace identity"
import json, sys
recs = [json.loads(l) for l in open(sys.argv[1])]
mine = [r for r in recs if r.get("comm") == sys.argv[2]]
assert mine, "no record named " + sys.argv[2]
for r in mine:
    assert r["uid"] == 65534 and r["gid"] == 65534 and r["cgroup"] == sys.argv[3], r
assert all(r["schema"] == 1 for r in recs)
assert [r for r in mine if r.get("paths") == ["/etc/hostname"]]
PY
# -Y on ptrace: the name of the record
"$RENACER" --backend=ptrace -f -Y -o "$WORK/pt.txt" -e trace=openat "$WORK/$NAME" /etc/hostname \
	>/dev/null || fail "ptrace -Y failed"
grep -qE "^[0-9]+<$NAME> openat\(AT_FDCWD, \"/etc/hostname\"" "$WORK/pt.txt" ||
	fail "ptrace -Y: $(tail -2 "$WORK/pt.txt")"

# 8. errors: a wrong --cgroup says where cgroup v2 is mounted
"$RENACER" --cgroup=/no/such/renacer-cgroup true 2>"$WORK/e" && fail "a wrong --cgroup accepted"
grep -q "cgroup v2 is mounted at $MNT" "$WORK/e" || fail "no mount point: $(cat "$WORK/e")"
"$RENACER" --all --comm=a --comm=b --comm=c --comm=d --comm=e --comm=f --comm=g --comm=h \
	--comm=i true 2>"$WORK/e" && fail "nine --comm accepted"
grep -q "at most 8" "$WORK/e" || fail "no reason for nine --comm: $(cat "$WORK/e")"
# 9. metrics labelled by container (--summary-by=container), promtool-clean
if command -v promtool >/dev/null; then
	start "$WORK/m.out" --cgroup="${HEX:0:12}" --summary-by=container \
		--metrics-file="$WORK/c.prom"
	run_inside "$DOCK" IN
	wait "$IN"
	stop
	promtool check metrics <"$WORK/c.prom" || fail "container-labelled metrics fail promtool"
	n=$(awk -v k="renacer_syscalls_total{container=\"$HEX\",syscall=\"openat\"}" \
		'$1 == k {print $2}' "$WORK/c.prom")
	[ "${n:-0}" -ge 1 ] ||
		fail "no openat series labelled with the container: $(grep syscalls_total "$WORK/c.prom" | head -3)"
else
	echo "t_ident: metrics part skipped: no promtool" >&2
fi

# 10. record then report: the cgroup's path is the recording's, kept in the
# file, even once that cgroup is gone from this machine
REC=$MNT/renacer-rec-$$
mkdir "$REC" || fail "cannot create $REC"
with_int "$RENACER" record --backend=ebpf --cgroup="$REC" -o "$WORK/rec.rnb" \
	-e trace=openat,read,exit_group &
RPID=$!
wait_attached "$RPID"
run_inside "$REC" IN
wait "$IN"
stop
rmdir "$REC" || fail "cannot remove $REC"
"$RENACER" report "$WORK/rec.rnb" --format=json -o "$WORK/rep.json" || fail "report failed"
python3 - "$WORK/rep.json" "$IN" "/renacer-rec-$$" "$NAME" <<'PY' || fail "report: recorded cgroup path"
import json, sys
recs = [json.loads(l) for l in open(sys.argv[1])]
mine = [r for r in recs if r["pid"] == int(sys.argv[2]) and r.get("comm") == sys.argv[4]]
assert mine, "no record of the process in the report"
assert all(r["cgroup"] == sys.argv[3] for r in mine), mine[0]
PY
echo "t_ident: ok"

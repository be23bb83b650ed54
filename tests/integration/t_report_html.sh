#!/usr/bin/env bash
# renacer report TRACE.jsonl --html OUT.html on the trace of a real program:
# one self-contained page (no URL, no src=, no script), the SVG charts there,
# everything from the trace HTML-escaped, lost events said first; then a real
# browser (headless Chromium, else Firefox) renders it with no console message
# and the DOM holds the charts. Without a browser the static checks run and the
# test skips loudly (scripts/install-deps.sh installs chromium).
. "$(dirname "$0")/lib.sh"

"$RENACER" --backend=ptrace -f --format=json -o "$WORK/t.jsonl" -- \
	sh -c 'ls -la /usr/bin >/dev/null; cat /nonexistent' 2>/dev/null
[ -s "$WORK/t.jsonl" ] || fail "no trace recorded"
# hostile text in a syscall name, an errno and an execve path
cat >>"$WORK/t.jsonl" <<'J'
{"type":"syscall","ts":1e9,"pid":77,"syscall":"<script>x</script>","ret":-1,"errno":"<b>E&","dur_us":3}
{"type":"syscall","ts":1e9,"pid":78,"syscall":"execve","nr":59,"args":["\"/x/<i>evil'\"\"","[]"],"ret":0,"errno":null,"dur_us":3}
J
"$RENACER" report "$WORK/t.jsonl" --html "$WORK/r.html" || fail "renacer report failed"
R=$WORK/r.html
if grep -Eion 'https?:|ftp:|src=|<script|url\(|@import|<link rel="stylesheet' "$R" | head -3 |
	grep .; then fail "the page refers to something outside itself"; fi
grep -q '&lt;b&gt;E&amp;' "$R" || fail "the errno from the trace is not escaped"
grep -q "&lt;i&gt;evil&#39;" "$R" || fail "the execve path from the trace is not escaped"
grep -q '<b>E&\|<i>evil' "$R" && fail "raw text from the trace in the page"
for id in timeline procs errors anomalies clusters; do
	grep -q "id=\"$id\"" "$R" || fail "no $id section"
done
n=$(grep -c '<svg ' "$R")
[ "$n" -ge 5 ] || fail "only $n SVG charts"
grep -q 'ENOENT' "$R" && grep -q 'No such file or directory' "$R" || fail "ENOENT not shown"
grep -q '>cat (pid [0-9]*)<' "$R" || fail "the cat process is not named"
grep -q 'id="lost"' "$R" && fail "a complete trace said to have lost events"
python3 - "$R" <<'P' || fail "the page is not well-formed"
import html.parser, sys
class P(html.parser.HTMLParser):
    void = {"meta", "link", "br", "img", "input", "hr"}
    def __init__(self):
        super().__init__(); self.stack = []
    def handle_starttag(self, t, a):
        if t not in self.void: self.stack.append(t)
    def handle_startendtag(self, t, a): pass
    def handle_endtag(self, t):
        assert self.stack and self.stack[-1] == t, (t, self.stack[-3:])
        self.stack.pop()
p = P(); p.feed(open(sys.argv[1], encoding="utf-8").read()); p.close()
assert p.stack == [], p.stack
P
# lost events: said before anything else
{ echo '{"type":"lost","ts":1796400386.44,"count":40}'; cat "$WORK/t.jsonl"; } >"$WORK/l.jsonl"
"$RENACER" report "$WORK/l.jsonl" --html "$WORK/l.html" || fail "report with loss failed"
awk '/id="lost"/ { print "lost"; exit } /<h2>/ { print "h2"; exit }' "$WORK/l.html" |
	grep -qx lost || fail "lost events not said first"
grep -q 'Incomplete trace: 40 events were lost' "$WORK/l.html" || fail "lost count"
# errors: no file written, a clear message
"$RENACER" report "$WORK/t.jsonl" 2>/dev/null && fail "report without --html accepted"
"$RENACER" report /nonexistent.jsonl --html "$WORK/x.html" 2>/dev/null && fail "missing trace"
echo garbage >"$WORK/g.jsonl"
"$RENACER" report "$WORK/g.jsonl" --html "$WORK/x.html" 2>"$WORK/err" && fail "empty trace"
grep -q 'no syscall records' "$WORK/err" || fail "message: $(cat "$WORK/err")"
[ -e "$WORK/x.html" ] && fail "a failed report left a file"
ls "$WORK" | grep -q 'x.html.' && fail "a failed report left its temporary file"
echo "report: self-contained, escaped, $n charts, lost events first"

browser=
for b in chromium chromium-browser google-chrome firefox-esr firefox; do
	command -v "$b" >/dev/null 2>&1 && { browser=$b; break; }
done
[ -n "$browser" ] || skip "no browser installed (chromium or firefox-esr): the page was not rendered"
if [ "${browser#firefox}" != "$browser" ]; then
	timeout 120 "$browser" --headless --screenshot "$WORK/shot.png" --window-size=1280,2400 \
		"file://$R" >"$WORK/blog" 2>&1 || fail "$browser failed: $(tail -3 "$WORK/blog")"
	[ -s "$WORK/shot.png" ] || fail "no screenshot from $browser"
	echo "rendered by $browser (console not checked: headless Firefox does not print it)"
	exit 0
fi
# Chromium: console messages go to the log as ":CONSOLE"; a control page with
# a console.error shows that they would be seen.
chrome() {
	timeout 120 "$browser" --headless=new --no-sandbox --disable-gpu --enable-logging=stderr \
		--v=0 --user-data-dir="$WORK/prof" "$@"
}
printf '<!DOCTYPE html><script>console.error("renacer-control")</script>\n' >"$WORK/ctl.html"
chrome --dump-dom "file://$WORK/ctl.html" >/dev/null 2>"$WORK/ctl.log"
grep -q ':CONSOLE.*renacer-control' "$WORK/ctl.log" ||
	skip "$browser does not log console messages here; cannot check the page"
chrome --dump-dom "file://$R" >"$WORK/dom" 2>"$WORK/log" || fail "$browser failed"
if grep ':CONSOLE' "$WORK/log"; then fail "console messages while rendering the page"; fi
d=$(grep -o '<svg ' "$WORK/dom" | wc -l)
[ "$d" -eq "$n" ] || fail "the browser's DOM has $d SVG charts, the file $n"
grep -q '<polyline' "$WORK/dom" && grep -q 'class="bar"' "$WORK/dom" || fail "charts empty in the DOM"
chrome --screenshot="$WORK/shot.png" --window-size=1280,2400 "file://$R" >/dev/null 2>&1
[ "$(stat -c %s "$WORK/shot.png" 2>/dev/null || echo 0)" -gt 20000 ] || fail "no screenshot"
echo "rendered by $browser: no console message, $d SVG charts in the DOM, screenshot taken"

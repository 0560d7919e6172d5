#!/usr/bin/env python3
"""Refreshes the screen captures in Docs/HANDLEIDING.md and Docs/GUIDE.md.

Builds tafel, creates the demo database with today pinned to 2026-11-23 (TAFEL_TODAY), drives the
real program in tmux (100x30) and captures each screen as text. In the guides, everything between
`<!-- screen:NAME -->` and `<!-- /screen -->` is replaced by the capture NAME (nl in HANDLEIDING.md,
en in GUIDE.md). Run from the repository root:  python3 tools/capture-screens.py
"""
import os, re, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TODAY = "2026-11-23"

def sh(*args, **kw):
    return subprocess.run(args, check=True, **kw)

sh("swift", "build", cwd=ROOT, stdout=subprocess.DEVNULL)
BIN = subprocess.run(["swift", "build", "--show-bin-path"], cwd=ROOT, capture_output=True, text=True).stdout.strip() + "/tafel"
TMP = tempfile.mkdtemp(prefix="tafel-capture-")
ENV = dict(os.environ, TAFEL_TODAY=TODAY, TERM="xterm-256color")
DB = None

def fresh_database(lang):
    """Each language starts from an untouched demo: a meeting begun in one run would resume in the next."""
    global DB
    DB = os.path.join(TMP, f"demo-{lang}.sqlite")
    sh(BIN, "demo", "--db", DB, "--no-open", env=ENV, stdout=subprocess.DEVNULL)
TM = ["tmux", "-L", "tafel-capture", "-f", "/dev/null"]

def tmux(*args, capture=False):
    if capture:
        return subprocess.run(TM + list(args), capture_output=True, text=True).stdout
    subprocess.run(TM + list(args), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

def wait_for(pattern, seconds=15):
    end = time.time() + seconds
    while time.time() < end:
        screen = tmux("capture-pane", "-p", "-t", "c", capture=True)
        if re.search(pattern, screen):
            return screen
        time.sleep(0.05)
    sys.exit(f"capture: timed out waiting for {pattern!r}:\n{screen}")

def session(args, lang):
    tmux("kill-server")
    cmd = " ".join(f"'{a}'" for a in [BIN] + args + ["--db", DB, "--lang", lang])
    # A server that is still shutting down can swallow the new session: retry until it exists.
    for _ in range(20):
        time.sleep(0.2)
        tmux("new-session", "-d", "-s", "c", "-x", "100", "-y", "30", f"TAFEL_TODAY={TODAY} TERM=xterm-256color {cmd}; sleep 60")
        if subprocess.run(TM + ["has-session", "-t", "c"], capture_output=True).returncode == 0:
            return
    sys.exit("capture: tmux session did not start")

def keys(*ks, wait=None, literal=False):
    for k in ks:
        tmux("send-keys", "-t", "c", *(["-l"] if literal else []), k)
        time.sleep(0.15)
    return wait_for(wait) if wait else None

def grab():
    time.sleep(0.3)
    lines = tmux("capture-pane", "-p", "-t", "c", capture=True).rstrip("\n").split("\n")
    return "\n".join(l.rstrip() for l in lines)

def captures(lang):
    en = lang == "en"
    fresh_database(lang)
    out = {}
    session(["--user", "sanne"], lang)
    wait_for("My caseload" if en else "Mijn caseload")
    out["caseload"] = grab()
    keys("s", wait="Change status" if en else "Status wijzigen")
    out["status-menu"] = grab()
    keys("Escape")
    session(["--user", "petra"], lang)
    wait_for("My caseload" if en else "Mijn caseload")
    keys("3", wait="Stalled" if en else "Vastgelopen")
    out["audit"] = grab()
    keys("Enter", wait="open record" if en else "dossier openen")
    out["audit-evidence"] = grab()
    keys("Enter", wait="Reason for access" if en else "Reden voor inzage")
    out["break-the-glass"] = grab()
    keys("Escape")
    session(["--user", "fatima"], lang)
    wait_for("My caseload" if en else "Mijn caseload")
    keys("2", wait="Households" if en else "Huishoudens")
    out["households"] = grab()
    keys("j", "j", "Enter", wait="Reach" if en else "Bereik")
    out["household"] = grab()
    keys("m", wait="Opening")
    out["meeting-opening"] = grab()
    keys("Tab")
    out["meeting-own-view"] = grab()
    keys("Tab")
    out["meeting-previous"] = grab()
    keys("Tab", wait="Self-reliance" if en else "Zelfredzaamheid")
    out["meeting-domains"] = grab()
    keys("a", wait="New action" if en else "Nieuwe afspraak")
    keys("Budgetcoach aanvragen" if not en else "Apply for a budget coach", literal=True)
    keys("Tab"); keys("ahmed", literal=True)
    out["meeting-action-form"] = grab()
    keys("Escape")
    time.sleep(0.3)
    keys("Tab")
    out["meeting-coordinator"] = grab()
    keys("Tab", wait="Open gaps" if en else "Open punten")
    out["meeting-closing"] = grab()
    keys("?", wait="Key bindings" if en else "Sneltoetsen")
    out["help"] = grab()
    keys("q")
    time.sleep(0.3)
    keys(":", wait="Find a command" if en else "Opdracht zoeken")
    keys("meet" if en else "overleg", literal=True)
    out["palette"] = grab()
    tmux("kill-server")
    return out

def fill(path, screens):
    text = open(path, encoding="utf-8").read()
    def repl(m):
        name = m.group(1)
        if name not in screens:
            sys.exit(f"{path}: no capture named {name}")
        return f"<!-- screen:{name} -->\n```text\n{screens[name]}\n```\n<!-- /screen -->"
    new = re.sub(r"<!-- screen:([a-z-]+) -->.*?<!-- /screen -->", repl, text, flags=re.S)
    open(path, "w", encoding="utf-8").write(new)
    print(f"{path}: {len(re.findall('<!-- screen:', new))} screens")

fill(os.path.join(ROOT, "Docs", "HANDLEIDING.md"), captures("nl"))
fill(os.path.join(ROOT, "Docs", "GUIDE.md"), captures("en"))

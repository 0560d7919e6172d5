#!/usr/bin/env python3
"""Times whole tafel commands beside their peers, as a user runs them (Docs/PERFORMANCE.md).

Each pair runs interleaved (tafel, peer, tafel, peer, ...) in one run of this script, so a busy
machine slows both alike; the script reports medians, the spread (25th-75th percentile), the ratio
of the medians, peak RSS per command (from wait4) and, over the sizes, how each command grows.

    swift build -c release
    tools/bench-commands.py --sizes 1000,10000,100000 --dir /tmp/tbench [--runs 10]

Cities are `DIR/municipality-N.sqlite`; a missing one is generated with `tafel generate --seed 1`
(100,000 households take several minutes). The peers are the sqlite3 shell running the SQL that
gives the same rows as the tafel command for the same user (the audit and the overdue list of a
team leader are scoped to their team, as tafel scopes them), and taskwarrior's `task overdue` at
up to 10,000 households when `task` is installed (its data is made from the city's actions once).
"""
import argparse
import datetime
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run_once(argv, env=None, stdin_path=None):
    """Runs one process with its output discarded; returns its wall-clock seconds."""
    stdin = open(stdin_path, "rb") if stdin_path else subprocess.DEVNULL
    start = time.perf_counter()
    code = subprocess.call(argv, stdin=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    seconds = time.perf_counter() - start
    if stdin_path:
        stdin.close()
    if code != 0:
        sys.exit(f"failed ({code}): {' '.join(argv)}")
    return seconds


def peak_rss(argv, env=None, stdin_path=None):
    """Peak RSS in MB of one run, from GNU time (a child of this script would inherit the
    script's own high-water mark, which the taskwarrior data makes large)."""
    out = os.path.join(os.environ.get("TMPDIR", "/tmp"), f"bench-rss-{os.getpid()}")
    stdin = open(stdin_path, "rb") if stdin_path else subprocess.DEVNULL
    subprocess.call(["/usr/bin/time", "-f", "%M", "-o", out, *argv], stdin=stdin, stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL, env=env)
    if stdin_path:
        stdin.close()
    with open(out) as f:
        return int(f.read().split()[-1]) / 1024


def quantile(xs, q):
    xs = sorted(xs)
    i = (len(xs) - 1) * q
    lo, hi = int(i), min(int(i) + 1, len(xs) - 1)
    return xs[lo] + (xs[hi] - xs[lo]) * (i - lo)


def taskwarrior_dir(db, directory, n):
    """Makes taskwarrior data from the city's actions once (pending when open), returns its rc file."""
    tw = os.path.join(directory, f"taskwarrior-{n}")
    rc = os.path.join(tw, "taskrc")
    if os.path.exists(os.path.join(tw, "pending.data")):
        return rc
    os.makedirs(tw, exist_ok=True)
    con = sqlite3.connect(db)
    tasks = []
    for aid, hid, text, status, due, kind, owner, created, closed in con.execute(
            "SELECT id, household_id, description, status, due, owner_kind, owner_id, created_on, closed_on FROM action"):
        is_open = status in ("open", "bezig", "wachtlijst")
        task = {"description": text, "project": f"hh{hid}", "status": "pending" if is_open else "completed",
                "entry": created.replace("-", "") + "T000000Z", "uuid": "00000000-0000-4000-8000-%012d" % aid}
        if due:
            task["due"] = due.replace("-", "") + "T000000Z"
        if kind:
            task["tags"] = [f"{kind}{owner}"]
        if not is_open:
            task["end"] = (closed or created).replace("-", "") + "T000000Z"
        tasks.append(json.dumps(task, sort_keys=True))
    with open(os.path.join(tw, "tasks.json"), "w") as f:
        f.write("\n".join(tasks))
    with open(rc, "w") as f:
        f.write(f"data.location={tw}\nconfirmation=off\nverbose=nothing\ngc=off\nrecurrence=off\n")
    subprocess.run(["task", "import", os.path.join(tw, "tasks.json")], env=dict(os.environ, TASKRC=rc),
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return rc


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,10000,100000")
    ap.add_argument("--dir", default=os.path.join(os.environ.get("TMPDIR", "/tmp"), "tafel-bench"))
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--tafel", default=os.path.join(ROOT, ".build", "release", "tafel"))
    args = ap.parse_args()
    os.makedirs(args.dir, exist_ok=True)
    tafel = args.tafel
    today = time.strftime("%Y-%m-%d")
    has_task = shutil.which("task") is not None
    results = {}  # (label, size) -> (median, p25, p75, rss)
    pairs_seen = []
    for n in [int(s) for s in args.sizes.split(",")]:
        db = os.path.join(args.dir, f"municipality-{n}.sqlite")
        if not os.path.exists(db):
            subprocess.run([tafel, "generate", "--households", str(n), "--seed", "1", "--db", db, "--create", "--quiet"], check=True)
        # Migrations (if any) before timing, so the first run does not pay for them.
        run_once([tafel, "households", "--format", "json", "--db", db, "--user", "p2"])
        con = sqlite3.connect(db)
        lead = con.execute("SELECT login, team FROM professional WHERE role = 'teamleider' ORDER BY id LIMIT 1").fetchone()
        admin = con.execute("SELECT login FROM professional WHERE role = 'beheerder' ORDER BY id LIMIT 1").fetchone()
        worker = "p3"
        con.close()
        t = (datetime.date.fromisoformat(today) - datetime.date(1970, 1, 1)).days  # tafel's day ordinal
        team = lead[1].replace("'", "''")
        holds = f"f.fires_on <= {t} AND (f.ends_on IS NULL OR f.ends_on > {t})"
        severity = f"CASE WHEN f.hoog_on <= {t} THEN 2 WHEN f.middel_on <= {t} THEN max(f.severity, 1) ELSE f.severity END"
        sql = {
            "audit-city": f"SELECT h.id, h.name, h.wijk, h.team, f.rule, {severity}, f.since, f.evidence FROM finding f "
                          f"JOIN household h ON h.id = f.household_id WHERE {holds} ORDER BY f.household_id, f.since;",
            "audit": f"SELECT h.id, h.name, h.wijk, h.team, f.rule, {severity}, f.since, f.evidence FROM household h CROSS JOIN finding f "
                     f"ON f.household_id = h.id WHERE h.team = '{team}' AND +{holds} ORDER BY f.household_id, f.since;",
            "overdue": "SELECT a.household_id, a.owner_id, a.description, a.due FROM action a JOIN household h ON h.id = a.household_id "
                       f"WHERE a.status IN ('open','bezig','wachtlijst') AND a.due < '{today}' AND h.status = 'actief' "
                       f"AND h.team = '{team}' ORDER BY a.due;",
            "overdue-city": "SELECT a.household_id, a.owner_id, a.description, a.due FROM action a JOIN household h ON h.id = a.household_id "
                            f"WHERE a.status IN ('open','bezig','wachtlijst') AND a.due < '{today}' AND h.status = 'actief' ORDER BY a.due;",
            "caseload": "SELECT a.*, h.name FROM action a JOIN household h ON h.id = a.household_id WHERE a.owner_kind = 'professional' "
                        f"AND a.owner_id = (SELECT id FROM professional WHERE login = '{worker}') "
                        "AND a.status IN ('open', 'bezig', 'wachtlijst') AND h.status != 'afgesloten' ORDER BY a.due;",
        }
        files = {}
        for k, v in sql.items():
            files[k] = os.path.join(args.dir, f"{k}-{n}.sql")
            with open(files[k], "w") as f:
                f.write(v + "\n")
        me = ["--db", db, "--user", lead[0]]
        commands = [
            ("tafel audit (table)", [tafel, "audit", *me], None, None),
            ("tafel audit --format json", [tafel, "audit", "--format", "json", *me], None, None),
            ("sqlite3 audit SQL (team)", ["sqlite3", db], files["audit"], None),
            ("tafel audit --rule actie-verlopen --format json", [tafel, "audit", "--rule", "actie-verlopen", "--format", "json", *me], None, None),
            ("sqlite3 overdue SQL (team)", ["sqlite3", db], files["overdue"], None),
            ("sqlite3 overdue SQL (city, the check's peer)", ["sqlite3", db], files["overdue-city"], None),
            ("tafel caseload --format json", [tafel, "caseload", "--format", "json", "--db", db, "--user", worker], None, None),
            ("sqlite3 caseload SQL", ["sqlite3", db], files["caseload"], None),
            ("tafel households --format json", [tafel, "households", "--format", "json", *me], None, None),
        ]
        if admin:  # the whole city, as the beheerder sees it (cities generated before the beheerder have none)
            city = ["--db", db, "--user", admin[0]]
            commands += [
                ("tafel audit --format json (beheerder, city)", [tafel, "audit", "--format", "json", *city], None, None),
                ("sqlite3 audit SQL (city)", ["sqlite3", db], files["audit-city"], None),
                ("tafel audit --rule actie-verlopen --format json (beheerder, city)",
                 [tafel, "audit", "--rule", "actie-verlopen", "--format", "json", *city], None, None),
            ]
        if has_task and n <= 10_000:
            rc = taskwarrior_dir(db, args.dir, n)
            env = dict(os.environ, TASKRC=rc)
            commands.append(("task overdue (city)", ["task", "rc.gc=off", "overdue"], None, env))
        times = {c[0]: [] for c in commands}
        rss = {c[0]: 0.0 for c in commands}
        runs = args.runs if n < 100_000 else max(3, args.runs // 2)
        for c in commands:  # warm-up: the OS cache holds the file for both alike
            run_once(c[1], env=c[3], stdin_path=c[2])
        for _ in range(runs):  # interleaved: every command once per round
            for label, argv, stdin, env in commands:
                times[label].append(run_once(argv, env=env, stdin_path=stdin))
        for label, argv, stdin, env in commands:
            rss[label] = peak_rss(argv, env=env, stdin_path=stdin)
        for label in times:
            xs = times[label]
            results[(label, n)] = (quantile(xs, 0.5), quantile(xs, 0.25), quantile(xs, 0.75), rss[label])
            if label not in pairs_seen:
                pairs_seen.append(label)
        print(f"\n## {n} households (team leader {lead[0]}, {lead[1]}; {runs} interleaved rounds; today {today})\n")
        print("| command | median ms | p25–p75 ms | peak RSS MB | ratio to its peer |")
        print("|---|---:|---:|---:|---:|")
        peer_of = {
            "tafel audit (table)": "sqlite3 audit SQL (team)",
            "tafel audit --format json": "sqlite3 audit SQL (team)",
            "tafel audit --rule actie-verlopen --format json": "sqlite3 overdue SQL (team)",
            "tafel caseload --format json": "sqlite3 caseload SQL",
            "tafel audit --format json (beheerder, city)": "sqlite3 audit SQL (city)",
            "tafel audit --rule actie-verlopen --format json (beheerder, city)": "sqlite3 overdue SQL (city, the check's peer)",
        }
        for label in times:
            med, lo, hi, m = results[(label, n)]
            ratio = ""
            if label in peer_of:
                ratio = f"{med / results[(peer_of[label], n)][0]:.2f}×"
            print(f"| `{label}` | {med * 1000:.1f} | {lo * 1000:.1f}–{hi * 1000:.1f} | {m:.0f} | {ratio} |")
        if ("task overdue (city)", n) in results:
            a = results[("task overdue (city)", n)][0]
            b = results[("sqlite3 overdue SQL (city, the check's peer)", n)][0]
            print(f"\n`task overdue` / sqlite3 overdue SQL (both the whole city): {a / b:.1f}×")
            c = results.get(("tafel audit --rule actie-verlopen --format json (beheerder, city)", n))
            if c:
                print(f"`task overdue` / tafel's overdue list (both the whole city): {a / c[0]:.1f}×")
    sizes = sorted({n for (_, n) in results})
    if len(sizes) > 1:
        print("\n## Growth (median at each size / median at the first size)\n")
        print("| command | " + " | ".join(f"{n}" for n in sizes[1:]) + " |")
        print("|---|" + "---:|" * (len(sizes) - 1))
        for label in pairs_seen:
            if (label, sizes[0]) not in results:
                continue
            base = results[(label, sizes[0])][0]
            cells = [f"{results[(label, n)][0] / base:.1f}×" if (label, n) in results else "—" for n in sizes[1:]]
            print(f"| `{label}` | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()

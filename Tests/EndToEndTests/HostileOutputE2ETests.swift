import Foundation
import Testing
import TestSupport

/// Hostile data (terminal escapes, OSC 52 clipboard writes, OSC 8 links, BEL, C1, bidi overrides,
/// zero-width characters, NUL, very long names) driven through every command and its error paths:
/// no control byte from data reaches stdout or stderr.
@Suite("End to end: hostile data through every command", .serialized)
struct HostileOutputE2ETests {
    static let payload = "\u{1B}]0;PWN\u{07}\u{1B}[2J\u{1B}]52;c;aGFjaw==\u{07}\u{1B}]8;;http://x\u{1B}\\\\link\u{1B}]8;;\u{1B}\\\\\u{9B}31m\u{202E}tfel\u{200B}\u{0}"

    /// Control bytes other than newline, carriage return and tab; C1 as UTF-8 (C2 80–9F).
    static func controlBytes(_ data: Data) -> [UInt8] {
        var found: [UInt8] = []
        let bytes = [UInt8](data)
        for (i, b) in bytes.enumerated() {
            if (b < 0x20 && b != 0x0A && b != 0x0D && b != 0x09) || b == 0x7F { found.append(b) }
            if b == 0xC2, i + 1 < bytes.count, (0x80...0x9F).contains(bytes[i + 1]) { found.append(bytes[i + 1]) }
        }
        return found
    }

    func hostileDatabase(_ dir: TemporaryDirectory) throws -> String {
        let demo = try E2E.demo(dir, "source.sqlite")
        var json = try JSONSerialization.jsonObject(with: Data(try E2E.run(["export", "--db", demo, "--user", "beheer"]).stdout.utf8)) as! [String: Any]
        var hs = json["households"] as! [[String: Any]]
        for i in hs.indices {
            var h = hs[i]["household"] as! [String: Any]
            let name = h["name"] as! String
            if ["Storm Visser", "Maaike Dekker", "Willem Bos"].contains(name) {
                h["name"] = "INJ\(Self.payload)\(name)" + (name == "Willem Bos" ? String(repeating: "W", count: 400) : "")
                h["ownView"] = "Eigen \(Self.payload) woorden"
                h["wijk"] = "Wijk\(Self.payload)"
                hs[i]["household"] = h
                var actions = hs[i]["actions"] as! [[String: Any]]
                for j in actions.indices { actions[j]["description"] = "Afspraak \(Self.payload) \(j)" }
                hs[i]["actions"] = actions
                var members = hs[i]["members"] as! [[String: Any]]
                for j in members.indices { members[j]["name"] = "Lid\(Self.payload)\(j)" }
                hs[i]["members"] = members
            }
        }
        json["households"] = hs
        let path = dir.file("hostile.json")
        try JSONSerialization.data(withJSONObject: json).write(to: URL(fileURLWithPath: path))
        let db = dir.file("hostile.sqlite")
        let r = try E2E.run(["import", path, "--db", db])
        #expect(r.status == 0, "\(r.stderr)")
        return db
    }

    @Test func noControlByteReachesTheTerminal() throws {
        let dir = TemporaryDirectory()
        let db = try hostileDatabase(dir)
        let p = Self.payload
        let runs: [[String]] = [
            ["show", "INJ", "--user", "sanne"], ["show", "INJ", "--user", "petra"], ["show", "INJ", "--user", "kees"],
            ["show", "INJ\(p)", "--user", "sanne"], ["show", "Storm", "--user", "sanne"], ["show", "Storm", "--user", "sanne", "--format", "json"],
            ["households", "--user", "petra"], ["households", "--user", "petra", "--format", "csv"], ["households", "--user", "petra", "--format", "excel"],
            ["caseload", "--user", "sanne"], ["caseload", "--user", "sanne", "--format", "csv"],
            ["audit", "--user", "petra"], ["audit", "--user", "petra", "--format", "csv"], ["audit", "--user", "petra", "--format", "excel"],
            ["audit", "--user", "petra", "--wijk", "Wijk\(p)"], ["audit", "--user", "petra", "--rule", "x\(p)"],
            ["minutes", "Storm", "--user", "sanne"], ["minutes", "Storm", "--user", "sanne", "--format", "html"],
            ["minutes", "Storm", "--user", "sanne", "--for", "household"], ["minutes", "Storm", "--user", "sanne", "--for", "org:x\(p)"],
            ["ics", "--user", "sanne"], ["log", "--user", "petra"], ["aggregate", "--user", "petra"],
            ["session", "plan", "Storm", "Maaike", "--user", "fatima", "--title", "T\(p)"], ["session", "show", "1", "--user", "fatima"],
            ["session", "summary", "1", "--user", "fatima"], ["knelpunten", "--user", "petra"], ["kaart", "--user", "sanne", "--wijk", "W\(p)"],
            ["action", "done", "99999", "--user", "sanne"], ["signal", "add", "--source", "x\(p)", "--text", "t", "--user", "sanne"],
            ["show", "Storm", "--user", "ghost\(p)"], ["show", "Storm", "--user", "sanne", "--lang", "x\(p)"],
            ["config", "get", "k\(p)"], ["reference", "import", dir.file("nope\(p).json"), "--user", "beheer"],
            ["kaart", "import", dir.file("nope\(p).csv"), "--user", "petra"], ["check"],
        ]
        for args in runs {
            let r = try E2E.run(args + ["--db", db])
            let bad = Self.controlBytes(Data(r.stdout.utf8)) + Self.controlBytes(Data(r.stderr.utf8))
            #expect(bad.isEmpty, "\(args.first!) \(args.dropFirst().first ?? ""): control bytes \(bad.prefix(8)) in: \(String(r.stderr.prefix(300)))")
        }
        // A path with escapes in a missing --db is named safely too.
        let missing = try E2E.run(["show", "Storm", "--db", dir.file("x\(p).sqlite"), "--user", "sanne"])
        #expect(Self.controlBytes(Data((missing.stdout + missing.stderr).utf8)).isEmpty, "\(missing.stderr)")
    }

    /// Sequences that only hostile data could have put in the terminal's input: tafel's screens are
    /// drawn by curses, which writes CSI sequences of its own but never OSC, BEL, C1, NUL or bidi and
    /// zero-width characters.
    static func hostileSequences(_ bytes: [UInt8]) -> [String] {
        let patterns: [(String, [UInt8])] = [
            ("OSC (title, clipboard, link)", [0x1B, 0x5D]), ("BEL", [0x07]), ("NUL", [0x00]), ("C1 CSI", [0xC2, 0x9B]),
("RLO", [0xE2, 0x80, 0xAE]), ("zero-width space", [0xE2, 0x80, 0x8B]),
        ]
        var found = patterns.compactMap { name, needle in
            bytes.indices.contains { i in i + needle.count <= bytes.count && Array(bytes[i..<(i + needle.count)]) == needle } ? name : nil
        }
        // 0x9B alone is C1 CSI; after a lead byte it is part of a character (␛ is E2 90 9B).
        if bytes.indices.contains(where: { bytes[$0] == 0x9B && ($0 == 0 || bytes[$0 - 1] < 0x80) }) { found.append("raw C1 CSI") }
        return found
    }

    /// The same fixture through the screens, with every byte tafel writes to the terminal recorded
    /// by tmux `pipe-pane`: lists, search, a household's tabs, the audit and the meeting.
    @Test func noHostileSequenceReachesTheTerminalFromTheScreens() throws {
        let dir = TemporaryDirectory()
        let db = try hostileDatabase(dir)
        let record = dir.file("pane.bytes")
        // The pause lets pipe-pane attach before the first frame is drawn.
        let t = try Tmux("sleep 1; " + E2E.command(["--db", db, "--user", "petra"]))
        try t.run(["pipe-pane", "-o", "-t", t.session, "cat >> '\(record)'"], capture: false)
        #expect(t.waitFor("Mijn caseload|Huishoudens"), "\(t.screen)")
        t.send("2")
        #expect(t.waitFor("INJ"), "the hostile households are listed: \(t.screen)")
        #expect(t.screen.contains("\u{241B}"), "escapes are drawn as a visible ␛: \(t.screen)")
        t.send("/"); t.send("INJ", literal: true); t.send("Enter")
        t.send("Enter")
        // A team leader not involved gives a reason first (break the glass).
        #expect(t.waitFor("Reden voor inzage"), "\(t.screen)")
        t.send("controle", literal: true); t.send("Enter")
        #expect(t.waitFor("Leefgebieden|Gezinsleden"), "\(t.screen)")
        for _ in 0..<6 { t.send("Tab"); Thread.sleep(forTimeInterval: 0.15) }
        t.send("Escape"); Thread.sleep(forTimeInterval: 0.3); t.send("3")
        #expect(t.waitFor("Audit|audit"), "\(t.screen)")
        for _ in 0..<10 { t.send("j") }
        Thread.sleep(forTimeInterval: 0.3)
        t.send("q")
        #expect(t.waitFor("EXIT=0"), "\(t.screen)")
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: record)))
        #expect(bytes.count > 5_000, "the recording holds the session (\(bytes.count) bytes)")
        let found = Self.hostileSequences(bytes)
        #expect(found.isEmpty, "hostile sequences in the terminal's input: \(found)")
    }
}

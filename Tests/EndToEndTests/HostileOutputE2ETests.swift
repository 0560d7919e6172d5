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
}

import Foundation
import Testing
import TestSupport
@testable import TafelCore
@testable import TafelStore

/// Mutated export files: never a crash, always a one-line error or a correct import, never a partial import.
@Suite("Import fuzzing", .serialized)
struct ImportFuzzTests {
    static func mutate(_ base: Data, _ rng: inout SeededGenerator) -> Data {
        var bytes = [UInt8](base)
        switch rng.int(0...11) {
        case 0: // truncate
            return Data(bytes.prefix(rng.int(0...bytes.count)))
        case 1: // flip a byte, maybe into invalid UTF-8
            let i = rng.int(0...bytes.count - 1)
            bytes[i] = UInt8(rng.int(0...255))
        case 2: // delete a range
            let i = rng.int(0...bytes.count - 1), n = rng.int(1...50)
            bytes.removeSubrange(i..<min(bytes.count, i + n))
        case 3: // duplicate a range (duplicate ids, repeated objects)
            let i = rng.int(0...bytes.count - 1), n = rng.int(1...400)
            bytes.insert(contentsOf: bytes[i..<min(bytes.count, i + n)], at: i)
        case 4: // deep nesting
            let depth = rng.int(100...20_000)
            return Data((String(repeating: "[", count: depth) + String(repeating: "]", count: depth)).utf8)
        case 5: // a huge string
            let i = (bytes.firstIndex(of: UInt8(ascii: "\"")) ?? 0) + 1
            bytes.insert(contentsOf: [UInt8](repeating: UInt8(ascii: "x"), count: rng.int(10_000...2_000_000)), at: i)
        default: // edit the JSON structurally
            guard var json = try? JSONSerialization.jsonObject(with: base) as? [String: Any] else { return base }
            var hs = json["households"] as! [[String: Any]]
            let h = rng.int(0...hs.count - 1)
            let lists = ["actions", "members", "meetings", "assessments", "coordinators", "consents", "contacts", "attendees"]
            let list = rng.pick(lists)
            var items = hs[h][list] as? [[String: Any]] ?? []
            if !items.isEmpty {
                let k = rng.int(0...items.count - 1)
                let key = rng.pick(Array(items[k].keys))
                switch rng.int(0...6) {
                case 0: items[k][key] = "2026-02-30"
                case 1: items[k][key] = 12345
                case 2: items[k][key] = ["nested": [1, 2, 3]]
                case 3: items[k].removeValue(forKey: key)
                case 4: items[k][key] = NSNull()
                case 5: items[k]["id"] = rng.int(-5...3)
                default: items[k][key] = String(repeating: "é\u{1B}[2J", count: rng.int(1...100))
                }
                hs[h][list] = items
            } else {
                hs[h]["household"] = ["id": "one"]
            }
            if rng.chance(0.2) { json["version"] = rng.pick([0, 2, "1"] as [Any]) }
            json["households"] = hs
            return (try? JSONSerialization.data(withJSONObject: json)) ?? base
        }
        return Data(bytes)
    }

    @Test func mutatedExportsAreRefusedWholeOrImportedWhole() throws {
        let dir = TemporaryDirectory()
        let source = try demoStore(dir, name: "source.sqlite")
        var base = Data()
        try source.export(actor: "test") { base.append($0) }
        var rng = SeededGenerator(seed: 4242)
        var target = try SQLiteCaseStore(path: dir.file("target-0.sqlite"))
        var imported = 0, refused = 0
        let n = fuzzCount(1_500)
        for i in 0..<n {
            let data = Self.mutate(base, &rng)
            do {
                let doc = try TransferValidator.decode(data)
                try target.importDocument(doc, merge: false, actor: "fuzz")
                imported += 1
                #expect(try target.check().ok)
                // A correct import is whole: every household of the document is there.
                #expect(try target.householdCount() == doc.households.count)
                target = try SQLiteCaseStore(path: dir.file("target-\(i + 1).sqlite"))
            } catch let e as ImportError {
                refused += 1
                let line = Strings(.nl).render(e.message)
                #expect(!line.contains("\n"), "a multi-line error: \(line)")
                #expect(try target.isEmpty(), "a refused import left data behind (case \(i))")
            }
        }
        #expect(refused > n / 2)
        #expect(imported + refused == n)
    }
}

func fuzzCount(_ ciDefault: Int) -> Int {
    Int(ProcessInfo.processInfo.environment["TAFEL_FUZZ_COUNT"] ?? "") ?? ciDefault
}

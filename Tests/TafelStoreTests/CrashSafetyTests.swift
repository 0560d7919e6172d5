import Foundation
import Testing
import TestSupport
@testable import TafelCore
@testable import TafelStore

/// A writer killed with SIGKILL at random moments never leaves a broken database, and every
/// action it reported as committed is there.
@Suite("Crash safety", .serialized)
struct CrashSafetyTests {
    @Test func killedWritersLoseNothingCommitted() throws {
        guard let writer = BuildProducts.executable("tafel-crashwriter") else {
            Issue.record("tafel-crashwriter was not built (run swift build first)")
            return
        }
        let dir = TemporaryDirectory()
        let today = SystemClock().today
        let store = try demoStore(dir, today: today)
        let hid = try householdId(store, "Maaike")
        let trials = Int(ProcessInfo.processInfo.environment["TAFEL_CRASH_TRIALS"] ?? "") ?? 20
        var rng = SeededGenerator(seed: 20261123)
        var confirmed = Set<Int64>()
        for _ in 0..<trials {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: writer)
            p.arguments = [dir.file("demo.sqlite"), String(hid)]
            let out = Pipe()
            p.standardOutput = out
            p.standardError = FileHandle.nullDevice
            try p.run()
            // Wait until it has committed a random number of actions, then kill it mid-write.
            let target = rng.int(1...40)
            var buffer = Data()
            var seen = 0
            while seen < target {
                let chunk = out.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                buffer.append(chunk)
                seen = buffer.split(separator: UInt8(ascii: "\n")).count
            }
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            buffer.append(out.fileHandleForReading.readDataToEndOfFile())
            // Only complete lines are confirmed commits.
            let text = String(decoding: buffer, as: UTF8.self)
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if text.last != "\n" { lines.removeLast() }
            for l in lines where !l.isEmpty { confirmed.insert(Int64(l)!) }
            let fresh = try SQLiteCaseStore(path: dir.file("demo.sqlite"))
            let report = try fresh.check()
            #expect(report.ok, "check failed after a kill: \(report.integrity) \(report.foreignKeys) \(String(describing: report.brokenEvent))")
            let ids = Set(try fresh.reload(hid, for: try user(fresh, "sanne")).actions.map(\.id))
            #expect(confirmed.isSubset(of: ids), "lost \(confirmed.subtracting(ids).count) committed actions")
        }
        #expect(confirmed.count >= trials)
    }
}

import Foundation
import Testing
import TestSupport
@testable import TerminalKit

/// Curses is process-global state, so every curses test lives in this one serialized suite.
@Suite("Curses backend, headless", .serialized)
struct CursesHeadlessTests {
    @Test func accentsAndBoxDrawingSurviveARoundTripThroughCurses() throws {
        let backend = try CursesBackend(headlessSize: Size(width: 40, height: 6))
        defer { backend.shutdown() }
        backend.apply(theme: .fallback)
        let term = Terminal(backend: backend)
        term.draw { b in
            Block(title: "Leefgebieden").render(b.area, into: &b)
            b.put("Financiën · één · Geestelijke", x: 2, y: 1, role: .selection)
            b.put("住所 ok", x: 2, y: 2, role: .normal)
        }
        #expect(backend.readLine(0) == "┌ Leefgebieden ────────────────────────┐")
        #expect(backend.readLine(1) == "│ Financiën · één · Geestelijke        │")
        #expect(backend.readLine(2).hasPrefix("│ 住所 ok"))
        #expect(backend.readLine(5) == "└──────────────────────────────────────┘")
    }

    @Test func aCursorMoveWritesFewBytes() throws {
        let dir = TemporaryDirectory()
        let backend = try CursesBackend(headlessSize: Size(width: 100, height: 30), outputPath: dir.file("out"))
        defer { backend.shutdown() }
        backend.apply(theme: .fallback)
        let term = Terminal(backend: backend)
        let items = (0..<20).map { ListItem("Huishouden \($0)") }
        term.draw { ListView(items, scroll: ScrollState(selected: 3)).render($0.area, into: &$0) }
        let before = backend.bytesWritten
        term.draw { ListView(items, scroll: ScrollState(selected: 4)).render($0.area, into: &$0) }
        let used = backend.bytesWritten - before
        #expect(used > 0)
        #expect(used < 200, "a cursor move wrote \(used) bytes")
    }

    @Test func unknownTerminalTypeIsReportedNotFatal() {
        #expect(throws: TerminalStartError.unknownTerm("no-such-term-xyz")) {
            _ = try CursesBackend(headlessSize: Size(width: 10, height: 5), termType: "no-such-term-xyz")
        }
    }
}

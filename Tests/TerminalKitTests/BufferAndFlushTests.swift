import Testing
@testable import TerminalKit
import TextSafety

@Suite("CellBuffer and diff flush")
struct BufferAndFlushTests {
    @Test func wideGlyphTakesTwoCells() {
        var b = CellBuffer(size: Size(width: 6, height: 1))
        let end = b.put("a住b", x: 0, y: 0, role: .normal)
        #expect(end == 4)
        #expect(b[1, 0].width == 2)
        #expect(b[2, 0].isContinuation)
        #expect(b.lines[0] == "a住b  ")
    }

    @Test func overwritingHalfAWideGlyphBlanksTheOtherHalf() {
        var b = CellBuffer(size: Size(width: 4, height: 1))
        b.put("住", x: 1, y: 0, role: .normal)
        b.put("x", x: 2, y: 0, role: .normal) // lands on the continuation half
        #expect(b.lines[0] == "  x ")
        #expect(!b[1, 0].isContinuation && b[1, 0].width == 1)
    }

    @Test func controlCharactersBecomePlaceholders() {
        var b = CellBuffer(size: Size(width: 12, height: 1))
        b.put("a\u{1B}[2J\u{07}\u{9B}\u{202E}z", x: 0, y: 0, role: .normal)
        #expect(b.lines[0] == "a␛[2J␇\u{FFFD}\u{FFFD}z   ")
        for x in 0..<12 { #expect(SafeText.isClean(String(b[x, 0].symbol))) }
    }

    @Test func flushSendsOnlyTheChangedCell() {
        let backend = MemoryBackend(size: Size(width: 10, height: 3))
        let term = Terminal(backend: backend)
        term.draw { $0.put("hallo", x: 0, y: 1, role: .normal) }
        #expect(backend.lastBatch.count == 30) // first frame: everything
        backend.resetRecording()
        term.draw { $0.put("hallo", x: 0, y: 1, role: .normal); $0.put("!", x: 9, y: 2, role: .bad) }
        #expect(backend.batches.count == 1)
        #expect(backend.lastBatch == [CellUpdate(x: 9, y: 2, cell: Cell("!", role: .bad))])
        backend.resetRecording()
        term.draw { $0.put("hallo", x: 0, y: 1, role: .normal); $0.put("!", x: 9, y: 2, role: .bad) }
        #expect(backend.batches.isEmpty) // nothing changed, nothing sent
    }

    @Test func replacingAWideGlyphReEmitsTheTrailingCell() {
        let backend = MemoryBackend(size: Size(width: 6, height: 1))
        let term = Terminal(backend: backend)
        term.draw { $0.put("a住b", x: 0, y: 0, role: .normal) }
        backend.resetRecording()
        term.draw { $0.put("axyb", x: 0, y: 0, role: .normal) }
        let xs = backend.lastBatch.map(\.x)
        #expect(xs == [1, 2])
        #expect(backend.lastBatch.map(\.cell.symbol) == ["x", "y"])
        #expect(backend.screen.lines[0] == "axyb  ")
    }

    @Test func replacingNarrowCellsByAWideGlyphSendsOnlyTheGlyph() {
        let backend = MemoryBackend(size: Size(width: 6, height: 1))
        let term = Terminal(backend: backend)
        term.draw { $0.put("axyb", x: 0, y: 0, role: .normal) }
        backend.resetRecording()
        term.draw { $0.put("a住b", x: 0, y: 0, role: .normal) }
        #expect(backend.lastBatch == [CellUpdate(x: 1, y: 0, cell: Cell("住", width: 2))])
    }

    @Test func invalidateRedrawsEverything() {
        let backend = MemoryBackend(size: Size(width: 4, height: 2))
        let term = Terminal(backend: backend)
        term.draw { $0.put("ab", x: 0, y: 0, role: .normal) }
        term.invalidate()
        backend.resetRecording()
        term.draw { $0.put("ab", x: 0, y: 0, role: .normal) }
        #expect(backend.lastBatch.count == 8)
        #expect(backend.invalidateCount == 1)
    }

    @Test func resizeRedrawsAtTheNewSize() {
        let backend = MemoryBackend(size: Size(width: 4, height: 2))
        let term = Terminal(backend: backend)
        term.draw { $0.put("ab", x: 0, y: 0, role: .normal) }
        backend.resize(to: Size(width: 6, height: 3))
        backend.resetRecording()
        term.draw { $0.put("ab", x: 0, y: 0, role: .normal) }
        #expect(backend.lastBatch.count == 18)
        #expect(term.size == Size(width: 6, height: 3))
    }
}

@Suite("Layout")
struct LayoutTests {
    @Test func lengthsFillAndPercentages() {
        #expect(Layout.vertical([.length(1), .fill(1), .length(1)]).sizes(total: 30) == [1, 28, 1])
        #expect(Layout.horizontal([.percentage(30), .fill(1)]).sizes(total: 100) == [30, 70])
        #expect(Layout.horizontal([.fill(1), .fill(2)]).sizes(total: 30) == [10, 20])
        #expect(Layout.horizontal([.max(10), .fill(1)]).sizes(total: 100) == [10, 90])
        #expect(Layout.horizontal([.min(20), .fill(1)]).sizes(total: 100) == [60, 40])
        #expect(Layout.horizontal([.length(10), .fill(1)], spacing: 1).sizes(total: 31) == [10, 20])
    }

    @Test func overfullLayoutsShrinkFromTheEnd() {
        #expect(Layout.vertical([.length(3), .length(10), .length(5)]).sizes(total: 10) == [3, 7, 0])
    }

    @Test func splitPlacesRectsSideBySide() {
        let r = Layout.horizontal([.length(10), .fill(1)], spacing: 2).split(Rect(x: 5, y: 1, width: 40, height: 3))
        #expect(r == [Rect(x: 5, y: 1, width: 10, height: 3), Rect(x: 17, y: 1, width: 28, height: 3)])
    }

    @Test func sizesAlwaysSumToAtMostTheTotal() {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let n = Int.random(in: 1...6, using: &rng)
            let cs: [Constraint] = (0..<n).map { _ in
                switch Int.random(in: 0..<5, using: &rng) {
                case 0: return .length(Int.random(in: 0...40, using: &rng))
                case 1: return .min(Int.random(in: 0...40, using: &rng))
                case 2: return .max(Int.random(in: 0...40, using: &rng))
                case 3: return .percentage(Int.random(in: 0...100, using: &rng))
                default: return .fill(Int.random(in: 1...3, using: &rng))
                }
            }
            let total = Int.random(in: 0...200, using: &rng)
            let sizes = Layout.horizontal(cs).sizes(total: total)
            #expect(sizes.reduce(0, +) <= total)
            #expect(sizes.allSatisfy { $0 >= 0 })
            for (c, s) in zip(cs, sizes) { if case .max(let m) = c { #expect(s <= m) } }
        }
    }
}

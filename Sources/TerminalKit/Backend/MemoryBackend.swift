/// A backend that keeps the screen in memory and replays scripted input — for tests,
/// the monkey test and the benchmark. It records the recent batches of updates it receives.
public final class MemoryBackend: TerminalBackend {
    public private(set) var size: Size
    public var glyphs: Glyphs
    public private(set) var screen: CellBuffer
    public private(set) var theme: Theme = .fallback
    /// The updates of recent `draw` calls, oldest first: at most `batchHistory`, so a monkey test
    /// of 100,000 keys does not keep every frame it ever drew.
    public private(set) var batches: [[CellUpdate]] = []
    public static let batchHistory = 256
    public private(set) var presentCount = 0
    public private(set) var invalidateCount = 0
    /// Events returned by `nextEvent`, first in first out.
    public var queue: [KeyEvent] = []
    private var queueIndex = 0

    public init(size: Size = Size(width: 80, height: 24), glyphs: Glyphs = .unicode) {
        self.size = size
        self.glyphs = glyphs
        self.screen = CellBuffer(size: size, glyphs: glyphs)
    }

    public func apply(theme: Theme) { self.theme = theme }

    public func draw(_ cells: [CellUpdate]) {
        batches.append(cells)
        if batches.count > Self.batchHistory { batches.removeFirst(batches.count - Self.batchHistory / 2) }
        for u in cells where u.x < size.width && u.y < size.height {
            screen.put(u.cell.symbol, x: u.x, y: u.y, role: u.cell.role)
        }
    }

    public func present() { presentCount += 1 }
    public func invalidate() { invalidateCount += 1 }

    /// Changes the size, as a terminal resize would; the next event reports it.
    public func resize(to s: Size) {
        size = s
        screen.resize(to: s)
    }

    public func nextEvent(timeoutMilliseconds: Int) -> KeyEvent? {
        guard queueIndex < queue.count else { return nil }
        let e = queue[queueIndex]
        queueIndex += 1
        if case .resize(let s) = e { resize(to: s) }
        return e
    }

    public var pendingEvents: Int { queue.count - queueIndex }

    /// Forgets recorded batches (to measure a single frame).
    public func resetRecording() { batches.removeAll(keepingCapacity: true) }

    /// All updates of the last draw call.
    public var lastBatch: [CellUpdate] { batches.last ?? [] }
}

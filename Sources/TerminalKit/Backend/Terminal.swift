/// Double-buffered drawing: widgets draw a whole frame into `CellBuffer`; `flush`
/// compares it with the previous frame and sends only the changed cells.
public final class Terminal {
    public let backend: any TerminalBackend
    public private(set) var previous: CellBuffer
    public private(set) var current: CellBuffer
    private var forceFull = true

    public init(backend: any TerminalBackend) {
        self.backend = backend
        previous = CellBuffer(size: backend.size, glyphs: backend.glyphs)
        current = CellBuffer(size: backend.size, glyphs: backend.glyphs)
    }

    public var size: Size { current.size }

    /// Draws a frame: `render` fills a cleared buffer; then the difference is flushed.
    /// Returns the number of cells sent to the backend.
    @discardableResult
    public func draw(_ render: (inout CellBuffer) -> Void) -> Int {
        let s = backend.size
        if s != current.size {
            current.resize(to: s)
            previous.resize(to: s)
            forceFull = true
        }
        current.glyphs = backend.glyphs
        current.clear()
        render(&current)
        return flush()
    }

    /// Forces the next frame to be drawn completely (Ctrl-L).
    public func invalidate() {
        forceFull = true
        backend.invalidate()
    }

    /// Sends the cells that differ from the previous frame.
    ///
    /// Continuation cells are never sent, but they take part in the comparison: when a
    /// wide glyph is replaced by narrow ones, the cell that was its second half differs
    /// from the old continuation cell, so it is re-sent and the terminal shows it.
    func flush() -> Int {
        var updates: [CellUpdate] = []
        let w = current.size.width
        let full = forceFull
        for y in 0..<current.size.height {
            for x in 0..<w {
                let now = current[x, y]
                if (full || now != previous[x, y]) && !now.isContinuation {
                    updates.append(CellUpdate(x: x, y: y, cell: now))
                }
            }
        }
        forceFull = false
        if !updates.isEmpty { backend.draw(updates) }
        backend.present()
        swap(&previous, &current)
        return updates.count
    }
}

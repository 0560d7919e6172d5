import TextSafety
/// A grid of cells that widgets draw into. Nothing here touches the terminal:
/// `Terminal` compares two buffers and sends only the difference to a backend.
public struct CellBuffer: Sendable, Equatable {
    public private(set) var size: Size
    public private(set) var cells: [Cell]
    /// Line and mark characters for this frame (Unicode or the ASCII fallback).
    public var glyphs: Glyphs

    public init(size: Size, glyphs: Glyphs = .unicode) {
        self.size = size
        self.glyphs = glyphs
        self.cells = Array(repeating: .blank, count: max(0, size.width * size.height))
    }

    public var area: Rect { Rect(size: size) }
    public var width: Int { size.width }
    public var height: Int { size.height }

    @inline(__always) func index(_ x: Int, _ y: Int) -> Int { y * size.width + x }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[index(x, y)] }
    }

    /// Resets every cell to blank.
    public mutating func clear() {
        for i in cells.indices { cells[i] = .blank }
    }

    /// Resizes (contents are cleared).
    public mutating func resize(to newSize: Size) {
        size = newSize
        cells = Array(repeating: .blank, count: max(0, newSize.width * newSize.height))
    }

    /// Sets the role of every cell in `rect` and blanks its text.
    public mutating func fill(_ rect: Rect, role: StyleRole, symbol: Character = " ") {
        let r = rect.intersection(area)
        guard !r.isEmpty else { return }
        let cell = Cell(SafeText.cell(symbol), role: role, width: 1)
        for y in r.y..<r.bottom {
            // Split a wide glyph that straddles the fill edges before overwriting.
            repairLeftEdge(x: r.x, y: y)
            repairRightEdge(x: r.right, y: y)
            let base = y * size.width
            for x in r.x..<r.right { cells[base + x] = cell }
        }
    }

    /// Changes only the role of the cells in `rect` (e.g. highlight a selected row).
    public mutating func setRole(_ rect: Rect, role: StyleRole) {
        let r = rect.intersection(area)
        guard !r.isEmpty else { return }
        for y in r.y..<r.bottom {
            for x in r.x..<r.right { cells[index(x, y)].role = role }
        }
    }

    /// Writes one grapheme at (x, y). Control characters become visible placeholders;
    /// a wide glyph that does not fit before `limit` is replaced by a space.
    /// Returns the number of columns used.
    @discardableResult
    public mutating func put(_ c: Character, x: Int, y: Int, role: StyleRole, limit: Int? = nil) -> Int {
        guard y >= 0, y < size.height, x >= 0, x < size.width else { return 0 }
        let end = min(limit ?? size.width, size.width)
        guard x < end else { return 0 }
        let safe = SafeText.cell(c)
        var w = DisplayWidth.of(safe)
        if w == 0 { w = 1 } // zero-width clusters still take a cell so nothing is lost
        repairLeftEdge(x: x, y: y)
        if w == 2 {
            guard x + 1 < end else {
                repairRightEdge(x: x + 1, y: y)
                cells[index(x, y)] = Cell(" ", role: role)
                return 1
            }
            repairRightEdge(x: x + 2, y: y)
            cells[index(x, y)] = Cell(safe, role: role, width: 2)
            cells[index(x + 1, y)] = .continuation(role: role)
            return 2
        }
        repairRightEdge(x: x + 1, y: y)
        cells[index(x, y)] = Cell(safe, role: role, width: 1)
        return 1
    }

    /// Writes a string on one line starting at (x, y), clipped at `maxWidth` columns.
    /// Returns the column after the last written cell.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, role: StyleRole, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < size.height else { return x }
        let limit = maxWidth.map { min(size.width, x + max(0, $0)) } ?? size.width
        var cx = x
        for c in text {
            if cx >= limit { break }
            cx += put(c, x: cx, y: y, role: role, limit: limit)
        }
        return cx
    }

    /// Writes a string, ending with an ellipsis when it is cut off.
    @discardableResult
    public mutating func putTruncated(_ text: String, x: Int, y: Int, role: StyleRole, maxWidth: Int) -> Int {
        guard maxWidth > 0 else { return x }
        if DisplayWidth.of(text) <= maxWidth { return put(text, x: x, y: y, role: role, maxWidth: maxWidth) }
        let cut = TextLayout.prefix(text, width: maxWidth - 1)
        let end = put(cut, x: x, y: y, role: role, maxWidth: maxWidth - 1)
        return put(String(glyphs.ellipsis), x: end, y: y, role: role, maxWidth: 1)
    }

    /// When (x, y) is the continuation half of a wide glyph, blank the glyph's first half.
    @inline(__always) mutating func repairLeftEdge(x: Int, y: Int) {
        guard x > 0, x < size.width, cells[index(x, y)].isContinuation else { return }
        let role = cells[index(x - 1, y)].role
        cells[index(x - 1, y)] = Cell(" ", role: role)
    }

    /// When x is the continuation half of a wide glyph starting at x-1, blank the continuation.
    @inline(__always) mutating func repairRightEdge(x: Int, y: Int) {
        guard x > 0, x < size.width, cells[index(x, y)].isContinuation else { return }
        let role = cells[index(x, y)].role
        cells[index(x, y)] = Cell(" ", role: role)
    }

    /// The text of each row (continuation cells omitted), for tests and golden files.
    public var lines: [String] {
        (0..<size.height).map { line($0) }
    }

    /// The text of one row, trailing spaces kept.
    public func line(_ y: Int) -> String {
        var s = ""
        s.reserveCapacity(size.width)
        for x in 0..<size.width {
            let c = cells[index(x, y)]
            if !c.isContinuation { s.append(c.symbol) }
        }
        return s
    }

    /// The roles of one row as a compact string, one character per cell, using `legend`.
    public func roles(_ y: Int, legend: (StyleRole) -> Character) -> String {
        String((0..<size.width).map { legend(cells[index($0, y)].role) })
    }
}

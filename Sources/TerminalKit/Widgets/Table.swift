/// A column of a table: its heading, width constraint and alignment.
public struct Column: Sendable, Equatable {
    public var title: String
    public var constraint: Constraint
    public var alignment: Alignment
    public init(_ title: String, _ constraint: Constraint, alignment: Alignment = .left) {
        self.title = title; self.constraint = constraint; self.alignment = alignment
    }
}

/// A table with a header row, column constraints and a selected row.
public struct Table: @unchecked Sendable {
    public var columns: [Column]
    public var rows: [[Span]]
    public var scroll: ScrollState
    public var focused: Bool
    public var showsSelection: Bool
    public var emptyText: String
    /// When set, `rows` holds only the rows from `first` on, out of `total`: long tables build
    /// just the rows that can be seen.
    public var window: (first: Int, total: Int)?

    public init(columns: [Column], rows: [[Span]], scroll: ScrollState = ScrollState(), focused: Bool = true,
                showsSelection: Bool = true, emptyText: String = "", window: (first: Int, total: Int)? = nil) {
        self.columns = columns; self.rows = rows; self.scroll = scroll
        self.focused = focused; self.showsSelection = showsSelection; self.emptyText = emptyText; self.window = window
    }

    /// Rows available for data in an area (the header takes one).
    public static func bodyHeight(_ area: Rect) -> Int { max(0, area.height - 1) }

    /// The range of rows that a table in `area` shows for this scroll state and row count
    /// (build only these and pass them with `window`).
    public static func visibleRange(_ area: Rect, scroll: ScrollState, count: Int) -> Range<Int> {
        let h = bodyHeight(area)
        let s = scroll.clamped(count: count, height: h)
        return s.offset..<min(count, s.offset + h)
    }

    /// Where each column is drawn in `area` (for clicks on the header).
    public static func columnRects(_ columns: [Column], in area: Rect) -> [Rect] {
        let inner = Rect(x: area.x + 2, y: area.y, width: max(0, area.width - 2), height: area.height)
        return Layout.horizontal(columns.map(\.constraint), spacing: 1).split(inner)
    }

    public func render(_ area: Rect, into buffer: inout CellBuffer) {
        guard area.height > 0, area.width > 2 else { return }
        let inner = Rect(x: area.x + 2, y: area.y, width: area.width - 2, height: area.height)
        let cols = Self.columnRects(columns, in: area)
        for (c, rect) in zip(columns, cols) {
            buffer.put(TextLayout.pad(c.title, width: rect.width, alignment: c.alignment), x: rect.x, y: area.y,
                       role: .header, maxWidth: rect.width)
        }
        let body = Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1)
        let total = window?.total ?? rows.count
        let first = window?.first ?? 0
        if total == 0 {
            buffer.putTruncated(emptyText, x: inner.x, y: body.y, role: .muted, maxWidth: inner.width)
            return
        }
        let s = scroll.clamped(count: total, height: body.height)
        let markRole: StyleRole = focused ? .selection : .selectionInactive
        for r in 0..<body.height {
            let i = s.offset + r
            guard i < total, rows.indices.contains(i - first) else { break }
            let y = body.y + r
            let selected = showsSelection && i == s.selected
            buffer.put(selected ? buffer.glyphs.selectionMark : " ", x: area.x, y: y, role: selected ? markRole : .normal)
            let row = rows[i - first]
            for (k, rect) in cols.enumerated() where k < row.count {
                let cell = row[k]
                let role = selected && cell.role == .normal ? markRole : cell.role
                if cell.width > rect.width {
                    buffer.putTruncated(cell.text, x: rect.x, y: y, role: role, maxWidth: rect.width)
                } else {
                    // Only the text is drawn, never its padding: a cursor move then re-sends just
                    // the cells that change colour.
                    let gap = rect.width - cell.width
                    let x = rect.x + (columns[k].alignment == .right ? gap : (columns[k].alignment == .center ? gap / 2 : 0))
                    buffer.put(cell.text, x: x, y: y, role: role, maxWidth: rect.right - x)
                }
            }
        }
        if total > body.height {
            if s.offset > 0 { buffer.put(buffer.glyphs.arrowUp, x: area.right - 1, y: body.y, role: .muted) }
            if s.offset + body.height < total {
                buffer.put(buffer.glyphs.arrowDown, x: area.right - 1, y: body.bottom - 1, role: .muted)
            }
        }
    }
}

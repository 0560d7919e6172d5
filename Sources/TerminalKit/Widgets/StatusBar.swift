/// A key hint in the status bar, e.g. `m` → "overleg".
public struct KeyHint: Sendable, Equatable {
    public var key: String
    public var label: String
    public init(_ key: String, _ label: String) { self.key = key; self.label = label }
}

/// The bottom line: a message or the key hints of the focused part, and text on the right.
public struct StatusBar: Sendable {
    public var hints: [KeyHint]
    public var message: Span?
    public var right: String

    public init(hints: [KeyHint], message: Span? = nil, right: String = "") {
        self.hints = hints; self.message = message; self.right = right
    }

    public func render(_ area: Rect, into buffer: inout CellBuffer) {
        guard area.height > 0 else { return }
        let row = area.row(0)
        buffer.fill(row, role: .statusBar)
        let rightWidth = min(DisplayWidth.of(right), row.width / 3)
        let leftLimit = row.right - (rightWidth > 0 ? rightWidth + 2 : 0)
        var x = row.x + 1
        if let m = message {
            buffer.putTruncated(m.text, x: x, y: row.y, role: m.role, maxWidth: leftLimit - x)
        } else {
            for h in hints {
                let need = DisplayWidth.of(h.key) + 1 + DisplayWidth.of(h.label) + 2
                if x + need > leftLimit { break }
                x = buffer.put(h.key, x: x, y: row.y, role: .keyHint)
                x = buffer.put(" " + h.label + "  ", x: x, y: row.y, role: .statusBar)
            }
        }
        if rightWidth > 0 {
            buffer.putTruncated(right, x: row.right - rightWidth - 1, y: row.y, role: .statusBar, maxWidth: rightWidth)
        }
    }
}

/// A bordered box with an optional title in the top edge — the frame for every panel.
public struct Block: Sendable {
    public var title: String?
    public var titleRole: StyleRole
    public var borderRole: StyleRole
    public var background: StyleRole?
    public var rightTitle: String?

    public init(title: String? = nil, focused: Bool = false, titleRole: StyleRole? = nil,
                background: StyleRole? = nil, rightTitle: String? = nil) {
        self.title = title
        self.borderRole = focused ? .borderFocus : .border
        self.titleRole = titleRole ?? (focused ? .borderFocus : .title)
        self.background = background
        self.rightTitle = rightTitle
    }

    /// The area inside the border.
    public func inner(_ area: Rect) -> Rect { area.inset(by: 1) }

    /// Draws the border and title; returns the inner area.
    @discardableResult
    public func render(_ area: Rect, into buffer: inout CellBuffer) -> Rect {
        guard area.width >= 2, area.height >= 2 else { return Rect(x: area.x, y: area.y, width: 0, height: 0) }
        if let bg = background { buffer.fill(area, role: bg) }
        let g = buffer.glyphs
        let r = area.right - 1, b = area.bottom - 1
        buffer.put(g.topLeft, x: area.x, y: area.y, role: borderRole)
        buffer.put(g.topRight, x: r, y: area.y, role: borderRole)
        buffer.put(g.bottomLeft, x: area.x, y: b, role: borderRole)
        buffer.put(g.bottomRight, x: r, y: b, role: borderRole)
        for x in (area.x + 1)..<r {
            buffer.put(g.horizontal, x: x, y: area.y, role: borderRole)
            buffer.put(g.horizontal, x: x, y: b, role: borderRole)
        }
        for y in (area.y + 1)..<b {
            buffer.put(g.vertical, x: area.x, y: y, role: borderRole)
            buffer.put(g.vertical, x: r, y: y, role: borderRole)
        }
        if let rt = rightTitle, !rt.isEmpty, area.width > 8 {
            let w = min(DisplayWidth.of(rt) + 2, area.width - 4)
            buffer.put(" " + TextLayout.prefix(rt, width: w - 2) + " ", x: r - w, y: area.y, role: titleRole, maxWidth: w)
        }
        if let t = title, !t.isEmpty, area.width > 4 {
            let room = area.width - 4 - (rightTitle.map { DisplayWidth.of($0) + 3 } ?? 0)
            if room > 0 {
                let end = buffer.putTruncated(" " + t, x: area.x + 1, y: area.y, role: titleRole, maxWidth: room + 1)
                buffer.put(" ", x: end, y: area.y, role: titleRole, maxWidth: 1)
            }
        }
        return inner(area)
    }
}

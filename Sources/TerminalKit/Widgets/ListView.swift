/// One row of a list: its text and right-aligned badges.
public struct ListItem: Sendable, Equatable {
    public var line: Line
    public var badges: [Span]
    public init(_ line: Line, badges: [Span] = []) { self.line = line; self.badges = badges }
    public init(_ text: String, badges: [Span] = []) { self.init(Line(text), badges: badges) }
}

/// A scrolling list with a selection marker and badges on the right.
///
/// The selected row's text takes the selection role; the rest of the row keeps its
/// colours so a cursor move changes as few cells as possible.
public struct ListView: Sendable {
    public var items: [ListItem]
    public var scroll: ScrollState
    public var focused: Bool
    public var showsSelection: Bool
    public var emptyText: String

    public init(_ items: [ListItem], scroll: ScrollState = ScrollState(), focused: Bool = true,
                showsSelection: Bool = true, emptyText: String = "") {
        self.items = items; self.scroll = scroll; self.focused = focused
        self.showsSelection = showsSelection; self.emptyText = emptyText
    }

    public func render(_ area: Rect, into buffer: inout CellBuffer) {
        guard !area.isEmpty else { return }
        if items.isEmpty {
            buffer.putTruncated(emptyText, x: area.x + 2, y: area.y, role: .muted, maxWidth: area.width - 2)
            return
        }
        let s = scroll.clamped(count: items.count, height: area.height)
        let markRole: StyleRole = focused ? .selection : .selectionInactive
        for row in 0..<area.height {
            let i = s.offset + row
            guard i < items.count else { break }
            let y = area.y + row
            var item = items[i]
            let selected = showsSelection && i == s.selected
            // Badges get the room the text leaves, and never less than half the row; beyond that they
            // are cut with an ellipsis: the text is what the row is.
            let allBadges = item.badges.reduce(0) { $0 + $1.width + 1 }
            let room = max((area.width - 2) / 2, area.width - 3 - item.line.width)
            if allBadges > room, let first = item.badges.first {
                let joined = item.badges.map(\.text).joined(separator: " ")
                item.badges = [Span(TextLayout.prefix(joined, width: max(0, room - 2)) + String(buffer.glyphs.ellipsis), first.role)]
            }
            let badgeWidth = item.badges.reduce(0) { $0 + $1.width + 1 }
            // One column of air between the text and the badges.
            let textWidth = max(0, area.width - 2 - badgeWidth - (badgeWidth > 0 ? 1 : 0))
            buffer.put(selected ? buffer.glyphs.selectionMark : " ", x: area.x, y: y, role: selected ? markRole : .normal)
            var line = item.line
            if selected { line.spans = line.spans.map { Span($0.text, markRole) } }
            line.render(x: area.x + 2, y: y, width: textWidth, into: &buffer)
            var bx = area.right - badgeWidth
            for b in item.badges where bx >= area.x + 2 {
                bx = buffer.put(b.text, x: bx, y: y, role: b.role, maxWidth: area.right - bx)
                bx += 1
            }
        }
        // A scroll indicator when there is more than fits.
        if items.count > area.height {
            if s.offset > 0 { buffer.put(buffer.glyphs.arrowUp, x: area.right - 1, y: area.y, role: .muted) }
            if s.offset + area.height < items.count {
                buffer.put(buffer.glyphs.arrowDown, x: area.right - 1, y: area.bottom - 1, role: .muted)
            }
        }
    }
}

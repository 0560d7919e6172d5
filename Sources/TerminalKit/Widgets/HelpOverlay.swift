/// One group of key bindings in the help overlay (e.g. "Overal", "Overleg").
public struct HelpGroup: Sendable, Equatable {
    public var title: String
    public var entries: [(keys: String, text: String)]
    public init(title: String, entries: [(keys: String, text: String)]) { self.title = title; self.entries = entries }
    public static func == (a: HelpGroup, b: HelpGroup) -> Bool {
        a.title == b.title && a.entries.map(\.keys) == b.entries.map(\.keys) && a.entries.map(\.text) == b.entries.map(\.text)
    }
}

/// A full-screen overlay listing key bindings by group, scrollable, generated from the live keymap.
public struct HelpOverlay: Sendable {
    public var title: String
    public var groups: [HelpGroup]
    public var scroll: Int
    public var footer: String

    public init(title: String, groups: [HelpGroup], scroll: Int = 0, footer: String = "") {
        self.title = title; self.groups = groups; self.scroll = scroll; self.footer = footer
    }

    /// All rows as lines (group headings and entries), before scrolling.
    public func lines(keyWidth: Int) -> [Line] {
        var out: [Line] = []
        for g in groups {
            if !out.isEmpty { out.append(Line("")) }
            out.append(Line(g.title, .strong))
            for e in g.entries {
                out.append(Line([Span("  " + TextLayout.pad(e.keys, width: keyWidth), .helpKey), Span("  " + e.text, .dialog)]))
            }
        }
        return out
    }

    public func render(_ area: Rect, into buffer: inout CellBuffer) {
        let box = area.inset(top: 1, left: 2, bottom: 1, right: 2)
        guard box.width > 10, box.height > 4 else { return }
        buffer.fill(box, role: .dialog)
        let inner = Block(title: title, focused: true, background: .dialog, rightTitle: footer).render(box, into: &buffer)
        let keyWidth = min(18, groups.flatMap { $0.entries.map { DisplayWidth.of($0.keys) } }.max() ?? 8)
        let all = lines(keyWidth: keyWidth)
        let content = inner.inset(left: 1, right: 1)
        // Two columns when the screen is wide enough, so most of the help fits at once.
        let columns = content.width >= 100 ? 2 : 1
        let colWidth = (content.width - (columns - 1) * 2) / columns
        let start = min(max(0, scroll), max(0, all.count - content.height * columns))
        for (k, line) in all.dropFirst(start).prefix(content.height * columns).enumerated() {
            let col = k / content.height, row = k % content.height
            line.render(x: content.x + col * (colWidth + 2), y: content.y + row, width: colWidth, into: &buffer)
        }
    }
}

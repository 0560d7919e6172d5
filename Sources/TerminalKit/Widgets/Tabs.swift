/// A row of tabs or agenda steps: the current one highlighted, completed ones marked.
public struct Tabs: Sendable {
    public var titles: [String]
    public var selected: Int
    public var done: Set<Int>
    public var numbered: Bool
    /// Narrow terminals: labels without padding, two spaces between them instead of " · ".
    public var compact: Bool

    public init(_ titles: [String], selected: Int, done: Set<Int> = [], numbered: Bool = false, compact: Bool = false) {
        self.titles = titles; self.selected = selected; self.done = done; self.numbered = numbered; self.compact = compact
    }

    var padding: String { compact ? "" : " " }
    var gapWidth: Int { compact ? 2 : 3 }

    /// The label of tab `i` as drawn.
    func label(_ i: Int, glyphs: Glyphs) -> String {
        var parts: [String] = []
        if numbered { parts.append("\(i + 1)") }
        if done.contains(i) { parts.append(String(glyphs.check)) }
        if !titles[i].isEmpty { parts.append(titles[i]) }
        return parts.joined(separator: " ")
    }

    /// The column ranges of each tab when drawn at `x` (for mouse hit-testing).
    public func hitRanges(x: Int, glyphs: Glyphs) -> [Range<Int>] {
        var cx = x
        var out: [Range<Int>] = []
        for i in titles.indices {
            let w = DisplayWidth.of(label(i, glyphs: glyphs)) + 2 * padding.count
            out.append(cx..<(cx + w))
            cx += w + gapWidth
        }
        return out
    }

    public func render(_ area: Rect, into buffer: inout CellBuffer) {
        guard !area.isEmpty else { return }
        var x = area.x
        for i in titles.indices {
            if x >= area.right { break }
            let role: StyleRole = i == selected ? .tabActive : (done.contains(i) ? .tabDone : .tabPending)
            x = buffer.put(padding + label(i, glyphs: buffer.glyphs) + padding, x: x, y: area.y, role: role, maxWidth: area.right - x)
            if i < titles.count - 1 && x < area.right {
                x = buffer.put(compact ? "  " : " \(buffer.glyphs.separator) ", x: x, y: area.y, role: .muted, maxWidth: area.right - x)
            }
        }
    }
}

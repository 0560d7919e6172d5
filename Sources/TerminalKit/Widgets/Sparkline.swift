/// A one-row trend of values drawn with block characters (▁…█), newest on the right.
public struct Sparkline: Sendable {
    public var values: [Int]
    public var maximum: Int
    public var minimum: Int
    public var role: StyleRole

    public init(_ values: [Int], minimum: Int = 0, maximum: Int? = nil, role: StyleRole = .sparkline) {
        self.values = values; self.minimum = minimum
        self.maximum = maximum ?? (values.max() ?? 1); self.role = role
    }

    /// The characters of the sparkline for at most `width` values (the newest ones).
    public func glyphs(width: Int, using g: Glyphs) -> String {
        let shown = values.suffix(max(0, width))
        let span = max(1, maximum - minimum)
        return String(shown.map { v -> Character in
            let level = (min(max(v, minimum), maximum) - minimum) * (g.sparks.count - 1) / span
            return g.sparks[level]
        })
    }

    public func render(_ area: Rect, into buffer: inout CellBuffer) {
        guard !area.isEmpty else { return }
        buffer.put(glyphs(width: area.width, using: buffer.glyphs), x: area.x, y: area.y, role: role, maxWidth: area.width)
    }
}

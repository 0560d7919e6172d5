/// Selection and scroll position of a list or table, kept in app state.
///
/// Moving the selection scrolls only as far as needed to keep it visible, so a cursor
/// move inside the visible window repaints two rows, not the whole list.
public struct ScrollState: Sendable, Equatable, Hashable {
    public var selected: Int
    public var offset: Int

    public init(selected: Int = 0, offset: Int = 0) { self.selected = selected; self.offset = offset }

    /// Clamps the selection to `count` items and scrolls so it is inside a window of `height` rows.
    public mutating func clamp(count: Int, height: Int) {
        if count <= 0 { selected = 0; offset = 0; return }
        selected = min(max(0, selected), count - 1)
        let h = max(1, height)
        if selected < offset { offset = selected }
        if selected >= offset + h { offset = selected - h + 1 }
        offset = min(offset, max(0, count - h))
        offset = max(0, offset)
    }

    /// Moves the selection by `delta` items (negative is up), then clamps.
    public mutating func move(_ delta: Int, count: Int, height: Int) {
        selected += delta
        clamp(count: count, height: height)
    }

    /// Selects a specific index, then clamps.
    public mutating func select(_ index: Int, count: Int, height: Int) {
        selected = index
        clamp(count: count, height: height)
    }

    /// The same state, corrected for a window of this size (used when drawing).
    public func clamped(count: Int, height: Int) -> ScrollState {
        var s = self
        s.clamp(count: count, height: height)
        return s
    }
}

/// How much room one part of a layout asks for.
public enum Constraint: Sendable, Equatable {
    /// Exactly n cells (shrinks only when the total does not fit).
    case length(Int)
    /// At least n cells; grows like `fill(1)`.
    case min(Int)
    /// At most n cells; grows like `fill(1)` up to n.
    case max(Int)
    /// A percentage of the total.
    case percentage(Int)
    /// A share of what is left, by weight.
    case fill(Int)
}

/// Splits a rectangle into rows or columns by constraints (ratatui's idea, a simpler solver).
///
/// Fixed parts (length, percentage, min) are placed first; what is left goes to
/// fill, min and max parts by weight, max parts capped. When the fixed parts do not
/// fit, the parts are shrunk from the last one backwards, so headers stay visible.
public struct Layout: Sendable {
    public enum Direction: Sendable { case horizontal, vertical }
    public var direction: Direction
    public var constraints: [Constraint]
    public var spacing: Int

    public init(_ direction: Direction, _ constraints: [Constraint], spacing: Int = 0) {
        self.direction = direction; self.constraints = constraints; self.spacing = spacing
    }

    public static func vertical(_ c: [Constraint], spacing: Int = 0) -> Layout { Layout(.vertical, c, spacing: spacing) }
    public static func horizontal(_ c: [Constraint], spacing: Int = 0) -> Layout { Layout(.horizontal, c, spacing: spacing) }

    /// The sizes along the main axis for a total of `total` cells.
    public func sizes(total: Int) -> [Int] {
        let n = constraints.count
        guard n > 0 else { return [] }
        let available = Swift.max(0, total - spacing * (n - 1))
        var sizes = constraints.map { c -> Int in
            switch c {
            case .length(let v), .min(let v): return Swift.max(0, v)
            case .percentage(let p): return available * Swift.max(0, Swift.min(100, p)) / 100
            case .max, .fill: return 0
            }
        }
        let used = sizes.reduce(0, +)
        if used > available {
            var excess = used - available
            for i in stride(from: n - 1, through: 0, by: -1) where excess > 0 {
                let cut = Swift.min(sizes[i], excess)
                sizes[i] -= cut; excess -= cut
            }
            return sizes
        }
        var remaining = available - used
        // Distribute the rest among growable parts by weight, capping max parts.
        var capped = Set<Int>()
        while remaining > 0 {
            var weights: [(Int, Int)] = []
            for (i, c) in constraints.enumerated() where !capped.contains(i) {
                switch c {
                case .fill(let w): if w > 0 { weights.append((i, w)) }
                case .min: weights.append((i, 1))
                case .max(let m): if sizes[i] < m { weights.append((i, 1)) } else { capped.insert(i) }
                default: break
                }
            }
            guard !weights.isEmpty else { break }
            let totalWeight = weights.reduce(0) { $0 + $1.1 }
            var given = 0
            var shares = weights.map { (i, w) in (i, remaining * w / totalWeight) }
            // Hand out the rounding remainder to the first parts, one cell each.
            var leftover = remaining - shares.reduce(0) { $0 + $1.1 }
            for k in shares.indices where leftover > 0 { shares[k].1 += 1; leftover -= 1 }
            for (i, share) in shares {
                var s = share
                if case .max(let m) = constraints[i] { s = Swift.min(s, m - sizes[i]); if sizes[i] + s >= m { capped.insert(i) } }
                sizes[i] += s; given += s
            }
            remaining -= given
            if given == 0 { break }
        }
        return sizes
    }

    /// The rectangles for each constraint inside `area`.
    public func split(_ area: Rect) -> [Rect] {
        let total = direction == .horizontal ? area.width : area.height
        var pos = direction == .horizontal ? area.x : area.y
        var out: [Rect] = []
        for s in sizes(total: total) {
            switch direction {
            case .horizontal: out.append(Rect(x: pos, y: area.y, width: s, height: area.height))
            case .vertical: out.append(Rect(x: area.x, y: pos, width: area.width, height: s))
            }
            pos += s + spacing
        }
        return out
    }
}

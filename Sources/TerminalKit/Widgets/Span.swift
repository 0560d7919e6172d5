/// A run of text in one style role.
public struct Span: Sendable, Equatable, ExpressibleByStringLiteral {
    public var text: String
    public var role: StyleRole
    public init(_ text: String, _ role: StyleRole = .normal) { self.text = text; self.role = role }
    public init(stringLiteral value: String) { self.init(value) }
    public var width: Int { DisplayWidth.of(text) }
}

/// A line of styled spans.
public struct Line: Sendable, Equatable, ExpressibleByStringLiteral {
    public var spans: [Span]
    public var alignment: Alignment
    public init(_ spans: [Span], alignment: Alignment = .left) { self.spans = spans; self.alignment = alignment }
    public init(_ text: String, _ role: StyleRole = .normal) { self.init([Span(text, role)]) }
    public init(stringLiteral value: String) { self.init(value) }
    public var width: Int { spans.reduce(0) { $0 + $1.width } }
    public var plainText: String { spans.map(\.text).joined() }

    /// Draws the line at row `y` inside `area`, clipped to it; an overlong line ends with an ellipsis.
    @discardableResult
    public func render(x: Int, y: Int, width: Int, into buffer: inout CellBuffer) -> Int {
        guard width > 0 else { return x }
        let total = self.width
        var cx = x
        switch alignment {
        case .left: break
        case .right: cx += max(0, width - total)
        case .center: cx += max(0, (width - total) / 2)
        }
        let limit = x + width
        let truncate = total > width
        for (i, span) in spans.enumerated() {
            let room = limit - cx
            if room <= 0 { break }
            let isLastFitting = truncate && DisplayWidth.of(span.text) >= room
            if isLastFitting || (truncate && i == spans.count - 1) {
                cx = buffer.putTruncated(span.text, x: cx, y: y, role: span.role, maxWidth: room)
                break
            }
            cx = buffer.put(span.text, x: cx, y: y, role: span.role, maxWidth: room)
        }
        return cx
    }
}

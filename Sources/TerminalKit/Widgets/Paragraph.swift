import TextSafety
/// Text wrapped at word boundaries to the width of its area.
///
/// Each input line is word-wrapped on its own; a span's role is kept across the wrap.
/// Text that does not fit vertically is cut; `scroll` skips wrapped lines from the top.
public struct Paragraph: Sendable {
    public var lines: [Line]
    public var wrap: Bool
    public var scroll: Int

    public init(_ lines: [Line], wrap: Bool = true, scroll: Int = 0) {
        self.lines = lines; self.wrap = wrap; self.scroll = scroll
    }

    public init(_ text: String, role: StyleRole = .normal, wrap: Bool = true) {
        self.init(text.split(separator: "\n", omittingEmptySubsequences: false).map { Line(String($0), role) }, wrap: wrap)
    }

    /// The lines after wrapping to `width`. Words are split at spaces only, so adjacent
    /// spans without a space between them stay one word; each character keeps its role.
    /// A line's leading spaces are kept on every row it wraps to (a hanging indent), so an
    /// indented explanation stays visibly under its heading.
    public func wrapped(width: Int) -> [Line] {
        guard wrap, width > 0 else { return lines }
        var out: [Line] = []
        for line in lines {
            if line.width <= width { out.append(line); continue }
            typealias Glyph = (c: Character, role: StyleRole)
            var words: [[Glyph]] = []
            var word: [Glyph] = []
            for span in line.spans {
                for c in span.text {
                    if c == " " {
                        if !word.isEmpty { words.append(word); word = [] }
                    } else {
                        word.append((c, span.role))
                    }
                }
            }
            if !word.isEmpty { words.append(word) }
            let leading = line.plainText.prefix { $0 == " " }.count
            let indent = leading < width / 2 ? leading : 0
            let indentGlyphs: [Glyph] = Array(repeating: (" ", line.spans.first?.role ?? .normal), count: indent)
            var row: [Glyph] = indentGlyphs
            var rowWidth = indent
            func emit() { out.append(Line(Paragraph.spans(of: row))); row = indentGlyphs; rowWidth = indent }
            for w in words {
                let ww = w.reduce(0) { $0 + max(1, DisplayWidth.of(SafeText.cell($1.c))) }
                if rowWidth > indent && rowWidth + 1 + ww <= width {
                    row.append((" ", row.last!.role)); row.append(contentsOf: w); rowWidth += 1 + ww
                    continue
                }
                if rowWidth > indent { emit() }
                // A word longer than the line is broken at the width.
                for g in w {
                    let gw = max(1, DisplayWidth.of(SafeText.cell(g.c)))
                    if rowWidth + gw > width && rowWidth > indent { emit() }
                    row.append(g); rowWidth += gw
                }
            }
            emit()
        }
        return out
    }

    /// Groups consecutive characters with the same role into spans.
    static func spans(of glyphs: [(c: Character, role: StyleRole)]) -> [Span] {
        var spans: [Span] = []
        for g in glyphs {
            if let last = spans.last, last.role == g.role { spans[spans.count - 1].text.append(g.c) }
            else { spans.append(Span(String(g.c), g.role)) }
        }
        return spans
    }

    /// How many rows the paragraph needs at this width.
    public func height(width: Int) -> Int { wrapped(width: width).count }

    public func render(_ area: Rect, into buffer: inout CellBuffer) {
        guard !area.isEmpty else { return }
        let rows = wrapped(width: area.width).dropFirst(max(0, scroll))
        for (i, line) in rows.prefix(area.height).enumerated() {
            line.render(x: area.x, y: area.y + i, width: area.width, into: &buffer)
        }
    }
}

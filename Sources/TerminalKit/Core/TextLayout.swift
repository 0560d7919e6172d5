import TextSafety
/// Width-aware text helpers: prefixes, padding and word wrapping by display columns.
public enum TextLayout {
    /// The longest prefix of `text` that fits in `width` columns (a wide glyph never split).
    public static func prefix(_ text: String, width: Int) -> String {
        guard width > 0 else { return "" }
        var w = 0
        var end = text.startIndex
        for i in text.indices {
            let cw = max(1, DisplayWidth.of(SafeText.cell(text[i])))
            if w + cw > width { break }
            w += cw
            end = text.index(after: i)
        }
        return String(text[..<end])
    }

    /// The text padded with spaces (or cut) to exactly `width` columns.
    public static func pad(_ text: String, width: Int, alignment: Alignment = .left) -> String {
        let cut = prefix(text, width: width)
        let gap = max(0, width - DisplayWidth.of(cut))
        switch alignment {
        case .left: return cut + String(repeating: " ", count: gap)
        case .right: return String(repeating: " ", count: gap) + cut
        case .center:
            let l = gap / 2
            return String(repeating: " ", count: l) + cut + String(repeating: " ", count: gap - l)
        }
    }

    /// Word-wraps text to lines of at most `width` columns. Hard line breaks are kept;
    /// words longer than a line are broken at the width; wide glyphs never straddle lines.
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var out: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var lineWidth = 0
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
                var w = String(word)
                var ww = DisplayWidth.of(String(w.map(SafeText.cell)))
                if lineWidth > 0 && lineWidth + 1 + ww <= width {
                    line += " " + w
                    lineWidth += 1 + ww
                    continue
                }
                if lineWidth > 0 {
                    out.append(line)
                    line = ""; lineWidth = 0
                }
                // A word longer than the line: break it into line-sized pieces.
                while ww > width {
                    let head = prefix(w, width: width)
                    let piece = head.isEmpty ? String(w.prefix(1)) : head
                    out.append(piece)
                    w.removeFirst(piece.count)
                    ww = DisplayWidth.of(String(w.map(SafeText.cell)))
                }
                line = w
                lineWidth = ww
            }
            out.append(line)
        }
        return out
    }
}

/// Horizontal alignment of text within a column.
public enum Alignment: Sendable, Equatable {
    case left, center, right
}

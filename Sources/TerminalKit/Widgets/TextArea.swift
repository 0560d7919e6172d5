import TextSafety
/// Multi-line text being edited (meeting notes, the household's own words).
///
/// Text is a list of grapheme clusters with hard line breaks; display rows are the
/// word-wrapped lines at the current width, so moving up and down follows what the
/// user sees.
public struct TextAreaInput: Sendable, Equatable, Hashable {
    public private(set) var characters: [Character]
    public private(set) var cursor: Int
    public var maxLength: Int?

    public init(_ text: String = "", maxLength: Int? = nil) {
        characters = Array(text); cursor = characters.count; self.maxLength = maxLength
    }

    public var text: String { String(characters) }

    /// A display row: the range of characters it shows (line breaks excluded).
    public struct Row: Sendable, Equatable { public var start: Int; public var end: Int }

    /// Word-wrapped display rows for a given width.
    public func rows(width: Int) -> [Row] {
        let width = max(1, width)
        var rows: [Row] = []
        var lineStart = 0
        var i = 0
        func wrapLine(_ s: Int, _ e: Int) {
            var start = s
            if s == e { rows.append(Row(start: s, end: e)); return }
            while start < e {
                var w = 0, j = start, lastSpace = -1
                while j < e {
                    let cw = max(1, DisplayWidth.of(SafeText.cell(characters[j])))
                    if w + cw > width { break }
                    if characters[j] == " " { lastSpace = j }
                    w += cw; j += 1
                }
                if j >= e { rows.append(Row(start: start, end: e)); return }
                // Break at a space that ends the row exactly, else after the last space,
                // else hard-break an overlong word.
                let breakAt = characters[j] == " " ? j + 1 : (lastSpace >= start ? lastSpace + 1 : max(j, start + 1))
                rows.append(Row(start: start, end: breakAt))
                start = breakAt
            }
        }
        while i <= characters.count {
            if i == characters.count || characters[i] == "\n" {
                wrapLine(lineStart, i)
                lineStart = i + 1
            }
            i += 1
        }
        return rows
    }

    /// The display row and column of the cursor.
    public func cursorPosition(width: Int) -> (row: Int, column: Int) {
        let rs = rows(width: width)
        for (k, r) in rs.enumerated() {
            let isLastOfLine = k + 1 == rs.count || rs[k + 1].start != r.end
            if cursor >= r.start && (cursor < r.end || (cursor == r.end && isLastOfLine)) {
                let col = characters[r.start..<cursor].reduce(0) { $0 + max(1, DisplayWidth.of(SafeText.cell($1))) }
                return (k, col)
            }
        }
        return (max(0, rs.count - 1), 0)
    }

    public mutating func insert(_ s: String) {
        for c in s {
            if let m = maxLength, characters.count >= m { break }
            let ch: Character = (c == "\r" || c == "\r\n") ? "\n" : c
            characters.insert(ch, at: cursor); cursor += 1
        }
    }

    public mutating func backspace() { guard cursor > 0 else { return }; cursor -= 1; characters.remove(at: cursor) }
    public mutating func delete() { guard cursor < characters.count else { return }; characters.remove(at: cursor) }
    public mutating func left() { cursor = max(0, cursor - 1) }
    public mutating func right() { cursor = min(characters.count, cursor + 1) }

    /// Moves to the row above or below, keeping the column where possible.
    public mutating func vertical(_ delta: Int, width: Int) {
        let rs = rows(width: width)
        let (row, col) = cursorPosition(width: width)
        let target = row + delta
        guard target >= 0, target < rs.count else {
            cursor = delta < 0 ? 0 : characters.count
            return
        }
        let r = rs[target]
        var w = 0, j = r.start
        while j < r.end {
            let cw = max(1, DisplayWidth.of(SafeText.cell(characters[j])))
            if w + cw > col { break }
            w += cw; j += 1
        }
        cursor = j
    }

    public mutating func lineStart(width: Int) { let r = rows(width: width)[cursorPosition(width: width).row]; cursor = r.start }
    public mutating func lineEnd(width: Int) { let r = rows(width: width)[cursorPosition(width: width).row]; cursor = r.end }

    /// Applies an editing key for a text area of the given width; false when not an editing key.
    @discardableResult
    public mutating func handle(_ key: KeyEvent, width: Int) -> Bool {
        switch key {
        case .char(let c): insert(String(c))
        case .paste(let s): insert(s)
        case .enter: insert("\n")
        case .backspace: backspace()
        case .delete: delete()
        case .left: left()
        case .right: right()
        case .up: vertical(-1, width: width)
        case .down: vertical(1, width: width)
        case .home, .ctrl("a"): lineStart(width: width)
        case .end, .ctrl("e"): lineEnd(width: width)
        default: return false
        }
        return true
    }
}

/// Draws a `TextAreaInput`, scrolled so the cursor row is visible.
public struct TextArea: Sendable {
    public var input: TextAreaInput
    public var focused: Bool
    public var placeholder: String

    public init(_ input: TextAreaInput, focused: Bool = true, placeholder: String = "") {
        self.input = input; self.focused = focused; self.placeholder = placeholder
    }

    public func render(_ area: Rect, into buffer: inout CellBuffer) {
        guard !area.isEmpty else { return }
        let role: StyleRole = focused ? .inputFocus : .normal
        buffer.fill(area, role: role)
        if input.characters.isEmpty && !placeholder.isEmpty {
            // The cursor stands before the hint, so the hint's first letter stays readable.
            let indent = focused ? 1 : 0
            Paragraph(placeholder, role: .muted).render(area.inset(left: indent), into: &buffer)
            if focused { buffer.put(" ", x: area.x, y: area.y, role: .cursor) }
            return
        }
        let rows = input.rows(width: area.width)
        let (cRow, cCol) = input.cursorPosition(width: area.width)
        let top = max(0, cRow - area.height + 1)
        for k in 0..<area.height {
            let ri = top + k
            guard ri < rows.count else { break }
            let r = rows[ri]
            var x = area.x
            for j in r.start..<r.end where x < area.right {
                x += buffer.put(input.characters[j], x: x, y: area.y + k, role: role, limit: area.right)
            }
        }
        if focused {
            let y = area.y + cRow - top
            let x = min(area.right - 1, area.x + cCol)
            let under: Character = input.cursor < input.characters.count && input.characters[input.cursor] != "\n"
                ? input.characters[input.cursor] : " "
            buffer.put(under, x: x, y: y, role: .cursor, limit: area.right)
        }
    }
}

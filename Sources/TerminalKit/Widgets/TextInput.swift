import TextSafety
/// The editable text and cursor of a single-line field (state, kept in the app's state).
///
/// The cursor is an index into `characters` (grapheme clusters), so "é", "👍🏽" and CJK
/// characters move and delete as one unit. Word motions stop at spaces and punctuation.
public struct TextInput: Sendable, Equatable, Hashable {
    public private(set) var characters: [Character]
    public private(set) var cursor: Int
    public var maxLength: Int?

    public init(_ text: String = "", maxLength: Int? = nil) {
        self.characters = Array(text)
        self.cursor = characters.count
        self.maxLength = maxLength
    }

    public var text: String { String(characters) }
    public var isEmpty: Bool { characters.isEmpty }

    public mutating func set(_ text: String) { characters = Array(text); cursor = characters.count }

    /// Inserts text at the cursor; line breaks become spaces in a single-line field.
    public mutating func insert(_ s: String) {
        for c in s {
            if let m = maxLength, characters.count >= m { break }
            let ch: Character = (c == "\n" || c == "\r" || c == "\r\n" || c == "\t") ? " " : c
            // A combining mark typed on its own (a dead key) joins the previous character.
            if cursor > 0, let merged = TextInput.combine(characters[cursor - 1], ch) {
                characters[cursor - 1] = merged
                continue
            }
            characters.insert(ch, at: cursor)
            cursor += 1
        }
    }

    public mutating func insert(_ c: Character) { insert(String(c)) }

    /// The single grapheme formed by `a` followed by a combining mark `b`, if they form one.
    static func combine(_ a: Character, _ b: Character) -> Character? {
        guard let first = b.unicodeScalars.first, first.properties.generalCategory == .nonspacingMark else { return nil }
        let joined = String(a) + String(b)
        return joined.count == 1 ? joined.first : nil
    }

    public mutating func backspace() {
        guard cursor > 0 else { return }
        cursor -= 1
        characters.remove(at: cursor)
    }

    public mutating func delete() {
        guard cursor < characters.count else { return }
        characters.remove(at: cursor)
    }

    public mutating func left() { cursor = max(0, cursor - 1) }
    public mutating func right() { cursor = min(characters.count, cursor + 1) }
    public mutating func home() { cursor = 0 }
    public mutating func end() { cursor = characters.count }

    static func isWordCharacter(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "_" }

    /// Moves to the start of the previous word.
    public mutating func wordLeft() { cursor = previousWordStart() }

    /// Moves past the end of the next word.
    public mutating func wordRight() {
        var i = cursor
        while i < characters.count && !Self.isWordCharacter(characters[i]) { i += 1 }
        while i < characters.count && Self.isWordCharacter(characters[i]) { i += 1 }
        cursor = i
    }

    /// Deletes from the start of the previous word to the cursor (Ctrl-W).
    public mutating func deleteWordBackward() {
        let start = previousWordStart()
        characters.removeSubrange(start..<cursor)
        cursor = start
    }

    /// Deletes from the line start to the cursor (Ctrl-U).
    public mutating func deleteToStart() { characters.removeSubrange(0..<cursor); cursor = 0 }

    /// Deletes from the cursor to the line end (Ctrl-K).
    public mutating func deleteToEnd() { characters.removeSubrange(cursor..<characters.count) }

    func previousWordStart() -> Int {
        var i = cursor
        while i > 0 && !Self.isWordCharacter(characters[i - 1]) { i -= 1 }
        while i > 0 && Self.isWordCharacter(characters[i - 1]) { i -= 1 }
        return i
    }

    /// Applies a key when it is an editing key; returns false for keys a field does not handle.
    @discardableResult
    public mutating func handle(_ key: KeyEvent) -> Bool {
        switch key {
        case .char(let c): insert(c)
        case .paste(let s): insert(s)
        case .backspace: backspace()
        case .delete: delete()
        case .left: left()
        case .right: right()
        case .home, .ctrl("a"): home()
        case .end, .ctrl("e"): end()
        case .ctrlLeft, .alt("b"): wordLeft()
        case .ctrlRight, .alt("f"): wordRight()
        case .ctrl("w"), .alt("\u{7F}"): deleteWordBackward()
        case .ctrl("u"): deleteToStart()
        case .ctrl("k"): deleteToEnd()
        default: return false
        }
        return true
    }
}

/// Draws a `TextInput` on one row, scrolled horizontally so the cursor stays visible.
public struct TextField: Sendable {
    public var input: TextInput
    public var focused: Bool
    public var placeholder: String

    public init(_ input: TextInput, focused: Bool = true, placeholder: String = "") {
        self.input = input; self.focused = focused; self.placeholder = placeholder
    }

    /// The first visible character index, so that the cursor fits in `width` columns.
    public static func scrollStart(_ input: TextInput, width: Int) -> Int {
        guard width > 1 else { return input.cursor }
        var start = 0
        var w = 0
        // Walk back from the cursor until the window is full (keep one cell for the cursor).
        var i = input.cursor
        while i > 0 {
            let cw = max(1, DisplayWidth.of(SafeText.cell(input.characters[i - 1])))
            if w + cw > width - 1 { break }
            w += cw; i -= 1
        }
        start = i
        return start
    }

    public func render(_ area: Rect, into buffer: inout CellBuffer) {
        guard area.width > 0, area.height > 0 else { return }
        let role: StyleRole = focused ? .inputFocus : .input
        buffer.fill(area.row(0), role: role)
        if input.isEmpty && !placeholder.isEmpty {
            // The cursor stands before the hint, so the hint's first letter stays readable.
            let indent = focused ? 1 : 0
            buffer.putTruncated(placeholder, x: area.x + indent, y: area.y, role: .muted, maxWidth: area.width - indent)
            if focused { buffer.put(" ", x: area.x, y: area.y, role: .cursor) }
            return
        }
        let start = Self.scrollStart(input, width: area.width)
        var x = area.x
        var i = start
        while i < input.characters.count && x < area.right {
            let isCursor = focused && i == input.cursor
            let used = buffer.put(input.characters[i], x: x, y: area.y, role: isCursor ? .cursor : role, limit: area.right)
            if used == 0 { break }
            x += used; i += 1
        }
        if focused && input.cursor == input.characters.count && x < area.right {
            buffer.put(" ", x: x, y: area.y, role: .cursor)
        }
    }
}

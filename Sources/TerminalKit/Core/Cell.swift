/// One cell of the terminal grid: a grapheme cluster, its style role and its display width.
///
/// A wide glyph (CJK, most emoji) occupies two cells: the first holds the glyph with
/// `width == 2`, the second is a continuation cell with `width == 0` that is never
/// drawn on its own.
public struct Cell: Hashable, Sendable {
    public var symbol: Character
    public var role: StyleRole
    public var width: UInt8

    public init(_ symbol: Character = " ", role: StyleRole = .normal, width: UInt8 = 1) {
        self.symbol = symbol; self.role = role; self.width = width
    }

    public static let blank = Cell()

    /// The trailing half of a wide glyph.
    public static func continuation(role: StyleRole) -> Cell { Cell(" ", role: role, width: 0) }

    public var isContinuation: Bool { width == 0 }
}

/// Characters used for lines, bars and marks. `ascii` is chosen when the terminal's
/// locale cannot show Unicode (e.g. `LANG=C`), so boxes still look like boxes.
public struct Glyphs: Sendable, Equatable {
    public var horizontal, vertical, topLeft, topRight, bottomLeft, bottomRight: Character
    public var teeDown, teeUp, teeRight, teeLeft: Character
    public var selectionMark, bullet, check, cross, ellipsis, separator, arrowUp, arrowDown: Character
    public var gaugeFull, gaugeEmpty: Character
    public var sparks: [Character]
    public var isASCII: Bool

    public static let unicode = Glyphs(
        horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘",
        teeDown: "┬", teeUp: "┴", teeRight: "├", teeLeft: "┤",
        selectionMark: "▶", bullet: "•", check: "✓", cross: "✗", ellipsis: "…", separator: "·",
        arrowUp: "▲", arrowDown: "▼", gaugeFull: "█", gaugeEmpty: "░",
        sparks: ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"], isASCII: false)

    public static let ascii = Glyphs(
        horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+",
        teeDown: "+", teeUp: "+", teeRight: "+", teeLeft: "+",
        selectionMark: ">", bullet: "*", check: "v", cross: "x", ellipsis: "~", separator: "|",
        arrowUp: "^", arrowDown: "v", gaugeFull: "#", gaugeEmpty: ".",
        sparks: ["_", ".", "-", "-", "=", "=", "#", "#"], isASCII: true)
}

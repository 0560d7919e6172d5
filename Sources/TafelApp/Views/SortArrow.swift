import TerminalKit

/// The mark on a sorted column's header: ▲ ascending, ▼ descending; a fixed-width column grows by
/// the mark so its title is never cut.
enum SortArrow {
    static func mark(_ column: Column, sorted: ListSort, key: String, glyphs: Glyphs) -> Column {
        guard sorted.key == key else { return column }
        var c = column
        let arrow = String(sorted.descending ? glyphs.arrowDown : glyphs.arrowUp)
        c.title = c.title + " " + arrow
        if case .length(let n) = c.constraint { c.constraint = .length(n + 2) }
        return c
    }
}

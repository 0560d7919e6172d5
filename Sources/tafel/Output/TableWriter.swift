import TafelCore
import TerminalKit
import TextSafety

/// An aligned text table that streams: column widths come from the first rows (a bounded
/// sample), later rows are cut to those widths with "…", so a listing of any length is written
/// as it is read.
struct TableWriter {
    let titles: [String]
    /// The widest a column may get (the last column is not padded).
    let maxWidth: Int
    let sampleSize: Int
    private var sample: [[Cell]] = []
    private var widths: [Int]?

    /// A cell made safe for one line, with its width in columns measured once.
    struct Cell {
        var text: String
        var width: Int
        /// Printable ASCII only: one column per byte, so cutting needs no grapheme walk.
        var ascii: Bool

        init(_ raw: String) {
            // Most cells (codes, numbers, dates, many names) are printable ASCII: nothing to neutralise
            // or measure beyond the byte count. Everything else takes the careful path.
            if raw.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
                text = raw; width = raw.utf8.count; ascii = true
            } else {
                text = Escape.line(raw); width = DisplayWidth.of(text); ascii = false
            }
        }

        /// The first `columns` columns of the cell.
        func prefix(_ columns: Int) -> String {
            ascii ? String(decoding: text.utf8.prefix(max(0, columns)), as: UTF8.self) : TextLayout.prefix(text, width: columns)
        }
    }

    init(headers: [String], maxWidth: Int = 60, sampleSize: Int = 500) {
        titles = headers.map { $0.prefix(1).uppercased() + $0.dropFirst() }
        self.maxWidth = maxWidth
        self.sampleSize = sampleSize
    }

    mutating func row(_ cells: [String]) {
        let clean = cells.map(Cell.init)
        if widths != nil { Out.raw(line(clean)); return }
        sample.append(clean)
        if sample.count >= sampleSize { start() }
    }

    /// Writes the header and the sampled rows once the widths are known.
    private mutating func start() {
        let header = titles.map(Cell.init)
        var w = header.map(\.width)
        for r in sample { for (i, c) in r.enumerated() where i < w.count { w[i] = min(maxWidth, max(w[i], c.width)) } }
        widths = w
        Out.raw(line(header))
        Out.raw(line(w.map { Cell(String(repeating: "-", count: $0)) }))
        for r in sample { Out.raw(line(r)) }
        sample = []
    }

    mutating func finish() {
        if widths == nil { start() }
    }

    private func line(_ cells: [Cell]) -> String {
        guard let widths else { return "" }
        var out = ""
        for (i, c) in cells.enumerated() {
            if i > 0 { out += "  " }
            if i == cells.count - 1 || i >= widths.count { out += c.width <= 200 ? c.text : c.prefix(200); continue }
            let width = widths[i]
            if c.width > width {
                out += c.prefix(width - 1) + "…"
            } else {
                out += c.text
                if c.width < width { out += String(repeating: " ", count: width - c.width) }
            }
        }
        while out.last == " " { out.removeLast() }
        return out + "\n"
    }
}

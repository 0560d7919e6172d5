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
    private var sample: [[String]] = []
    private var widths: [Int]?

    init(headers: [String], maxWidth: Int = 60, sampleSize: Int = 500) {
        titles = headers.map { $0.prefix(1).uppercased() + $0.dropFirst() }
        self.maxWidth = maxWidth
        self.sampleSize = sampleSize
    }

    mutating func row(_ cells: [String]) {
        let clean = cells.map(Escape.line)
        if widths != nil { Out.raw(line(clean)); return }
        sample.append(clean)
        if sample.count >= sampleSize { start() }
    }

    /// Writes the header and the sampled rows once the widths are known.
    private mutating func start() {
        var w = titles.map { DisplayWidth.of($0) }
        for r in sample { for (i, c) in r.enumerated() where i < w.count { w[i] = min(maxWidth, max(w[i], DisplayWidth.of(c))) } }
        widths = w
        Out.raw(line(titles))
        Out.raw(line(w.map { String(repeating: "-", count: $0) }))
        for r in sample { Out.raw(line(r)) }
        sample = []
    }

    mutating func finish() {
        if widths == nil { start() }
    }

    private func line(_ cells: [String]) -> String {
        guard let widths else { return "" }
        var out = ""
        for (i, c) in cells.enumerated() {
            if i > 0 { out += "  " }
            if i == cells.count - 1 || i >= widths.count { out += TextLayout.prefix(c, width: 200); continue }
            let width = widths[i], cw = DisplayWidth.of(c)
            if cw > width {
                out += TextLayout.prefix(c, width: width - 1) + "…"
            } else {
                out += c
                if cw < width { out += String(repeating: " ", count: width - cw) }
            }
        }
        while out.last == " " { out.removeLast() }
        return out + "\n"
    }
}

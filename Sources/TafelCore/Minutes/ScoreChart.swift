import TextSafety

/// A small line chart of scores (1–5) over meetings, with the actions agreed at each: an inline SVG
/// in HTML (prints on A4, no script, no external file) and a table in Markdown. All text is escaped
/// here, as everywhere in `ReportDocument`.
public struct ScoreChart: Sendable, Hashable {
    public struct Series: Sendable, Hashable {
        public var name: String
        public var values: [Int?]
        public var target: Int?
        public init(name: String, values: [Int?], target: Int?) { self.name = name; self.values = values; self.target = target }
    }

    public var title: String
    /// One label per moment (a date).
    public var labels: [String]
    public var series: [Series]
    /// Per moment, the actions agreed then.
    public var actions: [[String]]
    /// Column headers for the table form: the date, and the actions.
    public var dateHeader: String
    public var actionsHeader: String
    public var targetLabel: String

    public init(title: String, labels: [String], series: [Series], actions: [[String]], dateHeader: String, actionsHeader: String, targetLabel: String) {
        self.title = title; self.labels = labels; self.series = series; self.actions = actions
        self.dateHeader = dateHeader; self.actionsHeader = actionsHeader; self.targetLabel = targetLabel
    }

    /// The table form: one row per moment, a score column per member, the actions agreed.
    public var table: (header: [String], rows: [[String]]) {
        let header = [dateHeader] + series.map { s in s.target.map { "\(s.name) (\(targetLabel) \($0))" } ?? s.name } + [actionsHeader]
        let rows = labels.indices.map { i in
            [labels[i]] + series.map { $0.values[i].map(String.init) ?? "·" } + [actions[i].joined(separator: "; ")]
        }
        return (header, rows)
    }

    /// Line styles that stay apart in black and white (dash patterns) and in colour.
    static let strokes: [(colour: String, dash: String)] = [
        ("#1f4e8c", ""), ("#b34700", "6 3"), ("#2e7d32", "2 3"), ("#6a1b9a", "8 3 2 3"), ("#555555", "4 4"), ("#00838f", "1 2"),
    ]

    /// An inline SVG: scores 1 (bottom) to 5 (top), one line per member, the target as a thin dashed
    /// line, a mark under each moment with the number of actions agreed there.
    public func svg() -> String {
        let width = 520.0, height = 170.0, left = 34.0, right = 150.0, top = 12.0, bottom = 34.0
        let plotW = width - left - right, plotH = height - top - bottom
        let n = labels.count
        func x(_ i: Int) -> Double { n <= 1 ? left + plotW / 2 : left + plotW * Double(i) / Double(n - 1) }
        func y(_ score: Int) -> Double { top + plotH * Double(5 - score) / 4 }
        func f(_ v: Double) -> String { String(Int((v * 10).rounded())).withDecimal }
        var parts: [String] = []
        parts.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" width=\"\(Int(width))\" height=\"\(Int(height))\" role=\"img\" aria-label=\"\(Escape.html(title))\" font-family=\"Arial, sans-serif\" font-size=\"10\">")
        for s in 1...5 {
            parts.append("<line x1=\"\(f(left))\" y1=\"\(f(y(s)))\" x2=\"\(f(left + plotW))\" y2=\"\(f(y(s)))\" stroke=\"#dddddd\"/>")
            parts.append("<text x=\"\(f(left - 8))\" y=\"\(f(y(s) + 3.5))\" text-anchor=\"end\" fill=\"#444444\">\(s)</text>")
        }
        for i in 0..<n {
            parts.append("<text x=\"\(f(x(i)))\" y=\"\(f(height - bottom + 14))\" text-anchor=\"middle\" fill=\"#444444\">\(Escape.html(labels[i]))</text>")
            if !actions[i].isEmpty {
                parts.append("<text x=\"\(f(x(i)))\" y=\"\(f(height - bottom + 26))\" text-anchor=\"middle\" fill=\"#1f4e8c\">+\(actions[i].count)</text>")
            }
        }
        for (k, s) in series.enumerated() {
            let style = Self.strokes[k % Self.strokes.count]
            let dash = style.dash.isEmpty ? "" : " stroke-dasharray=\"\(style.dash)\""
            let points = s.values.indices.compactMap { i in s.values[i].map { "\(f(x(i))),\(f(y($0)))" } }
            if points.count > 1 {
                parts.append("<polyline fill=\"none\" stroke=\"\(style.colour)\" stroke-width=\"2\"\(dash) points=\"\(points.joined(separator: " "))\"/>")
            }
            for i in s.values.indices { if let v = s.values[i] {
                parts.append("<circle cx=\"\(f(x(i)))\" cy=\"\(f(y(v)))\" r=\"3\" fill=\"\(style.colour)\"/>")
            } }
            if let t = s.target {
                parts.append("<line x1=\"\(f(left))\" y1=\"\(f(y(t)))\" x2=\"\(f(left + plotW))\" y2=\"\(f(y(t)))\" stroke=\"\(style.colour)\" stroke-width=\"1\" stroke-dasharray=\"1 4\"/>")
            }
            let legendY = top + 12 + Double(k) * 14
            parts.append("<line x1=\"\(f(width - right + 12))\" y1=\"\(f(legendY - 3.5))\" x2=\"\(f(width - right + 32))\" y2=\"\(f(legendY - 3.5))\" stroke=\"\(style.colour)\" stroke-width=\"2\"\(dash)/>")
            let legend = s.name + (s.target.map { " (\(targetLabel) \($0))" } ?? "")
            parts.append("<text x=\"\(f(width - right + 36))\" y=\"\(f(legendY))\" fill=\"#111111\">\(Escape.html(legend))</text>")
        }
        parts.append("</svg>")
        return parts.joined(separator: "")
    }
}

private extension String {
    /// "123" (tenths) → "12.3": SVG coordinates with one decimal, the same in every locale.
    var withDecimal: String {
        let negative = hasPrefix("-")
        var digits = negative ? String(dropFirst()) : self
        while digits.count < 2 { digits = "0" + digits }
        return (negative ? "-" : "") + digits.dropLast() + "." + digits.suffix(1)
    }
}

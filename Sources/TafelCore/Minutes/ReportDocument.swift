import TextSafety

/// A small document model for reports: the minutes are built once as blocks and rendered
/// to Markdown or HTML, with all user text escaped by the renderer (never by the builder).
public struct ReportDocument: Sendable, Hashable {
    public enum Block: Sendable, Hashable {
        case heading(Int, String)
        case paragraph(String)
        /// Label–value pairs on one line each ("Datum: …").
        case fields([Field])
        case bullets([String])
        case table(header: [String], rows: [[String]])
        case quote(String)
        /// Scores over meetings: a chart in HTML (with its table), the table in Markdown.
        case chart(ScoreChart)
    }

    public struct Field: Sendable, Hashable {
        public var label: String
        public var value: String
        public init(_ label: String, _ value: String) { self.label = label; self.value = value }
    }

    public var title: String
    public var language: Language
    public var blocks: [Block]

    public init(title: String, language: Language, blocks: [Block] = []) {
        self.title = title; self.language = language; self.blocks = blocks
    }

    /// Markdown, escaped so that user text stays text.
    public func markdown() -> String {
        var out: [String] = []
        for b in blocks {
            switch b {
            case .heading(let level, let text):
                out.append(String(repeating: "#", count: max(1, min(6, level))) + " " + Escape.markdown(text))
            case .paragraph(let text):
                out.append(Escape.markdown(text, keepLines: true))
            case .fields(let fields):
                out.append(fields.map { "**\(Escape.markdown($0.label)):** \(Escape.markdown($0.value))" }.joined(separator: "  \n"))
            case .bullets(let items):
                out.append(items.map { "- " + Escape.markdown($0) }.joined(separator: "\n"))
            case .table(let header, let rows):
                var lines = ["| " + header.map { Escape.markdown($0) }.joined(separator: " | ") + " |",
                             "|" + header.map { _ in " --- " }.joined(separator: "|") + "|"]
                for r in rows { lines.append("| " + r.map { Escape.markdown($0) }.joined(separator: " | ") + " |") }
                out.append(lines.joined(separator: "\n"))
            case .quote(let text):
                out.append(text.split(separator: "\n", omittingEmptySubsequences: false)
                    .map { "> " + Escape.markdown(String($0)) }.joined(separator: "\n"))
            case .chart(let chart):
                let t = chart.table
                var lines = ["| " + t.header.map { Escape.markdown($0) }.joined(separator: " | ") + " |",
                             "|" + t.header.map { _ in " --- " }.joined(separator: "|") + "|"]
                for r in t.rows { lines.append("| " + r.map { Escape.markdown($0) }.joined(separator: " | ") + " |") }
                out.append(lines.joined(separator: "\n"))
            }
        }
        return out.joined(separator: "\n\n") + "\n"
    }

    /// A self-contained HTML page that prints well on A4.
    public func html() -> String {
        var body: [String] = []
        for b in blocks {
            switch b {
            case .heading(let level, let text):
                let l = max(1, min(6, level))
                body.append("<h\(l)>\(Escape.html(text))</h\(l)>")
            case .paragraph(let text):
                body.append("<p>\(Escape.html(text))</p>")
            case .fields(let fields):
                body.append("<dl>" + fields.map { "<dt>\(Escape.html($0.label))</dt><dd>\(Escape.html($0.value))</dd>" }.joined() + "</dl>")
            case .bullets(let items):
                body.append("<ul>" + items.map { "<li>\(Escape.html($0))</li>" }.joined() + "</ul>")
            case .table(let header, let rows):
                let head = "<thead><tr>" + header.map { "<th>\(Escape.html($0))</th>" }.joined() + "</tr></thead>"
                let rowsHTML = rows.map { "<tr>" + $0.map { "<td>\(Escape.html($0))</td>" }.joined() + "</tr>" }.joined(separator: "\n")
                body.append("<table>\(head)<tbody>\n\(rowsHTML)\n</tbody></table>")
            case .quote(let text):
                body.append("<blockquote>\(Escape.html(text))</blockquote>")
            case .chart(let chart):
                let t = chart.table
                let head = "<thead><tr>" + t.header.map { "<th>\(Escape.html($0))</th>" }.joined() + "</tr></thead>"
                let rowsHTML = t.rows.map { "<tr>" + $0.map { "<td>\(Escape.html($0))</td>" }.joined() + "</tr>" }.joined(separator: "\n")
                body.append("<figure class=\"chart\">\(chart.svg())<figcaption>\(Escape.html(chart.title))</figcaption></figure>")
                body.append("<table class=\"chart-table\">\(head)<tbody>\n\(rowsHTML)\n</tbody></table>")
            }
        }
        return """
        <!DOCTYPE html>
        <html lang="\(language.rawValue)">
        <head>
        <meta charset="utf-8">
        <title>\(Escape.html(title))</title>
        <style>
        @page { size: A4; margin: 18mm 16mm; }
        body { font-family: "Segoe UI", Arial, sans-serif; font-size: 11pt; line-height: 1.45; color: #111; max-width: 178mm; margin: 0 auto; }
        h1 { font-size: 18pt; margin: 0 0 6pt; } h2 { font-size: 13pt; margin: 14pt 0 4pt; border-bottom: 1px solid #999; }
        h3 { font-size: 11.5pt; margin: 10pt 0 2pt; }
        table { border-collapse: collapse; width: 100%; page-break-inside: auto; } tr { page-break-inside: avoid; }
        th, td { border: 1px solid #888; padding: 3pt 5pt; text-align: left; vertical-align: top; } th { background: #eee; }
        dl { display: grid; grid-template-columns: max-content auto; gap: 2pt 10pt; margin: 4pt 0; } dt { font-weight: bold; } dd { margin: 0; }
        blockquote { margin: 4pt 0; padding: 4pt 10pt; border-left: 3pt solid #777; background: #f5f5f5; }
        figure.chart { margin: 6pt 0 2pt; page-break-inside: avoid; } figure.chart svg { max-width: 100%; height: auto; }
        figcaption { font-size: 9pt; color: #444; } table.chart-table { font-size: 9.5pt; margin-bottom: 8pt; }
        @media print { h2 { page-break-after: avoid; } }
        </style>
        </head>
        <body>
        \(body.joined(separator: "\n"))
        </body>
        </html>

        """
    }
}

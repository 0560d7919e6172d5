import ArgumentParser
import Foundation
import TafelCore
import TerminalKit
import TextSafety

/// Listing formats of `--format`.
enum ListFormat: String, ExpressibleByArgument, CaseIterable {
    /// `csv` is for scripts (fixed English column keys, codes, ISO dates, commas: the same in
    /// every language); `excel` is for people (semicolons and a UTF-8 BOM, as Dutch Excel opens
    /// them, with headers and values in the user's language).
    case table, json, csv, excel
}

/// Prints rows as an aligned text table, CSV (RFC 4180) or JSON; user text is neutralised
/// or escaped for the format.
struct Report {
    var headers: [String]
    var keys: [String]
    var rows: [[String]]
    /// The same rows for scripts (codes, ISO dates); `rows` when omitted.
    var machine: [[String]]? = nil

    /// Column titles start with a capital, also when they reuse a label written for running text
    /// ("huishouden", "status").
    var titles: [String] { headers.map { $0.prefix(1).uppercased() + $0.dropFirst() } }

    /// The byte order mark Excel needs to read UTF-8 ("Financiën", not "FinanciÃ«n").
    static let bom = "\u{FEFF}"

    func render(_ format: ListFormat) -> String {
        let headers = titles
        switch format {
        case .table:
            let clean = rows.map { $0.map(Escape.line) }
            var widths = headers.map { DisplayWidth.of($0) }
            for r in clean { for (i, c) in r.enumerated() where i < widths.count { widths[i] = min(60, max(widths[i], DisplayWidth.of(c))) } }
            func line(_ cells: [String]) -> String {
                cells.enumerated().map { i, c in
                    let w = widths[i]
                    return i == cells.count - 1 ? TextLayout.prefix(c, width: 200) : TextLayout.pad(DisplayWidth.of(c) > w ? TextLayout.prefix(c, width: w - 1) + "…" : c, width: w)
                }.joined(separator: "  ").trimmingCharacters(in: .whitespaces)
            }
            return ([line(headers), line(widths.map { String(repeating: "-", count: $0) })] + clean.map(line)).joined(separator: "\n") + "\n"
        case .csv:
            return ([keys.joined(separator: ",")] + (machine ?? rows).map { $0.map(Escape.csv).joined(separator: ",") }).joined(separator: "\r\n") + "\r\n"
        case .excel:
            return Self.bom + ([headers.map(Escape.csv).joined(separator: ";")] + rows.map { $0.map(Escape.csv).joined(separator: ";") }).joined(separator: "\r\n") + "\r\n"
        case .json:
            let objects = (machine ?? rows).map { r in Dictionary(uniqueKeysWithValues: zip(keys, r)) }
            return JSONOutput.encode(objects)
        }
    }
}

enum JSONOutput {
    /// Pretty JSON with sorted keys; every control character, DEL, C1 and bidi control escaped
    /// as `\uXXXX` (`JSONText.clean`).
    static func encode<T: Encodable>(_ value: T) -> String {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return (try? String(decoding: e.encode(value), as: UTF8.self)).map { JSONText.clean($0) + "\n" } ?? "null\n"
    }
}

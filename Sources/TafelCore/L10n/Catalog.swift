import Foundation

/// A string catalogue for one language, read from `Resources/strings-<lang>.txt`.
///
/// Lines are `key = text`; `{0}`, `{1}` … are replaced by arguments; `\n` is a line
/// break; `#` starts a comment line. A missing key renders as `⟦key⟧` so that tests can
/// find raw keys on screen.
public struct Catalog: Sendable {
    public let language: Language
    public let entries: [String: String]

    public init(language: Language, entries: [String: String]) {
        self.language = language
        self.entries = entries
    }

    /// A problem in a catalogue file, as `path:line: message`.
    public struct Problem: Error, CustomStringConvertible, Sendable {
        public var path: String
        public var line: Int
        public var message: String
        public var description: String { "\(path):\(line): \(message)" }
    }

    /// Parses catalogue text; malformed lines are reported and skipped. Works on UTF-8 bytes:
    /// every command parses the catalogue at start, and Foundation's string trimming made that
    /// half of `tafel --help` (Docs/PERFORMANCE.md).
    public static func parse(_ text: String, language: Language, path: String) -> (Catalog, [Problem]) {
        var entries: [String: String] = [:]
        entries.reserveCapacity(1200)
        var problems: [Problem] = []
        var text = text
        text.withUTF8 { bytes in
            var lineNumber = 0
            var start = 0
            let n = bytes.count
            while start <= n {
                var end = start
                while end < n && bytes[end] != 0x0A { end += 1 }
                lineNumber += 1
                var a = start, b = end
                while a < b && (bytes[a] == 0x20 || bytes[a] == 0x09 || bytes[a] == 0x0D) { a += 1 }
                while b > a && (bytes[b - 1] == 0x20 || bytes[b - 1] == 0x09 || bytes[b - 1] == 0x0D) { b -= 1 }
                defer { start = end + 1 }
                if a == b || bytes[a] == 0x23 { continue }           // empty or "#"
                var eq = a
                while eq < b && bytes[eq] != 0x3D { eq += 1 }         // "="
                guard eq < b else {
                    problems.append(Problem(path: path, line: lineNumber, message: "expected: key = text"))
                    continue
                }
                var keyEnd = eq
                while keyEnd > a && (bytes[keyEnd - 1] == 0x20 || bytes[keyEnd - 1] == 0x09) { keyEnd -= 1 }
                var valueStart = eq + 1
                while valueStart < b && (bytes[valueStart] == 0x20 || bytes[valueStart] == 0x09) { valueStart += 1 }
                let key = String(decoding: UnsafeBufferPointer(rebasing: bytes[a..<keyEnd]), as: UTF8.self)
                if key.isEmpty || bytes[a..<keyEnd].contains(0x20) {
                    problems.append(Problem(path: path, line: lineNumber, message: "invalid key \"\(key)\""))
                    continue
                }
                if entries[key] != nil {
                    problems.append(Problem(path: path, line: lineNumber, message: "duplicate key \"\(key)\""))
                }
                // "\n" in the file is a line break.
                var value: [UInt8] = []
                value.reserveCapacity(b - valueStart)
                var i = valueStart
                while i < b {
                    if bytes[i] == 0x5C, i + 1 < b, bytes[i + 1] == 0x6E { value.append(0x0A); i += 2; continue }
                    value.append(bytes[i])
                    i += 1
                }
                entries[key] = String(decoding: value, as: UTF8.self)
            }
        }
        return (Catalog(language: language, entries: entries), problems)
    }

    /// The text for a key with positional arguments filled in (`{0}` … `{9}`), in one pass over
    /// the template (no Foundation: the audit words a hundred thousand findings with it).
    public func text(_ key: String, _ args: [String] = []) -> String {
        guard let s = entries[key] else { return "⟦\(key)⟧" }
        if args.isEmpty { return s }
        return Catalog.fill(s, args)
    }

    /// Replaces `{0}`…`{9}` in a template by the arguments, and `{0:afspraak|afspraken}` by the
    /// singular when argument 0 is the number 1 and the plural otherwise ("1 afspraak te laat",
    /// "3 afspraken te laat"); other braces stay as they are.
    public static func fill(_ template: String, _ args: [String]) -> String {
        var out = ""
        out.reserveCapacity(template.utf8.count + args.reduce(0) { $0 + $1.utf8.count })
        var utf8 = template.utf8[...]
        while let open = utf8.firstIndex(of: 0x7B) {                 // "{"
            out += String(Substring(utf8[..<open]))
            let after = utf8.index(after: open)
            if after < utf8.endIndex, let digit = Optional(utf8[after]), digit >= 0x30, digit <= 0x39 {
                let close = utf8.index(after: after)
                if close < utf8.endIndex, utf8[close] == 0x7D {
                    let i = Int(digit - 0x30)
                    out += i < args.count ? args[i] : "{\(i)}"
                    utf8 = utf8[utf8.index(after: close)...]
                    continue
                }
                // {N:one|other}: a word that agrees with argument N.
                if close < utf8.endIndex, utf8[close] == 0x3A, let end = utf8[close...].firstIndex(of: 0x7D) {  // ":" … "}"
                    let forms = Substring(utf8[utf8.index(after: close)..<end]).split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false)
                    let i = Int(digit - 0x30)
                    let one = i < args.count && args[i] == "1"
                    out += String(one ? forms[0] : (forms.count > 1 ? forms[1] : forms[0]))
                    utf8 = utf8[utf8.index(after: end)...]
                    continue
                }
            }
            out += "{"
            utf8 = utf8[after...]
        }
        out += String(Substring(utf8))
        return out
    }

    public func has(_ key: String) -> Bool { entries[key] != nil }

    /// The catalogue shipped with tafel.
    public static func bundled(_ language: Language) -> Catalog {
        switch language {
        case .nl: return bundledNL
        case .en: return bundledEN
        }
    }

    private static let bundledNL = loadBundled(.nl)
    private static let bundledEN = loadBundled(.en)

    static func loadBundled(_ language: Language) -> Catalog {
        // Compiled in (tools/embed.py): an installed binary needs no files beside it.
        let name = "strings-\(language.rawValue)"
        return parse(language == .nl ? Embedded.stringsNL : Embedded.stringsEN, language: language, path: "Resources/\(name).txt").0
    }
}

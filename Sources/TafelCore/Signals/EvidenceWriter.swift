/// Words evidence straight from its compact stored form (`EvidenceCodec`) into UTF-8 bytes, the
/// way `Strings.render` would, for listings that word a finding per row: templates are split once
/// per key, labels looked up once per code, nothing allocated per row but the bytes written.
public struct EvidenceWriter {
    let strings: Strings
    let today: Day
    private var templates: [String: [Piece]] = [:]
    /// The templates by their key's bytes: a listing has a handful of keys, compared byte by byte
    /// rather than made into a String for every row.
    private var recent: [(key: [UInt8], pieces: [Piece])] = []
    /// Labels of domain codes and catalogue keys, by the stored field's bytes (kind letter and code).
    private var labels: [(field: [UInt8], text: [UInt8])] = []
    /// Dates worded for the reader, by day ordinal (an audit repeats the same due dates).
    private var dates: [Int: [UInt8]] = [:]

    enum Piece {
        case bytes([UInt8])
        case arg(Int)
        /// `{N:one|other}`: the word that agrees with argument N.
        case plural(Int, one: [UInt8], other: [UInt8])
    }

    public init(strings: Strings, today: Day) {
        self.strings = strings
        self.today = today
    }

    /// Appends the worded evidence to `out` (unescaped text: the caller escapes for its format).
    /// Returns false when the stored form is not understood (then nothing is appended).
    @discardableResult
    public mutating func append(_ compact: String, to out: inout [UInt8]) -> Bool {
        var compact = compact
        return compact.withUTF8 { append(bytes: $0, to: &out) }
    }

    /// The same from the stored bytes themselves.
    @discardableResult
    public mutating func append(bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) -> Bool {
        // Field boundaries (at most 16 arguments).
        var bounds = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        return withUnsafeMutableBytes(of: &bounds) { raw -> Bool in
            let ends = raw.bindMemory(to: Int.self)
            var count = 0
            for i in 0..<bytes.count where bytes[i] == 0x1F && count < ends.count - 1 {
                ends[count] = i
                count += 1
            }
            ends[count] = bytes.count
            count += 1
            func field(_ k: Int) -> Range<Int> { (k == 0 ? 0 : ends[k - 1] + 1)..<ends[k] }
            let pieces = template(bytes, field(0))
            for piece in pieces {
                switch piece {
                case .bytes(let b): out.append(contentsOf: b)
                case .arg(let i):
                    guard i + 1 < count else { out.append(contentsOf: Array("{\(i)}".utf8)); continue }
                    guard appendArg(bytes, field(i + 1), to: &out) else { return false }
                case .plural(let i, let one, let other):
                    var value: [UInt8] = []
                    if i + 1 < count { guard appendArg(bytes, field(i + 1), to: &value) else { return false } }
                    out.append(contentsOf: value == [0x31] ? one : other)
                }
            }
            return true
        }
    }

    private mutating func template(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> [Piece] {
        let key = UnsafeBufferPointer(rebasing: bytes[range])
        for entry in recent where entry.key.count == key.count && entry.key.elementsEqual(key) { return entry.pieces }
        let pieces = template(String(decoding: key, as: UTF8.self))
        recent.append((Array(key), pieces))
        return pieces
    }

    private mutating func appendArg(_ bytes: UnsafeBufferPointer<UInt8>, _ field: Range<Int>, to out: inout [UInt8]) -> Bool {
        guard field.count >= 2, bytes[field.lowerBound + 1] == 0x3A else { return false }
        let value = (field.lowerBound + 2)..<field.upperBound
        func number() -> Int {
            var n = 0, negative = false
            for i in value {
                if bytes[i] == 0x2D { negative = true; continue }
                n = n * 10 + Int(bytes[i] &- 0x30)
            }
            return negative ? -n : n
        }
        switch bytes[field.lowerBound] {
        case 0x74: out.append(contentsOf: bytes[value])                                       // t: text
        case 0x6E: EvidenceWriter.appendDecimal(number(), to: &out)                              // n: number
        case 0x64:                                                                               // d: day
            let day = number()
            if let cached = dates[day] { out.append(contentsOf: cached); break }
            let text = Array(strings.date(Day(ordinal: day)).utf8)
            dates[day] = text
            out.append(contentsOf: text)
        case 0x65: EvidenceWriter.appendDecimal(Day(ordinal: number()).days(until: today), to: &out) // e: elapsed
        case 0x6F, 0x6B:                                                                         // o: domain, k: key
            let whole = UnsafeBufferPointer(rebasing: bytes[field])
            if let cached = labels.first(where: { $0.field.count == whole.count && $0.field.elementsEqual(whole) }) {
                out.append(contentsOf: cached.text)
                break
            }
            let code = String(decoding: UnsafeBufferPointer(rebasing: bytes[value]), as: UTF8.self)
            let text = Array((bytes[field.lowerBound] == 0x6F ? strings.domain(code) : strings.render(.key(code))).utf8)
            // A listing words a few dozen codes; past that, look-ups stop being worth a linear search.
            if labels.count < 64 { labels.append((Array(whole), text)) }
            out.append(contentsOf: text)
        case 0x4B:                                                                               // K: keys
            let list = String(decoding: UnsafeBufferPointer(rebasing: bytes[value]), as: UTF8.self)
            let keys = list.isEmpty ? [] : list.split(separator: ",").map(String.init)
            out.append(contentsOf: Array(strings.render(.keys(keys)).utf8))
        default: return false
        }
        return true
    }

    /// Appends a whole number in decimal digits.
    public static func appendDecimal(_ n: Int, to out: inout [UInt8]) {
        if n < 0 { out.append(0x2D); appendDecimal(-n, to: &out); return }
        if n >= 10 { appendDecimal(n / 10, to: &out) }
        out.append(UInt8(0x30 + n % 10))
    }

    /// The catalogue text of a key split at its `{0}`…`{9}` placeholders.
    private mutating func template(_ key: String) -> [Piece] {
        if let t = templates[key] { return t }
        let text = Array(strings.catalog.text(key).utf8)
        var pieces: [Piece] = []
        var literal: [UInt8] = []
        var i = 0
        while i < text.count {
            if text[i] == 0x7B, i + 2 < text.count, (0x30...0x39).contains(text[i + 1]), text[i + 2] == 0x7D {
                if !literal.isEmpty { pieces.append(.bytes(literal)); literal = [] }
                pieces.append(.arg(Int(text[i + 1] - 0x30)))
                i += 3
                continue
            }
            if text[i] == 0x7B, i + 2 < text.count, (0x30...0x39).contains(text[i + 1]), text[i + 2] == 0x3A,
               let end = text[(i + 3)...].firstIndex(of: 0x7D) {
                if !literal.isEmpty { pieces.append(.bytes(literal)); literal = [] }
                let forms = text[(i + 3)..<end].split(separator: 0x7C, maxSplits: 1, omittingEmptySubsequences: false)
                pieces.append(.plural(Int(text[i + 1] - 0x30), one: Array(forms[0]), other: Array(forms.count > 1 ? forms[1] : forms[0])))
                i = end + 1
                continue
            }
            literal.append(text[i])
            i += 1
        }
        if !literal.isEmpty { pieces.append(.bytes(literal)) }
        templates[key] = pieces
        return pieces
    }
}

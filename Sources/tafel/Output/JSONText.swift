/// JSON text written by hand, for listings that stream: strings escaped so that no control
/// character, DEL, C1 control or bidirectional override reaches a terminal or a parser raw
/// (`\uXXXX`), and Foundation's encoder output cleaned the same way.
enum JSONText {
    /// A JSON string literal.
    static func string(_ s: String) -> String {
        var bytes: [UInt8] = []
        var s = s
        s.withUTF8 { appendEscaped($0, to: &bytes) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `"…"` with the text escaped, working on UTF-8 bytes: the multi-byte sequences of the
    /// scalars that must be escaped are recognised by their lead bytes, everything else is copied.
    static func appendEscaped(_ s: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        out.append(0x22)
        var i = 0
        let n = s.count
        while i < n {
            let b = s[i]
            if b >= 0x20 && b < 0x7F && b != 0x22 && b != 0x5C {
                // A run of plain ASCII goes in as one copy (most evidence is plain text).
                let start = i
                i += 1
                while i < n, s[i] >= 0x20, s[i] < 0x7F, s[i] != 0x22, s[i] != 0x5C { i += 1 }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: s[start..<i]))
                continue
            }
            if b < 0x80 {
                switch b {
                case 0x22: out.append(0x5C); out.append(0x22)
                case 0x5C: out.append(0x5C); out.append(0x5C)
                case 0x0A: out.append(0x5C); out.append(0x6E)
                case 0x0D: out.append(0x5C); out.append(0x72)
                case 0x09: out.append(0x5C); out.append(0x74)
                default: appendHex(UInt32(b), to: &out)
                }
                i += 1
                continue
            }
            // A multi-byte scalar: its length from the lead byte.
            let length = b >= 0xF0 ? 4 : (b >= 0xE0 ? 3 : 2)
            guard i + length <= n else { out.append(contentsOf: s[i..<n]); break }
            var value: UInt32
            switch length {
            case 2: value = (UInt32(b & 0x1F) << 6) | UInt32(s[i + 1] & 0x3F)
            case 3: value = (UInt32(b & 0x0F) << 12) | (UInt32(s[i + 1] & 0x3F) << 6) | UInt32(s[i + 2] & 0x3F)
            default: value = 0x10000
            }
            if length < 4, let scalar = Unicode.Scalar(value), needsEscape(scalar) {
                appendHex(value, to: &out)
            } else {
                out.append(contentsOf: s[i..<(i + length)])
            }
            i += length
        }
        out.append(0x22)
    }

    static func appendHex(_ v: UInt32, to out: inout [UInt8]) {
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        out.append(0x5C); out.append(0x75)
        for shift in stride(from: 12, through: 0, by: -4) { out.append(digits[Int((v >> UInt32(shift)) & 0xF)]) }
    }

    static func optional(_ s: String?) -> String { s.map(string) ?? "null" }

    /// True for scalars that JSON output carries as `\uXXXX` only.
    static func needsEscape(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v) { return true }
        switch v {
        case 0x061C, 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2064, 0x2066...0x2069, 0x2028, 0x2029, 0xFEFF, 0xFFF9...0xFFFB: return true
        default: return false
        }
    }

    static func hex(_ v: UInt32) -> String {
        let digits = Array("0123456789abcdef")
        var out = "\\u"
        for shift in stride(from: 12, through: 0, by: -4) { out.append(digits[Int((v >> UInt32(shift)) & 0xF)]) }
        return out
    }

    /// JSON from Foundation's encoder with the same escapes: it escapes C0 itself but passes C1,
    /// DEL and bidi controls raw. Outside string literals JSON is ASCII, so every such scalar found
    /// is inside a string and can be replaced in place.
    static func clean(_ json: String) -> String {
        guard json.unicodeScalars.contains(where: needsEscape) else { return json }
        var out = ""
        out.reserveCapacity(json.utf8.count + 16)
        for scalar in json.unicodeScalars {
            if needsEscape(scalar), scalar.value >= 0x20 { out += hex(scalar.value) } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }
}

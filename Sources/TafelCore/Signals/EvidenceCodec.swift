import Foundation

/// A compact, reversible text form of evidence messages and references for the index:
/// `key␟t:text␟n:3␟d:20423␟o:financien␟k:key␟K:a,b␟e:20423` (␟ = U+001F).
public enum EvidenceCodec {
    public static let separator: Character = "\u{1F}"

    public static func encode(_ m: Message) -> String {
        var out = m.key
        for a in m.args {
            out.append(separator)
            switch a {
            // The separator cannot occur inside a value: a control character in user text becomes U+FFFD.
            case .text(let s): out += "t:" + s.replacingOccurrences(of: "\u{1F}", with: "\u{FFFD}")
            case .number(let n): out += "n:" + String(n)
            case .day(let d): out += "d:" + String(d.ordinal)
            case .domain(let c): out += "o:" + c
            case .key(let k): out += "k:" + k
            case .keys(let ks): out += "K:" + ks.joined(separator: ",")
            case .elapsed(let d): out += "e:" + String(d.ordinal)
            }
        }
        return out
    }

    public static func decodeMessage(_ s: String) -> Message? {
        // Byte by byte: the audit listing decodes one of these per row.
        var utf8 = Array(s.utf8)
        return utf8.withUnsafeMutableBufferPointer { bytes -> Message? in
            var fields: [Range<Int>] = []
            var start = 0
            for i in 0..<bytes.count where bytes[i] == 0x1F {
                fields.append(start..<i)
                start = i + 1
            }
            fields.append(start..<bytes.count)
            func text(_ r: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[r]), as: UTF8.self) }
            func number(_ r: Range<Int>) -> Int {
                var n = 0, negative = false
                for i in r {
                    if bytes[i] == 0x2D { negative = true; continue }
                    n = n * 10 + Int(bytes[i] &- 0x30)
                }
                return negative ? -n : n
            }
            var args: [Message.Arg] = []
            args.reserveCapacity(fields.count - 1)
            for f in fields.dropFirst() {
                guard f.count >= 2, bytes[f.lowerBound + 1] == 0x3A else { return nil }
                let value = (f.lowerBound + 2)..<f.upperBound
                switch bytes[f.lowerBound] {
                case 0x74: args.append(.text(text(value)))                       // t
                case 0x6E: args.append(.number(number(value)))                   // n
                case 0x64: args.append(.day(Day(ordinal: number(value))))        // d
                case 0x6F: args.append(.domain(text(value)))                     // o
                case 0x6B: args.append(.key(text(value)))                        // k
                case 0x4B:                                                       // K
                    let v = text(value)
                    args.append(.keys(v.isEmpty ? [] : v.split(separator: ",").map(String.init)))
                case 0x65: args.append(.elapsed(Day(ordinal: number(value))))    // e
                default: return nil
                }
            }
            return Message(key: text(fields[0]), args: args)
        }
    }

    public static func encode(_ r: EvidenceRef) -> String {
        switch r {
        case .household: return "household"
        case .action(let id): return "action:\(id)"
        case .domain(let d): return "domain:\(d)"
        case .member(let id): return "member:\(id)"
        case .coordinator(let id): return "coordinator:\(id)"
        case .escalation(let id): return "escalation:\(id)"
        case .consent(let id): return "consent:\(id)"
        case .meeting(let id): return "meeting:\(id)"
        }
    }

    public static func decodeRef(_ s: String) -> EvidenceRef? {
        if s == "household" { return .household }
        guard let colon = s.firstIndex(of: ":") else { return nil }
        let kind = s[..<colon], value = String(s[s.index(after: colon)...])
        if kind == "domain" { return .domain(value) }
        guard let id = Int64(value) else { return nil }
        switch kind {
        case "action": return .action(id)
        case "member": return .member(id)
        case "coordinator": return .coordinator(id)
        case "escalation": return .escalation(id)
        case "consent": return .consent(id)
        case "meeting": return .meeting(id)
        default: return nil
        }
    }
}

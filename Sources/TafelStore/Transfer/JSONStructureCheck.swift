import Foundation
import TafelCore

/// Checks a JSON document's structure before it is decoded: a key twice in one object (JSON
/// decoders silently keep one of them), and strings longer than the import allows. Works on the
/// bytes in one pass, naming the path of the first problem (`households[3].household.name`).
/// A file that stops inside an object, a list or a text (a copy cut short) is named with the line
/// and the path where it stops, in our words (the JSON decoder only says it is "not valid JSON").
public enum JSONStructureCheck {
    /// The longest string a field may hold (characters); the beheerder can raise it (`--max-field`).
    public static let defaultMaxField = 20_000

    struct Problem: Error, Equatable {
        var path: String
        var message: Message
    }

    private enum Frame {
        case object(keys: Set<String>, current: String?)
        case array(index: Int)
    }

    static func check(_ data: Data, maxField: Int = defaultMaxField) throws {
        var stack: [Frame] = []
        var expectingKey = false
        let bytes = [UInt8](data)
        var i = 0
        var unterminated = false

        func path() -> String {
            var p = ""
            for f in stack {
                switch f {
                case .object(_, let current?): p += (p.isEmpty ? "" : ".") + current
                case .object: break
                case .array(let index): p += "[\(index)]"
                }
            }
            return p
        }

        /// Reads a string starting at the quote at `i`, leaving `i` after the closing quote. Returns
        /// its text when it is a key (or too long: then with its length in characters); a value
        /// within the limit is skipped without making a String (bytes ≥ characters).
        func readString(key: Bool) -> (String, Int) {
            var j = i + 1
            let start = j
            while j < bytes.count, bytes[j] != 0x22 {
                if bytes[j] == 0x5C, j + 1 < bytes.count { j += 1 }
                j += 1
            }
            i = j + 1
            if j >= bytes.count { unterminated = true }
            guard key || j - start > maxField else { return ("", 0) }
            let text = String(decoding: bytes[start..<min(j, bytes.count)], as: UTF8.self)
            return (text, text.count)
        }

        while i < bytes.count {
            let b = bytes[i]
            switch b {
            case 0x7B: // {
                stack.append(.object(keys: [], current: nil)); expectingKey = true; i += 1
            case 0x5B: // [
                stack.append(.array(index: 0)); expectingKey = false; i += 1
            case 0x7D, 0x5D: // } ]
                _ = stack.popLast(); expectingKey = false; i += 1
            case 0x2C: // ,
                if case .array(let n)? = stack.last { stack[stack.count - 1] = .array(index: n + 1); expectingKey = false }
                else { expectingKey = true }
                i += 1
            case 0x22: // "
                let (text, length) = readString(key: expectingKey)
                if expectingKey, case .object(var keys, _)? = stack.last {
                    guard keys.insert(text).inserted else {
                        stack[stack.count - 1] = .object(keys: keys, current: text)
                        throw Problem(path: path(), message: Message("import.duplicate-key", .text(text)))
                    }
                    stack[stack.count - 1] = .object(keys: keys, current: text)
                    expectingKey = false
                } else if length > maxField {
                    throw Problem(path: path(), message: Message("import.field-too-long", .number(length), .number(maxField)))
                }
            default:
                i += 1
            }
        }
        if unterminated || !stack.isEmpty {
            let line = bytes.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
            throw Problem(path: path(), message: Message("import.truncated", .number(line)))
        }
    }
}

/// Splits SQL text into its statements at the semicolons that end them: not inside a quoted
/// string, a quoted name, a dollar-quoted body (`$$ … $$`, `$fn$ … $fn$`) or a `--` comment.
/// PostgresNIO speaks PostgreSQL's extended protocol, which takes one statement at a time.
public enum SQLScript {
    public static func statements(_ sql: String) -> [String] {
        let s = Array(sql.unicodeScalars)
        var out: [String] = []
        var current = String.UnicodeScalarView()
        var i = 0
        func flush() {
            let text = String(current).trimmingWhitespace
            if !text.isEmpty && !text.allLinesAreComments { out.append(text) }
            current = String.UnicodeScalarView()
        }
        while i < s.count {
            let c = s[i]
            if c == "-" && i + 1 < s.count && s[i + 1] == "-" {
                while i < s.count && s[i] != "\n" { current.append(s[i]); i += 1 }
                continue
            }
            if c == "'" || c == "\"" {
                current.append(c); i += 1
                while i < s.count {
                    current.append(s[i])
                    if s[i] == c {
                        if i + 1 < s.count && s[i + 1] == c { current.append(s[i + 1]); i += 2; continue }
                        i += 1
                        break
                    }
                    i += 1
                }
                continue
            }
            if c == "$", let tag = dollarTag(s, at: i) {
                current.append(contentsOf: tag); i += tag.count
                while i < s.count {
                    if s[i] == "$", i + tag.count <= s.count, Array(s[i..<(i + tag.count)]) == tag {
                        current.append(contentsOf: tag); i += tag.count
                        break
                    }
                    current.append(s[i]); i += 1
                }
                continue
            }
            if c == ";" { flush(); i += 1; continue }
            current.append(c); i += 1
        }
        flush()
        return out
    }

    /// `$$` or `$name$` starting at `i` (not a parameter like `$1`).
    private static func dollarTag(_ s: [Unicode.Scalar], at i: Int) -> [Unicode.Scalar]? {
        var j = i + 1
        while j < s.count, s[j] == "_" || s[j].properties.isAlphabetic || (j > i + 1 && ("0"..."9").contains(s[j])) { j += 1 }
        guard j < s.count, s[j] == "$" else { return nil }
        return Array(s[i...j])
    }
}

extension String {
    var trimmingWhitespace: String {
        var v = Substring(self)
        while let f = v.first, f.isWhitespace { v.removeFirst() }
        while let l = v.last, l.isWhitespace { v.removeLast() }
        return String(v)
    }

    var allLinesAreComments: Bool {
        split(separator: "\n").allSatisfy { line in
            let t = String(line).trimmingWhitespace
            return t.isEmpty || t.hasPrefix("--")
        }
    }
}

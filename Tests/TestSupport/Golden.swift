import Foundation
import Testing

/// Golden-file comparison for rendered screens.
///
/// Golden files live in a `Golden/` folder beside the test file. Set
/// `TAFEL_RECORD_GOLDEN=1` to (re-)record them; otherwise a mismatch fails the test
/// and prints a line diff (`-` expected, `+` actual, with line numbers).
public enum Golden {
    public static var isRecording: Bool { ProcessInfo.processInfo.environment["TAFEL_RECORD_GOLDEN"] == "1" }

    /// Compares `actual` with `Golden/<name>.txt` next to `filePath`.
    public static func check(_ actual: [String], named name: String, filePath: String = #filePath,
                             sourceLocation: SourceLocation = #_sourceLocation) {
        let dir = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("Golden")
        let url = dir.appendingPathComponent("\(name).txt")
        let text = actual.joined(separator: "\n") + "\n"
        if isRecording {
            try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            try? text.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        guard let expectedText = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("golden file \(url.lastPathComponent) is missing: run with TAFEL_RECORD_GOLDEN=1 to record it",
                         sourceLocation: sourceLocation)
            return
        }
        var expected = expectedText.components(separatedBy: "\n")
        if expected.last == "" { expected.removeLast() }
        if expected != actual {
            Issue.record(Comment(rawValue: "golden \(name) differs:\n" + diff(expected: expected, actual: actual)),
                         sourceLocation: sourceLocation)
        }
    }

    /// A line-by-line diff for the failure message.
    public static func diff(expected: [String], actual: [String]) -> String {
        var out: [String] = []
        for i in 0..<max(expected.count, actual.count) {
            let e = i < expected.count ? expected[i] : nil
            let a = i < actual.count ? actual[i] : nil
            if e != a {
                out.append(String(format: "%3d - ", i + 1) + "|\(e ?? "<none>")|")
                out.append(String(format: "%3d + ", i + 1) + "|\(a ?? "<none>")|")
            }
        }
        return out.joined(separator: "\n")
    }
}

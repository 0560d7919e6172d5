import Foundation
import Testing
import TestSupport

/// Every byte the command line writes goes through one writer (`Out`, which neutralises text
/// for the terminal; machine formats escape themselves first). A `print` or a raw write anywhere
/// else in the shipped code would be a way around it, so this test reads the sources and fails.
@Suite("One way to print")
struct OneWayToPrintTests {
    @Test func noWriteToStdoutOrStderrOutsideTheWriter() throws {
        let shipped = ["Sources/tafel", "Sources/TafelApp", "Sources/TafelCore", "Sources/TafelStore", "Sources/TerminalKit", "Sources/TextSafety"]
        let allowed: Set<String> = ["Sources/tafel/Output/Out.swift"]
        let forbidden = try NSRegularExpression(pattern: #"(?<![.\w])(print|debugPrint|dump|fputs|putchar|puts)\(|FileHandle\.standard(Output|Error)|\bwrite\((1|2|STDOUT_FILENO|STDERR_FILENO),"#)
        var offenders: [String] = []
        for folder in shipped {
            let base = SourceTree.root.appendingPathComponent(folder)
            guard let files = FileManager.default.enumerator(atPath: base.path) else { Issue.record("no \(folder)"); continue }
            for case let file as String in files where file.hasSuffix(".swift") {
                let path = "\(folder)/\(file)"
                guard !allowed.contains(path), !path.contains("/Generated/") else { continue }
                let text = try String(contentsOf: base.appendingPathComponent(file), encoding: .utf8)
                for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                    let code = line.split(separator: "//", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
                    if forbidden.firstMatch(in: code, range: NSRange(code.startIndex..., in: code)) != nil { offenders.append("\(path):\(n + 1): \(line.trimmingCharacters(in: .whitespaces))") }
                }
            }
        }
        #expect(offenders.isEmpty, "writes around Out:\n\(offenders.joined(separator: "\n"))")
    }
}

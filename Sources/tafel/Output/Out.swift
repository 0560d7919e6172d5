import Foundation
import TafelCore
import TextSafety
#if canImport(Glibc)
import Glibc
#endif

/// The one way the command line writes: every byte to stdout or stderr goes through here.
///
/// Text for people (`line`, `warn`) is neutralised (control characters and escape sequences
/// become visible placeholders, `TextSafety`); machine formats (`raw`) are escaped by their own
/// writer (`JSONText`, `Escape.csv`, iCalendar) before they get here. Output is buffered and
/// written with `write(2)`, so a listing of a hundred thousand rows streams without building
/// one big string. `Tests/…/OutputDisciplineTests` fails on any other `print` or `FileHandle` write.
enum Out {
    /// Buffered standard output.
    nonisolated(unsafe) static var stdout = Sink(fd: 1, ascii: asciiTerminal(1))
    /// Standard error (written at once: messages must not wait behind output).
    nonisolated(unsafe) static var stderr = Sink(fd: 2, capacity: 0, ascii: asciiTerminal(2))

    /// A terminal whose locale is not UTF-8 (`LANG=C`) gets ASCII stand-ins ("—" as "-", "×" as
    /// "x"), as the screens do. Pipes and files keep UTF-8: scripts read names with accents.
    static func asciiTerminal(_ fd: Int32) -> Bool {
        isatty(fd) != 0 && !ASCIIFallback.localeIsUTF8(ProcessInfo.processInfo.environment)
    }

    /// One line of text for people on standard output.
    static func line(_ s: String) {
        stdout.write(Escape.plain(s))
        stdout.write("\n")
    }

    /// Several lines for people.
    static func lines(_ s: String) {
        for l in s.split(separator: "\n", omittingEmptySubsequences: false) { line(String(l)) }
    }

    /// Text already escaped for its machine format (JSON, CSV, iCalendar, Markdown, HTML).
    static func raw(_ s: String) { stdout.write(s) }

    /// A one-line message on standard error, prefixed with "tafel: ".
    static func warn(_ s: String) {
        stderr.write("tafel: " + Escape.line(s) + "\n")
    }

    /// A progress line on standard error (overwritten in place on a terminal).
    static func progress(_ s: String, final: Bool) {
        stderr.write("\r" + Escape.line(s) + (final ? "\n" : ""))
    }

    /// Writes what is buffered (at exit and before long pauses).
    static func flush() {
        stdout.flush()
        stderr.flush()
    }

    /// A byte buffer in front of a file descriptor.
    struct Sink {
        let fd: Int32
        let capacity: Int
        /// Text is written as ASCII stand-ins (see `Out.asciiTerminal`).
        let ascii: Bool
        var buffer: [UInt8] = []
        /// Set when the reader went away (a closed pipe): nothing more is written.
        var closed = false

        init(fd: Int32, capacity: Int = 1 << 16, ascii: Bool = false) {
            self.fd = fd
            self.capacity = capacity
            self.ascii = ascii
            buffer.reserveCapacity(capacity)
        }

        mutating func write(_ s: String) {
            var s = ascii ? ASCIIFallback.text(s) : s
            s.withUTF8 { buffer.append(contentsOf: $0) }
            if buffer.count >= capacity { flush() }
        }

        /// Bytes already in their output form.
        mutating func write(bytes: [UInt8]) {
            buffer.append(contentsOf: bytes)
            if buffer.count >= capacity { flush() }
        }

        /// A JSON string literal of `s`, escaped byte by byte into the buffer (see `JSONText`).
        mutating func json(_ s: String) {
            var s = s
            s.withUTF8 { JSONText.appendEscaped($0, to: &buffer) }
            if buffer.count >= capacity { flush() }
        }

        /// A whole number in decimal digits.
        mutating func decimal(_ n: Int) {
            EvidenceWriter.appendDecimal(n, to: &buffer)
        }

        /// A JSON string literal of UTF-8 bytes.
        mutating func json(bytes: [UInt8]) {
            bytes.withUnsafeBufferPointer { JSONText.appendEscaped($0, to: &buffer) }
            if buffer.count >= capacity { flush() }
        }

        mutating func flush() {
            guard !buffer.isEmpty else { return }
            defer { buffer.removeAll(keepingCapacity: true) }
            guard !closed else { return }
            buffer.withUnsafeBytes { bytes in
                var offset = 0
                while offset < bytes.count {
                    let n = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
                    if n < 0 {
                        if errno == EINTR { continue }
                        closed = true   // EPIPE and friends: the reader is gone
                        return
                    }
                    offset += n
                }
            }
        }
    }
}

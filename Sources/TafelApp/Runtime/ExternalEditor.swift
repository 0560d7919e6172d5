import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Long text in the user's own editor (`$VISUAL`, else `$EDITOR`, else `vi`), as git and
/// taskwarrior do: the text goes into a private temporary file (mode 600, made by `mkstemp`), the
/// editor runs on the real terminal, and the file is removed afterwards whatever happened.
enum ExternalEditor {
    /// The edited text, or nil when the editor could not run or ended with an error (the text on
    /// screen then stays as it was).
    static func edit(_ text: String, environment env: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        var template = Array((NSTemporaryDirectory() + "/tafel-tekst-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { return nil }
        let path = String(cString: template)
        defer { unlink(path) }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        guard written == bytes.count else { return nil }
        let editor = [env["VISUAL"], env["EDITOR"]].compactMap { $0 }.first { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? "vi"
        // Through the shell, so "code --wait" or "nano -w" work as in git; the path is an argument,
        // never part of the command text.
        let args = ["/bin/sh", "-c", editor + " \"$1\"", "sh", path]
        var pid: pid_t = 0
        let argv = args.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        guard posix_spawn(&pid, "/bin/sh", nil, nil, argv, environ) == 0 else { return nil }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        // Exited normally with status 0 (WIFEXITED and WEXITSTATUS, written out: they are macros).
        guard status & 0x7F == 0, (status >> 8) & 0xFF == 0 else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        var edited = String(decoding: data, as: UTF8.self)
        // Editors end a file with a newline the text did not have.
        while edited.hasSuffix("\n") && !text.hasSuffix("\n") { edited.removeLast() }
        return edited
    }
}

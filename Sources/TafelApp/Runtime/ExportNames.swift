import Foundation

/// File names for exported documents: safe, short, and never over an existing file.
enum ExportNames {
    /// Lower case letters and digits joined by single hyphens, at most 40 characters.
    static func slug(_ text: String) -> String {
        let folded = text.lowercased().folding(options: .diacriticInsensitive, locale: nil)
        let parts = folded.split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }
        return String(parts.joined(separator: "-").prefix(40)).trimmingCharacters(in: CharacterSet(charactersIn: "-"))
    }

    /// Writes `data` as `folder/name.ext`, or `name-2.ext`, `name-3.ext`… when that exists (created
    /// exclusively, mode 600, so two exports never overwrite each other). Returns the path.
    static func write(_ data: Data, folder: String, name: String, ext: String) throws -> String {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for n in 1...999 {
            let path = (folder as NSString).appendingPathComponent(n == 1 ? "\(name).\(ext)" : "\(name)-\(n).\(ext)")
            let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
            if fd < 0 {
                if errno == EEXIST { continue }
                throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
            }
            let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
            try handle.write(contentsOf: data)
            try handle.close()
            return path
        }
        throw CocoaError(.fileWriteFileExists)
    }
}

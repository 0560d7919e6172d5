import Foundation
import GRDB
import TafelCore

/// Turns SQLite failures into errors users can act on (locked, read-only, disk full…).
enum ErrorMapping {
    static func map(_ error: Error, path: String) -> Error {
        if error is CaseStoreError || error is DomainError { return error }
        guard let e = error as? DatabaseError else { return error }
        switch e.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED: return CaseStoreError.locked(path: path)
        case .SQLITE_READONLY, .SQLITE_PERM:
            return CaseStoreError.readOnly(path: path)
        case .SQLITE_FULL: return CaseStoreError.diskFull(path: path)
        case .SQLITE_NOTADB: return CaseStoreError.notATafelDatabase(path: path)
        case .SQLITE_CANTOPEN:
            if FileManager.default.fileExists(atPath: path) && !FileManager.default.isWritableFile(atPath: path) {
                return CaseStoreError.readOnly(path: path)
            }
            return CaseStoreError.unreadable(path: path, reason: e.message ?? "cannot open")
        case .SQLITE_IOERR:
            // A failed write is, in practice, a full disk, a quota or a file size limit.
            // So is a shared-memory (WAL index) file that cannot be made as large as it must be.
            let full: [ResultCode] = [.SQLITE_IOERR_WRITE, .SQLITE_IOERR_FSYNC, .SQLITE_IOERR_TRUNCATE, .SQLITE_IOERR_SHMSIZE,
                                      .SQLITE_IOERR_SHMOPEN, .SQLITE_IOERR_SHMMAP]
            if full.contains(e.extendedResultCode) { return CaseStoreError.diskFull(path: path) }
            return CaseStoreError.unreadable(path: path, reason: e.message ?? "I/O error")
        default: return error
        }
    }
}

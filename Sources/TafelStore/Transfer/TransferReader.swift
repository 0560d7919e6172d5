import Foundation
import TafelCore

/// Reads a tafel export from a file without holding it in memory: a first pass over the bytes finds
/// where each household starts and ends and keeps the small rest (settings, roster, sociale kaart);
/// households are then decoded one at a time, read back from the file by their place.
///
/// The whole-document decoder (`TransferValidator.decode`) held the 180 MB export of a 10,000-household
/// city three times over (the bytes, a parsed tree for the header, the decoded document): 846 MB at
/// its peak. Here memory is one household plus the roster, whatever the file's size. Every check of
/// the whole-document path holds, with the same paths in its messages: duplicate keys and long fields
/// (`JSONStructureCheck`, per part), format and version, types and codes, a file cut short.
public final class TransferReader: @unchecked Sendable {
    /// Everything in the file but the households (its `households` is empty).
    public let header: TransferDocument
    /// How many households the file holds.
    public var count: Int { places.count }

    private let handle: FileHandle
    private let places: [(offset: UInt64, length: Int)]
    private let maxField: Int

    /// Reads the file's outline and its small parts; throws `ImportError` for what is wrong there.
    public init(path: String, maxField: Int = JSONStructureCheck.defaultMaxField) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: path])
        }
        self.handle = handle
        self.maxField = maxField
        let outline = try Outline.scan(handle)
        places = outline.households
        // The rest, with an empty list of households, goes through the whole-document checks.
        var text = Data("{".utf8)
        for (i, part) in outline.parts.enumerated() {
            if i > 0 { text.append(UInt8(ascii: ",")) }
            text.append(contentsOf: Array("\"\(part.key)\":".utf8))
            text.append(part.key == "households" ? Data("[]".utf8) : part.value)
        }
        text.append(UInt8(ascii: "}"))
        header = try TransferValidator.decode(text, maxField: maxField)
    }

    deinit { try? handle.close() }

    /// The households of `range`, decoded on every core (each reads its own bytes with `pread`), in
    /// order; the first problem in file order is thrown.
    public func households(_ range: Range<Int>) throws -> [CaseFile] {
        final class Results: @unchecked Sendable {
            var items: [Result<CaseFile, any Error>?]
            let lock = NSLock()
            init(_ n: Int) { items = Array(repeating: nil, count: n) }
        }
        let results = Results(range.count)
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, range.count))
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            var k = w
            while k < range.count {
                let r = Result { try household(range.lowerBound + k) }
                results.lock.withLock { results.items[k] = r }
                k += workers
            }
        }
        return try results.items.map { try $0!.get() }
    }

    /// The `index`-th household, decoded and structure-checked (not yet validated against the rest).
    /// Safe from several threads at once: the bytes are read with `pread`, which keeps no position.
    public func household(_ index: Int) throws -> CaseFile {
        let place = places[index]
        let prefix = "households[\(index)]"
        var bytes = Data(count: place.length)
        let read = bytes.withUnsafeMutableBytes { pread(handle.fileDescriptor, $0.baseAddress, place.length, off_t(place.offset)) }
        guard read == place.length else { throw CocoaError(.fileReadUnknown) }
        do { try JSONStructureCheck.check(bytes, maxField: maxField) } catch let p as JSONStructureCheck.Problem {
            throw ImportError(p.path.isEmpty ? prefix : "\(prefix).\(p.path)", p.message)
        }
        do {
            return try JSONDecoder().decode(CaseFile.self, from: bytes)
        } catch let e as DecodingError {
            let inner = e.keyPath
            throw ImportError(inner.isEmpty ? prefix : "\(prefix).\(inner)", TransferValidator.describe(e))
        }
    }

    /// The file's outline: each top-level key with its value's bytes (the households' only by place).
    struct Outline {
        var parts: [(key: String, value: Data)] = []
        var households: [(offset: UInt64, length: Int)] = []

        /// One pass over the bytes in chunks of 1 MB: strings (with escapes), nesting, top-level keys.
        static func scan(_ handle: FileHandle) throws -> Outline {
            var outline = Outline()
            var depth = 0, inString = false, escaped = false
            var offset: UInt64 = 0
            var key: [UInt8] = [], readingKey = false, expectingKey = false
            var currentKey: String?
            var value = Data(), capturing = false
            var inHouseholds = false, householdsIsList = false, householdStart: UInt64?
            var keys = Set<String>()
            var started = false, ended = false
            var line = 1
            func problem(_ path: String, _ message: Message) -> ImportError { ImportError(path, message) }
            /// A top-level value ends (at its `,` or the closing `}`): keep what was captured, without that byte.
            func endOfPart() throws {
                if currentKey == "households" && !householdsIsList { throw problem("households", Message("import.expected", .key("type.array"))) }
                if capturing, let k = currentKey {
                    value.removeLast()
                    outline.parts.append((k, value))
                }
                capturing = false
            }
            while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
                try chunk.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
                    for b in raw {
                        defer { offset += 1 }
                        if b == 0x0A { line += 1 }
                        if ended {
                            if b != 0x20 && b != 0x0A && b != 0x0D && b != 0x09 { throw problem("", Message("import.not-json")) }
                            continue
                        }
                        if capturing { value.append(b) }
                        if inString {
                            if readingKey && !(b == 0x22 && !escaped) { key.append(b) }
                            if escaped { escaped = false } else if b == 0x5C { escaped = true } else if b == 0x22 {
                                inString = false
                                if readingKey {
                                    readingKey = false
                                    let k = String(decoding: key, as: UTF8.self)
                                    guard keys.insert(k).inserted else { throw problem(k, Message("import.duplicate-key", .text(k))) }
                                    currentKey = k
                                }
                            }
                            continue
                        }
                        switch b {
                        case 0x22: // "
                            inString = true
                            if depth == 1 && expectingKey { readingKey = true; key = []; expectingKey = false }
                        case 0x7B, 0x5B: // { [
                            if !started {
                                guard b == 0x7B else { throw problem("", Message("import.not-tafel")) }
                                started = true; depth = 1; expectingKey = true
                                continue
                            }
                            if inHouseholds && depth == 2 {
                                guard b == 0x7B else { throw problem("households[\(outline.households.count)]", Message("import.expected", .key("type.object"))) }
                                householdStart = offset
                            }
                            if depth == 1 && currentKey == "households" {
                                guard b == 0x5B else { throw problem("households", Message("import.expected", .key("type.array"))) }
                                inHouseholds = true; householdsIsList = true
                            }
                            depth += 1
                        case 0x7D, 0x5D: // } ]
                            depth -= 1
                            if inHouseholds && depth == 2, let start = householdStart {
                                outline.households.append((start, Int(offset - start + 1)))
                                householdStart = nil
                            }
                            if depth == 1 && inHouseholds { inHouseholds = false }
                            if depth == 0 {
                                try endOfPart()
                                ended = true
                            }
                        case 0x3A: // :
                            if depth == 1, let k = currentKey {
                                if k == "households" { outline.parts.append((k, Data())) } else { capturing = true; value = Data() }
                            }
                        case 0x2C: // ,
                            if depth == 1 {
                                try endOfPart()
                                expectingKey = true
                            }
                        default:
                            if !started, b != 0x20, b != 0x0A, b != 0x0D, b != 0x09 { throw problem("", Message("import.not-json")) }
                        }
                    }
                }
            }
            guard started else { throw problem("", Message("import.not-json")) }
            guard ended else {
                let path = inHouseholds ? "households[\(outline.households.count)]" : (currentKey ?? "")
                throw problem(path, Message("import.truncated", .number(line)))
            }
            return outline
        }
    }
}

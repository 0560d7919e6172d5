import Foundation
import TafelCore

/// The export format (see Docs/FORMAT.md): the whole database as versioned JSON with a
/// stable key and array order, so export → import → export is byte-identical.
public struct TransferDocument: Codable, Sendable {
    public static let formatName = "tafel-export"
    public static let currentVersion = 1

    public var format: String
    public var version: Int
    public var settings: StoreSettings
    public var organisations: [Organisation]
    public var professionals: [Professional]
    public var households: [CaseFile]
    /// The sociale kaart (absent in a one-household export, in older files, and when empty).
    public var services: [Service]?

    public init(settings: StoreSettings, organisations: [Organisation], professionals: [Professional], households: [CaseFile],
                services: [Service]? = nil) {
        self.format = Self.formatName
        self.version = Self.currentVersion
        self.settings = settings
        self.organisations = organisations
        self.professionals = professionals
        self.households = households
        self.services = services
    }

    /// The same document with every array in a stable order (by id; domains by code).
    public func normalised() -> TransferDocument {
        var d = self
        d.organisations.sort { $0.id < $1.id }
        d.professionals.sort { $0.id < $1.id }
        d.households = households.map(Self.normalise).sorted { $0.household.id < $1.household.id }
        return d
    }

    static func normalise(_ f: CaseFile) -> CaseFile {
        var f = f
        f.household.involved.sort()
        f.members.sort { $0.id < $1.id }
        f.informal.sort { $0.id < $1.id }
        f.signals.sort { $0.id < $1.id }
        f.domains.sort { $0.domain < $1.domain }
        f.assessments.sort { $0.id < $1.id }
        f.coordinators.sort { $0.id < $1.id }
        f.actions.sort { $0.id < $1.id }
        f.meetings.sort { $0.id < $1.id }
        f.attendees.sort { $0.id < $1.id }
        f.consents.sort { $0.id < $1.id }
        f.escalations.sort { $0.id < $1.id }
        f.contacts.sort { $0.id < $1.id }
        f.blockedRules.sort { $0.id < $1.id }
        f.indications.sort { $0.id < $1.id }
        return f
    }

    static func encoder() -> JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return e
    }

    /// Each file normalised and encoded, in order, the work spread over the cores (an encoder per
    /// worker: one `JSONEncoder` is not promised to be safe across threads).
    static func encodeInParallel(_ files: [CaseFile]) throws -> [Data] {
        final class Results: @unchecked Sendable {
            var data: [Data?]
            var failure: (any Error)?
            let lock = NSLock()
            init(_ n: Int) { data = Array(repeating: nil, count: n) }
        }
        let results = Results(files.count)
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, files.count))
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            let enc = encoder()
            var i = w
            while i < files.count {
                do {
                    let d = try enc.encode(normalise(files[i]))
                    results.lock.withLock { results.data[i] = d }
                } catch {
                    results.lock.withLock { results.failure = results.failure ?? error }
                }
                i += workers
            }
        }
        if let failure = results.failure { throw failure }
        return results.data.map { $0! }
    }

    /// Writes the document as JSON: one household per line, keys sorted, so large exports
    /// stream and diff well. Top-level keys are written in sorted order too.
    public static func write(settings: StoreSettings, organisations: [Organisation], professionals: [Professional],
                             households: some Sequence<CaseFile>, to sink: (Data) throws -> Void) throws {
        let list = Array(households)
        try write(settings: settings, organisations: organisations, professionals: professionals,
                  householdIds: list.indices.map(Int64.init), load: { list[Int($0)] }, to: sink)
    }

    /// Writes the document, loading one household at a time; a household that cannot be read
    /// stops the export with its reason (a backup that silently leaves one out is worse than none).
    public static func write(settings: StoreSettings, organisations: [Organisation], professionals: [Professional],
                             householdIds: [Int64], services: [Service] = [], load: (Int64) throws -> CaseFile?,
                             to sink: (Data) throws -> Void) throws {
        let enc = encoder()
        try sink(Data("{\"format\":\"\(formatName)\",\"households\":[".utf8))
        var first = true
        // Households are read one after the other (one read transaction) and encoded in batches on
        // every core: encoding is most of an export's time. The order, and so the bytes, stay the same.
        let batchSize = 128
        var start = 0
        while start < householdIds.count {
            let ids = householdIds[start..<min(start + batchSize, householdIds.count)]
            start += batchSize
            let files = try ids.compactMap { try load($0) }
            let encoded = try encodeInParallel(files)
            for data in encoded {
                try sink(Data((first ? "\n" : ",\n").utf8))
                try sink(data)
                first = false
            }
        }
        try sink(Data("\n],\"organisations\":".utf8))
        try sink(try enc.encode(organisations.sorted { $0.id < $1.id }))
        try sink(Data(",\"professionals\":".utf8))
        try sink(try enc.encode(professionals.sorted { $0.id < $1.id }))
        if !services.isEmpty {
            try sink(Data(",\"services\":".utf8))
            try sink(try enc.encode(services.sorted { $0.id < $1.id }))
        }
        try sink(Data(",\"settings\":".utf8))
        try sink(try enc.encode(settings))
        try sink(Data(",\"version\":\(currentVersion)}\n".utf8))
    }
}

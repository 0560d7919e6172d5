import Foundation

/// A code with its Dutch and English labels (and optional short labels for narrow columns).
public struct Label: Codable, Hashable, Sendable {
    public var code: String
    public var nl: String
    public var en: String
    public var shortNl: String?
    public var shortEn: String?
    public var supplement: Bool?
    /// Plain-language (B1) names of domains, for the household's own plan.
    public var b1Nl: String?
    public var b1En: String?

    public func text(_ lang: Language) -> String { lang == .nl ? nl : en }
    public func plain(_ lang: Language) -> String { (lang == .nl ? b1Nl : b1En) ?? text(lang) }
    public func short(_ lang: Language) -> String { (lang == .nl ? shortNl : shortEn) ?? text(lang) }
}

/// A versioned set of life domains; one set is active per database.
public struct DomainSet: Codable, Hashable, Sendable {
    public var id: String
    public var nl: String
    public var en: String
    public var domains: [Label]
    public var codes: [String] { domains.map(\.code) }
}

/// The typical legal frameworks and provider kinds for a domain (DESIGN §4).
public struct DomainLink: Codable, Hashable, Sendable {
    public var frameworks: [String]
    public var providers: [String]
}

/// A problem in a reference data file, naming the file and the key path.
public struct ReferenceDataError: Error, CustomStringConvertible, Sendable, Equatable {
    public var path: String
    public var keyPath: String
    /// What is wrong, worded from the catalogue in the reader's language.
    public var message: Message
    /// The line in the file where the problem is (0 when not known).
    public var line: Int = 0

    public init(path: String, keyPath: String, message: Message, line: Int = 0) {
        self.path = path; self.keyPath = keyPath; self.message = message; self.line = line
    }

    /// `file:line: key path: what is wrong`, in the language of `strings`.
    public func text(_ strings: Strings) -> String {
        "\(path)\(line > 0 ? ":\(line)" : ""): \(keyPath.isEmpty ? strings.t("ref.problem.top-level") : keyPath): \(strings.render(message))"
    }

    public var description: String { text(Strings(.en)) }
}

/// The reference data shipped in `Resources/reference.json`: domain sets, domain → framework →
/// provider links, and every vocabulary's labels. Municipalities may edit a copy.
public struct ReferenceData: Codable, Sendable {
    public var version: Int
    public var defaultDomainSet: String
    public var domainSets: [DomainSet]
    public var domainLinks: [String: DomainLink]
    public var vocabularies: [String: [Label]]

    /// Decodes and validates reference data; errors name `path` and the JSON key path.
    public static func load(from data: Data, path: String) throws -> ReferenceData {
        let ref: ReferenceData
        do {
            ref = try JSONDecoder().decode(ReferenceData.self, from: data)
        } catch let e as DecodingError {
            throw ReferenceDataError(path: path, keyPath: e.keyPath, message: e.shortMessage)
        } catch {
            throw ReferenceDataError(path: path, keyPath: "", message: Message("ref.problem.not-json"))
        }
        try ref.validate(path: path)
        return ref
    }

    /// Cross-checks: every link names known domains, frameworks and organisation kinds,
    /// and every vocabulary the code uses has a label for each case.
    func validate(path: String) throws {
        func fail(_ k: String, _ key: String, _ args: Message.Arg...) -> ReferenceDataError {
            ReferenceDataError(path: path, keyPath: k, message: Message(key: key, args: args))
        }
        guard domainSets.contains(where: { $0.id == defaultDomainSet }) else {
            throw fail("defaultDomainSet", "ref.problem.unknown-set", .text(defaultDomainSet))
        }
        let allDomains = Set(domainSets.flatMap(\.codes))
        let frameworks = Set((vocabularies["framework"] ?? []).map(\.code))
        let kinds = Set((vocabularies["organisationKind"] ?? []).map(\.code))
        for (i, set) in domainSets.enumerated() {
            var seen = Set<String>()
            for (j, d) in set.domains.enumerated() where !seen.insert(d.code).inserted {
                throw fail("domainSets[\(i)].domains[\(j)].code", "ref.problem.duplicate-domain", .text(d.code))
            }
        }
        for (domain, link) in domainLinks.sorted(by: { $0.key < $1.key }) {
            guard allDomains.contains(domain) else { throw fail("domainLinks.\(domain)", "ref.problem.unknown-domain", .text(domain)) }
            for (i, f) in link.frameworks.enumerated() where !frameworks.contains(f) {
                throw fail("domainLinks.\(domain).frameworks[\(i)]", "ref.problem.unknown-framework", .text(f))
            }
            for (i, p) in link.providers.enumerated() where !kinds.contains(p) {
                throw fail("domainLinks.\(domain).providers[\(i)]", "ref.problem.unknown-kind", .text(p))
            }
        }
        func require<V: Vocabulary>(_ t: V.Type) throws {
            guard let labels = vocabularies[V.vocabularyName] else {
                throw fail("vocabularies.\(V.vocabularyName)", "ref.problem.missing-vocabulary")
            }
            let codes = Set(labels.map(\.code))
            for c in V.allCases where !codes.contains(c.rawValue) {
                throw fail("vocabularies.\(V.vocabularyName)", "ref.problem.no-label", .text(c.rawValue))
            }
        }
        try require(HouseholdStatus.self); try require(DomainStatus.self); try require(ActionStatus.self)
        try require(CloseReason.self); try require(RejectionCode.self); try require(LegalFramework.self)
        try require(Agreement.self); try require(TafelRole.self); try require(MemberRole.self)
        try require(InformalKind.self); try require(ContactKind.self); try require(CompulsoryFramework.self)
        try require(ConsentBasis.self); try require(Presence.self); try require(CoordinatorStatus.self)
        try require(Severity.self); try require(BlockedRuleSource.self); try require(RuleException.self)
        for name in ["score", "organisationKind", "signalSource", "reachLevel"] where vocabularies[name] == nil {
            throw fail("vocabularies.\(name)", "ref.problem.missing-vocabulary")
        }
    }

    /// The reference data in force in this process: the shipped set, or the municipality's own
    /// when the database holds one (set once when the store is opened; one database per process).
    nonisolated(unsafe) public static var current: ReferenceData = bundled

    /// Decodes a municipality's reference file; a problem names the file, the line and the key path.
    public static func loadFile(_ data: Data, path: String) throws -> ReferenceData {
        do { return try load(from: data, path: path) } catch var e as ReferenceDataError {
            e.line = Self.line(of: e.keyPath, in: String(decoding: data, as: UTF8.self))
            throw e
        }
    }

    /// The line of the last key of `keyPath` ("domainSets[1].domains[0].code" → the line of the
    /// second "domainSets" entry's first "code" after it), as near as the text allows; 1 when unknown.
    static func line(of keyPath: String, in text: String) -> Int {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var from = 0
        for part in keyPath.split(separator: ".") {
            let name = part.split(separator: "[").first.map(String.init) ?? String(part)
            guard let i = lines[from...].firstIndex(where: { $0.contains("\"\(name)\"") }) else { break }
            from = i
        }
        return from + 1
    }

    /// The reference data as a file a municipality can edit (sorted keys, indented).
    public func exported() throws -> Data {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try e.encode(self) + Data("\n".utf8)
    }

    /// The reference data shipped with tafel.
    public static let bundled: ReferenceData = {
        // Compiled in (tools/embed.py): an installed binary needs no files beside it.
        let data = Data(Embedded.reference.utf8)
        do { return try load(from: data, path: "Resources/reference.json") } catch {
            fatalError("the shipped reference data is invalid: \(error)")
        }
    }()

    /// A domain set by id.
    public func domainSet(_ id: String) -> DomainSet? { domainSets.first { $0.id == id } }

    /// The label of a domain code in any set.
    public func domain(_ code: String) -> Label? {
        for s in domainSets { if let d = s.domains.first(where: { $0.code == code }) { return d } }
        return nil
    }

    /// The label for a vocabulary code.
    public func label(_ vocabulary: String, _ code: String) -> Label? {
        vocabularies[vocabulary]?.first { $0.code == code }
    }

    /// The label of a typed vocabulary value in a language.
    public func text<V: Vocabulary>(_ value: V, _ lang: Language) -> String {
        label(V.vocabularyName, value.rawValue)?.text(lang) ?? value.rawValue
    }

    /// All codes of a vocabulary, in file order.
    public func codes(_ vocabulary: String) -> [String] { (vocabularies[vocabulary] ?? []).map(\.code) }
}

extension DecodingError {
    /// The JSON key path of the failure, like `domainSets[0].domains[3].nl`.
    public var keyPath: String {
        let ctx: Context
        var extra: String? = nil
        switch self {
        case .typeMismatch(_, let c), .valueNotFound(_, let c), .dataCorrupted(let c): ctx = c
        case .keyNotFound(let k, let c): ctx = c; extra = k.stringValue
        @unknown default: return ""
        }
        var parts = ctx.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }
        if let e = extra { parts.append(".\(e)") }
        var s = parts.joined()
        if s.hasPrefix(".") { s.removeFirst() }
        return s
    }

    /// What is wrong, as a catalogue message (never the decoder's English).
    public var shortMessage: Message {
        switch self {
        case .typeMismatch(let t, _): return Message("import.expected", .key(DecodingError.typeName(t)))
        case .valueNotFound(let t, _): return Message("ref.problem.missing-value", .key(DecodingError.typeName(t)))
        case .keyNotFound(let k, _): return Message("import.missing-key", .text(k.stringValue))
        case .dataCorrupted(let c):
            return Message(c.codingPath.isEmpty ? "ref.problem.not-json" : "ref.problem.invalid")
        @unknown default: return Message("ref.problem.invalid")
        }
    }

    /// The catalogue key naming the kind of value a JSON field should hold.
    static func typeName(_ t: Any.Type) -> String {
        let s = String(describing: t)
        switch s {
        case "String": return "type.string"
        case "Int", "Int64", "Int32": return "type.integer"
        case "Bool": return "type.bool"
        case "Double": return "type.number"
        default:
            if s.hasPrefix("Array") { return "type.array" }
            return "type.object"
        }
    }
}

/// One entry of the *sociale kaart*: a local service with a named contact, the life domains and
/// laws it serves, where, and how long people wait — so professionals know whom to call.
public struct Service: Codable, Hashable, Sendable, Identifiable {
    public var id: Int64
    public var name: String
    public var organisation: String
    public var contact: String
    public var phone: String?
    public var email: String?
    public var domains: [String]
    public var laws: [String]
    /// The wijk it serves; empty: the whole municipality.
    public var wijk: String
    public var waitingWeeks: Int?

    public init(id: Int64 = 0, name: String, organisation: String = "", contact: String = "", phone: String? = nil, email: String? = nil,
                domains: [String] = [], laws: [String] = [], wijk: String = "", waitingWeeks: Int? = nil) {
        self.id = id; self.name = name; self.organisation = organisation; self.contact = contact; self.phone = phone
        self.email = email; self.domains = domains; self.laws = laws; self.wijk = wijk; self.waitingWeeks = waitingWeeks
    }

    /// Whether it serves `domain` (nil: any) in `wijk` (nil: any; a municipality-wide service serves every wijk).
    public func serves(domain: String?, wijk w: String?) -> Bool {
        (domain.map { domains.contains($0) } ?? true) && (w.map { wijk.isEmpty || wijk.lowercased() == $0.lowercased() } ?? true)
    }
}

/// Reads the sociale kaart from CSV (RFC 4180, comma or semicolon, header row): name, organisation,
/// contact, phone, email, domains, laws, wijk, waitingWeeks; lists inside a cell separated by `|`.
public enum ServiceCSV {
    public struct Problem: Error, Hashable, Sendable, CustomStringConvertible {
        public var line: Int
        /// What is wrong, worded from the catalogue in the reader's language.
        public var message: Message
        public init(line: Int, message: Message) { self.line = line; self.message = message }
        public var description: String { "\(line): \(Strings(.en).render(message))" }
    }

    public static let columns = ["name", "organisation", "contact", "phone", "email", "domains", "laws", "wijk", "waitingWeeks"]

    public static func parse(_ text: String, knownDomains: Set<String>, knownLaws: Set<String>) throws -> [Service] {
        let rows = records(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)
        guard let header = rows.first?.cells.map({ $0.trimmed }) else { throw Problem(line: 1, message: Message("kaart.problem.empty")) }
        guard header.contains("name") else { throw Problem(line: 1, message: Message("kaart.problem.no-name-column", .text(columns.joined(separator: ", ")))) }
        for h in header where !columns.contains(h) { throw Problem(line: 1, message: Message("kaart.problem.unknown-column", .text(h), .text(columns.joined(separator: ", ")))) }
        var out: [Service] = []
        for row in rows.dropFirst() where !row.cells.allSatisfy({ $0.trimmed.isEmpty }) {
            func cell(_ name: String) -> String { header.firstIndex(of: name).flatMap { row.cells.indices.contains($0) ? row.cells[$0].trimmed : nil } ?? "" }
            func list(_ name: String) -> [String] { cell(name).split(separator: "|").map { String($0).trimmed }.filter { !$0.isEmpty } }
            let name = cell("name")
            guard !name.isEmpty else { throw Problem(line: row.line, message: Message("kaart.problem.no-name")) }
            let domains = list("domains"), laws = list("laws")
            for d in domains where !knownDomains.contains(d) { throw Problem(line: row.line, message: Message("kaart.problem.unknown-domain", .text(d), .text(knownDomains.sorted().joined(separator: ", ")))) }
            for l in laws where !knownLaws.contains(l) { throw Problem(line: row.line, message: Message("kaart.problem.unknown-law", .text(l), .text(knownLaws.sorted().joined(separator: ", ")))) }
            var wait: Int? = nil
            if !cell("waitingWeeks").isEmpty {
                guard let w = Int(cell("waitingWeeks")), (0...520).contains(w) else { throw Problem(line: row.line, message: Message("kaart.problem.waiting")) }
                wait = w
            }
            out.append(Service(name: name, organisation: cell("organisation"), contact: cell("contact"),
                               phone: cell("phone").isEmpty ? nil : cell("phone"), email: cell("email").isEmpty ? nil : cell("email"),
                               domains: domains, laws: laws, wijk: cell("wijk"), waitingWeeks: wait))
        }
        return out
    }

    /// The records of a CSV text with the line each starts on (quoted cells may span lines).
    static func records(_ text: String) -> [(line: Int, cells: [String])] {
        let separator: Character = (text.split(separator: "\n").first.map { $0.filter { $0 == ";" }.count > $0.filter { $0 == "," }.count } ?? false) ? ";" : ","
        var result: [(Int, [String])] = []
        var cells: [String] = [], cell = "", quoted = false, line = 1, start = 1
        var chars = Array(text)
        if chars.last != "\n" { chars.append("\n") }
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if quoted {
                if c == "\"" {
                    if i + 1 < chars.count, chars[i + 1] == "\"" { cell.append("\""); i += 1 } else { quoted = false }
                } else {
                    if c == "\n" { line += 1 }
                    cell.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == separator {
                cells.append(cell); cell = ""
            } else if c == "\n" || c == "\r\n" {
                cells.append(cell); cell = ""
                result.append((start, cells)); cells = []
                line += 1; start = line
            } else if c != "\r" {
                cell.append(c)
            }
            i += 1
        }
        return result
    }
}

import Foundation

/// Everything needed to put text in front of a user in one language: the catalogue,
/// the reference data's labels, and Dutch/English date formats.
public struct Strings: Sendable {
    public let language: Language
    public let catalog: Catalog
    /// Reference data given to this value; nil means the bundled set, decoded only when a label
    /// is first needed (many commands never need one, and decoding it is a tenth of a start-up).
    private let givenReference: ReferenceData?
    public var reference: ReferenceData { givenReference ?? .current }

    public init(_ language: Language, catalog: Catalog? = nil, reference: ReferenceData? = nil) {
        self.language = language
        self.catalog = catalog ?? Catalog.bundled(language)
        self.givenReference = reference
    }

    public var isDutch: Bool { language == .nl }

    /// A catalogue text with arguments.
    public func t(_ key: String, _ args: String...) -> String { catalog.text(key, args) }
    public func t(_ key: String, args: [String]) -> String { catalog.text(key, args) }

    /// A message rendered with its arguments (dates, domains and nested keys resolved).
    public func render(_ m: Message) -> String {
        if m.key.hasPrefix("vocab.") && m.args.isEmpty { return render(.key(m.key)) }
        return catalog.text(m.key, m.args.map(render))
    }

    public func render(_ a: Message.Arg) -> String {
        switch a {
        case .text(let s): return s
        case .number(let n): return String(n)
        case .day(let d): return date(d)
        case .domain(let c): return domain(c)
        case .key(let k):
            if k.hasPrefix("vocab.") {
                let parts = k.split(separator: ".", maxSplits: 2).map(String.init)
                if parts.count == 3, let l = reference.label(parts[1], parts[2]) { return l.text(language) }
            }
            return catalog.text(k)
        case .keys(let ks):
            return ks.map { render(.key($0)) }.joined(separator: ", ")
        case .elapsed(let d):
            // Unresolved (no day of reading): the day itself is still true.
            return date(d)
        }
    }

    /// A domain's name in this language.
    public func domain(_ code: String) -> String { reference.domain(code)?.text(language) ?? code }
    /// A domain's short name, for narrow columns.
    public func domainShort(_ code: String) -> String { reference.domain(code)?.short(language) ?? code }

    /// A vocabulary value's label.
    public func label<V: Vocabulary>(_ v: V) -> String { reference.text(v, language) }
    public func label(_ vocabulary: String, _ code: String) -> String {
        reference.label(vocabulary, code)?.text(language) ?? code
    }

    static let weekdaysNL = ["ma", "di", "wo", "do", "vr", "za", "zo"]
    static let weekdaysEN = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    static let weekdaysLongNL = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]
    static let weekdaysLongEN = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    static let monthsNL = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]
    static let monthsEN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    static let monthsLongNL = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
                               "oktober", "november", "december"]
    static let monthsLongEN = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                               "October", "November", "December"]

    /// `23-11-2026`, as Dutch users write dates (used in both languages for tables).
    public func date(_ d: Day) -> String {
        let c = d.components
        return "\(c.day < 10 ? "0" : "")\(c.day)-\(c.month < 10 ? "0" : "")\(c.month)-\(c.year)"
    }

    /// `23-11-2026 14:05` for a moment (a log entry), in the given time zone (the reader's by default).
    /// An ISO 8601 timestamp that does not parse is returned as it is.
    public func dateTime(iso: String, timeZone: TimeZone = .current) -> String {
        guard let moment = ISO8601DateFormatter().date(from: iso) else { return iso }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: moment)
        guard let day = Day(year: c.year!, month: c.month!, day: c.day!) else { return iso }
        return date(day) + " " + String(format: "%02d:%02d", c.hour!, c.minute!)
    }

    /// `ma 23 nov` / `Mon 23 Nov`.
    public func shortDate(_ d: Day) -> String {
        let c = d.components
        let wd = (isDutch ? Strings.weekdaysNL : Strings.weekdaysEN)[d.weekday - 1]
        let mo = (isDutch ? Strings.monthsNL : Strings.monthsEN)[c.month - 1]
        return "\(wd) \(c.day) \(mo)"
    }

    /// `maandag 23 november 2026` / `Monday 23 November 2026` (for letters and the household plan).
    public func longDate(_ d: Day) -> String {
        let c = d.components
        let wd = (isDutch ? Strings.weekdaysLongNL : Strings.weekdaysLongEN)[d.weekday - 1]
        let mo = (isDutch ? Strings.monthsLongNL : Strings.monthsLongEN)[c.month - 1]
        return "\(wd) \(c.day) \(mo) \(c.year)"
    }

    /// "3 dagen" / "1 dag".
    public func days(_ n: Int) -> String { n == 1 ? t("unit.day", "1") : t("unit.days", String(n)) }
}

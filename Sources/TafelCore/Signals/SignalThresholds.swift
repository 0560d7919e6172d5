/// The thresholds of the stall signals, with the defaults of DESIGN §5.
/// Teams may override them in `signalen.toml` (see `SignalConfig`).
public struct SignalThresholds: Hashable, Sendable, Codable {
    public var geenRegieDays = 14
    public var geenRegieMinDomains = 2
    public var bounceCount = 2
    public var bounceWindowDays = 90
    public var overdueDays = 1
    public var overdueMediumDays = 7
    public var overdueHighDays = 28
    public var parkedCarryOvers = 2
    public var parkedMeetings = 3
    public var reviewGraceDays = 14
    public var acuteDays = 2
    public var oneDomainMinDomains = 3
    public var waitingDays = 28
    public var waitingChainEpisodes = 2
    public var precedenceRejections = 2
    public var transitionMonths = 6
    public var consentExpiryDays = 30
    public var consentLookbackDays = 180
    public var noContactDays = 30
    /// Days from the first signal to the first contact before a signalled household shows in the
    /// audit (the timing element: help that comes late or never starts with no one going).
    public var signalContactDays = 14
    /// Days before an indication's end from which it needs a follow-up (and after it, how long a
    /// lapsed indication without one stays in the audit): a reassessment takes weeks.
    public var indicationEndDays = 42
    /// Days the scores of Basale ADL and Lichamelijke gezondheid stay at or below `wmoWlzMaxScore`
    /// under a Wmo indication before the Wlz is to be looked into.
    public var wmoWlzDays = 90
    public var wmoWlzMaxScore = 2

    public init() {}

    /// The config keys: `[rule] key = value`, Dutch key names as in `signalen.toml`.
    nonisolated(unsafe) public static let keys: [(section: String, key: String, path: WritableKeyPath<SignalThresholds, Int>)] = [
        ("geen-regie", "dagen", \.geenRegieDays),
        ("geen-regie", "min-leefgebieden", \.geenRegieMinDomains),
        ("regie-teruggekaatst", "aantal", \.bounceCount),
        ("regie-teruggekaatst", "venster-dagen", \.bounceWindowDays),
        ("actie-verlopen", "dagen", \.overdueDays),
        ("actie-verlopen", "middel-dagen", \.overdueMediumDays),
        ("actie-verlopen", "hoog-dagen", \.overdueHighDays),
        ("geparkeerd", "keren-doorgeschoven", \.parkedCarryOvers),
        ("geparkeerd", "overleggen", \.parkedMeetings),
        ("review-verlopen", "marge-dagen", \.reviewGraceDays),
        ("acuut-zonder-actie", "dagen", \.acuteDays),
        ("een-domein", "min-leefgebieden", \.oneDomainMinDomains),
        ("wachtlijst", "dagen", \.waitingDays),
        ("wachtlijst-keten", "episodes", \.waitingChainEpisodes),
        ("voorliggend", "afwijzingen", \.precedenceRejections),
        ("overgang", "maanden", \.transitionMonths),
        ("toestemming", "verloopt-binnen-dagen", \.consentExpiryDays),
        ("toestemming", "terugkijk-dagen", \.consentLookbackDays),
        ("geen-contact", "dagen", \.noContactDays),
        ("signaal-zonder-contact", "dagen", \.signalContactDays),
        ("indicatie-eindigt", "dagen", \.indicationEndDays),
        ("wmo-wlz", "dagen", \.wmoWlzDays),
        ("wmo-wlz", "max-score", \.wmoWlzMaxScore),
    ]
}

/// Signal thresholds for the whole database and per team.
public struct SignalConfig: Hashable, Sendable, Codable {
    public var defaults: SignalThresholds
    public var teams: [String: SignalThresholds]

    public init(defaults: SignalThresholds = SignalThresholds(), teams: [String: SignalThresholds] = [:]) {
        self.defaults = defaults; self.teams = teams
    }

    public func thresholds(team: String) -> SignalThresholds { teams[team] ?? defaults }

    /// A problem in the config file, as `path:line: message`.
    public struct Problem: Error, CustomStringConvertible, Sendable, Equatable {
        public var path: String
        public var line: Int
        /// Worded by whoever shows it, in the reader's language.
        public var message: Message
        public var description: String { "\(path):\(line): \(Strings(.en).render(message))" }
    }

    /// Parses `signalen.toml`: sections `[rule]` set defaults, `[teams.<team>.<rule>]` a team's
    /// override (starting from the defaults), lines `key = integer`, `#` comments.
    /// Bad lines are reported and skipped; the rest still applies.
    public static func parse(_ text: String, path: String) -> (SignalConfig, [Problem]) {
        var config = SignalConfig()
        var problems: [Problem] = []
        var section = ""
        var team: String? = nil
        var teamSettings: [(String, String, String, Int, Int)] = [] // team, section, key, value, line
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let lineNo = i + 1
            var line = Substring(raw)
            if let hash = line.firstIndex(of: "#") { line = line[..<hash] }
            let t = String(line).trimmed
            if t.isEmpty { continue }
            if t.hasPrefix("[") {
                guard t.hasSuffix("]") else { problems.append(Problem(path: path, line: lineNo, message: Message("signals.problem.bracket"))); continue }
                let name = String(t.dropFirst().dropLast()).trimmed.replacingOccurrences(of: "\"", with: "")
                if name.hasPrefix("teams.") {
                    let rest = name.dropFirst(6)
                    guard let dot = rest.lastIndex(of: ".") else {
                        problems.append(Problem(path: path, line: lineNo, message: Message("signals.problem.team-section"))); continue
                    }
                    team = String(rest[..<dot]); section = String(rest[rest.index(after: dot)...])
                } else {
                    team = nil; section = name
                }
                if !SignalThresholds.keys.contains(where: { $0.section == section }) {
                    problems.append(Problem(path: path, line: lineNo, message: Message("signals.problem.unknown-signal", .text(section))))
                }
                continue
            }
            guard let eq = t.firstIndex(of: "=") else {
                problems.append(Problem(path: path, line: lineNo, message: Message("signals.problem.key-value"))); continue
            }
            let key = String(t[..<eq]).trimmed
            let valueText = String(t[t.index(after: eq)...]).trimmed
            guard let entry = SignalThresholds.keys.first(where: { $0.section == section && $0.key == key }) else {
                problems.append(Problem(path: path, line: lineNo, message: Message("signals.problem.unknown-setting", .text(key), .text(section)))); continue
            }
            guard let v = Int(valueText), v >= 0, v <= 36500 else {
                problems.append(Problem(path: path, line: lineNo, message: Message("signals.problem.number", .text(key), .text(valueText)))); continue
            }
            if let team { teamSettings.append((team, section, key, v, lineNo)) } else { config.defaults[keyPath: entry.path] = v }
        }
        // Team overrides start from the (final) defaults.
        for (team, section, key, v, _) in teamSettings {
            var th = config.teams[team] ?? config.defaults
            if let entry = SignalThresholds.keys.first(where: { $0.section == section && $0.key == key }) {
                th[keyPath: entry.path] = v
            }
            config.teams[team] = th
        }
        return (config, problems)
    }
}

/// Reads due dates the way a minute-taker types them: `+2w`, `+10d`, `+1m`, `vrijdag`,
/// `vr`, `morgen`, `1-12`, `1-12-2026`, `2026-12-01` (and English weekday names).
public enum DueDateParser {
    static let weekdays: [String: Int] = [
        "maandag": 1, "ma": 1, "dinsdag": 2, "di": 2, "woensdag": 3, "wo": 3, "donderdag": 4, "do": 4,
        "vrijdag": 5, "vr": 5, "zaterdag": 6, "za": 6, "zondag": 7, "zo": 7,
        "monday": 1, "mon": 1, "tuesday": 2, "tue": 2, "wednesday": 3, "wed": 3, "thursday": 4, "thu": 4,
        "friday": 5, "fri": 5, "saturday": 6, "sat": 6, "sunday": 7, "sun": 7,
    ]

    public struct Invalid: Error, Equatable, Sendable {
        public var input: String
        public init(input: String) { self.input = input }
        public var message: Message { Message("error.due-format", .text(input)) }
    }

    /// The day meant by `text`, relative to `today`. A weekday means the next one after today;
    /// `d-m` means the next such date on or after today.
    public static func parse(_ text: String, today: Day) throws -> Day {
        let t = text.trimmed.lowercased()
        guard !t.isEmpty else { throw Invalid(input: text) }
        switch t {
        case "vandaag", "today", "nu": return today
        case "morgen", "tomorrow": return today.adding(days: 1)
        case "overmorgen": return today.adding(days: 2)
        default: break
        }
        if t.hasPrefix("+") {
            let body = t.dropFirst()
            guard let unit = body.last, let n = Int(body.dropLast()), n >= 0, n <= 3650 else { throw Invalid(input: text) }
            switch unit {
            case "d": return today.adding(days: n)
            case "w": return today.adding(weeks: n)
            case "m": return today.adding(months: n)
            case "j", "y": return today.adding(years: n)
            default: throw Invalid(input: text)
            }
        }
        if let wd = weekdays[t] {
            var delta = wd - today.weekday
            if delta <= 0 { delta += 7 }
            return today.adding(days: delta)
        }
        if let iso = Day(iso: t) { return iso }
        let parts = t.split(whereSeparator: { $0 == "-" || $0 == "/" || $0 == "." }).map(String.init)
        if parts.count == 2 || parts.count == 3, let d = Int(parts[0]), let m = Int(parts[1]) {
            if parts.count == 3 {
                guard var y = Int(parts[2]) else { throw Invalid(input: text) }
                if y < 100 { y += 2000 }
                guard let day = Day(year: y, month: m, day: d) else { throw Invalid(input: text) }
                return day
            }
            if let day = Day(year: today.year, month: m, day: d), day >= today { return day }
            if let day = Day(year: today.year + 1, month: m, day: d) { return day }
        }
        throw Invalid(input: text)
    }
}

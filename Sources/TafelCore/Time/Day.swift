import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A calendar date without a time of day (a due date, a birth date, a meeting day).
///
/// Stored as days since 1970-01-01 so that comparisons and differences are plain
/// integer arithmetic, independent of time zones; written as ISO `YYYY-MM-DD`.
public struct Day: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var ordinal: Int

    public init(ordinal: Int) { self.ordinal = ordinal }

    /// A valid date, or nil (e.g. 2026-02-30).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Day.daysIn(month: month, year: year), (1...9999).contains(year) else { return nil }
        ordinal = Day.ordinalFrom(year: year, month: month, day: day)
    }

    /// Parses `YYYY-MM-DD` strictly.
    public init?(iso: String) {
        // Over the UTF-8 bytes in place: the audit parses a million dates at city scale.
        var text = iso
        let parts: (Int, Int, Int)? = text.withUTF8 { u in
            guard u.count == 10, u[4] == 45, u[7] == 45 else { return nil }
            func num(_ r: Range<Int>) -> Int? {
                var v = 0
                for i in r { let c = u[i]; guard c >= 48 && c <= 57 else { return nil }; v = v * 10 + Int(c - 48) }
                return v
            }
            guard let y = num(0..<4), let m = num(5..<7), let d = num(8..<10) else { return nil }
            return (y, m, d)
        }
        guard let (y, m, d) = parts else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public static func < (a: Day, b: Day) -> Bool { a.ordinal < b.ordinal }

    public static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days from civil (Howard Hinnant's algorithm), proleptic Gregorian.
    static func ordinalFrom(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// Year, month and day of the month.
    public var components: (year: Int, month: Int, day: Int) {
        let z = ordinal + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        return (y, m, d)
    }

    public var year: Int { components.year }
    public var month: Int { components.month }
    public var dayOfMonth: Int { components.day }

    /// ISO weekday: 1 = Monday … 7 = Sunday.
    public var weekday: Int {
        let w = (ordinal + 3) % 7 // 1970-01-01 was a Thursday
        return (w < 0 ? w + 7 : w) + 1
    }

    /// `2026-11-23` (digits written by hand: listings format a date per row, and
    /// `String(format:)` went through Foundation's varargs for each).
    public var iso: String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(10)
        appendISO(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `2026-11-23` to a byte buffer (listings that stream rows write no String per date).
    public func appendISO(to out: inout [UInt8]) {
        let c = components
        var y = max(0, min(9999, c.year))
        let start = out.count
        out.append(contentsOf: [0x30, 0x30, 0x30, 0x30, 0x2D,
                                UInt8(0x30 + c.month / 10), UInt8(0x30 + c.month % 10), 0x2D,
                                UInt8(0x30 + c.day / 10), UInt8(0x30 + c.day % 10)])
        for i in stride(from: start + 3, through: start, by: -1) { out[i] = UInt8(0x30 + y % 10); y /= 10 }
    }

    public var description: String { iso }

    public func adding(days n: Int) -> Day { Day(ordinal: ordinal + n) }
    public func adding(weeks n: Int) -> Day { Day(ordinal: ordinal + 7 * n) }

    /// The same day of the month n months later, clamped to the month's last day.
    public func adding(months n: Int) -> Day {
        let c = components
        let total = c.year * 12 + (c.month - 1) + n
        let y = total / 12, m = total % 12 + 1
        return Day(year: y, month: m, day: min(c.day, Day.daysIn(month: m, year: y)))!
    }

    public func adding(years n: Int) -> Day { adding(months: 12 * n) }

    /// Whole days from `self` to `other` (positive when `other` is later).
    public func days(until other: Day) -> Int { other.ordinal - ordinal }

    /// The Monday of this day's week.
    public var startOfWeek: Day { adding(days: -(weekday - 1)) }

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        let s = try c.decode(String.self)
        guard let d = Day(iso: s) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "not a valid date (YYYY-MM-DD): \(s)")
        }
        self = d
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(iso)
    }
}

/// The source of "now". Rules never read the system clock; they get a `Clock`,
/// so tests and the demo can fix the date.
public protocol Clock: Sendable {
    var now: Date { get }
    var today: Day { get }
}

/// The real clock, in the local time zone.
public struct SystemClock: Clock {
    public init() {}
    public var now: Date { Date() }
    /// The local date, from the C library (Foundation's `Calendar` costs a few milliseconds of
    /// start-up for every command, and a command needs only the date).
    public var today: Day {
        var t = time(nil)
        var parts = tm()
        localtime_r(&t, &parts)
        return Day(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))!
    }
}

/// A clock stopped at a given day (and moment), for tests and reproducible output.
public struct FixedClock: Clock {
    public var today: Day
    public var now: Date
    public init(_ today: Day, now: Date? = nil) {
        self.today = today
        self.now = now ?? Date(timeIntervalSince1970: TimeInterval(today.ordinal * 86_400 + 9 * 3600))
    }
}

/// Real time, but "today" pinned to a given day (`TAFEL_TODAY`): reproducible demos,
/// screenshots and benchmarks while the meeting timer still runs.
public struct PinnedClock: Clock {
    public var today: Day
    public init(_ today: Day) { self.today = today }
    public var now: Date { Date() }

    /// `TAFEL_TODAY=YYYY-MM-DD` pins the day; otherwise the system clock.
    public static func fromEnvironment(_ env: [String: String]) -> any Clock {
        if let t = env["TAFEL_TODAY"], let d = Day(iso: t) { return PinnedClock(d) }
        return SystemClock()
    }
}

import Foundation
import TafelCore
import TextSafety

/// RFC 5545 output: CRLF line endings, TEXT escaping, lines folded at 75 octets without
/// splitting a UTF-8 character.
enum ICalendar {
    /// UIDs are `action-ID.DATABASE@tafel` and `review-HOUSEHOLD.DATABASE@tafel`: unique across
    /// databases (a random database id) and stable when a date moves (no date in them); SEQUENCE
    /// is the record's version, so a calendar replaces the item instead of adding a second one.
    static func build(caseload c: Caseload, user: Professional, strings s: Strings, now: Date, databaseId: String) -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//tafel//casusoverleg//NL", "CALSCALE:GREGORIAN",
                     "X-WR-CALNAME:" + Escape.ics(s.t("ics.calendar-name", user.name))]
        let stamp = utcStamp(now)
        for a in c.overdue + c.thisWeek + c.later {
            let act = a.action
            lines += ["BEGIN:VTODO", "UID:action-\(act.id).\(databaseId)@tafel", "DTSTAMP:\(stamp)", "SEQUENCE:\(max(0, act.version - 1))",
                      "SUMMARY:" + Escape.ics("\(a.householdName): \(act.description)"),
                      "DESCRIPTION:" + Escape.ics(s.t("ics.action-description", s.domain(act.domain), s.label(act.status))),
                      "STATUS:" + (act.status == .bezig ? "IN-PROCESS" : "NEEDS-ACTION")]
            if let due = act.due { lines.append("DUE;VALUE=DATE:" + compact(due)) }
            lines.append("END:VTODO")
        }
        for r in c.reviews {
            lines += ["BEGIN:VEVENT", "UID:review-\(r.householdId).\(databaseId)@tafel", "DTSTAMP:\(stamp)", "SEQUENCE:\(r.date.ordinal - Day(iso: "2020-01-01")!.ordinal)",
                      "DTSTART;VALUE=DATE:" + compact(r.date), "DTEND;VALUE=DATE:" + compact(r.date.adding(days: 1)),
                      "SUMMARY:" + Escape.ics(s.t("caseload.review-of", r.householdName)), "TRANSP:TRANSPARENT", "END:VEVENT"]
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    static func compact(_ d: Day) -> String { d.iso.replacingOccurrences(of: "-", with: "") }

    static func utcStamp(_ date: Date) -> String {
        var t = time_t(date.timeIntervalSince1970)
        var tm = tm()
        gmtime_r(&t, &tm)
        return String(format: "%04d%02d%02dT%02d%02d%02dZ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec)
    }

    /// Folds a content line: at most 75 octets per line, continuation lines start with a space.
    static func fold(_ line: String) -> String {
        var out = ""
        var count = 0
        var limit = 75
        for ch in line.unicodeScalars {
            let n = String(ch).utf8.count
            if count + n > limit {
                out += "\r\n "
                count = 0
                limit = 74 // the leading space counts
            }
            out.unicodeScalars.append(ch)
            count += n
        }
        return out
    }
}

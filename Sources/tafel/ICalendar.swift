import Foundation
import TafelCore
import TextSafety

/// RFC 5545 output: CRLF line endings, TEXT escaping, lines folded at 75 octets without
/// splitting a UTF-8 character.
enum ICalendar {
    /// UIDs are `action-ID.DATABASE@tafel` and `review-HOUSEHOLD.DATABASE@tafel`: unique across
    /// databases (a random database id) and stable when a date moves (no date in them); SEQUENCE
    /// is the record's version, so a calendar replaces the item instead of adding a second one.
    /// LAST-MODIFIED comes from the audit log. Actions closed lately (`closed`) stay in the feed as
    /// COMPLETED (done) or CANCELLED (any other ending), so a calendar ticks them off instead of
    /// losing them.
    static func build(caseload c: Caseload, closed: [CaseloadAction] = [], modified: [Int64: String] = [:], user: Professional,
                      strings s: Strings, now: Date, databaseId: String) -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//tafel//casusoverleg//NL", "CALSCALE:GREGORIAN",
                     "X-WR-CALNAME:" + Escape.ics(s.t("ics.calendar-name", user.name))]
        let stamp = utcStamp(now)
        func todo(_ a: CaseloadAction, status: String, extra: [String]) {
            let act = a.action
            let changed = modified[act.id].flatMap(eventStamp) ?? compact(act.closedOn ?? act.createdOn) + "T000000Z"
            lines += ["BEGIN:VTODO", "UID:action-\(act.id).\(databaseId)@tafel", "DTSTAMP:\(stamp)", "LAST-MODIFIED:\(changed)",
                      "SEQUENCE:\(max(0, act.version - 1))",
                      "SUMMARY:" + Escape.ics("\(a.householdName): \(act.description)"),
                      "DESCRIPTION:" + Escape.ics(s.t("ics.action-description", s.domain(act.domain), s.label(act.status))),
                      "STATUS:" + status] + extra
            if let due = act.due { lines.append("DUE;VALUE=DATE:" + compact(due)) }
            lines.append("END:VTODO")
        }
        for a in c.overdue + c.thisWeek + c.later + c.waiting {
            todo(a, status: a.action.status == .bezig ? "IN-PROCESS" : "NEEDS-ACTION", extra: [])
        }
        for a in closed {
            let done = a.action.status == .gedaan
            let when = modified[a.action.id].flatMap(eventStamp) ?? compact(a.action.closedOn ?? a.action.createdOn) + "T120000Z"
            todo(a, status: done ? "COMPLETED" : "CANCELLED", extra: done ? ["COMPLETED:\(when)", "PERCENT-COMPLETE:100"] : [])
        }
        for r in c.reviews {
            lines += ["BEGIN:VEVENT", "UID:review-\(r.householdId).\(databaseId)@tafel", "DTSTAMP:\(stamp)", "SEQUENCE:\(r.date.ordinal - Day(iso: "2020-01-01")!.ordinal)",
                      "DTSTART;VALUE=DATE:" + compact(r.date), "DTEND;VALUE=DATE:" + compact(r.date.adding(days: 1)),
                      "SUMMARY:" + Escape.ics(s.t("caseload.review-of", r.householdName)), "TRANSP:TRANSPARENT", "END:VEVENT"]
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    /// An audit log time ("2026-12-07T16:56:34Z") as an iCalendar UTC time ("20261207T165634Z").
    static func eventStamp(_ at: String) -> String? {
        let digits = at.filter { $0.isNumber }
        guard digits.count == 14, at.hasSuffix("Z") else { return nil }
        return String(digits.prefix(8)) + "T" + String(digits.suffix(6)) + "Z"
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

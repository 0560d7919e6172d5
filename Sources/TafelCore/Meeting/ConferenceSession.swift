/// A conference day (*casusoverleg-sessie*): several households discussed one after another,
/// each in its own time slot, chaired by one person.
public struct ConferenceSession: Codable, Hashable, Sendable, Identifiable {
    public var id: Int64
    public var date: Day
    public var chairId: Int64
    public var title: String
    public var slots: [SessionSlot]

    public init(id: Int64, date: Day, chairId: Int64, title: String, slots: [SessionSlot]) {
        self.id = id; self.date = date; self.chairId = chairId; self.title = title; self.slots = slots
    }
}

/// One household's place in a session: its start (minutes after midnight) and its length.
public struct SessionSlot: Codable, Hashable, Sendable {
    public var householdId: Int64
    public var start: Int
    public var minutes: Int

    public init(householdId: Int64, start: Int, minutes: Int) {
        self.householdId = householdId; self.start = start; self.minutes = minutes
    }

    /// `09:15`
    public static func clock(_ minutes: Int) -> String {
        let h = minutes / 60, m = minutes % 60
        return (h < 10 ? "0" : "") + String(h) + ":" + (m < 10 ? "0" : "") + String(m)
    }

    /// Parses `9:15` or `09:15`; nil when it is not a time of day.
    public static func parseClock(_ text: String) -> Int? {
        let parts = text.split(separator: ":")
        guard parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]), (0..<24).contains(h), (0..<60).contains(m), parts[1].count == 2 else { return nil }
        return h * 60 + m
    }
}

/// Why a session cannot be planned as asked.
public enum SessionPlanError: Error, Hashable, Sendable {
    case noHouseholds
    case duplicate(Int64)
    case slotLength(Int)
    case pastMidnight

    public var message: Message {
        switch self {
        case .noHouseholds: return Message("session.error.none")
        case .duplicate(let id): return Message("session.error.duplicate", .number(Int(id)))
        case .slotLength(let n): return Message("session.error.slot", .number(n))
        case .pastMidnight: return Message("session.error.midnight")
        }
    }
}

/// Lays out a session's slots one after another from a start time.
public enum SessionPlanner {
    /// The slots for `households` in this order, each `minutes` long, from `start` (minutes after midnight).
    public static func slots(households: [Int64], start: Int, minutes: Int) throws -> [SessionSlot] {
        guard !households.isEmpty else { throw SessionPlanError.noHouseholds }
        guard (5...120).contains(minutes) else { throw SessionPlanError.slotLength(minutes) }
        var seen: Set<Int64> = []
        for h in households where !seen.insert(h).inserted { throw SessionPlanError.duplicate(h) }
        let slots = households.enumerated().map { SessionSlot(householdId: $0.element, start: start + $0.offset * minutes, minutes: minutes) }
        guard let last = slots.last, last.start + last.minutes <= 24 * 60 else { throw SessionPlanError.pastMidnight }
        return slots
    }
}

/// What became of one household in a session: the end-of-day summary's line.
public struct SessionOutcome: Hashable, Sendable {
    public var slot: SessionSlot
    public var householdName: String
    /// The household's meeting on the session's day, if one was started.
    public var meetingStatus: MeetingStatus?
    public var hasRegisseur: Bool
    public var actionsAgreed: Int
    public var nextReview: Day?
    /// Minutes the meeting took (start to close); nil while it is open or was not held.
    public var usedMinutes: Int?
    /// Minutes over the slot (0 when within it); nil when not known.
    public var overranMinutes: Int? { usedMinutes.map { max(0, $0 - slot.minutes) } }

    /// The outcome of `file`'s meeting on `day`.
    public static func of(_ file: CaseFile, slot: SessionSlot, day: Day) -> SessionOutcome {
        let meeting = file.meetings.last { $0.date == day }
        let used = meeting.flatMap { m -> Int? in
            guard let start = m.startedAt, let end = m.endedAt, end >= start else { return nil }
            return Int((end - start + 59) / 60)
        }
        return SessionOutcome(slot: slot, householdName: file.household.name, meetingStatus: meeting?.status,
                              hasRegisseur: file.coordinators.contains { $0.status == .geaccepteerd },
                              actionsAgreed: meeting.map { m in file.actions.filter { $0.meetingId == m.id }.count } ?? 0,
                              nextReview: meeting?.nextReview, usedMinutes: used)
    }
}

/// The session summary as a report (Markdown or HTML through `ReportDocument`).
public enum SessionSummary {
    public static func document(_ session: ConferenceSession, outcomes: [SessionOutcome], chair: String, strings s: Strings) -> ReportDocument {
        var doc = ReportDocument(title: s.t("session.summary-title", s.date(session.date)), language: s.language)
        doc.blocks.append(.heading(1, s.t("session.summary-title", s.date(session.date))))
        doc.blocks.append(.fields([ReportDocument.Field(s.t("session.field-title"), session.title),
                                   ReportDocument.Field(s.t("session.field-chair"), chair),
                                   ReportDocument.Field(s.t("session.field-households"), String(session.slots.count))]))
        let header = [s.t("session.col-time"), s.t("session.col-household"), s.t("session.col-status"), s.t("session.col-regisseur"),
                      s.t("session.col-actions"), s.t("session.col-review"), s.t("session.col-overran")]
        let rows = outcomes.map { o -> [String] in
            [SessionSlot.clock(o.slot.start) + "–" + SessionSlot.clock(o.slot.start + o.slot.minutes), o.householdName,
             o.meetingStatus.map { s.t("session.status.\($0.rawValue)") } ?? s.t("session.status.none"),
             o.hasRegisseur ? s.t("common.yes") : s.t("common.no"), String(o.actionsAgreed),
             o.nextReview.map(s.date) ?? "—",
             o.overranMinutes.map { $0 == 0 ? s.t("session.on-time") : s.t("session.overran", String($0)) } ?? "—"]
        }
        doc.blocks.append(.table(header: header, rows: rows))
        let withoutRegisseur = outcomes.filter { !$0.hasRegisseur }.map(\.householdName)
        if !withoutRegisseur.isEmpty {
            doc.blocks.append(.paragraph(s.t("session.without-regisseur", withoutRegisseur.joined(separator: ", "))))
        }
        return doc
    }
}

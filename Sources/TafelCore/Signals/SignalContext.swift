/// What the stall rules need besides the household file: the day, the thresholds,
/// the roster (to name organisations) and the active domain order.
public struct SignalContext: Sendable {
    public var today: Day
    public var thresholds: SignalThresholds
    public var roster: Roster
    public var domainOrder: [String]

    public init(today: Day, thresholds: SignalThresholds = SignalThresholds(), roster: Roster = Roster(), domainOrder: [String] = []) {
        self.today = today; self.thresholds = thresholds; self.roster = roster; self.domainOrder = domainOrder
    }
}

/// The evidence messages of each rule, built in one place. Day counts are `.elapsed(day)`, so
/// evidence stored in the store's index is still true on the day it is read.
public enum Evidence {
    public static func geenRegie(activeSince: Day, domainsInNeed: Int) -> Message {
        Message("signal.geen-regie.evidence", .day(activeSince), .number(domainsInNeed))
    }
    public static func regieTeruggekaatst(declines: Int, lastReason: String) -> Message {
        Message("signal.regie-teruggekaatst.evidence", .number(declines), .text(lastReason))
    }
    public static func actieVerlopen(description: String, due: Day, since: Day) -> Message {
        Message("signal.actie-verlopen.evidence", .text(description), .day(due), .elapsed(since))
    }
    public static func geparkeerdAction(description: String, carried: Int) -> Message {
        Message("signal.geparkeerd.evidence-action", .text(description), .number(carried))
    }
    public static func geparkeerdDomain(domain: String, meetings: Int) -> Message {
        Message("signal.geparkeerd.evidence-domain", .domain(domain), .number(meetings))
    }
    public static func reviewVerlopen(last: Day?, since: Day) -> Message {
        if let last { return Message("signal.review-verlopen.evidence", .day(last), .elapsed(since)) }
        return Message("signal.review-verlopen.evidence-never", .elapsed(since))
    }
    public static func acuutZonderActie(domain: String, member: String, date: Day) -> Message {
        Message("signal.acuut-zonder-actie.evidence", .domain(domain), .text(member), .day(date))
    }
    public static func onvolledig(domain: String, score: Int?) -> Message {
        if let score { return Message("signal.onvolledig.evidence", .domain(domain), .number(score)) }
        return Message("signal.onvolledig.evidence-status", .domain(domain))
    }
    public static func eenDomein(domainsInNeed: Int, domain: String) -> Message {
        Message("signal.een-domein.evidence", .number(domainsInNeed), .domain(domain))
    }
    public static func wachtlijst(description: String, since: Day) -> Message {
        Message("signal.wachtlijst.evidence", .text(description), .day(since), .elapsed(since))
    }
    public static func wachtlijstKeten(domain: String, episodes: Int) -> Message {
        Message("signal.wachtlijst-keten.evidence", .domain(domain), .number(episodes))
    }
    public static func voorliggend(domain: String, rejections: Int) -> Message {
        Message("signal.voorliggend.evidence", .domain(domain), .number(rejections))
    }
    public static func overgang(member: String, birthday: Day) -> Message {
        Message("signal.overgang.evidence", .text(member), .day(birthday))
    }
    public static func indicatieEindigt(member: String, law: LegalFramework, provider: String, end: Day) -> Message {
        Message("signal.indicatie-eindigt.evidence", .text(member), .key("vocab.framework.\(law.rawValue)"), .text(provider), .day(end))
    }
    public static func wmoWlz(member: String, provider: String, adl: Int, health: Int, since: Day) -> Message {
        Message("signal.wmo-wlz.evidence", .text(member), .text(provider), .number(adl), .number(health), .day(since))
    }
    public static func toestemmingMeeting(organisation: String, meeting: Day) -> Message {
        Message("signal.toestemming.evidence-meeting", .text(organisation), .day(meeting))
    }
    public static func toestemmingExpiry(organisation: String, expires: Day) -> Message {
        Message("signal.toestemming.evidence-expiry", .text(organisation), .day(expires))
    }
    public static func geenContact(last: Day?, since: Day) -> Message {
        if let last { return Message("signal.geen-contact.evidence", .day(last), .elapsed(since)) }
        return Message("signal.geen-contact.evidence-never", .elapsed(since))
    }
    public static func scoreDaling(domain: String, member: String, from: Int, to: Int) -> Message {
        Message("signal.score-daling.evidence", .domain(domain), .text(member), .number(from), .number(to))
    }
    public static func geenHulpvraag(missingPlan: Bool, missingDate: Bool, overdue: Day?) -> Message {
        if let overdue { return Message("signal.geen-hulpvraag.evidence-overdue", .day(overdue)) }
        if missingPlan && missingDate { return Message("signal.geen-hulpvraag.evidence-both") }
        return Message(missingPlan ? "signal.geen-hulpvraag.evidence-plan" : "signal.geen-hulpvraag.evidence-date")
    }
    public static func escalatieOpen(raisedTo: String, deadline: Day, since: Day) -> Message {
        Message("signal.escalatie-open.evidence", .text(raisedTo), .day(deadline), .elapsed(since))
    }

    public static func signaalZonderContact(source: String, date: Day) -> Message {
        Message("signal.signaal-zonder-contact.evidence", .key("vocab.signalSource.\(source)"), .day(date), .elapsed(date))
    }

    /// The severity of an overdue action by days overdue.
    public static func overdueSeverity(days: Int, _ t: SignalThresholds) -> Severity {
        days >= t.overdueHighDays ? .hoog : (days >= t.overdueMediumDays ? .middel : .laag)
    }
}

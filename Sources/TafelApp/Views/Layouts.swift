import TerminalKit

/// Screen geometry as pure functions of the terminal size, shared by the views (to draw)
/// and the reducer (to scroll lists and to hit-test mouse clicks) so the two never disagree.
public enum Layouts {
    /// Title bar, body, status bar.
    public static func frame(_ size: Size) -> (title: Rect, body: Rect, status: Rect) {
        let r = Layout.vertical([.length(1), .fill(1), .length(1)]).split(Rect(size: size))
        return (r[0], r[1], r[2])
    }

    // MARK: Caseload

    public static func caseload(_ size: Size) -> (list: Rect, detail: Rect) {
        let body = frame(size).body
        let cols = Layout.horizontal([.percentage(62), .fill(1)]).split(body)
        return (cols[0], cols[1])
    }

    /// The rows of the caseload list inside its border.
    public static func caseloadListArea(_ size: Size) -> Rect { caseload(size).list.inset(by: 1) }
    public static func caseloadListHeight(_ size: Size) -> Int { max(1, caseloadListArea(size).height) }

    // MARK: Households

    public static func householdsBlock(_ size: Size) -> Rect { frame(size).body }
    /// The table inside the border (header row included).
    public static func householdsTable(_ size: Size) -> Rect { householdsBlock(size).inset(by: 1) }
    public static func householdsListHeight(_ size: Size) -> Int { max(1, householdsTable(size).height - 1) }

    // MARK: Audit

    public static func audit(_ size: Size) -> (table: Rect, evidence: Rect) {
        let body = frame(size).body
        let evidence = max(7, body.height * 2 / 5)
        let r = Layout.vertical([.fill(1), .length(evidence)]).split(body)
        return (r[0], r[1])
    }

    public static func auditTable(_ size: Size) -> Rect { audit(size).table.inset(by: 1) }
    public static func auditListHeight(_ size: Size) -> Int { max(1, auditTable(size).height - 1) }

    // MARK: Household

    public static func household(_ size: Size) -> (header: Rect, tabs: Rect, content: Rect) {
        let body = frame(size).body
        let r = Layout.vertical([.length(4), .length(1), .fill(1)]).split(body)
        return (r[0], r[1], r[2])
    }

    /// Rows of the lists on the household screen (Gezinsleden, Afspraken), below their header.
    public static func householdListHeight(_ size: Size) -> Int {
        max(1, household(size).content.height - 8)
    }

    // MARK: Meeting

    public static func meeting(_ size: Size) -> (agenda: Rect, side: Rect, main: Rect) {
        let body = frame(size).body
        let rows = Layout.vertical([.length(1), .fill(1)]).split(body)
        let side = size.width >= 110 ? 34 : (size.width >= 90 ? 28 : 24)
        let cols = Layout.horizontal([.length(side), .fill(1)]).split(rows[1])
        return (rows[0], cols[0], cols[1])
    }

    /// Leefgebieden step: the domain list on the left of the main area, details on the right.
    public static func meetingDomains(_ size: Size) -> (list: Rect, detail: Rect) {
        let main = meeting(size).main
        let cols = Layout.horizontal([.length(main.width >= 70 ? 30 : 26), .fill(1)]).split(main)
        return (cols[0], cols[1])
    }

    public static func meetingDomainListHeight(_ size: Size) -> Int { max(1, meetingDomains(size).list.height - 2) }
    public static func meetingListHeight(_ size: Size) -> Int { max(1, meeting(size).main.height - 6) }
}

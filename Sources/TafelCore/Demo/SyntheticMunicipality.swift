/// A deterministic synthetic municipality for scale tests and benchmarks (`tafel generate`):
/// teams and wijken, professionals, and households with realistic distributions of size,
/// domains in need, scores, meetings over two years, ≈ 20 actions each with every status,
/// waiting lists, rejections, carry-overs, signals, contacts and consents.
///
/// Household `i` depends only on (seed, i, today), so generation streams in batches and the
/// same seed always gives byte-identical data.
public struct SyntheticMunicipality: Sendable {
    public let seed: UInt64
    public let today: Day
    public let households: Int
    public let organisations: [Organisation]
    public let professionals: [Professional]
    public let teams: [String]
    let wijken: [String: [String]]
    let domainCodes: [String]

    static let teamNames = ["Noord", "Zuid", "Oost", "West", "Centrum", "Delfshaven", "Charlois", "IJsselmonde", "Prins Alexander", "Kralingen"]
    static let wijkNames = ["Bloemhof", "Hillesluis", "Feijenoord", "Afrikaanderwijk", "Oude Noorden", "Bergpolder", "Liskwartier",
                            "Agniesebuurt", "Crooswijk", "Rubroek", "Kralingen-West", "Ommoord", "Zevenkamp", "Lombardijen",
                            "Beverwaard", "Tarwewijk", "Carnisse", "Pendrecht", "Zuidwijk", "Oud-Charlois", "Bospolder", "Tussendijken",
                            "Spangen", "Middelland", "Nieuwe Westen", "Cool", "Stadsdriehoek", "Hoogvliet-Noord", "Pernis", "Overschie"]
    static let firstNames = ["Anna", "Mohamed", "Sanne", "Daan", "Fatima", "Jan", "Emma", "Noah", "Sara", "Lucas", "Aylin", "Kevin",
                             "Priya", "Piet", "Mila", "Youssef", "Linda", "Tim", "Nadia", "Bas", "Esra", "Ruud", "Iris", "Omar",
                             "Chantal", "Dennis", "Fleur", "Hamza", "Ingrid", "Jesse", "Kim", "Lars", "Marloes", "Nina", "Rachid", "Sophie"]
    static let surnames = ["de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos",
                           "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra", "Yilmaz", "El Amrani",
                           "Kaya", "Ramdin", "Nowak", "Koster", "Verhoeven", "van Dijk", "Haddou", "Kok", "Martens", "Willems"]
    static let actionTexts: [String: [String]] = [
        "financien": ["Schuldhulptraject starten", "Budgetbeheer aanvragen", "Betalingsregeling treffen", "Toeslagen controleren",
                      "Bijzondere bijstand aanvragen", "Post samen ordenen"],
        "werk-opleiding": ["Re-integratietraject starten", "Intake bij het leerwerkloket", "Herbeoordeling UWV aanvragen"],
        "tijdsbesteding": ["Dagbesteding zoeken", "Passende schoolplek zoeken", "Vrijwilligerswerk regelen"],
        "huisvesting": ["Betalingsregeling huur", "Urgentie aanvragen", "Woning laten opruimen", "Begeleid wonen aanvragen"],
        "huiselijke-relaties": ["Gesprek met beide ouders plannen", "Relatiebemiddeling aanbieden", "Veiligheidsplan maken"],
        "geestelijke-gezondheid": ["Verwijzing naar GGZ", "Behandeling voortzetten", "Intake bij de huisartsondersteuner"],
        "lichamelijke-gezondheid": ["Afspraak met de huisarts maken", "Hulpmiddelen aanvragen", "Wijkverpleging inzetten"],
        "middelengebruik": ["Intake verslavingszorg", "Gesprek over gebruik plannen"],
        "basale-adl": ["Hulp bij wassen en aankleden", "Thuiszorg aanvragen"],
        "instrumentele-adl": ["Huishoudelijke hulp aanvragen", "Maaltijdservice regelen", "Hulp bij administratie"],
        "sociaal-netwerk": ["Maatje zoeken", "Buurtkamer bezoeken", "Netwerkberaad organiseren"],
        "maatschappelijke-participatie": ["Taalcursus regelen", "Sportclub zoeken", "Uitleg over rechten geven"],
        "justitie": ["Afspraken met de reclassering", "Juridisch loket inschakelen"],
        "ouderschap": ["Gezinscoaching starten", "Opvoedondersteuning aanbieden", "Oudergesprek op school"],
    ]

    public init(households: Int, seed: UInt64, today: Day) {
        self.seed = seed
        self.today = today
        self.households = households
        domainCodes = ReferenceData.bundled.domainSet("zrm-2017")!.codes
        // Roughly one team per 1,000 households (at least 2), one wijkteam organisation per team,
        // and partner organisations shared by all teams.
        let teamCount = max(2, min(Self.teamNames.count, households / 1000 + 2))
        teams = (0..<teamCount).map { "Team \(Self.teamNames[$0])" }
        var w: [String: [String]] = [:]
        for (i, wijk) in Self.wijkNames.enumerated() { w[teams[i % teamCount], default: []].append(wijk) }
        wijken = w
        var orgs: [Organisation] = []
        for (i, t) in teams.enumerated() { orgs.append(Organisation(id: Int64(i + 1), name: "Wijkteam \(t.dropFirst(5))", kind: "wijkteam")) }
        let partners: [(String, String)] = [("Schuldhulpverlening", "schuldhulpverlening"), ("GGZ Stad", "ggz"), ("Thuiszorg Stad", "wijkverpleging"),
                                            ("Woningcorporatie Stad", "woningcorporatie"), ("Leerplicht", "leerplicht"), ("Jeugdhulp Stad", "jeugdhulp"),
                                            ("Gemeente Werk en Inkomen", "gemeente"), ("Politie", "politie"), ("UWV", "uwv"), ("Verslavingszorg", "verslavingszorg")]
        for (i, p) in partners.enumerated() { orgs.append(Organisation(id: Int64(teamCount + i + 1), name: p.0, kind: p.1)) }
        organisations = orgs
        var pros: [Professional] = []
        var rng = SeededGenerator(seed: seed, index: UInt64.max)
        var pid: Int64 = 1
        // Per team: a chair, a teamleider and one generalist per 50 households; per partner
        // organisation: a few professionals working across teams.
        let perTeam = max(3, households / teamCount / 50)
        for (ti, t) in teams.enumerated() {
            for k in 0..<(perTeam + 2) {
                let role: TafelRole = k == 0 ? .voorzitter : (k == 1 ? .teamleider : .medewerker)
                let name = "\(rng.pick(Self.firstNames)) \(rng.pick(Self.surnames))"
                pros.append(Professional(id: pid, name: name, organisationId: Int64(ti + 1), discipline: k < 2 ? role.rawValue : "generalist",
                                         role: role, login: "p\(pid)", team: t, phone: "06 \(10_000_000 + Int(pid))"))
                pid += 1
            }
        }
        for i in 0..<partners.count {
            for _ in 0..<max(2, households / 400) {
                let name = "\(rng.pick(Self.firstNames)) \(rng.pick(Self.surnames))"
                pros.append(Professional(id: pid, name: name, organisationId: Int64(teamCount + i + 1), discipline: partners[i].1, role: .medewerker,
                                         login: "p\(pid)", team: teams[Int(pid) % teamCount]))
                pid += 1
            }
        }
        // The municipality's application manager (beheerder): the one who may export, import and
        // apply retention, now that a login outside the roster has no rights. Not on any household.
        pros.append(Professional(id: pid, name: "Functioneel beheer", organisationId: nil, discipline: "beheerder", role: .beheerder,
                                 login: "beheer", team: ""))
        professionals = pros
    }

    /// Professionals of partner organisations (they work across teams).
    public var partnerProfessionals: [Professional] {
        professionals.filter { ($0.organisationId ?? 0) > Int64(teams.count) }
    }

    public var teamProfessionals: [String: [Professional]] {
        Dictionary(grouping: professionals.filter { $0.organisationId.map { $0 <= Int64(teams.count) } ?? false }, by: \.team)
    }

    /// Generates household `index` (0-based). Ids come from `ids`, which the caller keeps
    /// between calls so that they stay unique and deterministic.
    public func household(_ index: Int, ids: inout IdSequences, teamStaff: [String: [Professional]], partners: [Professional]) -> CaseFile {
        var rng = SeededGenerator(seed: seed, index: UInt64(index))
        let team = teams[index % teams.count]
        let staff = teamStaff[team] ?? []
        let workers = staff.filter { $0.role == .medewerker }
        let chair = staff.first { $0.role == .voorzitter }?.id
        let wijk = rng.pick(wijken[team] ?? ["Centrum"])
        let activeDays = rng.int(14...730)
        let size = rng.weighted([(1, 35), (2, 25), (3, 15), (4, 15), (5, 7), (6, 3)])
        let surname = rng.pick(Self.surnames)
        let name = size == 1 ? "\(rng.pick(Self.firstNames)) \(surname)" : "Familie \(surname)"
        var b = CaseFileBuilder(&ids, name: name, wijk: wijk, team: team, today: today, activeDaysAgo: activeDays,
                                address: "\(rng.pick(Self.wijkNames))straat \(rng.int(1...200))",
                                ownView: rng.chance(0.7) ? "Wij willen weer rust en overzicht." : "")
        let status = rng.weighted([(HouseholdStatus.actief, 80), (.aangemeld, 8), (.afgesloten, 12)])
        b.file.household.status = status
        if status == .aangemeld { b.file.household.activatedOn = nil }
        if status == .afgesloten { b.file.household.closedOn = today.adding(days: -rng.int(1...max(1, activeDays - 1))); b.file.household.closeReason = "Doelen bereikt" }
        b.file.household.noHelpRequest = rng.chance(0.04)
        if b.file.household.noHelpRequest && rng.chance(0.5) { b.file.household.outreachPlan = "Maandelijks langsgaan"; b.file.household.nextAttempt = today.adding(days: rng.int(-20...30)) }
        let worker = workers.isEmpty ? staff.first! : rng.pick(workers)
        b.file.household.involved = [worker.id]
        var members: [Int64] = []
        for k in 0..<size {
            let role: MemberRole = k == 0 ? .ouder : (k == 1 && size > 2 ? .partner : .kind)
            let age = role == .kind ? rng.int(0...19) : rng.int(20...85)
            members.append(b.member(&ids, "\(rng.pick(Self.firstNames)) \(surname)", role, age: age))
        }
        for _ in 0..<rng.int(1...3) {
            b.signal(&ids, rng.pick(["woningcorporatie", "zorgverzekeraar", "energieleverancier", "huisarts", "school-leerplicht", "buren", "zelfmelding", "politie"]),
                     daysAgo: activeDays + rng.int(0...120), "Melding over betalingsachterstand of zorgen")
        }
        // Domains in need and their scores.
        let needCount = rng.weighted([(1, 20), (2, 30), (3, 25), (4, 15), (5, 10)])
        var need: [String] = []
        while need.count < needCount { let d = rng.pick(domainCodes); if !need.contains(d) { need.append(d) } }
        for d in need { b.domain(d, rng.weighted([(DomainStatus.zorg, 60), (.inBehandeling, 25), (.wachtlijst, 10), (.opgelost, 5)]), daysAgo: rng.int(1...activeDays)) }
        // Meetings spread over the active period (several per household over two years).
        let meetingCount = status == .aangemeld ? 0 : max(1, min(12, activeDays / 60 + rng.int(0...2)))
        var meetingIds: [(Int64, Int)] = []
        let partnerPick = partners.isEmpty ? [] : (0..<3).map { _ in rng.pick(partners) }
        for k in 0..<meetingCount {
            let daysAgo = max(0, activeDays - (activeDays * k) / max(1, meetingCount) - rng.int(0...5))
            var att: [(PartyRef, Presence)] = [(.professional(worker.id), .aanwezig)]
            if let c = chair { att.append((.professional(c), .aanwezig)) }
            for p in partnerPick.prefix(rng.int(1...3)) where !att.contains(where: { $0.0 == .professional(p.id) }) {
                att.append((.professional(p.id), rng.chance(0.85) ? .aanwezig : .afwezigMetBericht))
            }
            let roster = Roster(organisations: organisations, professionals: staff + partnerPick)
            let mid = b.meeting(&ids, daysAgo: daysAgo, chair: chair, attendees: att, householdPresent: rng.chance(0.6),
                                discussed: need.filter { _ in rng.chance(0.8) }, roster: roster)
            meetingIds.append((mid, daysAgo))
            for d in need {
                for m in members.prefix(2) where rng.chance(0.7) {
                    b.score(&ids, m, d, rng.weighted([(1, 8), (2, 30), (3, 35), (4, 20), (5, 7)]), daysAgo: daysAgo,
                            own: rng.chance(0.3) ? rng.int(1...5) : nil, by: worker.id, meeting: mid)
                }
            }
        }
        // Coordination.
        if status != .aangemeld {
            if rng.chance(0.15) { b.coordinator(&ids, .professional(rng.pick(staff).id), .afgewezen, daysAgo: rng.int(1...activeDays), reason: "Geen capaciteit") }
            if rng.chance(0.08) { b.coordinator(&ids, .professional(rng.pick(staff).id), .afgewezen, daysAgo: rng.int(1...min(90, activeDays)), reason: "Regel jij dat maar") }
            if rng.chance(0.75) { b.coordinator(&ids, .professional(worker.id), .geaccepteerd, daysAgo: rng.int(1...activeDays)) }
        }
        // About twenty actions per household, with every status.
        let actionCount = status == .aangemeld ? rng.int(0...2) : rng.int(10...30)
        for _ in 0..<actionCount {
            let d = rng.chance(0.85) && !need.isEmpty ? rng.pick(need) : rng.pick(domainCodes)
            let (mid, mDays) = meetingIds.isEmpty ? (nil, activeDays) : { let m = rng.pick(meetingIds); return (Optional(m.0), m.1) }()
            let st = rng.weighted([(ActionStatus.gedaan, 45), (.open, 18), (.bezig, 12), (.wachtlijst, 6), (.afgewezen, 7), (.vervallen, 12)])
            let owner: PartyRef = rng.chance(0.6) ? .professional(worker.id) : (partners.isEmpty ? .professional(worker.id) : .professional(rng.pick(partners).id))
            let dueIn = -mDays + rng.int(14...70)
            b.action(&ids, d, rng.pick(Self.actionTexts[d] ?? ["Afspraak"]), owner: owner, dueInDays: rng.chance(0.95) ? dueIn : nil, status: st,
                     createdDaysAgo: mDays, meeting: mid) { a in
                a.framework = rng.chance(0.6) ? rng.pick(LegalFramework.allCases) : nil
                a.agreement = rng.weighted([(Agreement.eens, 70), (.nietGevraagd, 22), (.oneens, 8)])
                if st == .gedaan || st == .vervallen { a.closedOn = today.adding(days: -rng.int(0...mDays)) }
                if st == .vervallen { a.closeReason = rng.pick([.nietGedaanDoorEigenaar, .nietMogelijk]) }
                if st == .wachtlijst || (st != .open && rng.chance(0.08)) {
                    a.waitingEpisodes = 1 + (rng.chance(0.2) ? 1 : 0)
                    a.waitingSince = today.adding(days: -rng.int(1...max(1, mDays)))
                }
                if st == .afgewezen {
                    a.rejection = Rejection(rng.weighted([(RejectionCode.voorliggend, 40), (.geenPassendKader, 15), (.eigenBijdrage, 15),
                                                          (.nietInAanmerking, 20), (.capaciteit, 10)]),
                                            law: rng.chance(0.5) ? rng.pick([.wmo2015, .jeugdwet, .zvw, .wlz, .participatiewet]) : nil)
                    a.closedOn = today.adding(days: -rng.int(0...mDays))
                }
                if a.isOpen && rng.chance(0.12) { a.carryOverCount = rng.int(1...3) }
                if rng.chance(0.03) { a.transition = true }
            }
        }
        // Consents for the organisations at the table, contacts, escalations.
        let orgsAtTable = Set(b.file.attendees.compactMap(\.organisationId))
        for org in orgsAtTable.sorted() where rng.chance(0.92) {
            b.consent(&ids, organisation: org, purpose: "casusoverleg", givenDaysAgo: activeDays,
                      expiresInDays: rng.chance(0.2) ? rng.int(-30...365) : nil)
        }
        for _ in 0..<rng.int(1...8) {
            b.contact(&ids, daysAgo: rng.int(0...activeDays), by: worker.id, with: "huishouden", rng.pick(ContactKind.allCases))
        }
        if rng.chance(0.05) {
            b.escalation(&ids, reason: "Organisaties oneens over wie de zorg levert", by: worker.id, to: "manager wijkteam",
                         raisedDaysAgo: rng.int(10...60), deadlineDaysAgo: rng.int(-20...9), decision: rng.chance(0.5) ? "Besloten: wijkteam" : nil)
        }
        // Indications (drawn last, so the rest of a generated city stays as it was): Wmo help for
        // adults, often for basale ADL, Jeugdwet help for children; many end within months.
        for m in members.prefix(2) where rng.chance(0.25) {
            let child = b.file.member(m)?.role == .kind
            let law: LegalFramework = child ? .jeugdwet : rng.weighted([(.wmo2015, 70), (.wlz, 10), (.zvw, 20)])
            let domain = law == .wmo2015 && rng.chance(0.5) && domainCodes.contains("basale-adl") ? "basale-adl"
                : (need.isEmpty ? rng.pick(domainCodes) : rng.pick(need))
            let startDaysAgo = rng.int(30...700)
            b.indication(&ids, member: m, law, provider: rng.pick(["Thuiszorg Maasstad", "Pameijer", "Laurens", "Yulius", "Lucertis"]),
                         domain: domain, startDaysAgo: startDaysAgo, endInDays: rng.chance(0.8) ? rng.int(max(-60, 1 - startDaysAgo)...240) : nil)
            // Some of them with lasting low ADL and health scores (the question of `wmo-wlz`).
            if law == .wmo2015, domain == "basale-adl", domainCodes.contains("lichamelijke-gezondheid"), rng.chance(0.5) {
                let since = rng.int(20...200)
                for d in ["basale-adl", "lichamelijke-gezondheid"] { b.score(&ids, m, d, rng.int(1...2), daysAgo: since, by: worker.id) }
            }
        }
        return b.file
    }
}

/// The demo database: the fourteen households of PERSONAS.md with the demo team, dated
/// relative to `today` so that each household shows the stall signals its story is about
/// (and Maaike's healthy case shows none).
public enum DemoScenario {
    public struct Content: Sendable {
        public var organisations: [Organisation]
        public var professionals: [Professional]
        public var households: [CaseFile]
        /// The demo's sociale kaart: whom to call for which domain, some for one wijk only.
        public var services: [Service] = DemoRoster.services
    }

    typealias R = DemoRoster
    static func pro(_ id: Int64) -> PartyRef { .professional(id) }

    public static func build(today: Day) -> Content {
        var ids = IdSequences()
        let roster = DemoRoster.roster
        var files: [CaseFile] = []
        func attendees(_ present: [Int64], absent: [Int64] = []) -> [(PartyRef, Presence)] {
            [(pro(R.fatima), .aanwezig)] + present.map { (pro($0), .aanwezig) } + absent.map { (pro($0), .afwezigMetBericht) }
        }

        // 1. Familie De Vries — nobody coordinates; the wijkteam declined: "regel jij dat maar".
        do {
            var b = CaseFileBuilder(&ids, name: "Familie De Vries", wijk: "Bloemhof", team: "Team Zuid", today: today, activeDaysAgo: 120,
                                    address: "Putsebocht 112", phone: "06 4100 2200",
                                    ownView: "Wij willen niet nog meer hulpverleners over de vloer. Eén iemand die alles regelt en die we kunnen bellen.\nDaan moet zijn diploma halen.",
                                    involved: [R.eline, R.anouk, R.ruben])
            let peter = b.member(&ids, "Peter de Vries", .ouder, age: 45)
            let marloes = b.member(&ids, "Marloes de Vries", .ouder, age: 42)
            let daan = b.member(&ids, "Daan", .kind, age: 16)
            b.member(&ids, "Lisa", .kind, age: 12)
            b.member(&ids, "Noah", .kind, age: 8)
            b.signal(&ids, "school-leerplicht", daysAgo: 140, "Daan is vaak afwezig op school")
            b.signal(&ids, "energieleverancier", daysAgo: 130, "Betalingsachterstand van drie maanden")
            let all = ["financien", "huiselijke-relaties", "geestelijke-gezondheid", "ouderschap"]
            b.domain("financien", .zorg, daysAgo: 84, situation: "Huurachterstand en energieschuld; de post blijft ongeopend.", organisations: [R.schuldhulp])
            b.domain("ouderschap", .zorg, daysAgo: 84, situation: "Daan spijbelt; de ouders zijn het oneens over de aanpak.", organisations: [R.wijkteam])
            b.domain("huiselijke-relaties", .zorg, daysAgo: 84, situation: "Veel ruzie; vader trekt zich terug.")
            b.domain("geestelijke-gezondheid", .inBehandeling, daysAgo: 84, situation: "Moeder is in behandeling voor een depressie.", organisations: [R.ggz])
            let m1 = b.meeting(&ids, daysAgo: 84, chair: R.fatima, minuteTaker: R.sanne, attendees: attendees([R.sanne, R.eline, R.anouk, R.ruben]),
                               discussed: all, roster: roster)
            b.meeting(&ids, daysAgo: 42, chair: R.fatima, minuteTaker: R.sanne, attendees: attendees([R.sanne, R.eline, R.anouk, R.ruben]),
                      discussed: all, roster: roster)
            let m3 = b.meeting(&ids, daysAgo: 10, chair: R.fatima, minuteTaker: R.sanne,
                               attendees: attendees([R.sanne, R.eline, R.anouk, R.ruben, R.mo], absent: [R.ahmed]),
                               discussed: all, decisions: ["Eerst rust in de financiën, daarna de vragen over de opvoeding."],
                               nextReviewInDays: 32, roster: roster)
            for (d, scores) in [("financien", [(peter, 2, 2), (marloes, 2, 2)]), ("ouderschap", [(peter, 2, 2), (marloes, 2, 2)]),
                                ("huiselijke-relaties", [(peter, 2, 2), (marloes, 3, 2)]), ("geestelijke-gezondheid", [(marloes, 3, 3)]),
                                ("tijdsbesteding", [(daan, 3, 3)])] {
                for (m, first, last) in scores {
                    b.score(&ids, m, d, first, daysAgo: 84, by: R.sanne, meeting: m1)
                    b.score(&ids, m, d, last, daysAgo: 10, own: d == "financien" ? 3 : nil, by: R.sanne, meeting: m3)
                }
            }
            b.coordinator(&ids, pro(R.sanne), .afgewezen, daysAgo: 70, reason: "Regel jij dat maar: wij doen alleen de huishoudelijke hulp.")
            b.coordinator(&ids, pro(R.eline), .afgewezen, daysAgo: 10, reason: "Wij zijn er alleen voor de kinderen.", meeting: m3)
            b.action(&ids, "financien", "Post samen openen en sorteren", owner: pro(R.sanne), dueInDays: -60, status: .gedaan, createdDaysAgo: 84, meeting: m1)
            b.action(&ids, "financien", "Aanmelding schuldhulpverlening afronden", owner: pro(R.ahmed), dueInDays: 14, createdDaysAgo: 10, meeting: m3) { $0.framework = .wgs }
            b.action(&ids, "ouderschap", "Gezinscoaching: wekelijks gesprek met de ouders over Daan", owner: pro(R.eline), dueInDays: 21,
                     status: .bezig, createdDaysAgo: 42) { $0.framework = .jeugdwet }
            b.action(&ids, "huiselijke-relaties", "Huishoudelijke hulp twee ochtenden per week", owner: pro(R.anouk), dueInDays: 30,
                     status: .bezig, createdDaysAgo: 84, meeting: m1) { $0.framework = .wmo2015 }
            b.action(&ids, "geestelijke-gezondheid", "Behandeling depressie moeder voortzetten", owner: pro(R.ruben), dueInDays: 40,
                     status: .bezig, createdDaysAgo: 84, meeting: m1) { $0.framework = .zvw }
            b.action(&ids, "financien", "Regie-overleg plannen met de drie organisaties", owner: pro(R.fatima), dueInDays: -2, createdDaysAgo: 10, meeting: m3)
            for org in [R.wijkteam, R.wijkverpleging, R.ggz, R.ervaring, R.schuldhulp] {
                b.consent(&ids, organisation: org, purpose: "casusoverleg en uitvoering plan", givenDaysAgo: 100, recordedBy: R.sanne)
            }
            b.contact(&ids, daysAgo: 20, by: R.eline, with: "Marloes", .telefoon, "Afspraak gezinscoaching verzet")
            b.contact(&ids, daysAgo: 5, by: R.sanne, with: "Marloes en Peter", .huisbezoek, "Gesprek over de post en de schulden")
            files.append(b.file)
        }

        // 2. Jolanda — early dementia, "ik heb niks nodig"; waits for a casemanager dementie.
        do {
            var b = CaseFileBuilder(&ids, name: "Jolanda Hermans", wijk: "Hillesluis", team: "Team Zuid", today: today, activeDaysAgo: 90,
                                    address: "Riederlaan 30", phone: "010 555 33 10",
                                    ownView: "Ik heb niks nodig, ik red me prima.\nDochter Karin: ik kan het niet meer alleen.", involved: [R.hanneke])
            let j = b.member(&ids, "Jolanda Hermans", .overig, age: 82)
            let karin = b.informal(&ids, "Karin (dochter)", .mantelzorger, phone: "06 2200 3300")
            b.signal(&ids, "huisarts", daysAgo: 100, "Vergeetachtig; twee keer gevallen")
            b.domain("lichamelijke-gezondheid", .zorg, daysAgo: 60, situation: "Valrisico: twee keer gevallen in een maand.", organisations: [R.wijkverpleging])
            b.domain("basale-adl", .zorg, daysAgo: 60, situation: "Wassen en aankleden lukt slecht.", organisations: [R.wijkverpleging])
            b.domain("sociaal-netwerk", .zorg, daysAgo: 60, situation: "Dochter Karin doet alles en is overbelast.", ownWords: "Ik heb niemand nodig.")
            var parties = attendees([R.sanne, R.anouk, R.hanneke])
            parties.append((.informal(karin), .aanwezig))
            let m1 = b.meeting(&ids, daysAgo: 60, chair: R.fatima, attendees: parties, discussed: ["lichamelijke-gezondheid", "basale-adl", "sociaal-netwerk"], roster: roster)
            let m2 = b.meeting(&ids, daysAgo: 21, chair: R.fatima, attendees: parties, discussed: ["lichamelijke-gezondheid", "basale-adl", "sociaal-netwerk"],
                               nextReviewInDays: 21, roster: roster)
            for (d, s, own) in [("lichamelijke-gezondheid", 2, 4), ("basale-adl", 2, 5), ("sociaal-netwerk", 3, 5)] {
                b.score(&ids, j, d, s, daysAgo: 60, own: own, meeting: m1)
                b.score(&ids, j, d, s, daysAgo: 21, own: own, meeting: m2)
            }
            b.coordinator(&ids, pro(R.sanne), .geaccepteerd, daysAgo: 60, meeting: m1)
            b.action(&ids, "lichamelijke-gezondheid", "Casemanager dementie toewijzen", owner: pro(R.hanneke), dueInDays: 10, status: .wachtlijst,
                     createdDaysAgo: 60, meeting: m1) { $0.waitingSince = today.adding(days: -45); $0.waitingEpisodes = 1; $0.framework = .zvw }
            b.action(&ids, "basale-adl", "Wijkverpleging: hulp bij wassen en aankleden", owner: pro(R.anouk), dueInDays: 30, status: .bezig,
                     createdDaysAgo: 60, meeting: m1) { $0.framework = .zvw }
            b.action(&ids, "sociaal-netwerk", "Mantelzorgondersteuning voor Karin regelen", owner: pro(R.sanne), dueInDays: -3, createdDaysAgo: 21,
                     meeting: m2) { $0.framework = .wmo2015 }
            b.action(&ids, "lichamelijke-gezondheid", "Valpreventie: het huis nalopen met de ergotherapeut", owner: pro(R.anouk), dueInDays: -30,
                     status: .gedaan, createdDaysAgo: 60, meeting: m1)
            for org in [R.wijkteam, R.wijkverpleging, R.dementie] { b.consent(&ids, organisation: org, purpose: "zorg en ondersteuning", givenDaysAgo: 62, member: j) }
            b.contact(&ids, daysAgo: 12, by: R.sanne, with: "Karin", .telefoon, "Karin: ik kan het niet meer alleen")
            b.contact(&ids, daysAgo: 4, by: R.anouk, with: "Jolanda", .huisbezoek)
            // Household help under the Wmo that ends in three weeks with nothing arranged after it
            // (indicatie-eindigt); her low ADL and health scores under Wmo help point to the Wlz
            // once they have lasted the set period (wmo-wlz, 90 days by default).
            b.indication(&ids, member: j, .wmo2015, provider: "Thuiszorg Maasstad", domain: "instrumentele-adl", startDaysAgo: 330, endInDays: 20)
            files.append(b.file)
        }

        // 3. Rosa — medical costs became debts; bounced between the zorgverzekeraar and the gemeente.
        do {
            var b = CaseFileBuilder(&ids, name: "Rosa Martens", wijk: "Feijenoord", team: "Team Zuid", today: today, activeDaysAgo: 150,
                                    phone: "06 5500 1200",
                                    ownView: "Ik wil dat iemand begrijpt dat ik niet kán werken zoals vroeger. En de schulden moeten stoppen.",
                                    involved: [R.marieke])
            let rosa = b.member(&ids, "Rosa Martens", .partner, age: 38)
            b.member(&ids, "Erik Martens", .partner, age: 41)
            b.signal(&ids, "zorgverzekeraar", daysAgo: 160, "Premieachterstand")
            b.domain("financien", .zorg, daysAgo: 120, situation: "Medische kosten werden schulden; bijstand gekort na een verblijf in het buitenland.")
            b.domain("lichamelijke-gezondheid", .zorg, daysAgo: 120, situation: "Klachten zonder diagnose; veel pijn.")
            b.domain("werk-opleiding", .zorg, daysAgo: 120, situation: "Deels arbeidsongeschikt, maar moet wel solliciteren.")
            let m1 = b.meeting(&ids, daysAgo: 120, chair: R.fatima, attendees: attendees([R.sanne, R.marieke]),
                               discussed: ["financien", "lichamelijke-gezondheid", "werk-opleiding"], roster: roster)
            let m2 = b.meeting(&ids, daysAgo: 30, chair: R.fatima, attendees: attendees([R.sanne, R.marieke, R.ahmed]),
                               discussed: ["financien", "lichamelijke-gezondheid", "werk-opleiding"], nextReviewInDays: 12, roster: roster)
            b.score(&ids, rosa, "financien", 2, daysAgo: 30, meeting: m2)
            b.score(&ids, rosa, "lichamelijke-gezondheid", 2, daysAgo: 30, meeting: m2)
            b.score(&ids, rosa, "werk-opleiding", 3, daysAgo: 30, meeting: m2)
            b.coordinator(&ids, pro(R.sanne), .geaccepteerd, daysAgo: 120, meeting: m1)
            b.action(&ids, "financien", "Bijzondere bijstand voor medische kosten aanvragen", owner: pro(R.marieke), dueInDays: -100,
                     status: .afgewezen, createdDaysAgo: 120, meeting: m1) {
                $0.rejection = Rejection(.voorliggend, law: .zvw); $0.closedOn = today.adding(days: -90); $0.framework = .participatiewet
            }
            b.action(&ids, "financien", "Vergoeding eigen risico via de zorgverzekeraar aanvragen", owner: pro(R.sanne), dueInDays: -50,
                     status: .afgewezen, createdDaysAgo: 90) {
                $0.rejection = Rejection(.voorliggend, law: .participatiewet); $0.closedOn = today.adding(days: -45); $0.framework = .zvw
            }
            b.action(&ids, "financien", "Schuldhulptraject starten", owner: pro(R.ahmed), dueInDays: 20, status: .bezig, createdDaysAgo: 30, meeting: m2) { $0.framework = .wgs }
            b.action(&ids, "werk-opleiding", "Herbeoordeling arbeidsvermogen aanvragen bij UWV", owner: pro(R.marieke), dueInDays: -12,
                     createdDaysAgo: 30, meeting: m2) { $0.framework = .participatiewet }
            b.action(&ids, "lichamelijke-gezondheid", "Verwijzing naar de pijnpoli vragen bij de huisarts", owner: .member(rosa), dueInDays: 14,
                     createdDaysAgo: 30, meeting: m2)
            for org in [R.wijkteam, R.gemeente, R.schuldhulp] { b.consent(&ids, organisation: org, purpose: "inkomen en schulden", givenDaysAgo: 125) }
            b.contact(&ids, daysAgo: 8, by: R.sanne, with: "Rosa", .telefoon)
            files.append(b.file)
        }

        // 4. Storm — sanctions push him into debt; asks for nothing.
        do {
            var b = CaseFileBuilder(&ids, name: "Storm Visser", wijk: "Hillesluis", team: "Team Zuid", today: today, activeDaysAgo: 60,
                                    address: "Beijerlandselaan 8b (kamer)", ownView: "Ik vraag niks. Laat me met rust.", involved: [R.sanne])
            b.file.household.noHelpRequest = true
            let s = b.member(&ids, "Storm Visser", .overig, age: 22)
            b.signal(&ids, "woningcorporatie", daysAgo: 70, "Huurachterstand; ontruiming dreigt")
            b.signal(&ids, "gemeentelijke-belastingen", daysAgo: 65, "Aanmaning gemeentelijke belastingen")
            b.domain("financien", .zorg, daysAgo: 30, situation: "Uitkering twee keer gekort; de schulden lopen op.")
            b.domain("huisvesting", .zorg, daysAgo: 30, situation: "Ontruiming dreigt.", organisations: [R.woningcorporatie])
            b.domain("middelengebruik", .zorg, daysAgo: 30, situation: "Blowt dagelijks.")
            b.domain("geestelijke-gezondheid", .zorg, daysAgo: 30, situation: "Autisme; snel overprikkeld; zoekt zelf geen hulp.")
            let m1 = b.meeting(&ids, daysAgo: 30, chair: R.fatima, attendees: attendees([R.sanne, R.kees, R.marieke]), householdPresent: false,
                               discussed: ["financien", "huisvesting", "middelengebruik", "geestelijke-gezondheid"], roster: roster)
            b.score(&ids, s, "huisvesting", 2, daysAgo: 30, meeting: m1)
            b.score(&ids, s, "middelengebruik", 3, daysAgo: 30, meeting: m1)
            b.score(&ids, s, "geestelijke-gezondheid", 3, daysAgo: 30, meeting: m1)
            b.score(&ids, s, "financien", 2, daysAgo: 30, meeting: m1)
            b.score(&ids, s, "financien", 1, daysAgo: 9, by: R.sanne)
            b.coordinator(&ids, pro(R.sanne), .geaccepteerd, daysAgo: 30, meeting: m1)
            b.action(&ids, "huisvesting", "Begeleiding aanvragen", owner: pro(R.sanne), dueInDays: 30, status: .wachtlijst, createdDaysAgo: 30,
                     meeting: m1) { $0.waitingSince = today.adding(days: -20); $0.waitingEpisodes = 1; $0.framework = .wmo2015 }
            b.action(&ids, "huisvesting", "Betalingsregeling huurachterstand met Woonstad", owner: pro(R.kees), dueInDays: 10, createdDaysAgo: 30, meeting: m1)
            for org in [R.wijkteam, R.woningcorporatie, R.gemeente] { b.consent(&ids, organisation: org, purpose: "voorkomen ontruiming", basis: .wettelijkeGrondslag, givenDaysAgo: 32) }
            b.contact(&ids, daysAgo: 9, by: R.sanne, with: "Storm", .huisbezoek, "Doet open, wil niet praten")
            // Knellende regels: the rules that pushed him into debt, and the doorbraakbudget that stopped the eviction.
            b.blockedRule(&ids, daysAgo: 40, "Kostendelersnorm", .wet, domain: "financien",
                          blocked: "Terug bij zijn moeder wonen zou haar bijstand verlagen; daarom slaapt hij bij vrienden.", by: R.sanne)
            b.blockedRule(&ids, daysAgo: 28, "Zoektermijn van vier weken voor jongeren (Participatiewet)", .wet, domain: "financien",
                          blocked: "Vier weken geen inkomen; de huurachterstand liep op tot een ontruimingsvonnis dreigde.",
                          exception: .doorbraakbudget, amount: 1450, decidedBy: "Petra de Jong (teamleider)", by: R.sanne)
            files.append(b.file)
        }

        // 5. Sepp — no fitting school within an hour; bounced between passend onderwijs and the Jeugdwet.
        do {
            var b = CaseFileBuilder(&ids, name: "Familie Sepp de Groot", wijk: "Bloemhof", team: "Team Zuid", today: today, activeDaysAgo: 200,
                                    ownView: "Sepp wil leren, maar de klas is te druk. Wij willen een school die bij hem past.", involved: [R.eline, R.lotte])
            let sepp = b.member(&ids, "Sepp de Groot", .kind, age: 11)
            let hans = b.member(&ids, "Hans de Groot", .ouder, age: 46)
            let ilse = b.member(&ids, "Ilse de Groot", .ouder, age: 44)
            b.signal(&ids, "school-leerplicht", daysAgo: 210, "Sepp is agressief in de klas en geschorst")
            b.domain("tijdsbesteding", .zorg, daysAgo: 150, situation: "Geen passende schoolplek binnen een uur reizen.", organisations: [R.leerplicht])
            b.blockedRule(&ids, daysAgo: 120, "Leerlingenvervoer alleen binnen de regio", .beleidsregel, domain: "tijdsbesteding",
                          blocked: "De enige passende school ligt net buiten de regio; geen vervoer, dus geen plaatsing.",
                          exception: .maatwerk, decidedBy: "Lotte (leerplicht) met de wethouder", by: R.lotte)
            b.domain("ouderschap", .zorg, daysAgo: 150, situation: "Ouders zijn uitgeput.")
            let m1 = b.meeting(&ids, daysAgo: 150, chair: R.fatima, attendees: attendees([R.eline, R.lotte, R.sanne]), discussed: ["tijdsbesteding", "ouderschap"], roster: roster)
            let m2 = b.meeting(&ids, daysAgo: 60, chair: R.fatima, attendees: attendees([R.eline, R.lotte, R.sanne]), discussed: ["tijdsbesteding", "ouderschap"], roster: roster)
            let m3 = b.meeting(&ids, daysAgo: 14, chair: R.fatima, attendees: attendees([R.eline, R.lotte]), discussed: ["tijdsbesteding", "ouderschap"],
                               nextReviewInDays: 28, roster: roster)
            b.score(&ids, sepp, "tijdsbesteding", 2, daysAgo: 150, meeting: m1)
            b.score(&ids, sepp, "tijdsbesteding", 1, daysAgo: 60, meeting: m2)
            b.score(&ids, sepp, "tijdsbesteding", 1, daysAgo: 14, meeting: m3)
            for p in [hans, ilse] {
                b.score(&ids, p, "ouderschap", 3, daysAgo: 60, meeting: m2)
                b.score(&ids, p, "ouderschap", 3, daysAgo: 14, meeting: m3)
            }
            b.coordinator(&ids, pro(R.eline), .geaccepteerd, daysAgo: 150, meeting: m1)
            b.action(&ids, "tijdsbesteding", "Plaatsing speciaal onderwijs via het samenwerkingsverband", owner: pro(R.lotte), dueInDays: -130,
                     status: .afgewezen, createdDaysAgo: 190) {
                $0.rejection = Rejection(.voorliggend, law: .jeugdwet); $0.closedOn = today.adding(days: -120)
                $0.waitingSince = today.adding(days: -190); $0.waitingEpisodes = 1; $0.framework = .passendOnderwijs
            }
            b.action(&ids, "tijdsbesteding", "Dagbesteding via de Jeugdwet aanvragen", owner: pro(R.eline), dueInDays: -80, status: .afgewezen,
                     createdDaysAgo: 110) { $0.rejection = Rejection(.voorliggend, law: .passendOnderwijs); $0.closedOn = today.adding(days: -70); $0.framework = .jeugdwet }
            b.action(&ids, "tijdsbesteding", "Plek op een zorgboerderij na schooltijd", owner: pro(R.eline), dueInDays: 30, status: .wachtlijst,
                     createdDaysAgo: 60, meeting: m2) { $0.waitingSince = today.adding(days: -40); $0.waitingEpisodes = 1; $0.framework = .jeugdwet }
            b.action(&ids, "ouderschap", "Opvoedondersteuning voor de ouders, eens per twee weken", owner: pro(R.eline), dueInDays: 21, status: .bezig,
                     createdDaysAgo: 60, meeting: m2) { $0.framework = .jeugdwet }
            for org in [R.wijkteam, R.leerplicht] { b.consent(&ids, organisation: org, purpose: "onderwijs en jeugdhulp", givenDaysAgo: 160, member: sepp) }
            b.contact(&ids, daysAgo: 6, by: R.eline, with: "Ilse", .telefoon)
            files.append(b.file)
        }

        // 6. Mandy & Nathalie — Nathalie turns 18 in four months while Jeugdwet help runs.
        do {
            var b = CaseFileBuilder(&ids, name: "Mandy & Nathalie Peters", wijk: "Afrikaanderwijk", team: "Team Zuid", today: today, activeDaysAgo: 100,
                                    ownView: "Ik wil het zelf kunnen. Nathalie wil na de zomer op zichzelf wonen.", involved: [R.eline])
            let mandy = b.member(&ids, "Mandy Peters", .ouder, age: 34)
            b.member(&ids, "Nathalie Peters", .kind, birthDate: today.adding(months: 4).adding(years: -18))
            b.signal(&ids, "school-leerplicht", daysAgo: 110, "Nathalie dreigt uit te vallen op het mbo")
            b.domain("financien", .zorg, daysAgo: 70, situation: "Rekeningen stapelen zich op.")
            b.domain("ouderschap", .zorg, daysAgo: 70, situation: "Veel conflicten met Nathalie.")
            b.domain("instrumentele-adl", .zorg, daysAgo: 70, situation: "Administratie en huishouden lopen vast; mogelijk een licht verstandelijke beperking die niet is opgemerkt.")
            let m1 = b.meeting(&ids, daysAgo: 70, chair: R.fatima, attendees: attendees([R.eline, R.sanne, R.ahmed]),
                               discussed: ["financien", "ouderschap", "instrumentele-adl"], roster: roster)
            let m2 = b.meeting(&ids, daysAgo: 20, chair: R.fatima, attendees: attendees([R.eline, R.sanne, R.ahmed]),
                               discussed: ["financien", "ouderschap", "instrumentele-adl"], nextReviewInDays: 22, roster: roster)
            b.score(&ids, mandy, "financien", 2, daysAgo: 20, meeting: m2)
            b.score(&ids, mandy, "ouderschap", 2, daysAgo: 20, meeting: m2)
            b.score(&ids, mandy, "instrumentele-adl", 2, daysAgo: 20, own: 4, meeting: m2)
            b.coordinator(&ids, pro(R.eline), .geaccepteerd, daysAgo: 70, meeting: m1)
            b.action(&ids, "ouderschap", "Gezinscoaching thuis", owner: pro(R.eline), dueInDays: 30, status: .bezig, createdDaysAgo: 70, meeting: m1) { $0.framework = .jeugdwet }
            b.action(&ids, "financien", "Budgetbeheer aanvragen", owner: pro(R.ahmed), dueInDays: 14, createdDaysAgo: 20, meeting: m2) { $0.framework = .wgs }
            b.action(&ids, "instrumentele-adl", "Onderzoek naar een licht verstandelijke beperking via MEE", owner: pro(R.sanne), dueInDays: 21,
                     createdDaysAgo: 20, meeting: m2) { $0.framework = .wmo2015 }
            for org in [R.wijkteam, R.schuldhulp] { b.consent(&ids, organisation: org, purpose: "gezinsplan", givenDaysAgo: 72) }
            b.contact(&ids, daysAgo: 7, by: R.eline, with: "Mandy", .huisbezoek)
            files.append(b.file)
        }

        // 7. John — avoids care; discussed again and again without an action; no contact for weeks.
        do {
            var b = CaseFileBuilder(&ids, name: "John Smit", wijk: "Oude Noorden", team: "Team Noord", today: today, activeDaysAgo: 260,
                                    address: "Zaagmolenkade 41", ownView: "Meneer wil geen hulp: \"Al dat gezeur, laat me met rust.\"",
                                    involved: [R.joost, R.dennis])
            let john = b.member(&ids, "John Smit", .overig, age: 55)
            for (src, d, t) in [("buren", 270, "Stank en rommel in het trappenhuis"), ("ggd", 240, "Meneer wil geen hulp"),
                                ("woningcorporatie", 200, "Woning sterk vervuild"), ("buren", 150, "Opnieuw overlast"),
                                ("politie", 120, "Vangnet: meneer wil geen hulp"), ("ggd", 80, "Meneer wil geen hulp, zesde melding")] {
                b.signal(&ids, src, daysAgo: d, t, known: d < 270)
            }
            let discussed = ["huisvesting", "geestelijke-gezondheid", "sociaal-netwerk"]
            b.domain("huisvesting", .zorg, daysAgo: 200, situation: "Woning sterk vervuild; brandgevaar.", organisations: [R.woningcorporatie])
            b.domain("geestelijke-gezondheid", .zorg, daysAgo: 200, situation: "Zorgmijdend; noemt de bemoeienis van de GGD 'gezeur'.", organisations: [R.ggz])
            b.domain("sociaal-netwerk", .zorg, daysAgo: 200, situation: "Geen contact met familie.")
            var lastMeeting: Int64 = 0
            for d in [200, 150, 100, 60] {
                lastMeeting = b.meeting(&ids, daysAgo: d, chair: R.fatima, attendees: attendees([R.joost, R.dennis, R.kees, R.ruben]),
                                        householdPresent: false, discussed: discussed, roster: roster)
            }
            for d in ["huisvesting", "geestelijke-gezondheid", "sociaal-netwerk"] {
                b.score(&ids, john, d, 2, daysAgo: 150)
                b.score(&ids, john, d, 2, daysAgo: 60, meeting: lastMeeting)
            }
            b.coordinator(&ids, pro(R.joost), .geaccepteerd, daysAgo: 200)
            b.action(&ids, "geestelijke-gezondheid", "Huisbezoek samen met GGD-Vangnet", owner: pro(R.ruben), dueInDays: 7, createdDaysAgo: 200) { $0.carryOverCount = 3 }
            b.action(&ids, "sociaal-netwerk", "Contact zoeken met zijn broer", owner: pro(R.joost), dueInDays: 20, createdDaysAgo: 60, meeting: lastMeeting)
            for (org, basis) in [(R.wijkteam, ConsentBasis.wettelijkeGrondslag), (R.politie, .wettelijkeGrondslag), (R.woningcorporatie, .wettelijkeGrondslag), (R.ggz, .wettelijkeGrondslag)] {
                b.consent(&ids, organisation: org, purpose: "bemoeizorg (Vangnet)", basis: basis, givenDaysAgo: 210)
            }
            b.contact(&ids, daysAgo: 75, by: R.joost, with: "John", .huisbezoek, "Meneer doet niet open")
            files.append(b.file)
        }

        // 8. Aleksander — only in view through a nuisance report; long before the first meeting.
        do {
            var b = CaseFileBuilder(&ids, name: "Aleksander Nowak", wijk: "Bergpolder", team: "Team Noord", today: today, activeDaysAgo: 25,
                                    ownView: "Ik wil een eigen kamer en eerlijk loon. Ik wist niet dat ik hier hulp mocht vragen.", involved: [R.joost])
            let a = b.member(&ids, "Aleksander Nowak", .overig, age: 29)
            b.signal(&ids, "buren", daysAgo: 160, "Overlast: te veel mensen in één huis")
            b.signal(&ids, "woningcorporatie", daysAgo: 100, "Onderverhuur vermoed")
            b.signal(&ids, "politie", daysAgo: 40, "Ruzie met huisbaas")
            b.domain("huisvesting", .zorg, daysAgo: 25, situation: "Deelt een huis met zes collega's; huurcontract via het uitzendbureau.")
            b.domain("financien", .zorg, daysAgo: 25, situation: "Loon lager dan afgesproken.")
            b.domain("maatschappelijke-participatie", .zorg, daysAgo: 25, situation: "Kent zijn rechten niet; spreekt weinig Nederlands.")
            let m1 = b.meeting(&ids, daysAgo: 25, chair: R.fatima, attendees: attendees([R.joost, R.kees, R.dennis, R.mo]),
                               discussed: ["huisvesting", "financien", "maatschappelijke-participatie"], nextReviewInDays: 17, roster: roster)
            b.score(&ids, a, "huisvesting", 2, daysAgo: 25, meeting: m1)
            b.score(&ids, a, "financien", 3, daysAgo: 25, meeting: m1)
            b.score(&ids, a, "maatschappelijke-participatie", 2, daysAgo: 25, meeting: m1)
            b.coordinator(&ids, pro(R.joost), .geaccepteerd, daysAgo: 25, meeting: m1)
            b.action(&ids, "huisvesting", "Huurcontract laten toetsen door het juridisch loket", owner: pro(R.joost), dueInDays: 10, createdDaysAgo: 25, meeting: m1)
            b.action(&ids, "maatschappelijke-participatie", "Taalcursus en uitleg over zijn rechten, met een tolk", owner: pro(R.mo), dueInDays: 20, createdDaysAgo: 25, meeting: m1)
            b.action(&ids, "financien", "Loonstroken laten nakijken", owner: .member(a), dueInDays: 14, createdDaysAgo: 25, meeting: m1)
            for org in [R.wijkteam, R.woningcorporatie, R.politie, R.ervaring] { b.consent(&ids, organisation: org, purpose: "wonen en werk", givenDaysAgo: 26) }
            b.contact(&ids, daysAgo: 3, by: R.joost, with: "Aleksander", .telefoon, "Eerder kreeg hij te horen: \"we kunnen niks voor je doen\"")
            files.append(b.file)
        }

        // 9. Michael — just out of detention, no income, no request for help.
        do {
            var b = CaseFileBuilder(&ids, name: "Michael & Wilma Bakker", wijk: "Oude Noorden", team: "Team Noord", today: today, activeDaysAgo: 20,
                                    ownView: "Michael: \"Ik wil gewoon een baan.\" Moeder: \"Hij kan hier niet blijven.\"", involved: [R.joost])
            let michael = b.member(&ids, "Michael Bakker", .kind, age: 19)
            let wilma = b.member(&ids, "Wilma Bakker", .ouder, age: 52)
            b.signal(&ids, "anders", daysAgo: 22, "Vrijgekomen uit detentie; geen inkomen (melding reclassering)")
            for (d, t) in [("financien", "Geen inkomen, geen uitkering aangevraagd."), ("justitie", "Reclasseringstoezicht loopt."),
                           ("huiselijke-relaties", "Slechte band met zijn moeder."), ("werk-opleiding", "Geen werk en geen diploma.")] {
                b.domain(d, .zorg, daysAgo: 6, situation: t)
            }
            let m1 = b.meeting(&ids, daysAgo: 6, chair: R.fatima, attendees: attendees([R.joost, R.marieke, R.dennis]),
                               discussed: ["financien", "justitie", "huiselijke-relaties", "werk-opleiding"], roster: roster)
            b.score(&ids, michael, "financien", 1, daysAgo: 6, meeting: m1)
            b.score(&ids, michael, "justitie", 3, daysAgo: 6, meeting: m1)
            b.score(&ids, michael, "werk-opleiding", 2, daysAgo: 6, meeting: m1)
            b.score(&ids, michael, "huiselijke-relaties", 2, daysAgo: 6, meeting: m1)
            b.score(&ids, wilma, "huiselijke-relaties", 2, daysAgo: 6, meeting: m1)
            b.coordinator(&ids, pro(R.joost), .geaccepteerd, daysAgo: 6, meeting: m1)
            b.action(&ids, "justitie", "Afspraken met de reclassering op een rij zetten", owner: pro(R.joost), dueInDays: 10, createdDaysAgo: 6, meeting: m1)
            for org in [R.wijkteam, R.gemeente, R.politie] { b.consent(&ids, organisation: org, purpose: "nazorg na detentie", basis: .wettelijkeGrondslag, givenDaysAgo: 8) }
            b.contact(&ids, daysAgo: 2, by: R.joost, with: "Michael", .telefoon)
            files.append(b.file)
        }

        // 10. Ingrid — her debts were handled well, her grief was ignored.
        do {
            var b = CaseFileBuilder(&ids, name: "Ingrid Koster", wijk: "Hillesluis", team: "Team Zuid", today: today, activeDaysAgo: 300,
                                    ownView: "Mijn schulden zijn goed geregeld. Maar ik wilde over het verlies van Gerard praten, en niemand vroeg ernaar.",
                                    involved: [R.ahmed])
            let i = b.member(&ids, "Ingrid Koster", .overig, age: 61)
            b.domain("financien", .inBehandeling, daysAgo: 35, situation: "Schulden geregeld via schuldhulp; de nazorg loopt.", organisations: [R.schuldhulp])
            b.domain("geestelijke-gezondheid", .nietBesproken, daysAgo: 35, ownWords: "Maar ik wilde over het verlies praten.")
            b.domain("sociaal-netwerk", .nietBesproken, daysAgo: 35)
            let m1 = b.meeting(&ids, daysAgo: 200, chair: R.fatima, attendees: attendees([R.ahmed, R.sanne]), discussed: ["financien"], roster: roster)
            let m2 = b.meeting(&ids, daysAgo: 35, chair: R.fatima, attendees: attendees([R.ahmed, R.sanne]), discussed: ["financien"], nextReviewInDays: 7, roster: roster)
            b.score(&ids, i, "financien", 2, daysAgo: 200, meeting: m1)
            b.score(&ids, i, "financien", 3, daysAgo: 35, meeting: m2)
            b.score(&ids, i, "geestelijke-gezondheid", 2, daysAgo: 35, own: 1, meeting: m2)
            b.score(&ids, i, "sociaal-netwerk", 2, daysAgo: 35, meeting: m2)
            b.coordinator(&ids, pro(R.ahmed), .geaccepteerd, daysAgo: 200, meeting: m1)
            b.action(&ids, "financien", "Schuldregeling afronden", owner: pro(R.ahmed), dueInDays: -40, status: .gedaan, createdDaysAgo: 200, meeting: m1)
            b.action(&ids, "financien", "Nazorg schuldhulp: het budget maandelijks samen nalopen", owner: pro(R.ahmed), dueInDays: 25, status: .bezig,
                     createdDaysAgo: 35, meeting: m2) { $0.framework = .wgs }
            for org in [R.schuldhulp, R.wijkteam] { b.consent(&ids, organisation: org, purpose: "schuldhulp", givenDaysAgo: 210) }
            b.contact(&ids, daysAgo: 10, by: R.ahmed, with: "Ingrid", .spreekuur)
            files.append(b.file)
        }

        // 11. Anoushka — treatments partly reimbursed; the regiotaxi makes her miss appointments.
        do {
            var b = CaseFileBuilder(&ids, name: "Anoushka & Vikram Ramdin", wijk: "Feijenoord", team: "Team Zuid", today: today, activeDaysAgo: 180,
                                    ownView: "Ik wil naar mijn afspraken kunnen zonder boete. Vikram wil weer aan het werk.", involved: [R.anouk])
            let an = b.member(&ids, "Anoushka Ramdin", .partner, age: 31)
            let vikram = b.member(&ids, "Vikram Ramdin", .partner, age: 34)
            b.domain("lichamelijke-gezondheid", .zorg, daysAgo: 50, situation: "Chronisch ziek; behandelingen deels vergoed; de regiotaxi komt te laat.")
            b.domain("financien", .zorg, daysAgo: 50, situation: "Rekeningen voor gemiste afspraken; slaat maaltijden over.")
            let m1 = b.meeting(&ids, daysAgo: 50, chair: R.fatima, attendees: attendees([R.anouk, R.sanne, R.marieke]),
                               discussed: ["lichamelijke-gezondheid", "financien"], roster: roster)
            let m2 = b.meeting(&ids, daysAgo: 8, chair: R.fatima, attendees: attendees([R.anouk, R.sanne, R.marieke]),
                               discussed: ["lichamelijke-gezondheid", "financien"], nextReviewInDays: 34, roster: roster)
            b.score(&ids, an, "lichamelijke-gezondheid", 3, daysAgo: 50, meeting: m1)
            b.score(&ids, an, "lichamelijke-gezondheid", 2, daysAgo: 8, meeting: m2)
            b.score(&ids, an, "financien", 2, daysAgo: 50, meeting: m1)
            b.score(&ids, an, "financien", 2, daysAgo: 8, meeting: m2)
            b.score(&ids, vikram, "werk-opleiding", 3, daysAgo: 8, meeting: m2)
            b.coordinator(&ids, pro(R.anouk), .geaccepteerd, daysAgo: 50, meeting: m1)
            b.action(&ids, "lichamelijke-gezondheid", "Regiotaxi: een vaste ophaaltijd afspreken met de vervoerder", owner: pro(R.sanne), dueInDays: 7,
                     createdDaysAgo: 8, meeting: m2) { $0.framework = .wmo2015 }
            b.action(&ids, "financien", "Bijzondere bijstand voor zorgkosten aanvragen", owner: pro(R.marieke), dueInDays: 14, createdDaysAgo: 8,
                     meeting: m2) { $0.framework = .participatiewet }
            b.action(&ids, "financien", "Mantelzorgwaardering voor Vikram aanvragen", owner: pro(R.sanne), dueInDays: 30, createdDaysAgo: 8, meeting: m2)
            for org in [R.wijkteam, R.wijkverpleging, R.gemeente] { b.consent(&ids, organisation: org, purpose: "zorg en inkomen", givenDaysAgo: 55) }
            b.contact(&ids, daysAgo: 8, by: R.anouk, with: "Anoushka", .huisbezoek)
            files.append(b.file)
        }

        // 12. Michel — evicted by his parents; found help only when problems had piled up.
        do {
            var b = CaseFileBuilder(&ids, name: "Michel de Jong", wijk: "Bergpolder", team: "Team Noord", today: today, activeDaysAgo: 10,
                                    phone: "06 3300 4400", ownView: "Ik wil een dak boven mijn hoofd. En dat iemand snapt dat ik ADHD heb.", involved: [R.joost])
            let m = b.member(&ids, "Michel de Jong", .overig, age: 23)
            b.signal(&ids, "politie", daysAgo: 90, "Uit huis gezet door zijn ouders")
            b.signal(&ids, "zelfmelding", daysAgo: 15, "Meldt zich bij het wijkteam: slaapt bij vrienden")
            for (d, t) in [("huisvesting", "Dakloos; slaapt bij vrienden."), ("financien", "Schulden bij telefoonaanbieder en zorgverzekeraar."),
                           ("middelengebruik", "Gebruikt speed om te kunnen focussen."), ("werk-opleiding", "Opleiding afgebroken.")] {
                b.domain(d, .zorg, daysAgo: 5, situation: t)
            }
            let m1 = b.meeting(&ids, daysAgo: 5, chair: R.fatima, attendees: attendees([R.joost, R.kees, R.ruben]),
                               discussed: ["huisvesting", "financien", "middelengebruik", "werk-opleiding"], roster: roster)
            b.score(&ids, m, "huisvesting", 1, daysAgo: 5, meeting: m1)
            b.score(&ids, m, "financien", 2, daysAgo: 5, meeting: m1)
            b.score(&ids, m, "middelengebruik", 2, daysAgo: 5, meeting: m1)
            b.score(&ids, m, "werk-opleiding", 2, daysAgo: 5, meeting: m1)
            b.coordinator(&ids, pro(R.joost), .geaccepteerd, daysAgo: 5, meeting: m1)
            b.action(&ids, "financien", "Inkomen regelen: een uitkering aanvragen", owner: pro(R.marieke), dueInDays: 7, createdDaysAgo: 5, meeting: m1) { $0.framework = .participatiewet }
            b.action(&ids, "middelengebruik", "Intake verslavingszorg, met aandacht voor zijn ADHD", owner: pro(R.ruben), dueInDays: 14, createdDaysAgo: 5, meeting: m1) { $0.framework = .zvw }
            for org in [R.wijkteam, R.woningcorporatie, R.ggz] { b.consent(&ids, organisation: org, purpose: "wonen en zorg", givenDaysAgo: 6) }
            b.contact(&ids, daysAgo: 2, by: R.joost, with: "Michel", .telefoon)
            files.append(b.file)
        }

        // 13. Maaike — the positive case: supported housing arranged the same evening; a healthy plan.
        do {
            var b = CaseFileBuilder(&ids, name: "Maaike Dekker", wijk: "Bloemhof", team: "Team Zuid", today: today, activeDaysAgo: 120,
                                    phone: "06 7700 8800", ownView: "Ik wil zelfstandig blijven wonen en mijn opleiding afmaken.", involved: [R.sanne])
            let m = b.member(&ids, "Maaike Dekker", .overig, age: 27)
            b.domain("huisvesting", .opgelost, daysAgo: 14, situation: "Begeleid wonen geregeld; het gaat goed.", organisations: [R.woningcorporatie])
            b.domain("financien", .geenZorg, daysAgo: 14)
            b.domain("geestelijke-gezondheid", .geenZorg, daysAgo: 14, situation: "Stabiel na jaren in de zorg.")
            let m1 = b.meeting(&ids, daysAgo: 100, chair: R.fatima, attendees: attendees([R.sanne, R.kees]), discussed: ["huisvesting"], roster: roster)
            let m2 = b.meeting(&ids, daysAgo: 14, chair: R.fatima, attendees: attendees([R.sanne, R.kees]),
                               discussed: ["huisvesting", "financien", "geestelijke-gezondheid"], nextReviewInDays: 28, roster: roster)
            b.score(&ids, m, "huisvesting", 2, daysAgo: 100, meeting: m1)
            b.score(&ids, m, "huisvesting", 4, daysAgo: 14, own: 4, meeting: m2)
            b.score(&ids, m, "financien", 4, daysAgo: 14, own: 4, meeting: m2)
            b.score(&ids, m, "geestelijke-gezondheid", 4, daysAgo: 14, own: 5, meeting: m2)
            b.coordinator(&ids, pro(R.sanne), .geaccepteerd, daysAgo: 100, meeting: m1)
            b.action(&ids, "huisvesting", "Begeleid wonen regelen", owner: pro(R.sanne), dueInDays: -99, status: .gedaan, createdDaysAgo: 100, meeting: m1)
            b.action(&ids, "huisvesting", "Evaluatie begeleid wonen na drie maanden", owner: pro(R.sanne), dueInDays: 21, createdDaysAgo: 14, meeting: m2)
            for org in [R.wijkteam, R.woningcorporatie] { b.consent(&ids, organisation: org, purpose: "begeleid wonen", givenDaysAgo: 101, recordedBy: R.sanne) }
            b.contact(&ids, daysAgo: 3, by: R.sanne, with: "Maaike", .telefoon, "Gaat goed")
            files.append(b.file)
        }

        // 14. Willem — eviction stopped at the last moment; escalated, no decision.
        do {
            var b = CaseFileBuilder(&ids, name: "Willem Bos", wijk: "Afrikaanderwijk", team: "Team Zuid", today: today, activeDaysAgo: 90,
                                    address: "Paul Krugerstraat 12", ownView: "In het ziekenhuis vroeg niemand hoe het met mijn geld ging. Ik wil in mijn huis blijven.",
                                    involved: [R.sanne, R.kees])
            let w = b.member(&ids, "Willem Bos", .overig, age: 58)
            b.signal(&ids, "woningcorporatie", daysAgo: 95, "Huurachterstand van vijf maanden")
            b.domain("financien", .zorg, daysAgo: 45, situation: "Huurachterstand; geen overzicht over de rekeningen.")
            b.domain("lichamelijke-gezondheid", .zorg, daysAgo: 45, situation: "Ziek en arbeidsongeschikt.")
            b.domain("huisvesting", .zorg, daysAgo: 45, situation: "Ontruiming op het laatste moment door de rechter gestopt.", organisations: [R.woningcorporatie])
            let m1 = b.meeting(&ids, daysAgo: 45, chair: R.fatima, attendees: attendees([R.sanne, R.kees, R.marieke]),
                               discussed: ["financien", "lichamelijke-gezondheid", "huisvesting"], nextReviewInDays: 5, roster: roster)
            for d in ["financien", "lichamelijke-gezondheid", "huisvesting"] { b.score(&ids, w, d, 2, daysAgo: 45, meeting: m1) }
            b.coordinator(&ids, pro(R.sanne), .geaccepteerd, daysAgo: 45, meeting: m1)
            b.action(&ids, "financien", "Schuldhulp: de situatie stabiliseren", owner: pro(R.ahmed), dueInDays: 10, status: .bezig, createdDaysAgo: 45, meeting: m1) { $0.framework = .wgs }
            b.action(&ids, "lichamelijke-gezondheid", "Contact met het maatschappelijk werk van het ziekenhuis", owner: pro(R.sanne), dueInDays: 5, createdDaysAgo: 45, meeting: m1)
            b.action(&ids, "huisvesting", "Betalingsregeling met Woonstad", owner: pro(R.kees), dueInDays: 14, createdDaysAgo: 45, meeting: m1)
            b.action(&ids, "huisvesting", "Navragen bij de manager hoe het met de opschaling staat", owner: pro(R.fatima), dueInDays: 2, createdDaysAgo: 9)
            b.escalation(&ids, reason: "Woonstad en de gemeente zijn het oneens over wie de huurachterstand oppakt; ontruiming dreigt opnieuw.",
                         by: R.sanne, to: "manager wijkteam (doorzettingsmacht)", raisedDaysAgo: 30, deadlineDaysAgo: 9)
            for org in [R.wijkteam, R.gemeente] { b.consent(&ids, organisation: org, purpose: "voorkomen ontruiming", givenDaysAgo: 50) }
            b.contact(&ids, daysAgo: 6, by: R.sanne, with: "Willem", .huisbezoek)
            files.append(b.file)
        }

        return Content(organisations: DemoRoster.organisations, professionals: DemoRoster.professionals, households: files)
    }
}

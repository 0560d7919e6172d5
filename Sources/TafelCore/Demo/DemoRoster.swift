/// The demo team (PERSONAS.md): a wijkteam with a chair, two generalists and a jeugd- en
/// gezinscoach, the partners around the table, a teamleider and an ervaringsdeskundige.
public enum DemoRoster {
    // Organisations
    public static let wijkteam: Int64 = 1, schuldhulp: Int64 = 2, gemeente: Int64 = 3, ggz: Int64 = 4, wijkverpleging: Int64 = 5
    public static let woningcorporatie: Int64 = 6, leerplicht: Int64 = 7, dementie: Int64 = 8, politie: Int64 = 9
    public static let jeugdhulp: Int64 = 10, ervaring: Int64 = 11, uwv: Int64 = 12

    // Professionals
    public static let fatima: Int64 = 1, sanne: Int64 = 2, joost: Int64 = 3, eline: Int64 = 4, ahmed: Int64 = 5
    public static let marieke: Int64 = 6, ruben: Int64 = 7, anouk: Int64 = 8, kees: Int64 = 9, lotte: Int64 = 10
    public static let hanneke: Int64 = 11, dennis: Int64 = 12, petra: Int64 = 13, mo: Int64 = 14, beheer: Int64 = 15

    /// The login `tafel demo` signs in as: the chair.
    public static let chairLogin = "fatima"

    /// The demo's sociale kaart. Most services belong to an organisation on the roster (so the
    /// meeting's owner picker can offer them); one is known only from the kaart.
    public static let services: [Service] = [
        Service(name: "Schuldhulp Zuid", organisation: "Schuldhulpverlening Stad", contact: "Loket Schuldhulp", phone: "14 010",
                email: "schuldhulp@stad.example", domains: ["financien"], laws: ["wgs"], waitingWeeks: 3),
        Service(name: "Budgetcoaching Bloemhof", organisation: "Stichting Ervaringskracht", contact: "Mo Haddou", phone: "06 1234 5678",
                domains: ["financien", "sociaal-netwerk"], wijk: "Bloemhof", waitingWeeks: 1),
        Service(name: "Wijkverpleging Zuid", organisation: "Thuiszorg De Linde", contact: "Anouk Visser", phone: "010 555 44 00",
                domains: ["basale-adl", "lichamelijke-gezondheid"], laws: ["zvw"]),
        Service(name: "Woonconsulent", organisation: "Woonstad Zuid", contact: "Balie Woonstad", phone: "010 555 77 00",
                domains: ["huisvesting"]),
        Service(name: "Casemanagement dementie", organisation: "Casemanagement Dementie Regio", contact: "Hanneke Bos", phone: "010 555 88 10",
                domains: ["geestelijke-gezondheid", "lichamelijke-gezondheid"], laws: ["zvw"], waitingWeeks: 6),
        Service(name: "Voedselbank Zuid", organisation: "Voedselbank Rotterdam", contact: "Intake", phone: "010 555 99 00",
                domains: ["financien"]),
    ]

    public static let organisations: [Organisation] = [
        Organisation(id: wijkteam, name: "Wijkteam Zuid", kind: "wijkteam"),
        Organisation(id: schuldhulp, name: "Schuldhulpverlening Stad", kind: "schuldhulpverlening"),
        Organisation(id: gemeente, name: "Gemeente, Werk en Inkomen", kind: "gemeente"),
        Organisation(id: ggz, name: "GGZ Maasoever", kind: "ggz"),
        Organisation(id: wijkverpleging, name: "Thuiszorg De Linde", kind: "wijkverpleging"),
        Organisation(id: woningcorporatie, name: "Woonstad Zuid", kind: "woningcorporatie"),
        Organisation(id: leerplicht, name: "Leerplicht Stad", kind: "leerplicht"),
        Organisation(id: dementie, name: "Casemanagement Dementie Regio", kind: "casemanagement-dementie"),
        Organisation(id: politie, name: "Politie Basisteam Zuid", kind: "politie"),
        Organisation(id: jeugdhulp, name: "Jeugdhulp Samen", kind: "jeugdhulp"),
        Organisation(id: ervaring, name: "Stichting Ervaringskracht", kind: "welzijn"),
        Organisation(id: uwv, name: "UWV", kind: "uwv"),
    ]

    public static let professionals: [Professional] = [
        Professional(id: fatima, name: "Fatima el Amrani", organisationId: wijkteam, discipline: "voorzitter casusoverleg", role: .voorzitter,
                     login: "fatima", team: "Team Zuid", phone: "010 555 01 01", email: "f.elamrani@wijkteamzuid.example"),
        Professional(id: sanne, name: "Sanne de Boer", organisationId: wijkteam, discipline: "generalist", role: .medewerker,
                     login: "sanne", team: "Team Zuid", phone: "06 1234 5601", email: "s.deboer@wijkteamzuid.example"),
        Professional(id: joost, name: "Joost Verhoeven", organisationId: wijkteam, discipline: "generalist", role: .medewerker,
                     login: "joost", team: "Team Noord", phone: "06 1234 5602", email: "j.verhoeven@wijkteamzuid.example"),
        Professional(id: eline, name: "Eline Bakker", organisationId: wijkteam, discipline: "jeugd- en gezinscoach", role: .medewerker,
                     login: "eline", team: "Team Zuid", phone: "06 1234 5603", email: "e.bakker@wijkteamzuid.example"),
        Professional(id: ahmed, name: "Ahmed Yilmaz", organisationId: schuldhulp, discipline: "schuldhulpverlener", role: .medewerker,
                     login: "ahmed", team: "Team Zuid", phone: "010 555 02 02"),
        Professional(id: marieke, name: "Marieke Jansen", organisationId: gemeente, discipline: "klantmanager inkomen", role: .medewerker,
                     login: "marieke", team: "Team Zuid", phone: "14 010"),
        Professional(id: ruben, name: "Ruben de Wit", organisationId: ggz, discipline: "GGZ-behandelaar", role: .medewerker,
                     login: "ruben", team: "Team Zuid"),
        Professional(id: anouk, name: "Anouk Visser", organisationId: wijkverpleging, discipline: "wijkverpleegkundige", role: .medewerker,
                     login: "anouk", team: "Team Zuid", phone: "06 1234 5604"),
        Professional(id: kees, name: "Kees Mulder", organisationId: woningcorporatie, discipline: "consulent wonen", role: .medewerker,
                     login: "kees", team: "Team Zuid"),
        Professional(id: lotte, name: "Lotte Smit", organisationId: leerplicht, discipline: "leerplichtambtenaar", role: .medewerker,
                     login: "lotte", team: "Team Zuid"),
        Professional(id: hanneke, name: "Hanneke Bos", organisationId: dementie, discipline: "casemanager dementie", role: .medewerker,
                     login: "hanneke", team: "Team Zuid"),
        Professional(id: dennis, name: "Dennis Kok", organisationId: politie, discipline: "wijkagent", role: .medewerker,
                     login: "dennis", team: "Team Zuid"),
        Professional(id: petra, name: "Petra van Dijk", organisationId: wijkteam, discipline: "teamleider", role: .teamleider,
                     login: "petra", team: "Team Zuid", phone: "010 555 01 00", leads: ["Team Noord"]),
        Professional(id: mo, name: "Mo Haddou", organisationId: ervaring, discipline: "ervaringsdeskundige", role: .medewerker,
                     login: "mo", team: "Team Zuid"),
        Professional(id: beheer, name: "Functioneel beheer", organisationId: wijkteam, discipline: "beheer", role: .beheerder,
                     login: "beheer", team: ""),
    ]

    public static var roster: Roster { Roster(organisations: organisations, professionals: professionals) }
}

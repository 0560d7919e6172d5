import Foundation
import TafelCore
import TafelStore

// Test helper for the crash-safety test: writes actions in a loop to the database given as
// the first argument and prints each action's id after its transaction committed.
// The test kills this process with SIGKILL at random moments.
let args = CommandLine.arguments
guard args.count >= 3, let householdId = Int64(args[2]) else {
    FileHandle.standardError.write(Data("usage: tafel-crashwriter DB HOUSEHOLD_ID [LOGIN]\n".utf8))
    exit(2)
}
do {
    let store = try SQLiteCaseStore(path: args[1], create: false)
    let login = args.count > 3 ? args[3] : "sanne"
    guard let user = try store.professional(login: login) else { exit(3) }
    let today = SystemClock().today
    var n = 0
    while true {
        n += 1
        let action = Action(id: 0, householdId: householdId, domain: "financien", description: "crash test \(n)",
                            owner: .professional(user.id), due: today.adding(days: 7), createdOn: today)
        let saved = try store.apply([.action(base: nil, new: action)], householdId: householdId, by: user, note: nil)
        // Written unbuffered, so a printed id always means a committed transaction.
        if case .action(_, let a) = saved[0] { FileHandle.standardOutput.write(Data("\(a.id)\n".utf8)) }
    }
} catch {
    FileHandle.standardError.write(Data("tafel-crashwriter: \(error)\n".utf8))
    exit(1)
}

import AppTesting
import Core
import Cryptography
import Foundation

/// A migrated database, a settable clock, and the account services wired to them.
struct AccountsFixture {
    let temporary: TemporaryDatabase
    let time = TestClock()
    let signUp: SignUp
    let signIn: SignIn
    let sessions: SessionStore
    let invitations: Invitations

    init(policy: AccountPolicy = AccountPolicy()) throws {
        temporary = try TemporaryDatabase()
        let db = temporary.database
        signUp = SignUp(database: db, hasher: .fastForTests, clock: time.clock, policy: policy)
        signIn = try SignIn(database: db, hasher: .fastForTests, clock: time.clock, policy: policy)
        sessions = SessionStore(database: db, clock: time.clock, policy: policy)
        invitations = Invitations(database: db, hasher: .fastForTests, clock: time.clock)
    }

    func members(_ company: Company) -> MemberDirectory {
        MemberDirectory(database: temporary.database, companyID: company.id, clock: time.clock)
    }

    /// A company with its owner, signed up through the form.
    func company(_ name: String, owner email: String) throws -> (user: User, company: Company) {
        try signUp.signUp(SignUp.Form(companyName: name, name: "Owner of \(name)", email: email, password: "correct horse battery"))
    }

    /// Invites `email` into `company` with `role` and accepts as a new account.
    func join(_ company: Company, owner: User, email: String, role: Role) throws -> User {
        let token = try members(company).invite(email: email, role: role, by: .user(owner.id))
        return try invitations.accept(token: token, as: .newAccount(name: email, password: "another long password")).user
    }
}

@testable import OpenAPI
import Testing

/// Names equal but for case are found, and after renaming only the groups renamed names join.
@Suite struct NameCollisionsTests {
    @Test func groupsNamesEqualButForCase() {
        var collisions = NameCollisions(["Get User", "List Users", "get user", "GET USER", "List Users"])
        let groups = collisions.groups().sorted { $0[0] < $1[0] }
        #expect(groups == [[0, 2, 3], [1, 4]])
    }

    @Test func asksOnlyAboutRenamedNamesAfterTheFirstRound() {
        var names = ["Get User", "get user", "List Users", "List Orders"]
        var collisions = NameCollisions(names)
        #expect(collisions.groups() == [[0, 1]])
        // The group is renamed: one member now collides with an untouched name.
        for (index, name) in [(0, "Get Account User"), (1, "List Orders")] {
            collisions.rename(index, from: names[index], to: name)
            names[index] = name
        }
        #expect(collisions.groups() == [[1, 3]])
        #expect(collisions.groups().isEmpty)
    }

    @Test func findsNoGroupsAmongDistinctNames() {
        var collisions = NameCollisions(["Get User", "List Users", "Create User"])
        #expect(collisions.groups().isEmpty)
    }
}

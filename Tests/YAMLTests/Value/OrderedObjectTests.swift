import Testing
import YAML

/// Ordered objects: order, lookup on small and large objects, updates.
@Suite struct OrderedObjectTests {
    @Test(arguments: [3, 12, 13, 200])
    func findsEveryKeyWhateverTheSize(_ count: Int) {
        var object = OrderedObject()
        for index in 0..<count { object["key\(index)"] = .int(index) }
        #expect(object.count == count)
        #expect(object.keys.first == "key0" && object.keys.last == "key\(count - 1)")
        for index in 0..<count { #expect(object["key\(index)"] == .int(index)) }
        #expect(object["missing"] == nil)
    }

    @Test func replacesInPlaceAndRemoves() {
        var object = OrderedObject()
        for index in 0..<20 { object["k\(index)"] = .int(index) }
        object["k5"] = .string("five")
        #expect(object.keys[5] == "k5" && object["k5"] == .string("five"))
        object["k5"] = nil
        #expect(object.count == 19 && object["k5"] == nil && object["k6"] == .int(6) && object["k19"] == .int(19))
    }

    @Test func equalityDependsOnOrder() {
        #expect(OrderedObject(["a": .int(1), "b": .int(2)]) != OrderedObject(["b": .int(2), "a": .int(1)]))
        #expect(OrderedObject(["a": .int(1)]) == OrderedObject(["a": .int(1)]))
    }
}

import Testing
import YAML

@testable import Core

@Suite struct OrderedValueJSONTextTests {
    @Test func writesCompactJSONInKeyOrder() {
        let value = OrderedValue.object([
            "z": .int(1), "a": .array([.bool(true), .null, .double(1.5), .double(2)]), "s": .string("q\"\\\n\u{1}é"),
            "e": .object(OrderedObject()), "l": .array([]),
        ])
        #expect(value.jsonText() == #"{"z":1,"a":[true,null,1.5,2],"s":"q\"\\\n\u0001é","e":{},"l":[]}"#)
    }

    @Test func writesPrettyJSONThatReadsBackTheSame() throws {
        let value = OrderedValue.object(["b": .array([.int(1), .object(["c": .string("d")])]), "a": .double(.infinity)])
        let pretty = value.jsonText(pretty: true)
        #expect(pretty == "{\n  \"b\": [\n    1,\n    {\n      \"c\": \"d\"\n    }\n  ],\n  \"a\": null\n}")
        #expect(try JSONReader().read(Array(pretty.utf8))["b"] == value["b"])
    }
}

import Foundation
import OpenAPI
import Testing
import YAML

/// `Schema` is a value: copies are independent, equality is by keywords, whatever was set and unset.
@Suite struct SchemaValueTests {
    @Test func aCopyChangesAloneAndSharesUntilThen() {
        var original = Schema()
        original.types = [.object]
        original.properties = [Schema.Property(name: "id", schema: Schema(reference: "#/components/schemas/ID"))]
        var copy = original
        #expect(copy == original)
        copy.properties[0].schema.description = "The identifier"
        copy.maximum = 10
        #expect(original.properties[0].schema.description == nil)
        #expect(original.maximum == nil)
        #expect(copy.maximum == 10)
        #expect(copy != original)
    }

    @Test func unsettingAKeywordGivesAnEqualSchemaAgain() {
        var schema = Schema()
        schema.minimum = 1
        schema.forbidsAdditionalProperties = true
        schema.minimum = nil
        schema.forbidsAdditionalProperties = false
        schema.items = nil
        #expect(schema == Schema())
        #expect(schema.hashValue == Schema().hashValue)
    }

    @Test func roundTripsThroughJSONToAnEqualSchema() throws {
        var schema = Schema()
        schema.types = [.string]
        schema.enumValues = [.string("a"), .string("b")]
        schema.pattern = "^[ab]$"
        var list = Schema()
        list.types = [.array]
        list.items = schema
        list.maxItems = 3
        let decoded = try JSONDecoder().decode(Schema.self, from: JSONEncoder().encode(list))
        #expect(decoded == list)
        #expect(decoded.items?.enumValues == [.string("a"), .string("b")])
        // Decoding an empty schema sets nothing rare: equal to a fresh one.
        #expect(try JSONDecoder().decode(Schema.self, from: Data("{}".utf8)) == Schema())
    }
}

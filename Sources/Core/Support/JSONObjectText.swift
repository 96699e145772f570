import Foundation

/// Small flat JSON objects of strings, for audit details and similar columns.
public enum JSONObjectText {
    /// `{"a":"1"}` with keys sorted, so equal details are equal text.
    public static func encode(_ fields: [String: String]) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    /// The string fields of a JSON object text; anything else is left out.
    public static func decode(_ text: String) -> [String: String] {
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else { return [:] }
        return object.compactMapValues { $0 as? String }
    }
}

extension ResultSummarizer {
    /// How a summary names what the tool works on, from its title: "List Invoices" works on
    /// invoices, "Create Invoice" created an invoice.
    struct Subject {
        var title: String
        var singular: String
        var plural: String
        var pastVerb: String?

        init(tool: ToolDescription?) {
            guard let tool else {
                self.init(title: "The action", noun: "result", pastVerb: nil)
                return
            }
            let words = IdentifierWords.split(tool.title).map { $0.lowercased() }
            let verb = words.first ?? ""
            let noun = words.count > 1 ? words.dropFirst().joined(separator: " ") : "result"
            let pastVerb: String? =
                switch verb {
                case "create", "add", "new": "Created"
                case "update", "edit", "change", "replace", "patch": "Updated"
                case "delete", "remove": "Deleted"
                default: nil
                }
            self.init(title: tool.title, noun: noun, pastVerb: tool.access == .write ? pastVerb : nil)
        }

        private init(title: String, noun: String, pastVerb: String?) {
            self.title = title
            var words = noun.split(separator: " ").map(String.init)
            let last = words.popLast() ?? noun
            singular = (words + [WordForms.singular(last)]).joined(separator: " ")
            plural = (words + [WordForms.plural(WordForms.singular(last))]).joined(separator: " ")
            self.pastVerb = pastVerb
        }
    }
}

import Synchronization
import Templates

/// Swift lambdas for the ~lambdas.json cases, matched by test name: the spec's own carry code in
/// other languages, which each runner replaces with its own.
enum SpecLambdas {
    /// A fresh lambda for the named case (fresh so "Multiple Calls" counts from zero), or `nil`.
    static func lambda(for testName: String) -> TemplateLambda? {
        switch testName {
        case "Interpolation":
            return TemplateLambda { _ in "world" }
        case "Interpolation - Expansion":
            return TemplateLambda { _ in "{{planet}}" }
        case "Interpolation - Alternate Delimiters":
            return TemplateLambda { _ in "|planet| => {{planet}}" }
        case "Interpolation - Multiple Calls":
            let calls = Mutex(0)
            return TemplateLambda { _ in
                .string(
                    String(
                        calls.withLock { count in
                            count += 1
                            return count
                        }))
            }
        case "Escaping":
            return TemplateLambda { _ in ">" }
        case "Section":
            return TemplateLambda { invocation in invocation.text == "{{x}}" ? "yes" : "no" }
        case "Section - Expansion":
            return TemplateLambda { invocation in .string(invocation.text + "{{planet}}" + invocation.text) }
        case "Section - Alternate Delimiters":
            return TemplateLambda { invocation in
                .string(invocation.text + "{{planet}} => |planet|" + invocation.text)
            }
        case "Section - Multiple Calls":
            return TemplateLambda { invocation in .string("__" + invocation.text + "__") }
        case "Inverted Section":
            return TemplateLambda { _ in false }
        default:
            return nil
        }
    }
}

import YAML

/// Compares values treating `1` and `1.0` as equal, as JSON text does not distinguish them.
enum NumericEquality {
    static func equal(_ left: OrderedValue, _ right: OrderedValue) -> Bool {
        switch (left, right) {
        case (.int, .double), (.double, .int), (.double, .double):
            return left.doubleValue == right.doubleValue
        case (.array(let leftElements), .array(let rightElements)):
            return leftElements.count == rightElements.count && !zip(leftElements, rightElements).contains { !equal($0, $1) }
        case (.object(let leftObject), .object(let rightObject)):
            return leftObject.keys == rightObject.keys
                && !zip(leftObject.entries, rightObject.entries).contains { !equal($0.value, $1.value) }
        default:
            return left == right
        }
    }
}

import Foundation
let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.count >= 2, arguments[0] == "openapi", arguments[1] == "inspect" {
    exit(runOpenAPIInspect(Array(arguments.dropFirst(2))))
}
print("switchboard")

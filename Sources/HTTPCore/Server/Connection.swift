/// One accepted connection: its parser, state machine, unparsed input and unsent output.
///
/// Owned by one ``EventLoop`` and touched only on its thread; while a request is out on the
/// worker pool (`jobOutstanding`) the loop neither writes to nor closes the descriptor.
final class Connection {
    let descriptor: Int32
    /// Tells completions for an earlier connection on a reused descriptor apart.
    let id: UInt64
    let remoteAddress: String
    var parser: HTTPParser
    var state: ConnectionStateMachine
    /// Bytes received and not yet consumed by the parser; empty (no allocation) when idle.
    var pending: [UInt8] = []
    /// The parser needs more bytes than `pending` holds before it can progress.
    var needsMoreInput = false
    /// Edge-triggered epoll: the socket may hold unread input.
    var readable = true
    var head: HTTPRequestHead?
    var runsInline = false
    var body: [UInt8] = []
    var output = OutputQueue()
    var isOpen = true
    var jobOutstanding = false

    init(descriptor: Int32, id: UInt64, remoteAddress: String, limits: HTTPParserLimits, state: ConnectionStateMachine) {
        self.descriptor = descriptor
        self.id = id
        self.remoteAddress = remoteAddress
        parser = HTTPParser(limits: limits)
        self.state = state
    }
}

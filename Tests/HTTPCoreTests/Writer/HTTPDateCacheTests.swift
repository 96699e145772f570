import Testing

@testable import HTTPCore

@Suite struct HTTPDateCacheTests {
    @Test func formatsTheDateAsIMFFixdate() {
        #expect(HTTPDateCache.format(784_111_777) == HTTPResponseWriterTests.date)
        #expect(String(decoding: HTTPDateCache.format(1_798_761_600), as: UTF8.self) == "Fri, 01 Jan 2027 00:00:00 GMT")
    }

    @Test func reformatsTheDateOnlyWhenTheSecondChanges() {
        var cache = HTTPDateCache()
        #expect(cache.value(at: 784_111_777) == HTTPResponseWriterTests.date)
        #expect(String(decoding: cache.value(at: 784_111_778), as: UTF8.self) == "Sun, 06 Nov 1994 08:49:38 GMT")
    }
}

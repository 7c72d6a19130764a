import Preview
import Testing

/// The events open pages listen to.
@Suite("Reload broadcast")
struct ReloadBroadcastTests {
    @Test("a new listener gets the current state first, then what is sent; finish ends every stream")
    func stateThenEvents() async {
        let broadcast = ReloadBroadcast()
        broadcast.send(.problems("a.md:3:1: error: broken"))
        var first = broadcast.listen().makeAsyncIterator()
        #expect(await first.next() == .problems("a.md:3:1: error: broken"))

        broadcast.send(.reload(urls: ["/how-to/a/"], milliseconds: 4.567))
        let reload = await first.next()
        #expect(reload?.name == "reload")
        #expect(reload?.data == #"{"ms":4.57,"urls":["/how-to/a/"]}"#)
        #expect(reload?.wireText == "event: reload\ndata: {\"ms\":4.57,\"urls\":[\"/how-to/a/\"]}\n\n")

        broadcast.send(.ok)
        #expect(await first.next() == .ok)
        var second = broadcast.listen().makeAsyncIterator()
        #expect(await second.next() == .ok, "a reload is not a state: the newcomer gets ok")

        broadcast.finish()
        #expect(await first.next() == nil)
        #expect(await second.next() == nil)
        var late = broadcast.listen().makeAsyncIterator()
        #expect(await late.next() == nil, "a listener after finish got events")
    }
}
